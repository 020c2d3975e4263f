"""Workspace: what a window shows now (its document, and the board that edits it), and says when that changes.

The window's helpers (voting, export, presenting) take a workspace rather than the window: they see the document
and the board, hear when another document takes their place, and reach nothing else of the window's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from editor.errors import CanvasFileError
    from editor.gui.board_editing import EditableBoard
    from editor.gui.document import Document
    from editor.model import Canvas


class Messages(Protocol):
    """How a helper tells the person something: the window's status line and its error box."""

    def say(self, message: str, ms: int = ...) -> None: ...

    def show_error(self, text: str, details: str | CanvasFileError) -> object: ...


class Workspace(QObject):
    leaving = Signal()  # the document is about to go: finish what belongs to it (still the workspace's)
    shown = Signal()  # another document, on a board of its own, is now the workspace's and on screen

    def __init__(self, document: Document, board: EditableBoard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._board = board

    @property
    def document(self) -> Document:
        return self._document

    @property
    def board(self) -> EditableBoard:
        return self._board

    @property
    def canvas(self) -> Canvas:
        return self._document.canvas

    def show(self, document: Document, board: EditableBoard) -> None:
        """Put another document and its board in place of these: `leaving` first, then `shown`."""
        self.leaving.emit()
        self._document, self._board = document, board
        self.shown.emit()
