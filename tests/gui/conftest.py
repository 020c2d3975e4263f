"""GUI fixtures: a shown main window on a canvas, registered with qtbot so it is closed after the test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor.gui.app import open_window
from editor.gui.main_window import MainWindow


@pytest.fixture
def open_app(qtbot: QtBot) -> Callable[[Path | None], MainWindow]:
    def make(path: Path | None = None) -> MainWindow:
        window = open_window(path)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        qtbot.waitExposed(window)
        return window

    return make
