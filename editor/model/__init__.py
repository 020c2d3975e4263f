"""The document model: canvases, notes, colours and templates, in plain Python that knows no Qt."""

from editor.model.canvas import (
    PARKING_LOT,
    Canvas,
    Event,
    HeaderChanged,
    Note,
    NoteAdded,
    NoteChanged,
    NoteMoved,
    NoteRemoved,
    NotesArranged,
    Position,
    Reset,
)
from editor.model.colors import DEFAULT_COLOR, PALETTE
from editor.model.template import DEFAULT_TEMPLATE, BlockSpec, HeaderField, Template, load_template

__all__ = [
    "DEFAULT_COLOR",
    "DEFAULT_TEMPLATE",
    "PALETTE",
    "PARKING_LOT",
    "BlockSpec",
    "Canvas",
    "Event",
    "HeaderChanged",
    "HeaderField",
    "Note",
    "NoteAdded",
    "NoteChanged",
    "NoteMoved",
    "NoteRemoved",
    "NotesArranged",
    "Position",
    "Reset",
    "Template",
    "load_template",
]
