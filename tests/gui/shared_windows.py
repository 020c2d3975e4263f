"""Two windows of one shared canvas, as two people have them: the host's, sharing on this computer, and one that
joined with the link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.gui import settings
from editor.gui.main_window import MainWindow
from editor.gui.share_dialog import ShareDialog

OpenApp = Callable[..., MainWindow]


def window_opened(qtbot: QtBot, before: set[object]) -> MainWindow:
    """The main window that opens, of those not open `before`."""

    def opened() -> list[MainWindow]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]

    qtbot.waitUntil(lambda: bool(opened()), timeout=10_000)
    return opened()[0]


def share_here(qtbot: QtBot, window: MainWindow, name: str = "") -> ShareDialog:
    """Share the window's canvas on this computer, as a person does in the Share Canvas window (typing `name`),
    and wait for its link (the participants' page, which the app joins with too)."""
    dialog = window.sessions.share()
    assert isinstance(dialog, ShareDialog)
    if name:
        dialog.name.clear()
        qtbot.keyClicks(dialog.name, name)
    qtbot.mouseClick(dialog.this_computer, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.link.isVisible() and dialog.link.text().startswith("http://127.0.0.1:"), timeout=10_000
    )
    return dialog


def shared_windows(open_app: OpenApp, qtbot: QtBot, canvas_file: Path) -> tuple[MainWindow, MainWindow]:
    """A host window sharing on this computer, and a second window that joined it with the link."""
    host = open_app(canvas_file)
    dialog = share_here(qtbot, host, "Alice")
    before = set(QApplication.topLevelWidgets())
    settings.set_participant_name("Bob")  # the other person, at their own computer
    host.sessions.join(dialog.link.text())
    peer = window_opened(qtbot, before)
    dialog.hide()
    qtbot.waitExposed(peer)
    qtbot.wait(50)  # the window's first layout, at the size it was shown at
    return host, peer
