"""Undo commands: one per user change, each a few lines that set absolute values on the Canvas."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from editor.model import Canvas, Note, Position

NUDGE_ID = 1  # consecutive nudges of the same notes merge into one undo step


def counted(verb: str, count: int) -> str:
    """'Move Note', 'Move 3 Notes': what the Edit menu says will be undone."""
    return f"{verb} Note" if count == 1 else f"{verb} {count} Notes"


class AddNotes(QUndoCommand):
    """Put notes into blocks (at an index, or at the end). Undo takes them off again. Blocks the canvas has not are
    refused when the command is made (KeyError), so that its redo cannot fail on the undo stack."""

    def __init__(self, canvas: Canvas, placed: Sequence[tuple[str, int | None, Note]], verb: str = "Add") -> None:
        super().__init__(counted(verb, len(placed)))
        unknown = sorted({block_id for block_id, _, _ in placed} - set(canvas.block_ids))
        if unknown:
            raise KeyError(f"the {canvas.template.name} has no block {', '.join(unknown)}")
        self.canvas = canvas
        self.placed = list(placed)

    def redo(self) -> None:
        for block_id, index, note in self.placed:
            self.canvas.add_note(block_id, note, index)

    def undo(self) -> None:
        for _, _, note in reversed(self.placed):
            self.canvas.remove_note(note.id)


class RemoveNotes(QUndoCommand):
    """Take notes off the canvas. Undo puts each back in its block at its index."""

    def __init__(self, canvas: Canvas, note_ids: Sequence[int], verb: str = "Delete") -> None:
        super().__init__(counted(verb, len(note_ids)))
        self.canvas = canvas
        self.note_ids = list(note_ids)
        self.removed: list[tuple[str, int, Note]] = []

    def redo(self) -> None:
        self.removed = [self.canvas.remove_note(note_id) for note_id in self.note_ids]

    def undo(self) -> None:
        for block_id, index, note in reversed(self.removed):
            self.canvas.add_note(block_id, note, index)


class UpdateNotes(QUndoCommand):
    """Set fields (text, colour, position, ...) of notes; undo sets the values they had before."""

    def __init__(self, canvas: Canvas, changes: Mapping[int, Mapping[str, Any]], text: str, merge_id: int = -1):
        super().__init__(text)
        self.canvas = canvas
        self.after = {note_id: dict(values) for note_id, values in changes.items()}
        self.before = {
            note_id: {name: getattr(canvas.note(note_id), name) for name in values}
            for note_id, values in self.after.items()
        }
        self.merge_id = merge_id

    def redo(self) -> None:
        for note_id, values in self.after.items():
            self.canvas.update_note(note_id, **values)

    def undo(self) -> None:
        for note_id, values in self.before.items():
            self.canvas.update_note(note_id, **values)

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
            self.after[note_id].update(values)
        return True


class ArrangeNotes(QUndoCommand):
    """Notes change places: block order, which block they are in, and positions, all at once (a drag, a tidy)."""

    def __init__(
        self,
        canvas: Canvas,
        orders: Mapping[str, Sequence[int]],
        positions: Mapping[int, Position | None],
        text: str,
    ) -> None:
        super().__init__(text)
        self.canvas = canvas
        self.orders_after = {block_id: list(order) for block_id, order in orders.items()}
        self.positions_after = dict(positions)
        self.orders_before = canvas.arrangement(orders)
        self.positions_before = {note_id: canvas.note(note_id).position for note_id in positions}

    def redo(self) -> None:
        self.canvas.arrange(self.orders_after, self.positions_after)

    def undo(self) -> None:
        self.canvas.arrange(self.orders_before, self.positions_before)


class SetHeader(QUndoCommand):
    """Set the title or one header field."""

    def __init__(self, canvas: Canvas, name: str, value: str, label: str) -> None:
        super().__init__(f"Edit {label}")
        self.canvas = canvas
        self.name = name
        self.after = value
        self.before = canvas.title if name == "title" else canvas.fields[name]

    def _set(self, value: str) -> None:
        if self.name == "title":
            self.canvas.set_title(value)
        else:
            self.canvas.set_field(self.name, value)

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


class SetLegend(QUndoCommand):
    """Say what note colours mean (the whole legend at once: an entry added, changed or removed)."""

    def __init__(self, canvas: Canvas, legend: Mapping[str, str]) -> None:
        super().__init__("Edit Colour Legend")
        self.canvas = canvas
        self.after = dict(legend)
        self.before = dict(canvas.legend)

    def redo(self) -> None:
        self.canvas.set_legend(self.after)

    def undo(self) -> None:
        self.canvas.set_legend(self.before)


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
