"""DragNotes: a drag of the selected notes on the board, from the press to the one undo step of the drop."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from editor.gui.commands import MoveNotes, counted
from editor.gui.drag_pictures import DragPictures
from editor.model import Move, NoteId

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF

    from editor.gui.command_board import CommandBoard

DRAG_Z = 500.0  # above every note, below the editor


class DragNotes:
    """Qt's scene moves the selected notes with the mouse; this lifts them above the others at the press, pictures
    the board while the drag lasts, lights the block under the pointer, and at the release makes the drop one
    MoveNotes (into the block under the pointer) or puts the notes back (outside every block, or nothing changed)."""

    def __init__(self, board: CommandBoard, picture_notes_from: int) -> None:
        # Weakly: the board holds this, and a cycle through a scene would leave the scene to the garbage
        # collector, which may then delete it (and its items) in the middle of drawing another one.
        self._board = weakref.ref(board)
        self._start: dict[NoteId, QPointF] = {}  # where each dragged note was at the press
        self._target: str | None = None  # the block lit as the drop's target
        self._pictures = DragPictures(picture_notes_from)
        self._moving = False  # the pressed notes have moved with the mouse
        self._top_z = 1.0  # notes that were dragged last lie on top of the others, as paper on a wall does

    @property
    def board(self) -> CommandBoard:
        board = self._board()
        assert board is not None, "the board is gone"
        return board

    @property
    def active(self) -> bool:
        return bool(self._start)

    @property
    def dragged(self) -> list[NoteId]:
        """The notes being dragged now (none until the mouse has moved them)."""
        return list(self._start) if self._moving else []

    def press(self, note_ids: list[NoteId]) -> None:
        """A press on a note, with these notes selected (none: the press was elsewhere, no drag starts)."""
        notes = self.board.notes
        self._start = {note_id: notes[note_id].pos() for note_id in note_ids}
        for note_id in self._start:
            notes[note_id].setZValue(DRAG_Z)
        if self._start:
            # At the press, not the first move: on a big board this takes a few ms a thousand notes, which the
            # person's hand then hides, and the notes that the press repaints are pictured already.
            self._pictures.start(notes.values())

    def move(self, point: QPointF) -> None:
        if self._start:
            if not self._moving:  # the notes have left their places: a drag, not a click
                self._moving = True
                self.board.busy_changed.emit()
            self._highlight(self.board.block_id_at(point))

    def release(self, point: QPointF) -> None:
        board = self.board
        start, self._start = self._start, {}
        if self._moving:
            self._moving = False
            board.busy_changed.emit()
        self._pictures.stop()
        self._highlight(None)
        for note_id in start:
            if note_id in board.notes:
                self._top_z += 0.001
                board.notes[note_id].setZValue(self._top_z)
        if not start or all(board.notes[n].pos() == p for n, p in start.items() if n in board.notes):
            return
        self._drop([note_id for note_id in start if board.canvas.has_note(note_id)], point)

    def _drop(self, note_ids: list[NoteId], point: QPointF) -> None:
        """The block under the drop point becomes the notes' block; outside every block, they go back."""
        board, canvas = self.board, self.board.canvas
        target = board.block_id_at(point)
        sources = {canvas.block_of(note_id) for note_id in note_ids}
        if target is None:
            for block_id in sources:
                board.place_notes(block_id)
            return
        # Notes from other blocks join the target's end, in the order they were picked up; its own keep their places.
        end = len(canvas.notes(target))
        moves = []
        for place in canvas.places_of(note_ids):
            if place.block_id == target:
                index = place.index
            else:
                index, end = end, end + 1
            item = board.notes[place.note_id]
            moves.append(Move(place.note_id, target, index, board.position_for(item, target, item.pos())))
        if not canvas.moves_change(moves):  # put back where they were (kept inside their block, say)
            for block_id in sources | {target}:
                board.place_notes(block_id)
            return
        board.document.push(MoveNotes(canvas, moves, counted("Move", len(note_ids))))
        if note_ids and note_ids[0] in board.notes:
            board.show_note(note_ids[0])  # dropped into a full block: on the page where it went, not out of sight

    def _highlight(self, target: str | None) -> None:
        if target != self._target:
            self._target = target
            for block_id, block in self.board.blocks.items():
                block.set_highlighted(block_id == target)
