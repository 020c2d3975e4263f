"""A canvas of a template that is not shipped carries its template, so that it opens anywhere; a file naming a
template no one has still gives up its notes, on a plain grid of its blocks."""

from __future__ import annotations

import pytest

from editor.errors import CanvasFileError, UnknownTemplateError
from editor.fileformat import dump_canvas, parse_canvas, read_canvas
from editor.fileformat.reader import read_on_plain_grid
from editor.fileformat.templates import load_template
from editor.model import PARKING_LOT, BlockSpec, Canvas, HeaderField, Note, Template

RETRO = Template(
    "team-retro",
    "Team Retrospective",
    "Ours, CC0",
    2,
    1,
    (HeaderField("sprint", "Sprint"),),
    (
        BlockSpec("went_well", "Went Well", ("What helped us?",), 0, 0, 1, 1),
        BlockSpec("to_change", "To Change", (), 1, 0, 1, 1, meaning="problem"),
    ),
    ("went_well", "to_change"),
    "At the end of a sprint.",
)


def retro_canvas() -> Canvas:
    return Canvas(
        RETRO,
        title="Sprint 12",
        fields={"sprint": "12"},
        blocks={"went_well": [Note("Pairing")], "to_change": [Note("Long stand-ups", color="pink")]},
    )


def test_a_canvas_of_a_template_not_shipped_carries_it_and_reads_back_the_same() -> None:
    text = dump_canvas(retro_canvas())
    assert text.startswith(
        "format: 1\n"
        "template:\n"
        "  id: team-retro\n"
        "  name: Team Retrospective\n"
        "  credit: Ours, CC0\n"
        "  description: At the end of a sprint.\n"
        "  columns: 2\n"
        "  rows: 1\n"
        "  header:\n"
        "  - id: sprint\n"
        "    label: Sprint\n"
        "  blocks:\n"
        "  - id: went_well\n"
        "    title: Went Well\n"
        "    grid: [0, 0, 1, 1]\n"
        "    questions:\n"
        "    - What helped us?\n"
        "  - id: to_change\n"
        "    title: To Change\n"
        "    meaning: problem\n"
        "    grid: [1, 0, 1, 1]\n"
    )
    read = parse_canvas(text.encode())
    assert read.template == RETRO and read == retro_canvas()
    assert dump_canvas(read) == text


def test_a_shipped_template_is_named_by_its_id_alone_and_a_changed_one_is_carried() -> None:
    lean = load_template("lean-canvas")
    assert dump_canvas(Canvas(lean)) == "format: 1\ntemplate: lean-canvas\n"
    assert dump_canvas(Canvas(load_template("business-model-canvas"))) == "format: 1\n"
    changed = lean._replace(name="Lean Canvas, our way")
    text = dump_canvas(Canvas(changed))
    assert "template:\n  id: lean-canvas\n  name: Lean Canvas, our way\n" in text
    assert parse_canvas(text.encode()).template == changed


def test_a_hand_written_carried_template_keeps_its_lines_when_a_note_changes() -> None:
    text = dump_canvas(retro_canvas()).replace("  columns: 2\n", "  columns: 2  # two halves\n")
    canvas, layout = read_canvas(text.encode())
    canvas.add_note("went_well", Note("Demos"))
    saved = dump_canvas(canvas, layout)
    assert "  columns: 2  # two halves\n" in saved  # the template's lines as written
    assert saved.replace("    - Demos\n", "") == text  # only the new note added
    assert parse_canvas(saved.encode()).notes("went_well")[-1].text == "Demos"


def test_a_template_named_but_not_carried_is_located_and_its_notes_open_on_a_plain_grid() -> None:
    data = (
        b"format: 1\ntemplate: team-retro\ntitle: Sprint 12\nsprint: '12'\n"
        b"blocks:\n  went_well:\n  - Pairing\n  to_change:\n  - Long stand-ups\n  - Late reviews\n"
        b"parking_lot:\n- Offsite?\n"
    )
    with pytest.raises(UnknownTemplateError) as caught:
        parse_canvas(data, "retro.yaml")
    assert caught.value.template_id == "team-retro"
    assert str(caught.value).startswith(
        "retro.yaml:2:11: unknown template 'team-retro', and the file does not carry it. Allowed: business-model"
    )
    canvas = read_on_plain_grid(data, "retro.yaml")
    assert [block.title for block in canvas.template.blocks] == ["Went Well", "To Change"]
    assert [n.text for n in canvas.notes("to_change")] == ["Long stand-ups", "Late reviews"]
    assert [n.text for n in canvas.notes(PARKING_LOT)] == ["Offsite?"]
    assert canvas.title == "Sprint 12" and canvas.fields == {"sprint": "12"}
    assert canvas.template.name == "team-retro (its blocks on a plain grid)"
    again = parse_canvas(dump_canvas(canvas).encode())  # saved, it carries its plain grid
    assert again == canvas


def test_a_carried_template_with_problems_is_reported_where_they_are() -> None:
    data = (
        b"format: 1\ntemplate:\n  id: x\n  name: X\n  credit: ''\n  columns: 1\n  rows: 1\n"
        b"  blocks:\n  - {id: a, title: A, grid: [0, 0, 2, 1]}\n"
    )
    with pytest.raises(CanvasFileError, match=r"<canvas>:9:29: grid is"):
        parse_canvas(data)


def test_a_plain_grid_has_every_block_the_file_names_and_no_more_than_a_canvas_may_have() -> None:
    canvas = read_on_plain_grid(b"format: 1\ntemplate: ours\nblocks:\n  ideas: [One]\n  later: []\n")
    assert [block.id for block in canvas.template.blocks] == ["ideas", "later"]
    many = b"format: 1\ntemplate: ours\nblocks:\n" + b"".join(f"  b{n}: [x]\n".encode() for n in range(150))
    with pytest.raises(CanvasFileError, match="it names 150 blocks; a canvas has at most 100"):
        read_on_plain_grid(many)
