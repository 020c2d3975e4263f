"""Board geometry: blocks tile the grid as the template says, and notes flow inside their block."""

from __future__ import annotations

import pytest

from editor.gui.geometry import (
    BOARD_WIDTH,
    GRID_HEIGHT,
    HEADER_HEIGHT,
    MIN_SCALE,
    NOTE_WIDTH,
    Rect,
    block_rects,
    fit_notes,
    flow_notes,
    point_in,
    position_in,
)
from editor.model import load_template


def test_blocks_tile_the_grid_with_no_gap_and_no_overlap() -> None:
    rects = block_rects(load_template())
    assert sum(r.width * r.height for r in rects.values()) == pytest.approx(BOARD_WIDTH * GRID_HEIGHT)
    assert rects["key_partners"] == Rect(0.0, HEADER_HEIGHT, 400.0, GRID_HEIGHT * 2 / 3)
    assert rects["cost_structure"].width == rects["revenue_streams"].width == BOARD_WIDTH / 2
    assert rects["key_partners"].height == pytest.approx(2 * rects["cost_structure"].height)  # 2:1 bands
    for x in range(5, 2000, 50):
        for y in range(int(HEADER_HEIGHT) + 5, int(HEADER_HEIGHT + GRID_HEIGHT), 50):
            assert sum(r.contains(x, y) for r in rects.values()) == 1


def test_notes_flow_in_rows_in_order_and_rows_share_a_height() -> None:
    area = Rect(0.0, 0.0, 400.0, 400.0)
    heights = [60.0, 90.0, 60.0]
    placements, fits = flow_notes(area, 3, lambda index, width: heights[index])
    assert fits
    assert [(p.x, p.y) for p in placements] == [(0.0, 0.0), (placements[1].x, 0.0), (0.0, 102.0)]
    assert placements[0].height == placements[1].height == 90.0
    assert all(p.width <= NOTE_WIDTH * 1.1 for p in placements)


def test_a_crowded_block_shrinks_its_notes_to_fit_and_says_when_even_that_fails() -> None:
    area = Rect(100.0, 100.0, 372.0, 250.0)
    placements, scale, fits = fit_notes(area, 9, lambda index, width: 80.0)
    assert fits and MIN_SCALE <= scale < 1.0
    assert all(area.y <= p.y and p.y + p.height * scale <= area.bottom + 0.5 for p in placements)
    _, scale, fits = fit_notes(area, 500, lambda index, width: 80.0)
    assert not fits and scale == MIN_SCALE


def test_positions_are_fractions_of_the_block() -> None:
    rect = Rect(100.0, 200.0, 400.0, 100.0)
    assert position_in(rect, 200.0, 250.0) == (0.25, 0.5)
    assert position_in(rect, 0.0, 900.0) == (0.0, 1.0)
    assert point_in(rect, (0.25, 0.5)) == (200.0, 250.0)
