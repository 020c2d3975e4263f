"""The document model: canvases, notes, colours and templates, in plain Python that knows no Qt."""

from editor.model.canvas import Canvas
from editor.model.colors import DEFAULT_COLOR, PALETTE
from editor.model.events import (
    LOCAL,
    Event,
    HeaderChanged,
    Move,
    Moved,
    NoteAdded,
    NoteChanged,
    NoteRemoved,
    NotesMoved,
    Reset,
)
from editor.model.note import PARKING_LOT, PARKING_LOT_TITLE, Note, NoteId, Position
from editor.model.template import BlockSpec, HeaderField, Template

__all__ = [
    "DEFAULT_COLOR",
    "LOCAL",
    "PALETTE",
    "PARKING_LOT",
    "PARKING_LOT_TITLE",
    "BlockSpec",
    "Canvas",
    "Event",
    "HeaderChanged",
    "HeaderField",
    "Move",
    "Moved",
    "Note",
    "NoteAdded",
    "NoteChanged",
    "NoteId",
    "NoteRemoved",
    "NotesMoved",
    "Position",
    "Reset",
    "Template",
]
