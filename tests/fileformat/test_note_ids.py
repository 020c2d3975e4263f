"""Note ids in a file: optional, kept where they were written, checked as every value is, never doubled."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.fileformat import CanvasFileError, dump_canvas, dump_content, open_canvas, parse_canvas, save_canvas
from editor.fileformat.clipboard import notes_from_yaml, notes_to_yaml
from editor.model import Canvas, Note

WITH_IDS = """\
format: 1
title: Ids
blocks:
  key_partners:
    - text: Creators
      id: creators-1
    - Brands
  channels:
    - text: The app
      color: pink
      id: 3f2a9c0e41b7d655
"""


def test_a_file_names_its_notes_and_keeps_their_ids_through_a_save(tmp_path: Path) -> None:
    path = tmp_path / "ids.yaml"
    path.write_text(WITH_IDS, encoding="utf-8")
    canvas, _, layout = open_canvas(path)
    creators, brands = canvas.notes("key_partners")
    assert (creators.id, canvas.notes("channels")[0].id) == ("creators-1", "3f2a9c0e41b7d655")
    assert canvas.note("creators-1") is creators
    assert brands.id not in ("creators-1", "3f2a9c0e41b7d655")  # a note without one gets its own

    canvas.update_note("creators-1", text="Creators and their fans")
    canvas.add_note("key_partners", Note("Music labels"))
    save_canvas(canvas, path, layout)
    saved = path.read_text(encoding="utf-8")
    assert "    - text: Creators and their fans\n      id: creators-1\n" in saved
    assert "    - Brands\n" in saved and "    - Music labels\n" in saved  # no id where none was written
    assert saved.count("id:") == 2
    again = parse_canvas(saved.encode())
    assert again.note("creators-1").text == "Creators and their fans"


def test_a_new_file_and_a_recovery_copy_write_the_ids_notes_keep() -> None:
    canvas = parse_canvas(WITH_IDS.encode())
    for text in (dump_canvas(canvas), dump_content(canvas.content())):
        again = parse_canvas(text.encode())
        assert [note.id for note in again.notes("channels")] == ["3f2a9c0e41b7d655"]
        assert again == canvas


def test_a_file_without_ids_stays_valid_and_gains_none() -> None:
    text = "format: 1\nblocks:\n  channels:\n    - The app\n    - text: Ads\n      color: blue\n"
    canvas = parse_canvas(text.encode())
    assert "id:" not in dump_canvas(canvas)


@pytest.mark.parametrize(
    ("note", "says"),
    [
        ("{text: A, id: a b}", "1 to 64 letters, digits"),
        ("{text: A, id: [x]}", "1 to 64 letters, digits"),
        ("{text: A, id: " + "x" * 65 + "}", "1 to 64 letters, digits"),
        ("{text: A, id: ''}", "1 to 64 letters, digits"),
    ],
)
def test_an_id_a_note_cannot_have_is_a_problem_at_its_line(note: str, says: str) -> None:
    text = f"format: 1\nblocks:\n  channels:\n    - B\n    - {note}\n"
    with pytest.raises(CanvasFileError) as raised:
        parse_canvas(text.encode(), "bad.yaml")
    assert raised.value.first.line == 5 and says in raised.value.first.message


def test_two_notes_with_one_id_are_a_problem_at_the_second() -> None:
    text = WITH_IDS + "  cost_structure:\n    - text: Servers\n      id: creators-1\n"
    with pytest.raises(CanvasFileError) as raised:
        parse_canvas(text.encode(), "twice.yaml")
    problem = raised.value.first
    assert problem.line == 14 and "line 6 gives another note this id" in problem.message


def test_a_canvas_refuses_a_second_note_with_an_id_it_has() -> None:
    canvas = parse_canvas(WITH_IDS.encode())
    twin = Note("Twin")
    twin.id = "creators-1"
    with pytest.raises(ValueError, match="creators-1"):
        canvas.add_note("channels", twin)
    assert canvas.note("creators-1").text == "Creators" and canvas.note_count() == 3


def test_notes_pasted_are_new_notes_whatever_ids_their_text_gives() -> None:
    canvas = parse_canvas(WITH_IDS.encode())
    copied = notes_to_yaml(canvas.template, [("key_partners", canvas.note("creators-1"))])
    assert "id:" not in copied  # a copy is a new note
    handwritten = b"format: 1\nblocks:\n  channels:\n    - text: Ads\n      id: creators-1\n"
    first, second = notes_from_yaml(handwritten), notes_from_yaml(handwritten)
    ids = {first[0][1].id, second[0][1].id, "creators-1"}
    assert len(ids) == 3
    for _, note in (*first, *second):
        canvas.add_note("channels", note)
    assert canvas.note_count() == 5 and "id:" not in dump_canvas(
        Canvas(canvas.template, blocks={"channels": [n for _, n in first]})
    )
