"""JSON Canvas export (jsoncanvas.org, spec 1.0, the open format of Obsidian and other canvas tools): each block a
labelled group laid out on the template's grid, each note a text node inside its block with its colour; the title
with the header above the board and the template's credit below it.

editor.fileformat.json_canvas reads such a file back: a note's block is the group that holds it."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from editor.fileformat.json_canvas import BLOCK_PREFIX, CREDIT_ID, TITLE_ID  # the names its reader knows them by
from editor.model import PALETTE, PARKING_LOT, PARKING_LOT_TITLE, Canvas, Note

NOTE_WIDTH, NOTE_HEIGHT = 220, 140  # a text node, in the spec's pixels
GAP = 20  # between notes, and around them inside their group
CELL_WIDTH, CELL_HEIGHT = 2 * NOTE_WIDTH + 3 * GAP, 2 * NOTE_HEIGHT + 3 * GAP  # one grid cell of the template, at least
TITLE_HEIGHT = 160


def block_node_id(block_id: str) -> str:
    return f"{BLOCK_PREFIX}{block_id}"


def note_node_id(note: Note) -> str:
    return f"note-{note.id}"


def canvas_json(canvas: Canvas) -> str:
    """The canvas as a JSON Canvas file's text."""
    template = canvas.template
    cell_height = _cell_height(canvas)
    board_width = template.columns * CELL_WIDTH
    nodes = [_text(TITLE_ID, 0, -TITLE_HEIGHT - GAP, board_width, TITLE_HEIGHT, _title_text(canvas))]
    texts: list[dict[str, Any]] = []
    for block in template.blocks:
        x, y = block.column * CELL_WIDTH, block.row * cell_height
        width, height = block.column_span * CELL_WIDTH, block.row_span * cell_height
        nodes.append(_group(block_node_id(block.id), x, y, width, height, block.title))
        texts += _notes(canvas.notes(block.id), x, y, width)
    bottom = template.rows * cell_height
    parked = canvas.notes(PARKING_LOT)
    if parked:
        height = _rows(len(parked), board_width) * (NOTE_HEIGHT + GAP) + GAP
        nodes.append(_group(block_node_id(PARKING_LOT), 0, bottom + GAP, board_width, height, PARKING_LOT_TITLE))
        texts += _notes(parked, 0, bottom + GAP, board_width)
        bottom += GAP + height
    credit = _text(CREDIT_ID, 0, bottom + GAP, board_width, 60, template.credit)
    # Nodes are drawn in their order: the groups under the notes they hold.
    return json.dumps({"nodes": [*nodes, *texts, credit], "edges": []}, ensure_ascii=False, indent="\t") + "\n"


def _cell_height(canvas: Canvas) -> int:
    """A grid cell's height: enough for the fullest block's notes, so that no group runs into the one below."""
    needed = CELL_HEIGHT
    for block in canvas.template.blocks:
        rows = _rows(len(canvas.notes(block.id)), block.column_span * CELL_WIDTH)
        needed = max(needed, math.ceil((rows * (NOTE_HEIGHT + GAP) + GAP) / block.row_span))
    return needed


def _columns(width: int) -> int:
    return max(1, (width - GAP) // (NOTE_WIDTH + GAP))


def _rows(count: int, width: int) -> int:
    return math.ceil(count / _columns(width))


def _notes(notes: Sequence[Note], x: int, y: int, width: int) -> list[dict[str, Any]]:
    columns = _columns(width)
    return [
        _text(
            note_node_id(note),
            x + GAP + (index % columns) * (NOTE_WIDTH + GAP),
            y + GAP + (index // columns) * (NOTE_HEIGHT + GAP),
            NOTE_WIDTH,
            NOTE_HEIGHT,
            note.text,
            PALETTE.get(note.color, note.color),
        )
        for index, note in enumerate(notes)
    ]


def _title_text(canvas: Canvas) -> str:
    lines = [f"# {canvas.title or 'Untitled canvas'}"]
    fields = [
        f"{field.label}: {canvas.fields[field.id]}" for field in canvas.template.header if canvas.fields[field.id]
    ]
    if fields:
        lines += ["", " · ".join(fields)]
    if canvas.legend:
        lines += ["", "Colours: " + " · ".join(f"{color}: {meaning}" for color, meaning in canvas.legend.items())]
    return "\n".join(lines)


def _group(node_id: str, x: int, y: int, width: int, height: int, label: str) -> dict[str, Any]:
    return {"id": node_id, "type": "group", "x": x, "y": y, "width": width, "height": height, "label": label}


def _text(node_id: str, x: int, y: int, width: int, height: int, text: str, color: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"id": node_id, "type": "text", "x": x, "y": y, "width": width, "height": height}
    node["text"] = text
    if color is not None:
        node["color"] = color
    return node
