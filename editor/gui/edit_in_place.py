"""EditInPlace: the board's in-place editing session, from the editor opening on a note (or a new one) to the one
undo step it ends in."""

from __future__ import annotations

import weakref
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication

from editor.board.note_item import EDITED, note_font, note_height
from editor.gui.commands import AddNotes, RemoveNotes, UpdateNotes
from editor.model import DEFAULT_COLOR, Note, NoteId, Position

if TYPE_CHECKING:
    from editor.gui.command_board import CommandBoard
    from editor.gui.note_editor import NoteEditor


class EditInPlace:
    """One session at a time: opening another, or a click elsewhere, commits the one open. Enter commits, Escape
    drops the edit; an edit becomes one undo step, a new note joins the document only with some text."""

    def __init__(self, board: CommandBoard) -> None:
        # Weakly: the board holds this, and a cycle through a scene would leave the scene to the garbage
        # collector, which may then delete it (and its items) in the middle of drawing another one.
        self._board = weakref.ref(board)
        self.editor: NoteEditor | None = None
        self._editing: NoteId | None = None  # the note being edited; None while a new note is typed
        self._new_note: tuple[str, Position | None] | None = None

    @property
    def board(self) -> CommandBoard:
        board = self._board()
        assert board is not None, "the board is gone"
        return board

    def edit_note(self, note_id: NoteId) -> None:
        self.finish()
        board = self.board
        if not board.document.may_change():  # no editor for a text that could not be kept
            return
        item = board.notes[note_id]
        note = board.canvas.note(note_id)
        width, height = item.size
        self._open(note.text, note.color, item.font, item.pos(), item.scale(), width, height)
        self._editing = note_id
        item.hide_for(EDITED, True)
        board.busy_changed.emit()

    def add_note(self, block_id: str, scene_point: QPointF | None = None) -> None:
        """The editor for a new note: at the point (pinned there), or at the end of the block's flow."""
        self.finish()
        board = self.board
        if not board.document.may_change(adding=True) or not board.room_for(1):
            return
        scale = board.scale_of(block_id)
        if scene_point is not None:
            # The new note is centred where the person clicked, and whole inside the block.
            width = board.note_width(block_id)
            point, position = board.centred_at(block_id, scene_point, width * scale, note_height("", width) * scale)
        else:
            place = board.end_of_flow(block_id)
            point, width, position = QPointF(place.x, place.y), place.width, None
        self._open("", DEFAULT_COLOR, note_font("", width), point, scale, width, note_height("", width))
        self._new_note = (block_id, position)
        board.clearSelection()

    @property
    def editing(self) -> NoteId | None:
        """The note being edited in place (None: none, or a new note is being typed)."""
        return self._editing

    def finish(self, commit: bool = True) -> None:
        if self.editor is not None:
            self.editor.finish(commit)

    def _open(
        self, text: str, color: str, font: QFont, point: QPointF, scale: float, width: float, height: float
    ) -> None:
        from editor.gui.note_editor import NoteEditor  # at the first edit: its Qt text classes take ~3 ms to load

        editor = NoteEditor(text, color, font, width, height, self._end, self.board.said.emit)
        editor.setScale(scale)
        editor.setPos(point)
        self.board.addItem(editor)
        self.editor = editor
        editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _end(self, commit: bool) -> None:
        board = self.board
        editor, note_id, new_note = self.editor, self._editing, self._new_note
        self.editor, self._editing, self._new_note = None, None, None
        if note_id is not None:
            board.busy_changed.emit()
        if editor is None:
            return
        text = editor.text.strip()
        editor.hide()
        # The editor may be inside its own key or focus handler: remove it once that has returned (unless the board
        # has gone first: it is the timer's context, so the timer goes with it).
        QTimer.singleShot(0, board, partial(self._remove, editor))
        if note_id is not None:
            board.notes[note_id].hide_for(EDITED, False)
            if commit and text != board.canvas.note(note_id).text:
                if text:
                    board.document.push(UpdateNotes(board.canvas, {note_id: {"text": text}}, "Edit Note"))
                else:
                    board.document.push(RemoveNotes(board.canvas, [note_id]))
        elif new_note is not None and commit and text and self._room_for_typed(text):
            block_id, position = new_note
            note = Note(text, position=position)
            board.document.push(AddNotes(board.canvas, [(block_id, None, note)]))
            board.select_ids([note.id])

    def _room_for_typed(self, text: str) -> bool:
        """Whether a note just typed fits (the canvas may have filled up while it was typed); when not, its text is
        put on the clipboard, so that nothing typed is lost."""
        if self.board.room_for(1):
            return True
        QGuiApplication.clipboard().setText(text)
        self.board.said.emit(f"{self.board.full_message(1)} Its text is on the clipboard.")
        return False

    def _remove(self, editor: NoteEditor) -> None:
        if editor.scene() is self.board:
            self.board.removeItem(editor)
