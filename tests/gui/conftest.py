"""GUI fixtures: a shown main window on a canvas, closed after the test without asking to save."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from canvases import BMC
from driving import FileDialogs, activate
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.fileformat import save_canvas
from editor.gui.app import open_window
from editor.gui.main_window import MainWindow
from editor.gui.recovery import Session
from editor.model import Canvas, Note


@pytest.fixture
def open_app(qtbot: QtBot) -> Iterator[Callable[[Path | None], MainWindow]]:
    windows: list[MainWindow] = []

    def make(path: Path | None = None, session: Session | None = None) -> MainWindow:
        window = open_window(path, session)
        window.resize(1400, 900)
        qtbot.waitExposed(window)
        activate(window)
        windows.append(window)
        return window

    yield make
    # Closing a modified window asks whether to save, in a modal box no one would answer: discard instead.
    # (qtbot.addWidget would close the windows before this runs, so the fixture closes them itself.)
    # Windows the test opened from the app (File > New Window) are closed the same way.
    for window in windows + [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]:
        if shiboken6.isValid(window) and window.isVisible():
            window.maybe_save = lambda: True  # type: ignore[method-assign]
            window.close()
            window.deleteLater()
    # Offscreen Qt keeps the clipboard in a C++ static that is freed after Python has exited; notes copied
    # from Python would crash the test run there (the desktop platforms hand the clipboard over instead).
    QApplication.clipboard().clear()


@pytest.fixture
def canvas_file(tmp_path: Path) -> Path:
    """A small canvas saved in a file of its own."""
    canvas = Canvas(BMC, title="Lemonade stand")
    canvas.add_note("value_propositions", Note("Cold lemonade on hot days"))
    canvas.add_note("customer_segments", Note("Thirsty walkers", color="blue"))
    path = tmp_path / "lemonade.yaml"
    save_canvas(canvas, path)
    return path


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    """The file dialogs, answered from a list the test prepares."""
    return FileDialogs(monkeypatch)
