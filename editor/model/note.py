"""A sticky note and its values as the document keeps them: valid Unicode, a colour, tags, votes, a position."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from typing import Any

from editor.model.colors import DEFAULT_COLOR, is_valid_color, normalize_color

Position = tuple[float, float]
NoteId = str  # stable for the life of a document, and unique across the peers that share one


_NOTE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


def valid_note_id(value: str) -> bool:
    """Whether a file may give a note this id: 1 to 64 letters, digits, '-' or '_' (new notes get 16 hex digits)."""
    return _NOTE_ID.fullmatch(value) is not None


def new_note_id() -> NoteId:
    """A note id no other note here or on another peer's computer has: 64 random bits, as 16 hex digits."""
    return os.urandom(8).hex()


# Notes that do not fit anywhere yet: a list beside the canvas's blocks, on every template. It takes notes as a
# block does (add, move), so a note goes in and out of it as between blocks.
PARKING_LOT = "parking_lot"
PARKING_LOT_TITLE = "Parking Lot"  # as the board, every export and every sentence name it


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
    # Whether the note's file says its id: a note read with an `id:` keeps it there; others leave ids out.
    keep_id: bool = field(default=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        check_note_values(self.color, self.votes, self.position)
        self.color = normalize_color(self.color)
        self.text = valid_text(self.text)
        self.tags = tuple(valid_text(tag) for tag in self.tags)
        self.position = rounded(self.position)

    def copy(self) -> Note:
        """The same content as a new note: a new id, which its file need not say."""
        return replace(self, id=new_note_id(), keep_id=False)

    def content(self) -> tuple[str, str, tuple[str, ...], int, Position | None, NoteId | None]:
        """The note's values as an immutable snapshot (the note itself changes as it is edited), and its id when its
        file says it."""
        return (self.text, self.color, self.tags, self.votes, self.position, self.id if self.keep_id else None)


NOTE_FIELDS = frozenset({"text", "color", "tags", "votes", "position"})

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


def check_note_values(color: str, votes: int, position: Position | None) -> None:
    check_color(color)
    if votes < 0:
        raise ValueError("votes cannot be negative")
    check_position(position)


def check_color(color: str) -> None:
    if not is_valid_color(color):
        raise ValueError(f"{color!r} is not a palette colour or #rrggbb")


def check_position(position: Position | None) -> None:
    if position is not None and not all(0.0 <= value <= 1.0 for value in position):
        raise ValueError("a position is two fractions of the block, each from 0 to 1")
