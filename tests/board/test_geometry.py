"""Board geometry: blocks tile the grid as the template says, and notes flow inside their block."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.board.geometry import (
    BOARD_WIDTH,
    GRID_HEIGHT,
    HEADER_HEIGHT,
    MAX_BOARD_WIDTH,
    MIN_BOARD_WIDTH,
    MIN_SCALE,
    NOTE_WIDTH,
    Rect,
    _least_height,
    block_rects,
    board_width_for,
    fit_notes,
    flow_notes,
    point_in,
    position_in,
)
from editor.fileformat import load_template


def test_blocks_tile_the_grid_with_no_gap_and_no_overlap() -> None:
    rects = block_rects(load_template("business-model-canvas"))
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


@given(
    count=st.integers(0, 400),
    heights=st.lists(st.floats(54.0, 400.0), min_size=1, max_size=30),
    width=st.floats(200.0, 900.0),
    height=st.floats(120.0, 900.0),
)
@settings(max_examples=150, deadline=None)
def test_a_try_is_skipped_only_when_even_the_shortest_notes_could_not_fit(
    count: int, heights: list[float], width: float, height: float
) -> None:
    area = Rect(10.0, 20.0, width, height)

    def measure(index: int, note_width: float) -> float:
        return max(54.0, heights[index % len(heights)] * (200.0 / note_width) ** 0.5)  # never below min_height

    # The bound that decides a skip never rules out a layout that would fit.
    for scale in (1.0, 0.8, 0.6, MIN_SCALE):
        inner = Rect(area.x, area.y, area.width / scale, area.height / scale)
        if _least_height(inner, count, 54.0) > inner.height + 0.5:
            assert not flow_notes(inner, count, measure)[1]
    # And the layout found with skipping is whole: it fits when the careful one does, inside the area.
    placements, scale, fits = fit_notes(area, count, measure, min_height=54.0)
    assert fits == fit_notes(area, count, measure)[2]
    if fits:
        assert all(p.y + p.height * scale <= area.bottom + 0.5 for p in placements)
        assert all(p.x + p.width * scale <= area.x + area.width + 0.5 for p in placements)


def test_the_board_width_moves_in_steps_so_a_few_pixels_keep_the_layout() -> None:
    assert board_width_for(1400 / 842) == board_width_for(1403 / 842)
    assert board_width_for(1.7) % 25 == 0
    assert board_width_for(100.0) == MAX_BOARD_WIDTH and board_width_for(0.1) == MIN_BOARD_WIDTH
