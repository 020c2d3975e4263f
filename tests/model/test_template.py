"""The Business Model Canvas template: the data the board is drawn from matches the domain reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.errors import CanvasFileError
from editor.fileformat import load_template
from editor.fileformat.templates import available_templates, read_template

# CANVAS.md: blocks on a 10-column, 3-row grid, end-exclusive.
EXPECTED_GRID = {
    "key_partners": ("Key Partners", (0, 2), (0, 2)),
    "key_activities": ("Key Activities", (2, 4), (0, 1)),
    "key_resources": ("Key Resources", (2, 4), (1, 2)),
    "value_propositions": ("Value Propositions", (4, 6), (0, 2)),
    "customer_relationships": ("Customer Relationships", (6, 8), (0, 1)),
    "channels": ("Channels", (6, 8), (1, 2)),
    "customer_segments": ("Customer Segments", (8, 10), (0, 2)),
    "cost_structure": ("Cost Structure", (0, 5), (2, 3)),
    "revenue_streams": ("Revenue Streams", (5, 10), (2, 3)),
}


def test_business_model_canvas_matches_the_domain_reference() -> None:
    template = load_template("business-model-canvas")
    assert (template.columns, template.rows) == (10, 3)
    found = {
        b.id: (b.title, (b.column, b.column + b.column_span), (b.row, b.row + b.row_span)) for b in template.blocks
    }
    assert found == EXPECTED_GRID
    assert template.fill_order[:2] == ("customer_segments", "value_propositions")
    assert template.fill_order[-1] == "cost_structure"
    assert sorted(template.fill_order) == sorted(template.block_ids)
    assert template.credit == "The Business Model Canvas by Strategyzer AG, strategyzer.com, CC BY-SA 3.0"
    assert [f.label for f in template.header] == ["Designed for", "Designed by", "Date", "Version"]
    assert all(block.questions for block in template.blocks)
    assert template.block("customer_segments").questions[0] == "For whom are we creating value?"


def test_every_shipped_template_loads() -> None:
    assert "business-model-canvas" in available_templates()
    for template_id in available_templates():
        assert load_template(template_id).id == template_id
    with pytest.raises(KeyError):
        load_template("value-proposition-canvas")  # not openly licensed: never shipped


def test_a_broken_template_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "id: x\nname: X\ncredit: c\ncolumns: 2\nrows: 1\nblocks:\n  - id: a\n    title: A\n    grid: [1, 0, 2, 1]\n"
    )
    with pytest.raises(CanvasFileError, match=r"broken\.yaml:9:11: grid is"):
        read_template(path)


def test_the_open_canvases_ship_with_their_credit_and_a_fill_order_over_every_block() -> None:
    credits = {
        "lean-canvas": "CC BY-SA 3.0",
        "product-vision-board": "CC BY-SA 3.0",
        "team-canvas": "CC BY-SA 4.0",
    }
    assert set(credits) | {"business-model-canvas"} == set(available_templates())
    for template_id, licence in credits.items():
        template = load_template(template_id)
        assert template.credit.endswith(licence)
        assert template.description
        assert sorted(template.fill_order) == sorted(template.block_ids)
        assert all(block.questions for block in template.blocks)
    lean = load_template("lean-canvas")
    assert len(lean.blocks) == 9
    assert lean.fill_order[:3] == ("customer_segments", "problem", "unique_value_proposition")
    assert lean.block("unique_value_proposition").sense == "value_propositions"
    assert lean.block("channels").sense == "channels"
    assert load_template("product-vision-board").blocks[0].title == "Vision"
    assert len(load_template("team-canvas").blocks) == 9


def test_a_template_with_an_unknown_key_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(
        "id: x\nname: X\ncredit: c\ncolumns: 1\nrows: 1\nblocks:\n  - id: a\n    title: A\n    meening: b\n"
        "    grid: [0, 0, 1, 1]\n"
    )
    with pytest.raises(CanvasFileError, match=r"typo\.yaml:9:5: .*meening"):
        read_template(path)


def test_ids_are_short_and_the_parking_lot_is_no_block(tmp_path: Path) -> None:
    path = tmp_path / "ids.yaml"
    long = "a" * 65
    path.write_text(
        "id: x\nname: X\ncredit: c\ncolumns: 2\nrows: 1\nblocks:\n"
        "  - {id: parking_lot, title: P, grid: [0, 0, 1, 1]}\n"
        f"  - {{id: {long}, title: L, grid: [1, 0, 1, 1]}}\n"
    )
    with pytest.raises(CanvasFileError) as caught:
        read_template(path)
    assert "'parking_lot' is the parking lot's" in str(caught.value)
    assert "is up to 64 lower-case letters" in str(caught.value)


def test_the_code_names_the_business_model_canvas_in_one_place_the_default_for_a_file_without_template() -> None:
    """Issue 17: templates are passed in, not assumed; a second spelling of the default would drift from it."""
    package = Path(__file__).resolve().parents[2] / "editor"
    naming = sorted(
        str(module.relative_to(package))
        for module in package.rglob("*.py")
        if "business-model-canvas" in module.read_text(encoding="utf-8")
    )
    assert naming == ["fileformat/templates.py"]
