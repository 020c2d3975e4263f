"""Real browsers for the participants' page: Debian's Chromium, headless, driven by Selenium through Debian's
chromedriver, as a phone (390x844, touch) or a laptop (1366x768), with everything it receives on its WebSockets
readable (Chrome's performance log); Debian's Firefox ESR, headless, driven through its own Marionette protocol
(Mozilla's marionette-driver: Debian has no geckodriver), behind the few calls of Selenium's that the tests use; and
WebKit, Safari's engine, as Debian's WebKitGTK has it (its MiniBrowser, through WebKitWebDriver and Selenium), on a
virtual screen of its own (Xvfb), as WebKitGTK has no headless mode."""

from __future__ import annotations

import base64
import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FIREFOX = "/usr/bin/firefox-esr"
WEBKIT_DRIVER, XVFB = "/usr/bin/WebKitWebDriver", "/usr/bin/Xvfb"
PHONE, LAPTOP = (390, 844), (1366, 768)


def need_browser(*paths: str, package: str = "chromium and chromium-driver", variable: str = "BROWSER") -> None:
    """Skip without the browser here; CI installs it and sets CANVAS_EDITOR_<variable>=required, which fails
    instead."""
    if all(os.path.exists(path) for path in paths or (CHROMIUM, CHROMEDRIVER)):
        return
    message = f"Debian's {package} is not installed (.ci/run installs it)"
    if os.environ.get(f"CANVAS_EDITOR_{variable}") == "required":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def chromium(size: tuple[int, int] = LAPTOP) -> Iterator[Any]:
    """A headless Chromium of this screen size (a phone's, with touch and its pixel ratio, at PHONE)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    need_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="canvas-editor-chromium-")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--window-size={size[0]},{size[1]}",
    ):
        options.add_argument(argument)
    if size == PHONE:
        metrics = {"width": size[0], "height": size[1], "pixelRatio": 3.0, "touch": True}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def received_frames(driver: Any) -> list[bytes]:
    """Every WebSocket message the page received since this was last asked (binary frames, as bytes)."""
    frames = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.webSocketFrameReceived":
            response = message["params"]["response"]
            payload = response["payloadData"]
            frames.append(base64.b64decode(payload) if response.get("opcode") == 2 else payload.encode())
    return frames


def page_errors(driver: Any) -> list[str]:
    """What the page's console said at the level of an error (a script that failed)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


class FirefoxPage:
    """A headless Firefox's tab, with the calls of Selenium's WebDriver that the tests use."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def get(self, url: str) -> None:
        self.client.navigate(url)

    def find_element(self, by: str, value: str) -> Any:
        return self.client.find_element(by, value)  # (Marionette's "id", "css selector" are WebDriver's)

    def find_elements(self, by: str, value: str) -> list[Any]:
        return list(self.client.find_elements(by, value))

    def execute_script(self, script: str, *arguments: Any) -> Any:
        return self.client.execute_script(script, script_args=arguments)


@contextmanager
def firefox(size: tuple[int, int] = LAPTOP) -> Iterator[FirefoxPage]:
    """A headless Firefox ESR of this screen size, in a fresh profile."""
    from marionette_driver.marionette import Marionette

    need_browser(FIREFOX, package="firefox-esr", variable="FIREFOX")
    profile = tempfile.mkdtemp(prefix="canvas-editor-firefox-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with open(os.path.join(profile, "user.js"), "w", encoding="utf-8") as prefs:
        prefs.write(f'user_pref("marionette.port", {port});\nuser_pref("browser.shell.checkDefaultBrowser", false);\n')
    command = [FIREFOX, "--headless", "--marionette", "--no-remote", "--profile", profile]
    browser = subprocess.Popen(
        [*command, f"--width={size[0]}", f"--height={size[1]}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    client = Marionette(host="127.0.0.1", port=port, startup_timeout=60)
    try:
        client.start_session()
        yield FirefoxPage(client)
    finally:
        try:
            client.delete_session()
        finally:
            browser.kill()
            browser.wait()
            shutil.rmtree(profile, ignore_errors=True)


@contextmanager
def webkit(size: tuple[int, int] = LAPTOP) -> Iterator[Any]:
    """WebKitGTK's MiniBrowser of this size, on an X screen of its own."""
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    browser = next(iter(glob.glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser")), "MiniBrowser (not found)")
    need_browser(WEBKIT_DRIVER, XVFB, browser, package="webkit2gtk-driver", variable="WEBKIT")
    read, write = os.pipe()
    screen = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", "1920x1080x24"], pass_fds=[write])
    os.close(write)
    with os.fdopen(read) as said:
        display = said.readline().strip()  # the first free display, which Xvfb took
    options = Options()
    options.binary_location = browser
    options.add_argument("--automation")
    service = Service(WEBKIT_DRIVER, env={**os.environ, "DISPLAY": f":{display}"})
    try:
        driver = webdriver.WebKitGTK(options=options, service=service)
        try:
            driver.set_window_size(*size)
            yield driver
        finally:
            driver.quit()
    finally:
        screen.kill()
        screen.wait()
