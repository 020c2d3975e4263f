"""Events: what changed in a canvas, announced to its listeners (views, undo, later a shared document)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from editor.model.note import Note, NoteId, Position

# Events: what changed, with the values it had before and where the change came from (`origin`: LOCAL for this
# program's own editing; a shared canvas names the peer), so that a view updates without looking at the whole
# document and an undo can leave alone what another origin changed since.

LOCAL = "local"


@dataclass(frozen=True, slots=True)
class NoteAdded:
    """A note was added to a block, at this index."""

    block_id: str
    index: int
    note: Note
    origin: str = LOCAL


@dataclass(frozen=True, slots=True)
class NoteRemoved:
    """A note was taken out of a block, from this index."""

    block_id: str
    index: int
    note: Note
    origin: str = LOCAL


@dataclass(frozen=True, slots=True)
class NoteChanged:
    """Some of a note's values changed (their names: text, color, tags, votes, position); it stayed in place."""

    note: Note
    fields: frozenset[str]
    old: Mapping[str, Any] = field(default_factory=dict)  # the changed fields' values before
    origin: str = LOCAL


@dataclass(frozen=True, slots=True)
class Move:
    """Where a change puts a note: a block, its index there once the whole change is made, and its position.

    A move names the note and its new place, never whole block orders: a shared canvas keeps each note's block,
    order and position as fields of the note, so that a move made here and an edit made elsewhere both survive."""

    note_id: NoteId
    block_id: str
    index: int
    position: Position | None


@dataclass(frozen=True, slots=True)
class Moved:
    """One note of a NotesMoved: where it was (block, index, position) and where it went."""

    note: Note
    from_block: str
    from_index: int
    old_position: Position | None
    to_block: str
    index: int


@dataclass(frozen=True, slots=True)
class NotesMoved:
    """Notes went to other blocks or other places in theirs, with new positions, as one change (a drag, a tidy)."""

    moves: tuple[Moved, ...]
    origin: str = LOCAL

    @property
    def block_ids(self) -> frozenset[str]:
        """The blocks notes left or joined."""
        return frozenset(block for moved in self.moves for block in (moved.from_block, moved.to_block))


@dataclass(frozen=True, slots=True)
class HeaderChanged:
    """The canvas's title, colour legend or a header field changed."""

    name: str  # "title", "legend" or a template header field id
    old: Any = None  # the text before, or the legend (a dict) before
    origin: str = LOCAL


@dataclass(frozen=True, slots=True)
class Reset:
    """Everything may have changed (a reload); views rebuild."""

    origin: str = LOCAL


Event = NoteAdded | NoteRemoved | NoteChanged | NotesMoved | HeaderChanged | Reset
Listener = Callable[[Event], None]
