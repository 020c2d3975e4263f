"""ViewOnly: the board's interaction while the canvas is read-only (the host of a shared session chose so)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from editor.gui.interaction import Interaction

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent

    from editor.board.note_item import NoteItem
    from editor.gui.command_board import CommandBoard


class ViewOnly(Interaction):
    """The board while the canvas is read-only: a click selects a note (to copy it, say), and nothing drags, types
    or deletes; what would have changed the canvas says why it did not."""

    def __init__(self, board: CommandBoard) -> None:
        self._board = weakref.ref(board)

    def press(self, item: NoteItem | None, event: QGraphicsSceneMouseEvent) -> bool:
        board = self._board()
        if board is not None and item is not None and event.button() == Qt.MouseButton.LeftButton:
            board.clearSelection()
            item.setSelected(True)
        event.accept()
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return True

    def double_click(self, item: NoteItem | None, event: QGraphicsSceneMouseEvent) -> bool:
        board = self._board()
        if board is not None:
            board.said.emit(board.document.read_only)
        event.accept()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        board = self._board()
        typed = event.text().strip() or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if board is not None and typed:
            board.said.emit(board.document.read_only)
        return True
