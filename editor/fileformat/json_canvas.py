"""Reading a JSON Canvas file (jsoncanvas.org, spec 1.0) made as Canvas Editor exports it: each group a block, each
text node a note in the group that holds it (the smallest, where groups nest), the rest in the parking lot.

The template is the one whose blocks the groups name ("block-<id>" ids, as exported, else their labels as titles);
failing that, a plain grid of the groups. Colours that are the palette's come back by name. What JSON Canvas has no
place for (tags, votes, a note's place in its block) is not in the file, so it is not read back."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any, NamedTuple

from editor.errors import CanvasFileError, Problem
from editor.fileformat.templates import IDENTIFIER, MAX_BLOCKS, plain_grid, template_library
from editor.fileformat.yamlsafe import MAX_BYTES, too_large
from editor.model import PALETTE, PARKING_LOT, PARKING_LOT_TITLE, Canvas, Note, Template
from editor.model.colors import is_valid_color, normalize_color
from editor.model.limits import MAX_NOTES, MAX_TEXT, too_long, too_many_notes
from editor.model.note import valid_text

BLOCK_PREFIX = "block-"
TITLE_ID, CREDIT_ID = "title", "credit"  # the text nodes above and below the board, which are not notes
PARKED = PARKING_LOT_TITLE.lower()  # a group labelled so holds the parking lot
_BY_HEX = {hex_value: name for name, hex_value in PALETTE.items()}


class _Box(NamedTuple):
    node_id: str
    label: str
    x: float
    y: float
    width: float
    height: float

    def holds(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


def read_json_canvas(data: bytes, source: str = "<json canvas>") -> Canvas:
    """A canvas from a JSON Canvas file's bytes. Raises CanvasFileError, and nothing else, for any bytes."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data), source)
    try:
        top = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise CanvasFileError.whole(source, f"the file is not UTF-8 text (byte {error.start}).") from None
    except json.JSONDecodeError as error:
        raise CanvasFileError.at(source, error.lineno, error.colno, f"this is not JSON: {error.msg}.") from None
    except RecursionError:
        raise CanvasFileError.whole(source, "the file is too deeply nested to read.") from None
    nodes = top.get("nodes") if isinstance(top, dict) else None
    if not isinstance(nodes, list):
        raise CanvasFileError.whole(source, "this is not a JSON Canvas file: it has no list of 'nodes'.")
    groups, texts, problems = _nodes(nodes)
    if len(texts) > MAX_NOTES:
        problems.append(Problem(0, 0, too_many_notes()))
    if len(groups) > MAX_BLOCKS:
        problems.append(Problem(0, 0, f"it has {len(groups):,} groups; a canvas has at most {MAX_BLOCKS} blocks."))
    if problems:
        raise CanvasFileError(source, problems)
    title = next((text for node_id, text, *_ in texts if node_id == TITLE_ID), "")
    notes = [entry for entry in texts if entry[0] not in (TITLE_ID, CREDIT_ID)]
    template, block_of_group = _template(groups)
    blocks: dict[str, list[Note]] = {}
    for _node_id, text, x, y, color in notes:
        group = _smallest(box for box in groups if box.holds(x, y))
        block_id = block_of_group.get(group.node_id, PARKING_LOT) if group is not None else PARKING_LOT
        blocks.setdefault(block_id, []).append(Note(text, color=color))
    return Canvas(template, title=_title(title), blocks=blocks)


