"""Shared test set-up: Qt without a display, and settings that never touch the user's own."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from disks import SmallDisk

if TYPE_CHECKING:
    from editor.gui.recovery import Session

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # paint as the app does (editor/gui/app.py)
# Tests never touch the person's own settings: QSettings and QStandardPaths look here instead.
_SANDBOX = Path(tempfile.mkdtemp(prefix="canvas-editor-tests-"))
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(_SANDBOX / _variable.lower())


@pytest.fixture(autouse=True)
def fresh_settings() -> None:
    """Each test starts with no remembered geometry, recent files or folders."""
    shutil.rmtree(_SANDBOX / "xdg_config_home", ignore_errors=True)


@pytest.fixture
def tiktok_path() -> Path:
    from editor import paths

    return paths.tiktok_example()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """Mounting needs root or a user namespace: without either, the test is skipped, and the injected ENOSPC of
    tests/fileformat/test_atomic.py covers the same failure."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k,mode=0777", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip() or mounted.returncode})")
    try:
        yield SmallDisk(folder)
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture
def session(qapp: object, tmp_path: Path) -> Iterator[Session]:
    """A recovery session of its own, in a folder of this test (QLockFile wants an application)."""
    from editor.gui.recovery import Session

    session = Session(tmp_path / "recovery")
    yield session
    session.close()


# The reference y-websocket server (npm @y/websocket-server, on Yjs 13): a process on loopback for one test.
# .ci/run installs it (npm ci in tests/reference_server) and makes its absence a failure; elsewhere the tests that
# need it are skipped without it.
REFERENCE_SERVER = (
    Path(__file__).parent / "reference_server" / "node_modules" / "@y" / "websocket-server" / "src" / "server.js"
)


@pytest.fixture
def reference_server() -> Iterator[str]:
    """The server's address, ws://127.0.0.1:PORT."""
    node = shutil.which("node")
    if node is None or not REFERENCE_SERVER.exists():
        message = "the reference server is not installed: npm ci --prefix tests/reference_server"
        if os.environ.get("CANVAS_EDITOR_REFERENCE_SERVER") == "required":
            pytest.fail(message)
        pytest.skip(message)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, HOST="127.0.0.1", PORT=str(port))
    process = subprocess.Popen(
        [node, str(REFERENCE_SERVER)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert process.stdout is not None
    assert "running at" in process.stdout.readline()
    yield f"ws://127.0.0.1:{port}"
    process.terminate()
    process.wait(5)
