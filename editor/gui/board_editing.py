"""EditableBoard: the board on screen, whose gestures become undo commands. The mouse and the keys go to the
interaction of the moment (a voting round's) and then to SelectNotes, which selects, drags (DragNotes) and edits in
place (EditInPlace); each gesture ends in one command of CommandBoard's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.board.geometry import BOARD_WIDTH
from editor.gui.command_board import CommandBoard
from editor.gui.commands import AddNotes
from editor.gui.document import Document
from editor.gui.drag_notes import DragNotes
from editor.gui.edit_in_place import EditInPlace
from editor.gui.select_notes import SelectNotes
from editor.gui.view_only import ViewOnly
from editor.model import PARKING_LOT, Note, NoteId

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

    from editor.gui.interaction import Interaction
    from editor.gui.note_editor import NoteEditor


class EditableBoard(CommandBoard):
    # Notes from which a drag repaints from pictures (see DragPictures). Since full blocks show their notes at a
    # readable size, a 500-note board at 100% draws its notes with corners and shadows: 24 ms a drag frame without
    # pictures, 6 ms with them.
    picture_notes_from = 200
    hints = True

    def __init__(self, document: Document, board_width: float = BOARD_WIDTH) -> None:
        super().__init__(document, board_width)
        self.editing = EditInPlace(self)
        self.dragging = DragNotes(self, self.picture_notes_from)
        self.selecting = SelectNotes(self, self.editing, self.dragging)
        # The interaction the board is switched to (a voting round's), which hears events before selecting does.
        self.mode: Interaction | None = None
        self.viewing = ViewOnly(self)  # while the canvas is read-only (a shared session's host chose it)

    def set_mode(self, mode: Interaction | None) -> None:
        """Switch to an interaction (None: back to selecting alone); what is being typed is kept, the selection
        cleared."""
        self.finish_editing()
        self.clearSelection()
        self.mode = mode

    def _interactions(self) -> Iterator[Interaction]:
        if self.mode is not None:
            yield self.mode
        if self.document.read_only:
            yield self.viewing
        yield self.selecting

    # Editing text in place

    @property
    def editor(self) -> NoteEditor | None:
        """The in-place editor while a note is being typed or edited."""
        return self.editing.editor

    def edit_note(self, note_id: NoteId) -> None:
        """Open the in-place editor on a note; one edit session becomes one undo step."""
        self.editing.edit_note(note_id)

    def add_note(self, block_id: str, scene_point: QPointF | None = None) -> None:
        """Open the editor for a new note: at the point (pinned there), or at the end of the block's flow."""
        self.editing.add_note(block_id, scene_point)

    def finish_editing(self, commit: bool = True) -> None:
        self.editing.finish(commit)

    def paste_notes(self, notes: list[tuple[str | None, Note]], scene_point: QPointF | None = None) -> None:
        """Add notes (from the clipboard): all into the block under the point, or each into its own block. A note
        whose block this canvas has not (copied from a canvas of another kind) goes to the parking lot."""
        self.finish_editing()  # a note being typed comes first, and counts
        target = self.block_id_at(scene_point) if scene_point else None
        known = set(self.canvas.block_ids)

        def block_for(block_id: str | None) -> str:
            if target:
                return target
            if block_id is None:
                return self.target_block()
            return block_id if block_id in known else PARKING_LOT

        placed = [(block_for(block_id), None, note) for block_id, note in notes]
        if placed and self.room_for(len(placed)):
            self.document.push(AddNotes(self.canvas, placed, "Paste"))
            self.select_ids([note.id for _, _, note in placed])

    # The events, to the interactions

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.note_at(event.scenePos())
        if not any(interaction.press(item, event) for interaction in self._interactions()):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not any(interaction.move(event) for interaction in self._interactions()):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not any(interaction.release(event) for interaction in self._interactions()):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.note_at(event.scenePos())
        if not any(interaction.double_click(item, event) for interaction in self._interactions()):
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        item = self.note_at(event.scenePos())
        if not any(interaction.context_menu(item, event) for interaction in self._interactions()):
            super().contextMenuEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not any(interaction.key_press(event) for interaction in self._interactions()):
            super().keyPressEvent(event)