def _nodes(nodes: list[Any]) -> tuple[list[_Box], list[tuple[str, str, float, float, str]], list[Problem]]:
    """The groups, the text nodes (id, text, centre, colour) and what is wrong, node by node."""
    groups: list[_Box] = []
    texts: list[tuple[str, str, float, float, str]] = []
    problems: list[Problem] = []
    for index, node in enumerate(nodes):
        where = f"node {index + 1}"
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            problems.append(Problem(0, 0, f"{where} is not a node with an 'id'."))
            continue
        box = _box(node)
        if box is None:
            problems.append(Problem(0, 0, f"{where} ({node['id']!r}) has no numbers for x, y, width and height."))
            continue
        if node.get("type") == "group":
            if len(box.label) > MAX_TEXT:
                problems.append(Problem(0, 0, f"{where} ({node['id']!r}): {too_long(len(box.label), 'its label')}"))
                continue
            groups.append(box)
        elif node.get("type") == "text":
            text = node.get("text")
            if not isinstance(text, str):
                problems.append(Problem(0, 0, f"{where} ({node['id']!r}) is a text node without text."))
            elif len(text) > MAX_TEXT:
                problems.append(Problem(0, 0, f"{where} ({node['id']!r}): {too_long(len(text), 'its text')}"))
            else:
                texts.append((box.node_id, text, box.x + box.width / 2, box.y + box.height / 2, _color(node)))
    return groups, texts, problems


def _box(node: dict[str, Any]) -> _Box | None:
    x, y, width, height = (_number(node.get(key)) for key in ("x", "y", "width", "height"))
    if x is None or y is None or width is None or height is None:
        return None
    label = node.get("label")
    return _Box(node["id"], valid_text(label) if isinstance(label, str) else "", x, y, width, height)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _color(node: dict[str, Any]) -> str:
    """A node's colour as a note's: the palette's by name, any other hex as it is; presets and the rest yellow."""
    color = node.get("color")
    if not isinstance(color, str) or not color.startswith("#") or not is_valid_color(color):
        return "yellow"
    normal = normalize_color(color)
    return _BY_HEX.get(normal, normal)


def _smallest(boxes: Iterable[_Box]) -> _Box | None:
    return min(boxes, key=lambda box: box.width * box.height, default=None)


def _template(groups: list[_Box]) -> tuple[Template, dict[str, str]]:
    """The template the groups are the blocks of, and the block of each group."""
    by_id = {box.node_id: box.node_id[len(BLOCK_PREFIX) :] for box in groups if box.node_id.startswith(BLOCK_PREFIX)}
    parked = {box.node_id for box in groups if box.label.strip().lower() == PARKED}
    best: tuple[int, Template, dict[str, str]] | None = None
    for template in template_library():
        titles = {block.title.lower(): block.id for block in template.blocks}
        places = {
            box.node_id: by_id[box.node_id]
            if by_id.get(box.node_id) in template.block_ids
            else titles.get(box.label.lower(), "")
            for box in groups
            if box.node_id not in parked
        }
        found = {node_id: block_id for node_id, block_id in places.items() if block_id}
        if found and len(found) == len(places) and (best is None or len(found) > best[0]):
            best = (len(found), template, found)
    if best is not None:
        return best[1], best[2] | dict.fromkeys(parked, PARKING_LOT)
    return _plain_grid([box for box in groups if box.node_id not in parked], parked)


def _plain_grid(groups: list[_Box], parked: set[str]) -> tuple[Template, dict[str, str]]:
    """A template of the groups as they lie (left to right, top to bottom), each a block titled by its label."""
    ordered = sorted(groups, key=lambda box: (box.y, box.x))
    ids: dict[str, str] = {}
    blocks = []
    for index, box in enumerate(ordered):
        base = "_".join("".join(c if c.isalnum() else " " for c in box.label.lower()).split())[:48] or "block"
        block_id = base if IDENTIFIER.fullmatch(base) and base != PARKING_LOT else f"block_{index + 1}"
        taken, number = set(ids.values()), 1
        while block_id in taken:
            number += 1
            block_id = f"{base[:56] or 'block'}_{number}"
        ids[box.node_id] = block_id
        blocks.append((block_id, box.label or f"Group {index + 1}"))
    description = "The groups of a JSON Canvas file, on a plain grid."
    template = plain_grid("json-canvas", "JSON Canvas groups", blocks or [("notes", "Notes")], (), description)
    return template, ids | dict.fromkeys(parked, PARKING_LOT)


def _title(text: str) -> str:
    """The title node's first line, without its heading mark."""
    first = text.splitlines()[0] if text else ""
    return first.lstrip("#").strip()
