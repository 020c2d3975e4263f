"""MainWindow: the board in a window, with the menus that open canvases and change the view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from editor import paths
from editor.errors import CanvasFileError
from editor.fileformat import load_canvas
from editor.gui.board_scene import BoardScene
from editor.gui.board_view import ZOOM_STEP, BoardView
from editor.model import Canvas

APP_NAME = "Canvas Editor"
FILE_FILTER = "Canvas files (*.yaml *.yml);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.canvas = Canvas()
        self.scene = BoardScene(self.canvas)
        self.view = BoardView(self.scene, self)
        self.setCentralWidget(self.view)
        self.resize(1440, 900)
        self._build_menus()
        self._update_title()

    # Documents

    def open_path(self, path: Path) -> bool:
        """Show the canvas at `path`; on failure keep what is shown and say what is wrong."""
        try:
            canvas = load_canvas(path)
        except CanvasFileError as error:
            self.show_error(f"Canvas Editor could not open {path.name}.", str(error))
            return False
        self.set_canvas(canvas, path)
        return True

    def set_canvas(self, canvas: Canvas, path: Path | None) -> None:
        self.scene.detach()
        self.canvas = canvas
        self.scene = BoardScene(canvas)
        self.view.set_board(self.scene)
        self.path = path
        self._update_title()

    def show_error(self, text: str, details: str) -> QMessageBox:
        """A sentence and the located problems, in a window-modal box that does not block the event loop."""
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(details)
        box.setObjectName("errorBox")
        box.open()
        return box

    def _update_title(self) -> None:
        name = self.path.name if self.path else (self.canvas.title or "Untitled")
        self.setWindowTitle(f"{name} — {APP_NAME}")

    # Menus

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open…", QKeySequence.StandardKey.Open, self._ask_open)
        examples = file_menu.addMenu("Open &Example")
        for example in paths.example_files():
            action = examples.addAction(example.stem.replace("-", " ").title())
            action.triggered.connect(lambda _=False, path=example: self.open_path(path))
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        view_menu = self.menuBar().addMenu("&View")
        self._action(view_menu, "Zoom &In", QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom_by(ZOOM_STEP))
        self._action(view_menu, "Zoom &Out", QKeySequence.StandardKey.ZoomOut, lambda: self.view.zoom_by(1 / ZOOM_STEP))
        self._action(view_menu, "&Fit Canvas", QKeySequence("Ctrl+0"), self.view.fit)

    def _action(
        self,
        menu: QMenu,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _ask_open(self) -> None:
        folder = str(self.path.parent) if self.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Open Canvas", folder, FILE_FILTER)
        if name:
            self.open_path(Path(name))
