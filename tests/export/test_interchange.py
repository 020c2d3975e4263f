"""JSON Canvas and CSV exports: each valid as its kind of file, and a JSON Canvas export reads back as the same
notes in the same blocks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from editor.errors import CanvasFileError
from editor.export.csv_table import canvas_csv
from editor.export.formats import FORMATS, format_for
from editor.export.json_canvas import canvas_json
from editor.fileformat import available_templates, load_canvas, load_template
from editor.fileformat.json_canvas import read_json_canvas
from editor.model import PARKING_LOT, Canvas, Note

SCHEMA = json.loads((Path(__file__).parent / "json_canvas_1_0.schema.json").read_text(encoding="utf-8"))


def placed(canvas: Canvas) -> list[tuple[str, str, str]]:
    return [(block_id, note.text, note.color) for block_id, note in canvas.all_notes()]


def test_the_extensions_canvas_and_csv_choose_their_formats() -> None:
    assert format_for(Path("plan.canvas")) is FORMATS["canvas"] and not FORMATS["canvas"].needs_qt
    assert format_for(Path("plan.csv")) is FORMATS["csv"] and not FORMATS["csv"].needs_qt


def test_the_tiktok_canvas_as_json_canvas_validates_and_reads_back_the_same(tiktok_path: Path) -> None:
    tiktok = load_canvas(tiktok_path)
    tiktok.add_note(PARKING_LOT, Note("Live shopping?", color="#123abc"))
    data = json.loads(canvas_json(tiktok))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    groups = {node["label"]: node for node in data["nodes"] if node["type"] == "group"}
    assert list(groups) == [*(block.title for block in tiktok.template.blocks), "Parking Lot"]
    texts = [node for node in data["nodes"] if node["type"] == "text"]
    assert texts[-1]["text"] == tiktok.template.credit and texts[0]["text"].startswith("# TikTok")
    ids = [node["id"] for node in data["nodes"]]
    assert len(ids) == len(set(ids))
    for node in texts[1:-1]:  # every note inside its block's group
        group = next(
            g
            for g in groups.values()
            if g["x"] <= node["x"]
            and node["x"] + node["width"] <= g["x"] + g["width"]
            and g["y"] <= node["y"]
            and node["y"] + node["height"] <= g["y"] + g["height"]
        )
        assert group["id"].startswith("block-")
    boxes = list(groups.values())
    for i, a in enumerate(boxes):  # groups never overlap, however full a block is
        for b in boxes[i + 1 :]:
            assert (
                a["x"] + a["width"] <= b["x"]
                or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"]
                or b["y"] + b["height"] <= a["y"]
            )

    back = read_json_canvas(canvas_json(tiktok).encode())
    assert back.template == tiktok.template and back.title == "TikTok"
    assert placed(back) == placed(tiktok)


@pytest.mark.parametrize("template_id", sorted(available_templates()))
def test_every_template_goes_to_json_canvas_and_back(template_id: str) -> None:
    template = load_template(template_id)
    canvas = Canvas(template, blocks={block.id: [Note(f"On {block.title}", color="blue")] for block in template.blocks})
    back = read_json_canvas(canvas_json(canvas).encode())
    assert back.template == template and placed(back) == placed(canvas)


def test_a_json_canvas_from_another_tool_gives_its_groups_as_blocks() -> None:
    made_elsewhere = {
        "nodes": [
            {"id": "g1", "type": "group", "x": 0, "y": 0, "width": 400, "height": 400, "label": "Customer Segments"},
            {"id": "g2", "type": "group", "x": 500, "y": 0, "width": 400, "height": 400, "label": "Channels"},
            {"id": "a", "type": "text", "x": 20, "y": 20, "width": 100, "height": 60, "text": "Students", "color": "4"},
            {"id": "b", "type": "text", "x": 520, "y": 20, "width": 100, "height": 60, "text": "Podcasts"},
            {"id": "c", "type": "text", "x": 2000, "y": 20, "width": 100, "height": 60, "text": "Somewhere"},
            {"id": "l", "type": "link", "x": 0, "y": 900, "width": 100, "height": 60, "url": "https://example.org"},
        ],
        "edges": [{"id": "e", "fromNode": "a", "toNode": "b"}],
    }
    canvas = read_json_canvas(json.dumps(made_elsewhere).encode())
    assert canvas.template.id == "business-model-canvas"  # its groups are that canvas's blocks, by title
    assert placed(canvas) == [
        ("channels", "Podcasts", "yellow"),
        ("customer_segments", "Students", "yellow"),
        (PARKING_LOT, "Somewhere", "yellow"),
    ]
    other = {
        "nodes": [
            {"id": "g", "type": "group", "x": 0, "y": 0, "width": 9, "height": 9, "label": "Ideas & more"},
            {"id": "t", "type": "text", "x": 1, "y": 1, "width": 2, "height": 2, "text": "One"},
        ]
    }
    plain = read_json_canvas(json.dumps(other).encode())
    assert [block.title for block in plain.template.blocks] == ["Ideas & more"]
    assert placed(plain) == [("ideas_more", "One", "yellow")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"nodes": [', "<json canvas>:1:12: this is not JSON"),
        (b'{"edges": []}', "it has no list of 'nodes'"),
        (
            b'{"nodes": [{"id": "t", "type": "text", "x": 0, "y": 0, "width": 1, "height": 1}]}',
            "a text node without text",
        ),
        (
            b'{"nodes": [{"id": "t", "type": "text", "x": "0", "y": 0, "width": 1, "height": 1, "text": "a"}]}',
            "no numbers",
        ),
        (b"\xff\xfe", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "too deeply nested"),
    ],
)
def test_a_broken_json_canvas_says_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(CanvasFileError) as caught:
        read_json_canvas(data)
    assert message in str(caught.value)


def test_csv_has_a_row_per_note_and_never_a_formula(tiktok_path: Path) -> None:
    tiktok = load_canvas(tiktok_path)
    tiktok.add_note("channels", Note('=HYPERLINK("http://evil")', tags=("ads", "risky"), votes=3))
    text = canvas_csv(tiktok)
    assert text.startswith("\ufeffBlock,Text,Colour,Tags,Votes\r\n")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 1 + tiktok.note_count()
    assert rows[1][:3] == ["Key Partners", tiktok.notes("key_partners")[0].text, tiktok.notes("key_partners")[0].color]
    hostile = next(row for row in rows if "HYPERLINK" in row[1])
    assert hostile == ["Channels", '\'=HYPERLINK("http://evil")', "yellow", "ads; risky", "3"]


def test_a_json_canvas_of_more_groups_than_a_canvas_has_blocks_is_refused() -> None:
    groups = [{"id": f"g{n}", "type": "group", "x": n * 10, "y": 0, "width": 9, "height": 9} for n in range(150)]
    with pytest.raises(CanvasFileError, match="it has 150 groups; a canvas has at most 100 blocks"):
        read_json_canvas(json.dumps({"nodes": groups}).encode())


def test_a_group_label_with_a_lone_surrogate_still_saves_and_exports() -> None:
    from editor.fileformat import dump_canvas

    made = {"nodes": [{"id": "g", "type": "group", "x": 0, "y": 0, "width": 9, "height": 9, "label": "Ideas \ud800"}]}
    canvas = read_json_canvas(json.dumps(made).encode())
    assert canvas.template.blocks[0].title == "Ideas \ufffd"
    assert dump_canvas(canvas).encode("utf-8") and canvas_csv(canvas).encode("utf-8") and canvas_json(canvas)
