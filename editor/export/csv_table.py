"""CSV export for spreadsheets and workshop reports: one row per note (block, text, colour, tags, votes), the blocks
in the template's order and the parking lot last; UTF-8 with a byte order mark, so that Excel reads accents."""

from __future__ import annotations

import csv
import io

from editor.model import Canvas

COLUMNS = ("Block", "Text", "Colour", "Tags", "Votes")
# A cell a spreadsheet would run as a formula (OWASP's CSV injection): a note from a participant's phone is text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def canvas_csv(canvas: Canvas) -> str:
    """The canvas's notes as CSV text, a header row first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180's line ends
    writer.writerow(COLUMNS)
    titles = {block_id: canvas.template.title_of(block_id) for block_id in canvas.block_ids}
    for block_id in canvas.block_ids:
        for note in canvas.notes(block_id):
            tags = "; ".join(note.tags)
            writer.writerow([_cell(titles[block_id]), _cell(note.text), note.color, _cell(tags), note.votes])
    return "\ufeff" + out.getvalue()


def _cell(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula it would run: a leading ' makes it text."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text
