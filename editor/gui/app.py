"""Starting the window: the QApplication, its identity, and the canvas to open first."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from editor import __version__, paths
from editor.gui import settings
from editor.gui.main_window import APP_NAME, MainWindow
from editor.gui.recovery import Session

if TYPE_CHECKING:
    from editor.gui.recovery_dialog import RecoveryDialog


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Qt's raster engine hands every fill of 96 or more lines (a note's picture, a block) to a pool of threads and
    # waits for them; on the 2-core machine measured, the hand-off costs more than the fill. Without the pool, a
    # drag among 5,000 notes at 100% takes ~2 ms a frame instead of ~5.5, and a full repaint of the TikTok board at
    # 1920x1080 ~6 ms instead of ~16 (benchmarks/README.md). Qt reads it (set to anything) once, when the pool is
    # first wanted.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("Canvas Editor")
    app.setApplicationVersion(__version__)
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(paths.icon_path())))  # every window's, and the task bar's
    return app


def open_window(path: Path | None, session: Session | None = None) -> MainWindow:
    """A shown window with `path` open, or the TikTok example when no path is given."""
    window = MainWindow.on_file(path if path is not None else paths.tiktok_example(), session)
    window.show()
    return window


def offer_recovery(window: MainWindow) -> RecoveryDialog | None:
    """After a crash: say which recovery copies could not be read, and offer the others (window-modal, open)."""
    from editor.gui.recovery_dialog import RecoveryDialog

    copies, problems = window.session.find_orphans()
    if problems:
        window.show_error("Some recovery copies cannot be read.", "\n".join(problems))
    if not copies:
        return None
    dialog = RecoveryDialog(copies, window.restore, window.session.discard, window)
    dialog.open()
    return dialog


def first_canvas(path: Path | None) -> Path | None:
    """What a start opens: the file named, else the canvas the person last had open, else (None) the example."""
    if path is not None:
        return path
    last = settings.last_canvas()
    return last if last is not None and last.is_file() else None


def run_joined(link: str) -> int:
    """`canvas-editor join LINK`: a window that joins the session, and shows its canvas once it has come."""
    app = make_application()
    window = MainWindow(session=None)
    window.show()
    window.sessions.join(link)
    return app.exec()


def run(path: Path | None) -> int:
    app = make_application()
    window = open_window(first_canvas(path))
    window.raise_()
    offer_recovery(window)
    return app.exec()
