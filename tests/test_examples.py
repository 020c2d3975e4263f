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


def test_tiktok_as_a_lean_canvas_fills_its_blocks_from_the_same_seeds() -> None:
    from editor import paths

    path = paths.examples_dir() / "tiktok-lean.yaml"
    assert path in paths.example_files()  # File > Open Example lists it
    canvas = load_canvas(path)
    assert canvas.template.id == "lean-canvas" and canvas.title == "TikTok (Lean Canvas)"
    for block_id in canvas.template.block_ids:
        notes = canvas.notes(block_id)
        assert len(notes) >= 4, block_id
        assert all(len(note.text.split()) <= 9 for note in notes), block_id  # one idea, a few words
    assert {note.color for _, note in canvas.all_notes()} <= SEGMENT_COLOURS
    sub_boxes = {
        "problem": "existing alternatives",
        "unique_value_proposition": "high-level concept",
        "customer_segments": "early adopters",
    }
    for block_id, tag in sub_boxes.items():
        assert any(tag in note.tags for note in canvas.notes(block_id)), block_id
    metrics = " ".join(note.text for note in canvas.notes("key_metrics")).lower()
    assert "downloads" in metrics and "users" in metrics
    advantage = " ".join(note.text for note in canvas.notes("unfair_advantage")).lower()
    assert "algorithm" in advantage and "creator community" in advantage
    text = path.read_text(encoding="utf-8")
    assert "WebSpero" in text and "Jia" in text  # where the notes come from, block by block
