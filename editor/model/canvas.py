"""The canvas document: header, blocks of ordered notes, and the operations editing needs, announced as events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from editor.model.colors import normalize_color
from editor.model.events import (
    LOCAL,
    Event,
    HeaderChanged,
    Listener,
    Move,
    Moved,
    NoteAdded,
    NoteChanged,
    NoteRemoved,
    NotesMoved,
    Reset,
)
from editor.model.note import (
    NOTE_FIELDS,
    PARKING_LOT,
    Note,
    NoteId,
    check_color,
    check_note_values,
    check_position,
    normal_value,
    rounded,
    valid_text,
)
from editor.model.template import Template


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
            check_color(color)
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
            self.template,
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
            check_color(color)
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
        unknown = set(values) - NOTE_FIELDS
        if unknown:
            raise TypeError(f"notes have no field {', '.join(sorted(unknown))}")
        note = self.note(note_id)
        check_note_values(
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
        return self._changes(self.places_of(move.note_id for move in moves), moves)

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
            check_position(move.position)

    def move_notes(self, moves: Sequence[Move], origin: str = LOCAL) -> None:
        """Put each note in its block at its index and position, as one change announced by one NotesMoved.

        The notes leave their blocks first; then each block takes its incoming notes in the order of their indices,
        each at its index (or at the end, should the block be shorter), among the notes that did not move."""
        self.check_moves(moves)
        places = self.places_of(move.note_id for move in moves)
        if not self._changes(places, moves):
            return  # every note is where it would go: nothing to announce
        before = {place.note_id: place for place in places}
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
        if note.id in self._by_id:
            raise ValueError(f"the canvas has a note with the id {note.id} already")
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

    def _changes(self, places: Sequence[Move], moves: Sequence[Move]) -> bool:
        """Whether any note, now at its place, is not where its move alone would put it."""
        return not all(self._stays(place, move) for place, move in zip(places, moves, strict=True))

    def _stays(self, place: Move, move: Move) -> bool:
        """Whether a note at `place` is where `move` alone would put it."""
        last = len(self._blocks[move.block_id]) - (1 if move.block_id == place.block_id else 0)
        wanted = Move(move.note_id, move.block_id, max(0, min(move.index, last)), rounded(move.position))
        return place == wanted

    def _check_field(self, field_id: str) -> None:
        if field_id not in self._fields:
            raise KeyError(f"the template {self.template.id} has no header field {field_id}")
