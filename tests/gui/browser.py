"""A real browser for the participants' page: Debian's Chromium, headless, driven by Selenium through Debian's
chromedriver, as a phone (390x844, touch) or a laptop (1366x768), with everything it receives on its WebSockets
readable (Chrome's performance log)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PHONE, LAPTOP = (390, 844), (1366, 768)


def need_browser() -> None:
    """Skip without Chromium here; CI installs it and sets CANVAS_EDITOR_BROWSER=required, which fails instead."""
    if os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER):
        return
    message = "Debian's chromium and chromium-driver are not installed (.ci/run installs them)"
    if os.environ.get("CANVAS_EDITOR_BROWSER") == "required":
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
