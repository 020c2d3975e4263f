"""Writing canvas files: stable bytes, text as written, and a round trip that loses nothing."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from canvases import BMC
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.fileformat import FileState, dump_canvas, load_canvas, load_template, open_canvas, parse_canvas, save_canvas
from editor.model import PALETTE, PARKING_LOT, Canvas, Note

TEMPLATE = load_template("business-model-canvas")
YAML_1_1_TRAPS = [
    "no",
    "No",
    "on",
    "off",
    "yes",
    "y",
    "n",
    "~",
    "null",
    "1:30",
    "0755",
    "0o17",
    "0x1f",
    "2024-03-05",
    "1e3",
    ".inf",
    ".nan",
    "-",
    "? a",
    "- a",
    "#hash",
    "&anchor",
    "*alias",
    "!tag",
    "%directive",
    "@at",
    "`tick",
    "'quoted'",
    '"dq"',
    "a: b",
    "a #b",
    "  padded  ",
    "",
    " ",
    "\t",
    "line\nbreak",
    "trailing\n",
    "\nleading",
    "crlf\r\nline",
    "tab\tinside",
]

texts = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=60),
    st.sampled_from(YAML_1_1_TRAPS),
)
colors = st.one_of(st.sampled_from(list(PALETTE)), st.from_regex(r"#[0-9a-f]{6}", fullmatch=True))
fractions = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
notes = st.builds(
    Note,
    text=texts,
    color=colors,
    tags=st.lists(texts, max_size=3).map(tuple),
    votes=st.integers(min_value=0, max_value=99),
    position=st.none() | st.tuples(fractions, fractions),
)
canvases = st.builds(
    lambda title, fields, legend, blocks: Canvas(TEMPLATE, title=title, fields=fields, legend=legend, blocks=blocks),
    title=texts,
    fields=st.fixed_dictionaries({field: texts for field in TEMPLATE.header_ids}),
    legend=st.dictionaries(colors, texts, max_size=3),
    blocks=st.fixed_dictionaries({block: st.lists(notes, max_size=3) for block in (*TEMPLATE.block_ids, PARKING_LOT)}),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(canvases)
def test_round_trip_keeps_everything_and_saving_again_gives_the_same_bytes(canvas: Canvas) -> None:
    text = dump_canvas(canvas)
    loaded = parse_canvas(text.encode("utf-8"))
    assert loaded == canvas
    assert dump_canvas(loaded) == text


def test_example_resaves_to_the_same_bytes(tiktok_path: Path) -> None:
    original = tiktok_path.read_text(encoding="utf-8")
    assert dump_canvas(load_canvas(tiktok_path)) == original


def test_saved_file_is_plain_readable_yaml() -> None:
    canvas = Canvas(BMC, title="Café ☕ 東京", blocks={"channels": [Note("no"), Note("two\nlines", color="blue")]})
    shared = Note("same", tags=("x", "x"))
    canvas.add_note("key_partners", shared)
    text = dump_canvas(canvas)
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "title: Café ☕ 東京\n" in text  # Unicode as itself, not \u escapes
    assert "  - 'no'\n" in text  # quoted so that any YAML reader keeps it text
    assert "    - text: |-\n        two\n        lines\n      color: blue\n" in text  # a block, not "\\n"
    assert "&" not in text and "*" not in text and "!!" not in text
    keys = [line.strip().split(":")[0] for line in text.splitlines() if line.startswith("  ") and line[2] != " "]
    assert keys == ["key_partners", "channels"]  # the blocks that hold notes, in the template's order


def test_default_notes_are_written_as_plain_strings() -> None:
    canvas = Canvas(BMC, blocks={"channels": [Note("Ads"), Note("Events", color="pink", votes=2)]})
    text = dump_canvas(canvas)
    assert text == "format: 1\nblocks:\n  channels:\n    - Ads\n    - text: Events\n      color: pink\n      votes: 2\n"


def test_save_and_open_tell_the_state_of_the_file_they_wrote_and_read(tmp_path: Path) -> None:
    path = tmp_path / "state.yaml"
    canvas = Canvas(BMC, title="State", blocks={"channels": [Note("App store")]})
    written, _ = save_canvas(canvas, path)
    assert written == FileState.now(path)
    assert written.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    read, state, _ = open_canvas(path)
    assert read == canvas and state == written
    assert written.changed_content(path) is None
    os.utime(path, (1, 1))
    assert written.same_content(FileState.now(path))  # touched, not changed
    assert written.changed_content(path) is None
    path.write_bytes(path.read_bytes() + b"\n")
    assert not written.same_content(FileState.now(path))
    assert written.changed_content(path) == FileState.now(path)
    path.unlink()
    assert FileState.now(path) is None and written.changed_content(path) is None


def test_the_text_made_in_pieces_reads_back_as_the_canvas(monkeypatch: pytest.MonkeyPatch, tiktok_path: Path) -> None:
    from editor.fileformat import writer

    canvases = [
        load_canvas(tiktok_path),
        Canvas(BMC),
        Canvas(BMC, blocks={"channels": [Note(f"n{i}") for i in range(7)]}),
        Canvas(BMC, blocks={"channels": [Note("a")], PARKING_LOT: [Note(f"p{i}", votes=i) for i in range(5)]}),
    ]
    pauses: list[int] = []
    monkeypatch.setattr(writer, "CHUNK", 2)
    pieces = [writer.dump_content(canvas.content(), pause=lambda: pauses.append(1)) for canvas in canvases]
    assert pieces == [dump_canvas(canvas) for canvas in canvases]  # the same text, where no note ends in blank lines
    assert len(pauses) == sum((len(notes) + 1) // 2 for c in canvases for _, notes in c.content()[4])
    assert [parse_canvas(text.encode("utf-8")) for text in pieces] == canvases


@given(canvases)
@example(Canvas(BMC, fields={"version": "\n"}))  # a header ending in "|+": its piece ended its document with "..."
@example(Canvas(BMC, blocks={"channels": [Note("a\n\n"), Note("b\n...\n\n")], "key_partners": [Note("c\n\n")]}))
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_any_canvas_made_in_the_smallest_pieces_reads_back_as_itself(canvas: Canvas) -> None:
    from editor.fileformat import writer

    saved, writer.CHUNK = writer.CHUNK, 1
    try:
        text = writer.dump_content(canvas.content(), pause=lambda: None)
    finally:
        writer.CHUNK = saved
    assert parse_canvas(text.encode("utf-8")) == canvas


def test_the_parking_lot_is_written_after_the_blocks_and_only_when_it_holds_notes() -> None:
    canvas = Canvas(
        BMC, blocks={"channels": [Note("Ads")], PARKING_LOT: [Note("Pricing?"), Note("Offline", color="grey")]}
    )
    text = dump_canvas(canvas)
    assert text.endswith("blocks:\n  key_partners: []\n") is False
    assert "\nparking_lot:\n  - Pricing?\n  - text: Offline\n    color: grey\n" in text
    assert text.index("\nblocks:") < text.index("\nparking_lot:")
    assert parse_canvas(text.encode()) == canvas
    assert "parking_lot" not in dump_canvas(Canvas(BMC, blocks={"channels": [Note("Ads")]}))
