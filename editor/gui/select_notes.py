"""SelectNotes: the board's usual way with the mouse and the keys. Click selects (Ctrl adds), a drag on the
selection moves it (DragNotes), a drag on empty space draws a rubber band; a double-click edits a note, adds one
where it falls, or edits the header; a right-click opens the note's or block's menu; keys delete, nudge and edit
the selected notes. A click on a full block's "+12 more" turns its page, one on a legend colour filters by it."""

from __future__ import annotations

import weakref
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsScene, QMenu

from editor.board.frame_items import HeaderItem
from editor.gui.commands import counted
from editor.gui.interaction import Interaction

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

    from editor.board.note_item import NoteItem
    from editor.gui.command_board import CommandBoard
    from editor.gui.drag_notes import DragNotes
    from editor.gui.edit_in_place import EditInPlace

NUDGE_STEP = 8.0  # scene units per arrow key; Shift moves five times as far
LEFT = Qt.MouseButton.LeftButton


class SelectNotes(Interaction):
    def __init__(self, board: CommandBoard, editing: EditInPlace, dragging: DragNotes) -> None:
        # Weakly: the board holds this, and a cycle through a scene would leave the scene to the garbage
        # collector, which may then delete it (and its items) in the middle of drawing another one.
        self._board = weakref.ref(board)
        self.editing = editing
        self.dragging = dragging

    @property
    def board(self) -> CommandBoard:
        board = self._board()
        assert board is not None, "the board is gone"
        return board

    # Qt's own handling (selecting, the rubber band, moving the selected items with the mouse) runs inside these,
    # so that a drag starts from the selection that the press made.

    def press(self, item: NoteItem | None, event: QGraphicsSceneMouseEvent) -> bool:
        board, point = self.board, event.scenePos()
        full = board.more_at(point) if event.button() == LEFT else None
        color = board.footer.color_at(point) if event.button() == LEFT else None
        if full is not None:
            board.turn_page(full)
        elif color is not None:
            board.filter_color(None if color == board.color_filter else color)
        else:
            QGraphicsScene.mousePressEvent(board, event)
            on_note = event.button() == LEFT and item is not None
            self.dragging.press(board.selected_ids() if on_note else [])
            return True
        event.accept()
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        QGraphicsScene.mouseMoveEvent(self.board, event)
        self.dragging.move(event.scenePos())
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        QGraphicsScene.mouseReleaseEvent(self.board, event)
        self.dragging.release(event.scenePos())
        return True

    def double_click(self, item: NoteItem | None, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != LEFT:
            return False
        board, point = self.board, event.scenePos()
        if item is not None:
            self.editing.edit_note(item.note_id)
        elif header := next((i for i in board.items(point) if isinstance(i, HeaderItem)), None):
            board.header_edit_requested.emit(header.field_at(point))
        elif (block_id := board.block_id_at(point)) is not None:
            self.editing.add_note(block_id, point)
        event.accept()
        return True

    def context_menu(self, item: NoteItem | None, event: QGraphicsSceneContextMenuEvent) -> bool:
        """On a note: edit, colour, duplicate, delete, tidy. On an empty block: add a note there, tidy."""
        board, point = self.board, event.scenePos()
        block_id = board.canvas.block_of(item.note_id) if item else board.block_id_at(point)
        if block_id is None:
            return True
        self.editing.finish()
        self._menu(item, block_id, point).exec(event.screenPos())
        event.accept()
        return True

    def _menu(self, item: NoteItem | None, block_id: str, point: QPointF) -> QMenu:
        """On a note: edit, colour, tags, duplicate, delete (the note is selected first, unless it is already). On
        empty space in a block: add a note there. Both: tidy the block."""
        from editor.gui.note_menus import fill_colour_menu  # at the first menu, not at start-up

        board, editing = self.board, self.editing
        menu = QMenu()
        if item is not None:
            if not item.isSelected():
                board.select_ids([item.note_id])
            one = len(board.selected_ids()) == 1
            menu.addAction("Edit Note", partial(editing.edit_note, item.note_id)).setEnabled(one)
            colours = menu.addMenu("Colour")
            colours.setObjectName("noteColourMenu")
            fill_colour_menu(colours, board.selected_colour(), board.canvas.legend, board.recolor_selected, menu)
            menu.addAction("Tags…", partial(board.edit_tags, item.note_id)).setEnabled(one)
            count = len(board.selected_ids())
            menu.addAction(counted("Duplicate", count), board.duplicate_selected)
            menu.addAction(counted("Delete", count), board.delete_selected)
        else:
            menu.addAction("Add Note Here", partial(editing.add_note, block_id, point))
        menu.addSeparator()
        menu.addAction(f"Tidy {board.blocks[block_id].title}", partial(board.tidy, [block_id]))
        return menu

    def key_press(self, event: QKeyEvent) -> bool:
        """While no editor is open (the editor takes its own keys)."""
        if self.editing.editor is not None:
            return False
        board = self.board
        key = event.key()  # an int: Qt passes keys that Qt.Key does not name
        step = NUDGE_STEP * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
        arrows = {
            Qt.Key.Key_Left.value: (-step, 0.0),
            Qt.Key.Key_Right.value: (step, 0.0),
            Qt.Key.Key_Up.value: (0.0, -step),
            Qt.Key.Key_Down.value: (0.0, step),
        }
        selected = board.selected_ids()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and len(selected) == 1:
            self.editing.edit_note(selected[0])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and selected:
            board.delete_selected()
        elif key in arrows and selected:
            board.nudge_selected(*arrows[key])
        elif key == Qt.Key.Key_Escape and (selected or board.color_filter is None):
            board.clearSelection()
        elif key == Qt.Key.Key_Escape:
            board.filter_color(None)
        else:
            return False
        event.accept()
        return True
