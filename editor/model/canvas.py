"""The canvas document: header, blocks of ordered notes, and the operations editing needs, announced as events."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from editor.model.colors import DEFAULT_COLOR, is_valid_color, normalize_color
from editor.model.template import Template

Position = tuple[float, float]
NoteId = str  # stable for the life of a document, and unique across the peers that share one


def new_note_id() -> NoteId:
    """A note id no other note here or on another peer's computer has: 64 random bits, as 16 hex digits."""
    return os.urandom(8).hex()


# Notes that do not fit anywhere yet: a list beside the canvas's blocks, on every template. It takes notes as a
# block does (add, move), so a note goes in and out of it as between blocks.
PARKING_LOT = "parking_lot"


@dataclass(slots=True)
class Note:
    """One sticky note. Change it through Canvas methods so that views hear of the change.

    `position` is the note's top-left corner as fractions (0..1) of its block's width and height, so it
    survives any window size or zoom; None lets the board lay the note out. It is kept to a thousandth (a third of
    a pixel on a block a full screen wide), which a person reads in the file and which survives a round trip.
    """

    text: str
    color: str = DEFAULT_COLOR
    tags: tuple[str, ...] = ()
    votes: int = 0
    position: Position | None = None
    id: NoteId = field(default_factory=new_note_id, compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_note_values(self.color, self.votes, self.position)
        self.color = normalize_color(self.color)
        self.text = valid_text(self.text)
        self.tags = tuple(valid_text(tag) for tag in self.tags)
        self.position = rounded(self.position)

    def copy(self) -> Note:
        """The same content under a new id."""
        return replace(self, id=new_note_id())

    def content(self) -> tuple[str, str, tuple[str, ...], int, Position | None]:
        """The note's values as an immutable snapshot (the note itself changes as it is edited)."""
        return (self.text, self.color, self.tags, self.votes, self.position)


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
_NOTE_FIELDS = frozenset({"text", "color", "tags", "votes", "position"})


class Canvas:
    """A business model on a template: a title, header fields, a colour legend and a list of notes per block."""

    def __init__(
        self,
        template: Template,
        *,
        title: str = "",
        fields: Mapping[str, str] | None = None,
        legend: Mapping[str, str] | None = None,
        blocks: Mapping[str, Iterable[Note]] | None = None,
    ) -> None:
        self.template = template
        self._title = valid_text(title)
        self._fields = dict.fromkeys(self.template.header_ids, "")
        for key, value in (fields or {}).items():
            self._check_field(key)
            self._fields[key] = valid_text(value)
        self._legend: dict[str, str] = {}
        for color, meaning in (legend or {}).items():
            _check_note_values(color, 0, None)
            self._legend[normalize_color(color)] = valid_text(meaning)
        self._blocks: dict[str, list[Note]] = {block_id: [] for block_id in (*self.template.block_ids, PARKING_LOT)}
        self._block_of: dict[NoteId, str] = {}
        self._by_id: dict[NoteId, Note] = {}
        self._listeners: list[Listener] = []
        for block_id, notes in (blocks or {}).items():
            for note in notes:
                self._insert(block_id, note, None)

    # Reading

    @property
    def title(self) -> str:
        return self._title

    @property
    def fields(self) -> Mapping[str, str]:
        return self._fields

    @property
    def legend(self) -> Mapping[str, str]:
        return self._legend

    @property
    def block_ids(self) -> tuple[str, ...]:
        """Where notes can be: the template's blocks, then the parking lot."""
        return tuple(self._blocks)

    def notes(self, block_id: str) -> Sequence[Note]:
        return self._blocks[block_id]

    def all_notes(self) -> Iterator[tuple[str, Note]]:
        for block_id, notes in self._blocks.items():
            for note in notes:
                yield block_id, note

    def note_count(self) -> int:
        return len(self._block_of)

    def note(self, note_id: NoteId) -> Note:
        return self._by_id[note_id]

    def block_of(self, note_id: NoteId) -> str:
        return self._block_of[note_id]

    def index_of(self, note_id: NoteId) -> int:
        return self._index_in(self._block_of[note_id], note_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Canvas):
            return NotImplemented
        return self.content() == other.content()

    __hash__ = None  # type: ignore[assignment]

    def content(self) -> tuple[Any, ...]:
        """Everything a file stores, as an immutable snapshot to compare later (note ids are not content)."""
        return (
            self.template.id,
            self._title,
            tuple(self._fields.items()),
            tuple(self._legend.items()),
            tuple((block_id, tuple(note.content() for note in notes)) for block_id, notes in self._blocks.items()),
        )

    def __repr__(self) -> str:
        return f"<Canvas {self._title!r} on {self.template.id}, {self.note_count()} notes>"

    # Listening

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # Changing the header

    def set_title(self, title: str, origin: str = LOCAL) -> None:
        title = valid_text(title)
        if title != self._title:
            old, self._title = self._title, title
            self._emit(HeaderChanged("title", old, origin))

    def set_field(self, field_id: str, value: str, origin: str = LOCAL) -> None:
        self._check_field(field_id)
        value = valid_text(value)
        if self._fields[field_id] != value:
            old, self._fields[field_id] = self._fields[field_id], value
            self._emit(HeaderChanged(field_id, old, origin))

    def header(self, name: str) -> str:
        """The title ("title") or a header field's text."""
        if name == "title":
            return self._title
        self._check_field(name)
        return self._fields[name]

    def set_header(self, name: str, value: str, origin: str = LOCAL) -> None:
        """Set the title ("title") or a header field."""
        if name == "title":
            self.set_title(value, origin)
        else:
            self.set_field(name, value, origin)

    def set_legend(self, legend: Mapping[str, str], origin: str = LOCAL) -> None:
        for color in legend:
            _check_note_values(color, 0, None)
        new = {normalize_color(color): valid_text(meaning) for color, meaning in legend.items()}
        if new != self._legend:
            old, self._legend = self._legend, new
            self._emit(HeaderChanged("legend", dict(old), origin))

    # Changing notes

    def has_note(self, note_id: NoteId) -> bool:
        return note_id in self._block_of

    def add_note(self, block_id: str, note: Note, index: int | None = None, origin: str = LOCAL) -> Note:
        """Put a note into a block, at the end or at `index`."""
        if note.id in self._block_of:
            raise ValueError(f"note {note.id} is already on the canvas")
        index = self._insert(block_id, note, index)
        self._emit(NoteAdded(block_id, index, note, origin))
        return note

    def remove_note(self, note_id: NoteId, origin: str = LOCAL) -> tuple[str, int, Note]:
        """Take a note off the canvas; returns where it was, so that it can be put back."""
        block_id = self._block_of.pop(note_id)
        del self._by_id[note_id]
        index = self._index_in(block_id, note_id)
        note = self._blocks[block_id].pop(index)
        self._emit(NoteRemoved(block_id, index, note, origin))
        return block_id, index, note

    def check_update(self, note_id: NoteId, values: Mapping[str, Any]) -> None:
        """Raise what update_note would raise for these values (KeyError, TypeError, ValueError), changing nothing."""
        unknown = set(values) - _NOTE_FIELDS
        if unknown:
            raise TypeError(f"notes have no field {', '.join(sorted(unknown))}")
        note = self.note(note_id)
        _check_note_values(
            values.get("color", note.color),
            values.get("votes", note.votes),
            values.get("position", note.position),
        )

    def update_note(self, note_id: NoteId, origin: str = LOCAL, **values: Any) -> None:
        """Set any of text, color, tags, votes and position; announces only what really changed."""
        self.check_update(note_id, values)
        note = self.note(note_id)
        values = {name: normal_value(name, value) for name, value in values.items()}
        changed = frozenset(name for name, value in values.items() if getattr(note, name) != value)
        old = {name: getattr(note, name) for name in changed}
        for name in changed:
            setattr(note, name, values[name])
        if changed:
            self._emit(NoteChanged(note, changed, old, origin))

    def place_of(self, note_id: NoteId) -> Move:
        """Where a note is now, as the Move that would put it there."""
        return self.places_of([note_id])[0]

    def places_of(self, note_ids: Iterable[NoteId]) -> list[Move]:
        """Where these notes are now, in one look at each block they are in (a tidy of 10,000 notes asks this)."""
        note_ids = list(note_ids)
        indices = self._indices({self._block_of[note_id] for note_id in note_ids})
        return [
            Move(note_id, self._block_of[note_id], indices[note_id], self.note(note_id).position)
            for note_id in note_ids
        ]

    def moves_change(self, moves: Sequence[Move]) -> bool:
        """Whether move_notes(moves) would change anything (a note dragged by less than a thousandth would not)."""
        places = self.places_of(move.note_id for move in moves)
        return not all(self._stays(place, move) for place, move in zip(places, moves, strict=True))

    def move_note(self, note_id: NoteId, block_id: str, index: int | None = None, origin: str = LOCAL) -> None:
        """Move one note, keeping its position, to a block (its own, to reorder) at `index`, or at the end."""
        end = len(self._blocks[block_id]) if block_id in self._blocks else 0
        position = self.note(note_id).position
        self.move_notes([Move(note_id, block_id, end if index is None else index, position)], origin)

    def check_moves(self, moves: Sequence[Move]) -> None:
        """Raise what move_notes would raise for these moves (KeyError, ValueError), changing nothing."""
        if len({move.note_id for move in moves}) != len(moves):
            raise ValueError("a change moves each note once")
        for move in moves:
            self.note(move.note_id)
            if move.block_id not in self._blocks:
                raise KeyError(move.block_id)
            _check_note_values(DEFAULT_COLOR, 0, move.position)

    def move_notes(self, moves: Sequence[Move], origin: str = LOCAL) -> None:
        """Put each note in its block at its index and position, as one change announced by one NotesMoved.

        The notes leave their blocks first; then each block takes its incoming notes in the order of their indices,
        each at its index (or at the end, should the block be shorter), among the notes that did not move."""
        self.check_moves(moves)
        if not self.moves_change(moves):
            return  # every note is where it would go: nothing to announce
        before = dict(
            zip((move.note_id for move in moves), self.places_of(move.note_id for move in moves), strict=True)
        )
        notes = {move.note_id: self.note(move.note_id) for move in moves}
        leaving = {place.block_id for place in before.values()}
        for block_id in leaving:  # by id: two notes may say the same
            self._blocks[block_id] = [note for note in self._blocks[block_id] if note.id not in notes]
        for move in sorted(moves, key=lambda move: move.index):
            target = self._blocks[move.block_id]
            target.insert(max(0, min(move.index, len(target))), notes[move.note_id])
            self._block_of[move.note_id] = move.block_id
            notes[move.note_id].position = rounded(move.position)
        indices = self._indices({move.block_id for move in moves})
        moved = tuple(
            Moved(
                notes[move.note_id],
                before[move.note_id].block_id,
                before[move.note_id].index,
                before[move.note_id].position,
                move.block_id,
                indices[move.note_id],
            )
            for move in moves
        )
        self._emit(NotesMoved(moved, origin))

    def replace_with(self, other: Canvas, origin: str = LOCAL) -> None:
        """Take over another canvas's content (a reload), keeping this object and its listeners."""
        self.template = other.template
        self._title, self._fields, self._legend = other._title, dict(other._fields), dict(other._legend)
        self._blocks = {block_id: list(notes) for block_id, notes in other._blocks.items()}
        self._block_of = dict(other._block_of)
        self._by_id = dict(other._by_id)
        self._emit(Reset(origin))

    # Internals

    def _insert(self, block_id: str, note: Note, index: int | None) -> int:
        if block_id not in self._blocks:
            raise KeyError(block_id)
        notes = self._blocks[block_id]
        index = len(notes) if index is None else max(0, min(index, len(notes)))
        notes.insert(index, note)
        self._block_of[note.id] = block_id
        self._by_id[note.id] = note
        return index

    def _indices(self, block_ids: Iterable[str]) -> dict[NoteId, int]:
        """Each note's index in its block, for these blocks."""
        return {note.id: index for block_id in block_ids for index, note in enumerate(self._blocks[block_id])}

    def _index_in(self, block_id: str, note_id: NoteId) -> int:
        for index, note in enumerate(self._blocks[block_id]):
            if note.id == note_id:
                return index
        raise KeyError(note_id)

    def _stays(self, place: Move, move: Move) -> bool:
        """Whether a note at `place` is where `move` alone would put it."""
        last = len(self._blocks[move.block_id]) - (1 if move.block_id == place.block_id else 0)
        wanted = Move(move.note_id, move.block_id, max(0, min(move.index, last)), rounded(move.position))
        return place == wanted

    def _check_field(self, field_id: str) -> None:
        if field_id not in self._fields:
            raise KeyError(f"the template {self.template.id} has no header field {field_id}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(text: str) -> str:
    """Text with any lone UTF-16 surrogate (from a YAML escape such as \\ud800, a clipboard or an editor) replaced
    by U+FFFD: text in the document is always valid Unicode, so a save can always write it as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def normal_value(name: str, value: Any) -> Any:
    """A note field's value as the canvas keeps it: a colour in lower case, tags as a tuple, text as valid Unicode,
    a position to the thousandth."""
    if name == "color":
        return normalize_color(value)
    if name == "text":
        return valid_text(value)
    if name == "tags":
        return tuple(valid_text(tag) for tag in value)
    if name == "position":
        return rounded(value)
    return value


def rounded(position: Position | None) -> Position | None:
    """A position to the thousandth that notes keep."""
    return None if position is None else (round(position[0], 3), round(position[1], 3))


def _check_note_values(color: str, votes: int, position: Position | None) -> None:
    if not is_valid_color(color):
        raise ValueError(f"{color!r} is not a palette colour or #rrggbb")
    if votes < 0:
        raise ValueError("votes cannot be negative")
    if position is not None and not all(0.0 <= value <= 1.0 for value in position):
        raise ValueError("a position is two fractions of the block, each from 0 to 1")
