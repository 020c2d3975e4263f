"""Board geometry in scene units: where the header, blocks and footer go, and how notes flow inside a block.

Pure arithmetic (no Qt), so the layout rules are tested on their own. Scene units are the board's own
pixels at zoom 1; the view scales the whole board to the window.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from editor.model import PARKING_LOT, Template

BOARD_WIDTH = 2000.0  # the default; the board widens or narrows to the window's shape within these:
MIN_BOARD_WIDTH = 1600.0
MAX_BOARD_WIDTH = 2700.0
HEADER_HEIGHT = 118.0
GRID_HEIGHT = 1110.0
FOOTER_HEIGHT = 52.0
BOARD_HEIGHT = HEADER_HEIGHT + GRID_HEIGHT + FOOTER_HEIGHT

PARKING_SHARE = 0.15  # of the board's width, on the right, when the parking lot shows
PARKING_GAP = 16.0  # of board ground between the canvas and the parking lot: it is beside the canvas, not in it

BLOCK_PADDING = 14.0
NOTE_GAP = 12.0
NOTE_WIDTH = 184.0  # the widest a laid-out note gets: a few words a line, big type
MIN_SCALE = 0.4  # the least a block's notes shrink to fit (the export of a crowded block, say)
READABLE_SCALE = 0.7  # the least the board's notes shrink: a block that needs less shows its notes a page at a time
MORE_HEIGHT = 34.0  # the strip at a full block's foot for its "+12 more" button


# Value types as named tuples: immutable, and made several times faster than frozen dataclasses, both the class at
# start-up and each instance in a layout of thousands of notes.


class Rect(NamedTuple):
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom


class Placement(NamedTuple):
    """Where one note goes: top-left corner and size, in scene units."""

    x: float
    y: float
    width: float
    height: float


BOARD_WIDTH_STEP = 25.0


def board_width_for(aspect: float) -> float:
    """The board width whose shape matches a window of this width:height aspect, within the limits.

    In steps of 25 units (about 1%): a window resized by a few pixels keeps its board, and every note keeps its
    layout, instead of re-wrapping thousands of notes for an invisible difference."""
    width = max(MIN_BOARD_WIDTH, min(MAX_BOARD_WIDTH, BOARD_HEIGHT * aspect))
    return round(width / BOARD_WIDTH_STEP) * BOARD_WIDTH_STEP


def header_rect(board_width: float = BOARD_WIDTH) -> Rect:
    return Rect(0.0, 0.0, board_width, HEADER_HEIGHT)


def footer_rect(board_width: float = BOARD_WIDTH) -> Rect:
    return Rect(0.0, HEADER_HEIGHT + GRID_HEIGHT, board_width, FOOTER_HEIGHT)


def block_rects(template: Template, board_width: float = BOARD_WIDTH, parking: bool = False) -> dict[str, Rect]:
    """Each block's rectangle, from the template's grid; with `parking`, the grid gives up a strip on the right to
    the parking lot, which is then in the result too."""
    grid_width = board_width * (1.0 - PARKING_SHARE) if parking else board_width
    cell_width = grid_width / template.columns
    cell_height = GRID_HEIGHT / template.rows
    rects = {
        block.id: Rect(
            block.column * cell_width,
            HEADER_HEIGHT + block.row * cell_height,
            block.column_span * cell_width,
            block.row_span * cell_height,
        )
        for block in template.blocks
    }
    if parking:
        rects[PARKING_LOT] = Rect(
            grid_width + PARKING_GAP, HEADER_HEIGHT, board_width - grid_width - PARKING_GAP, GRID_HEIGHT
        )
    return rects


Measure = Callable[[int, float], float]  # (index of a note, width) -> its height at that width


def flow_notes(area: Rect, count: int, measure: Measure) -> tuple[list[Placement], bool]:
    """Lay `count` notes out in rows inside `area`, in order, each row as tall as its tallest note.

    Notes are about NOTE_WIDTH wide (a few words a line, big type), as many columns as the area holds.
    Returns the placements and whether they fit inside the area.
    """
    if count == 0:
        return [], True
    columns = _columns(area, count)
    width = min(NOTE_WIDTH * 1.1, (area.width - (columns - 1) * NOTE_GAP) / columns)
    placements: list[Placement] = []
    y = area.y
    for start in range(0, count, columns):
        indices = range(start, min(start + columns, count))
        height = max(measure(index, width) for index in indices)
        for column in range(len(indices)):
            placements.append(Placement(area.x + column * (width + NOTE_GAP), y, width, height))
        y += height + NOTE_GAP
    return placements, y - NOTE_GAP <= area.bottom + 0.5


def fit_notes(
    area: Rect, count: int, measure: Measure, min_height: float = 0.0, min_scale: float = MIN_SCALE
) -> tuple[list[Placement], float, bool]:
    """Like flow_notes, but a block too full for its notes at full size shrinks them (down to MIN_SCALE).

    Placements are in scene units for x and y, and in the notes' own (unscaled) units for width and height;
    the board draws each note at the returned scale. The flag says whether they fit at all. With `min_height`,
    the least height of a note, a scale at which even notes that short cannot fit is passed over without
    measuring a single note (a block of hundreds of notes would otherwise lay out every note once per try).
    """
    scale = 1.0
    while True:
        inner = Rect(area.x, area.y, area.width / scale, area.height / scale)
        used = _least_height(inner, count, min_height)
        if used <= inner.height + 0.5 or scale <= min_scale:  # worth measuring the notes
            placements, fits = flow_notes(inner, count, measure)
            if fits or scale <= min_scale:
                break
            used = max(p.y + p.height for p in placements) - area.y
        if scale == 1.0:  # the first shrink is estimated from the height used; then a step at a time
            scale = max(min_scale, min(0.95, math.sqrt(max(0.0, area.height) / used)))
        else:
            scale = max(min_scale, scale * 0.92)
    if scale == 1.0:
        return placements, 1.0, True
    scaled = [
        Placement(area.x + (p.x - area.x) * scale, area.y + (p.y - area.y) * scale, p.width, p.height)
        for p in placements
    ]
    return scaled, scale, fits


class Page(NamedTuple):
    """A block's notes at one scale, a page of rows at a time: where each shown note goes (None: not on this page),
    the first row shown, and how many notes come before and after the page."""

    placements: list[Placement | None]
    first_row: int
    before: int
    after: int


def page_notes(area: Rect, count: int, measure: Measure, scale: float, first_row: int = 0) -> Page:
    """Notes flowed in rows at `scale` (as fit_notes places them); when they are more than the area holds, only whole
    rows from `first_row` on that fit above a MORE_HEIGHT strip are shown, so that no note runs past the area."""
    inner = Rect(area.x, area.y, area.width / scale, area.height / scale)
    flowed, fits = flow_notes(inner, count, measure)
    placed = [
        Placement(area.x + (p.x - area.x) * scale, area.y + (p.y - area.y) * scale, p.width, p.height) for p in flowed
    ]
    if fits:
        return Page(list(placed), 0, 0, 0)
    tops = sorted({p.y for p in placed})
    row_of = _rows_of(placed, tops)
    bottoms = [0.0] * len(tops)
    for p, row in zip(placed, row_of, strict=True):
        bottoms[row] = max(bottoms[row], p.y + p.height * scale)
    room = area.bottom - MORE_HEIGHT

    def rows_from(start: int) -> int:
        """The rows from `start` on that fit; at least one, even a note taller than the block (it is then cut)."""
        shift = tops[start] - area.y
        end = start + 1
        while end < len(tops) and bottoms[end] - shift <= room + 0.5:
            end += 1
        return end

    first_row = max(0, min(first_row, len(tops) - 1))  # pages follow each other: the last may be short
    end = rows_from(first_row)
    shift = tops[first_row] - area.y
    placements: list[Placement | None] = [
        Placement(p.x, p.y - shift, p.width, p.height) if first_row <= row < end else None
        for p, row in zip(placed, row_of, strict=True)
    ]
    before = sum(1 for row in row_of if row < first_row)
    after = sum(1 for row in row_of if row >= end)
    return Page(placements, first_row, before, after)


def next_page(page: Page) -> int:
    """The first row of the page after this one, or 0 (the first page) from the last."""
    if page.after == 0:
        return 0
    shown = [index for index, placement in enumerate(page.placements) if placement is not None]
    if not shown:
        return 0
    return page.first_row + len({page.placements[index].y for index in shown})  # type: ignore[union-attr]


def _rows_of(placed: list[Placement], tops: list[float]) -> list[int]:
    index = {top: row for row, top in enumerate(tops)}
    return [index[p.y] for p in placed]


def _columns(area: Rect, count: int) -> int:
    return max(1, min(count, round((area.width + NOTE_GAP) / (NOTE_WIDTH * 1.1 + NOTE_GAP))))


def _least_height(area: Rect, count: int, min_height: float) -> float:
    """The height `count` notes take in flow_notes's rows if every one is `min_height` tall."""
    if count == 0 or min_height <= 0:
        return 0.0
    rows = math.ceil(count / _columns(area, count))
    return rows * min_height + (rows - 1) * NOTE_GAP


def position_in(rect: Rect, x: float, y: float) -> tuple[float, float]:
    """A scene point as fractions of a block, clamped to the block."""
    return (
        min(1.0, max(0.0, (x - rect.x) / rect.width)),
        min(1.0, max(0.0, (y - rect.y) / rect.height)),
    )


def keep_inside(rect: Rect, x: float, y: float, width: float, height: float) -> tuple[float, float]:
    """The top-left nearest (x, y) at which a width x height box lies inside rect (its top-left, if it is larger)."""
    return (
        max(rect.x, min(x, rect.right - width)),
        max(rect.y, min(y, rect.bottom - height)),
    )


def point_in(rect: Rect, position: Sequence[float]) -> tuple[float, float]:
    return rect.x + position[0] * rect.width, rect.y + position[1] * rect.height
