"""Starting the window: the QApplication, its identity, and the canvas to open first."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from editor import __version__, paths
from editor.gui.main_window import APP_NAME, MainWindow


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Canvas Editor")
    app.setApplicationVersion(__version__)
    return app


def open_window(path: Path | None) -> MainWindow:
    """A shown window with `path` open, or the TikTok example when no path is given."""
    window = MainWindow()
    window.open_path(path if path is not None else paths.tiktok_example())
    window.show()
    return window


def run(path: Path | None) -> int:
    app = make_application()
    window = open_window(path)
    window.raise_()
    return app.exec()
