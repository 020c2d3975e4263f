"""Notes on the clipboard: a small canvas file holding just those notes, and a plain-text form for other programs."""

from __future__ import annotations

from collections.abc import Sequence

from editor.errors import CanvasFileError
from editor.fileformat.reader import parse_notes
from editor.fileformat.writer import dump_canvas
from editor.model import Canvas, Note, Template
from editor.model.limits import MAX_NOTES, MAX_TEXT, too_long

MIME_TYPE = "application/x-canvas-editor-notes+yaml"


def notes_to_yaml(template: Template, notes: Sequence[tuple[str, Note]]) -> str:
    """The notes, each with its block, as canvas-file text (which also pastes into a file by hand)."""
    blocks: dict[str, list[Note]] = {}
    for block_id, note in notes:
        blocks.setdefault(block_id, []).append(note.copy())
    return dump_canvas(Canvas(template, blocks=blocks))


def notes_from_yaml(data: bytes, source: str = "the clipboard") -> list[tuple[str, Note]]:
    """The notes from clipboard bytes written by notes_to_yaml (by this or another window, on a canvas of any
    template), each with its block's id, read as a file is. Each is a new note, with an id of its own (the same
    notes pasted twice are twice as many notes), whatever id the text gave it. Raises CanvasFileError."""
    return [(block_id, note.copy()) for block_id, note in parse_notes(data, source)]


def notes_to_text(notes: Sequence[Note]) -> str:
    """One line per note, for pasting into a mail, a chat or a document."""
    return "".join(" ".join(note.text.split()) + "\n" for note in notes)


def notes_from_text(text: str, source: str = "the clipboard") -> list[Note]:
    """One note per non-empty line of plain text. Raises CanvasFileError, at the line, for text a canvas file could
    not hold: a line longer than a note may be, or more lines than a canvas has notes."""
    notes: list[Note] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        if len(line) > MAX_TEXT:
            raise CanvasFileError.at(source, number, 1, too_long(len(line), "this line"))
        if len(notes) == MAX_NOTES:
            message = f"the text has more than {MAX_NOTES:,} lines, a note each; a canvas holds at most {MAX_NOTES:,}."
            raise CanvasFileError.at(source, number, 1, message)
        notes.append(Note(line))
    return notes


__all__ = ["MIME_TYPE", "notes_from_text", "notes_from_yaml", "notes_to_text", "notes_to_yaml"]
