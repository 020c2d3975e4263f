"""Shared test set-up: Qt without a display, and settings that never touch the user's own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def tiktok_path() -> Path:
    from editor import paths

    return paths.tiktok_example()
