"""The shipped TikTok example: built from the seed documents, coloured by customer segment."""

from __future__ import annotations

from pathlib import Path

from editor.fileformat import load_canvas

SEGMENT_COLOURS = {"yellow", "pink", "blue", "green"}


def test_tiktok_fills_every_block_with_short_notes_and_a_header(tiktok_path: Path) -> None:
    canvas = load_canvas(tiktok_path)
    assert canvas.fields["designed_for"] == "TikTok (ByteDance)"
    assert canvas.fields["date"] == "As of July 2023"
    for block_id in canvas.template.block_ids:
        notes = canvas.notes(block_id)
        assert len(notes) >= 4, block_id
        assert all(len(note.text.split()) <= 9 for note in notes), block_id  # one idea, a few words


def test_tiktok_colours_mean_customer_segments(tiktok_path: Path) -> None:
    canvas = load_canvas(tiktok_path)
    assert set(canvas.legend) == SEGMENT_COLOURS
    assert {note.color for _, note in canvas.all_notes()} <= SEGMENT_COLOURS
    segments = {note.color: note.text for note in canvas.notes("customer_segments")}
    assert {"yellow", "pink", "blue"} <= set(segments)


def test_tiktok_follows_the_seed_order_and_derives_key_resources(tiktok_path: Path) -> None:
    canvas = load_canvas(tiktok_path)
    assert canvas.notes("revenue_streams")[0].text == "TikTok Coin commissions"
    assert canvas.notes("channels")[0].text.startswith("Apple App Store")
    resources = " ".join(note.text for note in canvas.notes("key_resources")).lower()
    for word in ("algorithm", "data centers", "developer", "creator community"):
        assert word in resources
