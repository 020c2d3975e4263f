"""Interaction: one way of answering the mouse and the keys on the board (selecting and dragging notes, a voting
round), which the board switches between. Each handler returns True when it took the event: the board then asks
no other interaction and does not handle the event itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

    from editor.board.note_item import NoteItem


class Interaction:
    """Takes no event; an interaction answers the events it is about. `item` is the shown note under the pointer."""

    def press(self, item: NoteItem | None, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def double_click(self, item: NoteItem | None, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def context_menu(self, item: NoteItem | None, event: QGraphicsSceneContextMenuEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        return False
