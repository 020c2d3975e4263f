"""Undo commands: one per user change. Each checks its input when it is made (so that redo cannot fail), reads the
state it changes when it first runs, and on undo puts back only what it changed and nobody has changed since (but
ReplaceCanvas, a reload, which replaces everything and puts everything back)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from editor.model import Canvas, Move, Note, NoteId
from editor.model.colors import normalize_color
from editor.model.note import check_color, normal_value, rounded, valid_text

NUDGE_ID = 1  # consecutive nudges of the same notes merge into one undo step


def counted(verb: str, count: int) -> str:
    """'Move Note', 'Move 3 Notes': what the Edit menu says will be undone."""
    return f"{verb} Note" if count == 1 else f"{verb} {count} Notes"


class AddNotes(QUndoCommand):
    """Put notes into blocks (at an index, or at the end). Undo takes them off again, those still on the canvas.
    Blocks the canvas has not are refused when the command is made (KeyError), so that its redo cannot fail."""

    def __init__(self, canvas: Canvas, placed: Sequence[tuple[str, int | None, Note]], verb: str = "Add") -> None:
        super().__init__(counted(verb, len(placed)))
        unknown = sorted({block_id for block_id, _, _ in placed} - set(canvas.block_ids))
        if unknown:
            raise KeyError(f"the {canvas.template.name} has no block {', '.join(unknown)}")
        self.canvas = canvas
        self.placed = list(placed)

    def redo(self) -> None:
        for block_id, index, note in self.placed:
            if not self.canvas.has_note(note.id):
                self.canvas.add_note(block_id, note, index)

    def undo(self) -> None:
        for _, _, note in reversed(self.placed):
            if self.canvas.has_note(note.id):  # another origin may have deleted it meanwhile
                self.canvas.remove_note(note.id)


class RemoveNotes(QUndoCommand):
    """Take notes off the canvas. Undo puts each back in its block at its index (as near as the block now allows)."""

    def __init__(self, canvas: Canvas, note_ids: Sequence[NoteId], verb: str = "Delete") -> None:
        super().__init__(counted(verb, len(note_ids)))
        for note_id in note_ids:
            canvas.note(note_id)  # KeyError now for a note that is not there, rather than in redo
        self.canvas = canvas
        self.note_ids = list(note_ids)
        self.removed: list[tuple[str, int, Note]] = []

    def redo(self) -> None:
        present = [note_id for note_id in self.note_ids if self.canvas.has_note(note_id)]
        self.removed = [self.canvas.remove_note(note_id) for note_id in present]

    def undo(self) -> None:
        for block_id, index, note in reversed(self.removed):
            if not self.canvas.has_note(note.id):
                self.canvas.add_note(block_id, note, index)


class UpdateNotes(QUndoCommand):
    """Set fields (text, colour, position, ...) of notes. The values they had are read when the change is first
    made; undo puts back only the fields that still hold what this change set, so that a change another origin
    made since (a peer's, a reload's) survives it."""

    def __init__(self, canvas: Canvas, changes: Mapping[NoteId, Mapping[str, Any]], text: str, merge_id: int = -1):
        super().__init__(text)
        for note_id, values in changes.items():
            canvas.check_update(note_id, values)  # refused now (KeyError, ValueError, TypeError), not in redo
        self.canvas = canvas
        # As the canvas will keep them (a colour in lower case, say), so that undo knows them again.
        self.after = {
            note_id: {name: normal_value(name, value) for name, value in values.items()}
            for note_id, values in changes.items()
        }
        self.before: dict[NoteId, dict[str, Any]] | None = None  # read at the first redo
        self.merge_id = merge_id

    def redo(self) -> None:
        if self.before is None:
            self.before = {
                note_id: {name: getattr(self.canvas.note(note_id), name) for name in values}
                for note_id, values in self.after.items()
                if self.canvas.has_note(note_id)
            }
        for note_id, values in self.after.items():
            if self.canvas.has_note(note_id):
                self.canvas.update_note(note_id, **values)

    def undo(self) -> None:
        for note_id, values in (self.before or {}).items():
            if not self.canvas.has_note(note_id):
                continue
            note = self.canvas.note(note_id)
            after = self.after[note_id]
            ours = {name: value for name, value in values.items() if getattr(note, name) == after[name]}
            if ours:
                self.canvas.update_note(note_id, **ours)

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, UpdateNotes)
            or other.merge_id != self.merge_id
            or other.after.keys() != self.after.keys()
        ):
            return False
        for note_id, values in other.after.items():
            self.after[note_id].update(values)  # normalised by `other` already
        return True


class MoveNotes(QUndoCommand):
    """Notes go to blocks, at indices and positions, all at once (a drag, a tidy).

    Undo puts back the notes that are still where this change put them (their block and position), each at its old
    index as near as the blocks now allow; notes another origin moved or deleted since are left as they are."""

    def __init__(self, canvas: Canvas, moves: Sequence[Move], text: str) -> None:
        super().__init__(text)
        canvas.check_moves(moves)  # KeyError, ValueError now rather than in redo
        self.canvas = canvas
        self.moves = [Move(m.note_id, m.block_id, m.index, rounded(m.position)) for m in moves]
        self.before: list[Move] | None = None  # read at the first redo

    def redo(self) -> None:
        if self.before is None:
            self.before = self.canvas.places_of(move.note_id for move in self.moves)
        self.canvas.move_notes([move for move in self.moves if self.canvas.has_note(move.note_id)])

    def undo(self) -> None:
        assert self.before is not None
        ours = {
            move.note_id
            for move in self.moves
            if self.canvas.has_note(move.note_id)
            and self.canvas.block_of(move.note_id) == move.block_id
            and self.canvas.note(move.note_id).position == move.position
        }
        self.canvas.move_notes([place for place in self.before if place.note_id in ours])


class SetHeader(QUndoCommand):
    """Set the title or one header field; undo puts back the old text if the field still says what this set."""

    def __init__(self, canvas: Canvas, name: str, value: str, label: str) -> None:
        super().__init__(f"Edit {label}")
        canvas.header(name)  # KeyError now for a field the template has not
        self.canvas = canvas
        self.name = name
        self.after = valid_text(value)  # as the canvas will keep it, so that undo knows it again
        self.before: str | None = None  # read at the first redo

    def redo(self) -> None:
        if self.before is None:
            self.before = self.canvas.header(self.name)
        self.canvas.set_header(self.name, self.after)

    def undo(self) -> None:
        if self.before is not None and self.canvas.header(self.name) == self.after:
            self.canvas.set_header(self.name, self.before)


class SetLegend(QUndoCommand):
    """Say what note colours mean (the whole legend at once: an entry added, changed or removed). Undo puts back
    the entries this change changed that still say what it set."""

    def __init__(self, canvas: Canvas, legend: Mapping[str, str]) -> None:
        super().__init__("Edit Colour Legend")
        for color in legend:
            check_color(color)  # ValueError now, not in redo
        self.canvas = canvas
        self.after = {normalize_color(color): valid_text(meaning) for color, meaning in legend.items()}
        self.before: dict[str, str] | None = None  # read at the first redo

    def redo(self) -> None:
        if self.before is None:
            self.before = dict(self.canvas.legend)
        self.canvas.set_legend(self.after)

    def undo(self) -> None:
        assert self.before is not None
        legend = dict(self.canvas.legend)
        for color in set(self.before) | set(self.after):
            if legend.get(color) == self.after.get(color):  # still as this change left it
                if color in self.before:
                    legend[color] = self.before[color]
                else:
                    legend.pop(color, None)
        order = [*self.before, *(color for color in legend if color not in self.before)]
        self.canvas.set_legend({color: legend[color] for color in order if color in legend})


class ReplaceCanvas(QUndoCommand):
    """Put another canvas's content in place of this one's (a reload from disk). Notes keep their ids both ways,
    so the commands before this one in the history still find their notes after an undo."""

    def __init__(self, canvas: Canvas, replacement: Canvas, text: str) -> None:
        super().__init__(text)
        self.canvas = canvas
        self.before = _shallow_copy(canvas)
        self.after = replacement

    def redo(self) -> None:
        self.canvas.replace_with(self.after)

    def undo(self) -> None:
        self.canvas.replace_with(self.before)


def _shallow_copy(canvas: Canvas) -> Canvas:
    blocks = {block_id: canvas.notes(block_id) for block_id in canvas.block_ids}
    return Canvas(canvas.template, title=canvas.title, fields=canvas.fields, legend=canvas.legend, blocks=blocks)
