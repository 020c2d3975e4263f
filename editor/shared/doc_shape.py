"""The canvas as a Yjs document (pycrdt): its shape, and the checks that every value a peer writes in it passes.

    doc["canvas"]  Map: "template" (its id), "template_carried" (a template that is not shipped, as the JSON of a
                   template file, for the peers without it), "title", one key per header field, and "legend": a
                   list of [colour, what it means], in the legend's order (changed as a whole)
    doc["notes"]   Map: note id -> Map of "text", "color", "tags" (a list), "votes", "at" ([x, y], or left out),
                   "block" and "order"

A note's place is data of the note: its block, and an order key that sorts between its neighbours' keys (fractional
indexing, the same keys as the npm package `fractional-indexing` makes; equal keys sort by note id). A move is then
a change of one note's fields, never an array operation (pycrdt has no move), and concurrent edits of one note merge
field by field. What a peer writes is read with the checks a canvas file gets: a value a canvas could not hold is
refused with a sentence that says what is wrong and where.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from fractional_indexing import validate_order_key
from pycrdt import Map

from editor.model import DEFAULT_COLOR, PARKING_LOT, Note
from editor.model.colors import is_valid_color, normalize_color
from editor.model.limits import MAX_LEGEND, MAX_TAGS, MAX_TEXT
from editor.model.note import Position, valid_note_id, valid_text

CANVAS, NOTES = "canvas", "notes"
CARRIED = "template_carried"
FIRST_ORDER = "a0"  # the order key of a note whose key is left out (fractional-indexing's first key)
MAX_VOTES = 1_000_000  # dots on one note: far past any room's, small enough that a count stays exact
_ORDER = re.compile(r"[0-9A-Za-z]{1,128}")


class BadValueError(ValueError):
    """A value in the shared document that a canvas cannot hold; the message says which, in a sentence."""


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """A note as the shared document holds it, read and checked: the note (its values as a canvas keeps them, under
    its id), its block and its order key."""

    note: Note
    block_id: str
    order: str


def note_fields(note: Note, block_id: str, order: str) -> dict[str, Any]:
    """What the shared document holds of a note ("at" only for a note placed by hand)."""
    fields: dict[str, Any] = {
        "text": note.text,
        "color": note.color,
        "tags": list(note.tags),
        "votes": note.votes,
        "block": block_id,
        "order": order,
    }
    if note.position is not None:
        fields["at"] = list(note.position)
    return fields


def doc_value(field: str, value: Any) -> Any:
    """A note's value as the shared document keeps it (a position is "at", a list; tags a list)."""
    if field == "tags":
        return list(value)
    if field == "position":
        return None if value is None else list(value)
    return value


def touched_keys(events: list[Any]) -> set[str]:
    """The entries of a map of maps (the notes, the ballots) that its deep events touch: changed inside, or added,
    replaced or taken out."""
    keys: set[str] = set()
    for event in events:
        if event.path:
            keys.add(str(event.path[0]))
        else:
            keys.update(str(key) for key in event.keys)
    return keys


def read_note(note_id: str, entry: object, block_ids: Collection[str]) -> NoteEntry:
    """A note entry of the shared document (its Map, or what it holds as a dict), checked as a file's note is.
    Raises BadValueError."""
    if not valid_note_id(note_id):
        raise BadValueError("a note's id must be 1 to 64 letters, digits, '-' or '_'.")
    where = f"note {note_id}"
    if isinstance(entry, Map):
        data = json.loads(str(entry))  # its JSON, which the engine writes in Rust: quicker than reading key by key
    elif isinstance(entry, dict):  # read already (from all the notes as JSON at once)
        data = entry
    else:
        raise BadValueError(f"{where} is not a map of the note's values.")
    # A key left out takes its default, the same on every peer: undoing one of two moves made at once can leave
    # a note with no block in the document, and it then goes to the parking lot everywhere.
    note = Note(
        read_text(data.get("text", ""), f"the text of {where}"),
        color=_color(data.get("color", DEFAULT_COLOR), where),
        tags=_tags(data.get("tags", []), where),
        votes=_votes(data.get("votes", 0), where),
        position=_position(data.get("at"), where),
    )
    note.id = note_id
    block_id = data.get("block", PARKING_LOT)
    if not isinstance(block_id, str) or block_id not in block_ids:
        raise BadValueError(f"{where} is in {_shown(block_id)}, which is not a block of this canvas.")
    order = data.get("order", FIRST_ORDER)
    if not isinstance(order, str) or not _ORDER.fullmatch(order) or not _valid_order(order):
        raise BadValueError(
            f"{where} has no order key (1 to 128 letters and digits, as fractional-indexing makes them)."
        )
    return NoteEntry(note, block_id, order)


def _valid_order(key: str) -> bool:
    try:
        validate_order_key(key)
    except Exception:
        return False
    return True


def read_text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise BadValueError(f"{what} must be text, not {_shown(value)}.")
    if len(value) > MAX_TEXT:
        raise BadValueError(
            f"{what} is {len(value):,} characters long; a canvas holds at most {MAX_TEXT:,} in one text."
        )
    return valid_text(value)


def legend_value(legend: Mapping[str, str]) -> list[list[str]]:
    return [[color, meaning] for color, meaning in legend.items()]


def read_legend(data: object) -> dict[str, str]:
    """The legend of the shared document, checked as a file's is. Raises BadValueError."""
    if not isinstance(data, list) or not all(isinstance(pair, list) and len(pair) == 2 for pair in data):
        raise BadValueError("the legend is not a list of colours, each with what it means.")
    if len(data) > MAX_LEGEND:
        raise BadValueError(f"the legend explains {len(data)} colours; a canvas explains at most {MAX_LEGEND}.")
    legend = {}
    for color, meaning in data:
        if not isinstance(color, str) or not is_valid_color(color):
            raise BadValueError(f"the legend's {_shown(color)} is not a palette colour or #rrggbb.")
        legend[normalize_color(color)] = read_text(meaning, f"what {color} means in the legend")
    return legend


def _color(value: object, where: str) -> str:
    if not isinstance(value, str) or not is_valid_color(value):
        raise BadValueError(f"the colour of {where}, {_shown(value)}, is not a palette colour or #rrggbb.")
    return normalize_color(value)


def _tags(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise BadValueError(f"the tags of {where} must be a list of words, not {_shown(value)}.")
    if len(value) > MAX_TAGS:
        raise BadValueError(f"{where} has {len(value)} tags; a note has at most {MAX_TAGS}.")
    return tuple(read_text(tag, f"a tag of {where}") for tag in value)


def _votes(value: object, where: str) -> int:
    """A whole number of dots: JavaScript peers send every number as a float (2 arrives as 2.0)."""
    number = _number(value)
    if number is None or not number.is_integer() or not 0 <= number <= MAX_VOTES:
        raise BadValueError(f"the votes of {where}, {_shown(value)}, are not a whole number from 0 to {MAX_VOTES:,}.")
    return int(number)


def _position(value: object, where: str) -> Position | None:
    if value is None:
        return None
    numbers = [_number(item) for item in value] if isinstance(value, list) and len(value) == 2 else []
    if len(numbers) != 2 or any(number is None or not 0.0 <= number <= 1.0 for number in numbers):
        raise BadValueError(f"the place of {where}, {_shown(value)}, is not [x, y], two fractions from 0 to 1.")
    x, y = numbers
    assert x is not None and y is not None
    return (x, y)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _shown(value: object) -> str:
    """A value in a sentence, cut short: what a hostile peer sends may be long."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"
