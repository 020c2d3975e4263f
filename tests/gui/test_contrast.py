"""Every text on the board reads from the back of a room: WCAG AA contrast (4.5:1) against what it is drawn on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.board import style
from editor.model import PALETTE
from editor.model.colors import DARK_INK, LIGHT_INK, contrast, is_dark

AA = 4.5

PAIRS = {
    "block title on a block": (style.TITLE_TEXT, style.PAPER),
    "key questions on a block": (style.QUESTION_TEXT, style.PAPER),
    "key questions on a block a drag is over": (style.QUESTION_TEXT, style.BLOCK_HIGHLIGHT),
    "key questions in the parking lot": (style.QUESTION_TEXT, style.PARKING_GROUND),
    "header labels and the credit line": (style.LABEL_TEXT, style.PAPER),
    "the overflow and 'more' marks": (style.WARNING, style.PAPER),
    "the walk's banner": (style.BANNER_TEXT, style.BANNER_BACKGROUND),
    "the walk's key questions": (style.BANNER_QUESTIONS, style.BANNER_BACKGROUND),
    "time's up": (style.BANNER_TEXT, style.WARNING),
    "a rank badge": (style.NOTE_TEXT, style.TOP_VOTED),
}


@pytest.mark.parametrize("name", list(PAIRS))
def test_board_text_meets_wcag_aa(name: str) -> None:
    ink, ground = PAIRS[name]
    assert contrast(ink.name(), ground.name()) >= AA, name


@pytest.mark.parametrize("color", list(PALETTE))
def test_note_text_meets_wcag_aa_on_every_palette_colour(color: str) -> None:
    ink = LIGHT_INK if is_dark(color) else DARK_INK
    assert contrast(ink, PALETTE[color]) >= AA


@given(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True))
def test_a_custom_colour_gets_the_ink_that_reads_best_on_it(color: str) -> None:
    ink = LIGHT_INK if is_dark(color) else DARK_INK
    assert contrast(ink, color) >= max(contrast(LIGHT_INK, color), contrast(DARK_INK, color)) - 1e-9
    assert contrast(ink, color) >= 4.0  # the better of near-black and white is never far below AA


def test_contrast_matches_wcags_own_examples() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
