"""The real app in processes of its own on loopback: `canvas-editor serve`, or an app window's Share Canvas, hosts a
canvas file, and participants' app windows (offscreen, driven with the mouse and keys) join it and edit at once;
they lose the headless host to a SIGKILL, go on editing, and rejoin it when it restarts; a participant is killed
and joins again. Every canvas and the saved file come out the same, with no note lost or doubled."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_serve import HAND_WRITTEN, start_serving

from editor.fileformat import load_canvas
from editor.model import Canvas

pytestmark = pytest.mark.slow
PEER = Path(__file__).with_name("app_peer.py")


class AppPeer:
    """A participant's app process, and what it says."""

    def __init__(self, link: str, name: str, home: Path, hosted: Path | None = None) -> None:
        """Join `link` as `name`, or (`hosted`) share that canvas file from the app's window."""
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[variable] = str(home / name / variable.lower())
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, str(PEER), *(["--host", str(hosted)] if hosted else [link]), name],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
        )  # fmt: skip
        self._selector = selectors.DefaultSelector()
        assert self.process.stdout is not None
        self._selector.register(self.process.stdout, selectors.EVENT_READ)
        self.heard: list[str] = []
        self._unread = b""

    def expect(self, word: str, seconds: float = 20.0) -> None:
        """Wait until the app says `word` (what it says besides stays in `heard`)."""
        self.heard.remove(self.said(lambda line: line == word, seconds, word))

    def said(self, wanted: Any, seconds: float = 20.0, what: str = "") -> str:
        """Wait until the app says a line that is `wanted` (a test of a line), and give it."""
        deadline = time.monotonic() + seconds
        assert self.process.stdout is not None
        while not any(wanted(line) for line in self.heard):
            left = deadline - time.monotonic()
            assert left > 0 and self.process.poll() is None, f"{self.name} never said {what!r}: {self.heard}"
            if self._selector.select(left):  # bytes, not buffered lines: select sees only what is unread
                self._unread += os.read(self.process.stdout.fileno(), 65536)
                *lines, self._unread = self._unread.split(b"\n")
                self.heard += [line.decode().strip() for line in lines]
        return next(line for line in self.heard if wanted(line))

    def tell(self, line: str, then: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        self.expect(then)

    def canvas(self, path: Path) -> Canvas:
        self.tell(f"save {path}", "saved")
        return load_canvas(path)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(5)


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[list[AppPeer]]:
    started: list[AppPeer] = []
    yield started
    for peer in started:
        peer.stop()


def all_edit_at_once(peers: list[AppPeer], count: int, seeds: int) -> None:
    """Every peer makes `count` random edits at the same time (each its own seed, from `seeds`)."""
    for seed, peer in enumerate(peers, seeds):
        assert peer.process.stdin is not None
        peer.process.stdin.write(f"edit {count} {seed}\n")
        peer.process.stdin.flush()
    for peer in peers:
        peer.expect("edited", 60)


def same_everywhere(peers: list[AppPeer], tmp_path: Path, seconds: float = 15.0) -> Canvas:
    """Wait until every peer's canvas is the same, and give it."""
    deadline = time.monotonic() + seconds
    while True:
        canvases = [peer.canvas(tmp_path / f"{peer.name}.yaml") for peer in peers]
        if all(canvas == canvases[0] for canvas in canvases):
            return canvases[0]
        assert time.monotonic() < deadline, "the canvases never agreed"
        time.sleep(0.2)


def texts(canvas: Canvas) -> Counter[str]:
    return Counter(note.text for _, note in canvas.all_notes())


def each_once(canvas: Canvas, peers: list[AppPeer]) -> None:
    """Every note is there once: the file's own and every one the peers added (none lost, none doubled)."""
    added = [line.removeprefix("added ") for peer in peers for line in peer.heard if line.startswith("added ")]
    assert added
    assert texts(canvas) == Counter(["Creators", "Brands", *added]), (sorted(texts(canvas)), [p.heard for p in peers])


def test_app_processes_edit_at_once_survive_a_killed_host_and_a_killed_peer(
    tmp_path: Path, apps: list[AppPeer]
) -> None:
    path = tmp_path / "workshop.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    host, _, link = start_serving(path)
    try:
        alice, bob = AppPeer(link, "Alice", tmp_path), AppPeer(link, "Bob", tmp_path)
        apps += [alice, bob]
        for peer in apps:
            peer.expect("joined")
        all_edit_at_once(apps, 12, seeds=0)
        each_once(same_everywhere(apps, tmp_path), apps)

        host.kill()  # the host's laptop dies: no save, no goodbye
        host.wait(5)
        for peer in apps:
            peer.expect("lost")
        for seed, peer in enumerate(apps):  # both go on while it is down
            peer.tell(f"edit 4 {seed + 10}", "edited")
        host, first, again = start_serving(path)
        assert first.startswith("Resumed the session") and again == link
        for peer in apps:
            peer.expect("back")
        each_once(same_everywhere(apps, tmp_path), apps)

        # Carol joins, adds notes, and her app is killed; she opens it again and joins once more.
        carol = AppPeer(link, "Carol", tmp_path)
        apps.append(carol)
        carol.expect("joined")
        carol.tell("edit 3 99", "edited")
        same_everywhere(apps, tmp_path)
        carol.stop()  # SIGKILL
        again_carol = AppPeer(link, "Carol", tmp_path)
        again_carol.expect("joined")
        agreed = same_everywhere([*apps[:2], again_carol], tmp_path)
        apps.append(again_carol)
        each_once(agreed, apps)

        host.send_signal(signal.SIGTERM)  # the host saves and ends the session
        host.wait(10)
        assert load_canvas(path) == agreed
    finally:
        if host.poll() is None:
            host.kill()
        host.wait(5)


def test_an_app_window_hosts_and_app_windows_join_and_all_edit_at_once(tmp_path: Path, apps: list[AppPeer]) -> None:
    path = tmp_path / "workshop.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    host = AppPeer("", "Hana", tmp_path, hosted=path)
    apps.append(host)
    link = host.said(lambda line: line.startswith("link "), what="link").removeprefix("link ")
    joiners = [AppPeer(link, name, tmp_path) for name in ("Ivo", "Jun")]
    apps += joiners
    for peer in joiners:
        peer.expect("joined")
    all_edit_at_once(apps, 10, seeds=20)  # the host too
    each_once(same_everywhere(apps, tmp_path), apps)
