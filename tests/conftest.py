"""Shared test set-up: Qt without a display, and settings that never touch the user's own."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
