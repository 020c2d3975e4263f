"""A peer that writes what a canvas cannot hold: each change is refused with a sentence, the canvas keeps what it
had, and the changes that are sound still arrive."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peers import host, join
from pycrdt import Doc, Map

from editor.model.limits import MAX_LEGEND, MAX_NOTES, MAX_TAGS, MAX_TEXT


def rogue(of: Any) -> tuple[Doc[Any], Map[Any], Map[Any]]:
    """A raw pycrdt peer on the same document, bound by none of the app's checks."""
    doc: Doc[Any] = Doc()
    doc.apply_update(of.shared.doc.get_update())
    return doc, doc.get("notes", type=Map), doc.get("canvas", type=Map)


def send(doc: Doc[Any], to: Any) -> None:
    to.shared.doc.apply_update(doc.get_update(to.shared.doc.get_state()))


BAD_FIELDS = [
    ({"text": "x" * (MAX_TEXT + 1)}, "10,001 characters long"),
    ({"text": 12}, "must be text"),
    ({"color": "red; drop table"}, "not a palette colour"),
    ({"tags": ["ok"] * (MAX_TAGS + 1)}, "at most 10"),
    ({"tags": "pricing"}, "a list of words"),
    ({"votes": -1}, "whole number"),
    ({"votes": 1.5}, "whole number"),
    ({"votes": True}, "whole number"),
    ({"at": [2, 0]}, "two fractions"),
    ({"at": [float("nan"), 0.5]}, "two fractions"),
    ({"block": "the_moon"}, "not a block"),
    ({"order": "!!"}, "order key"),
    ({"order": "zz"}, "order key"),
]


@pytest.mark.parametrize(("fields", "says"), BAD_FIELDS)
def test_a_bad_value_in_a_note_is_refused_and_the_note_keeps_its_own(fields: dict[str, Any], says: str) -> None:
    alice = host("alice")
    before = alice.canvas.content()
    doc, notes, _ = rogue(alice)
    note_id = alice.canvas.notes("channels")[0].id
    with doc.transaction():
        for key, value in fields.items():
            notes[note_id][key] = value
    send(doc, alice)
    assert alice.canvas.content() == before
    assert len(alice.refused) == 1 and says in alice.refused[0], alice.refused


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ("just a string", "not a map"),
        (Map({"text": "Far away", "block": "the_moon", "order": "a0"}), "not a block"),
        (Map({"text": ["a", "list"], "block": "channels", "order": "a5"}), "must be text"),
    ],
)
def test_a_note_that_is_no_note_is_not_added(entry: Any, says: str) -> None:
    alice = host("alice")
    before = alice.canvas.content()
    doc, notes, _ = rogue(alice)
    notes["rogue-1"] = entry
    send(doc, alice)
    assert alice.canvas.content() == before and says in alice.refused[0]


def test_a_note_with_values_left_out_takes_their_defaults_on_every_peer() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    doc, notes, _ = rogue(alice)
    notes["bare-1"] = Map({"text": "Only text"})
    send(doc, alice)
    send(doc, bob)
    for peer in (alice, bob):
        note = peer.canvas.note("bare-1")
        assert peer.canvas.block_of("bare-1") == "parking_lot" and (note.color, note.votes) == ("yellow", 0)
    assert alice.canvas == bob.canvas and alice.refused == []


def test_a_note_whose_id_no_file_could_hold_is_not_added() -> None:
    alice = host("alice")
    doc, notes, _ = rogue(alice)
    notes["not an id!"] = Map({"text": "Hi", "block": "channels", "order": "a5"})
    send(doc, alice)
    assert alice.canvas.note_count() == 5 and "id" in alice.refused[0]


def test_a_bad_header_or_legend_is_refused_whole() -> None:
    alice = host("alice")
    before = alice.canvas.content()
    doc, _, header = rogue(alice)
    for key, value in [
        ("title", Map({"nested": "x"})),
        ("designed_by", "y" * (MAX_TEXT + 1)),
        ("legend", [["ultraviolet", "Unseen"]]),
        ("legend", [["#ffffff", str(index)] for index in range(MAX_LEGEND + 1)]),
        ("legend", "yellow"),
    ]:
        header[key] = value
        send(doc, alice)
        assert alice.canvas.content() == before, key
        header[key] = before[1] if key == "title" else ""
    assert len(alice.refused) == 5


def test_sound_changes_still_arrive_after_bad_ones() -> None:
    alice = host("alice")
    doc, notes, header = rogue(alice)
    note_id = alice.canvas.notes("channels")[0].id
    notes[note_id]["color"] = "no colour"
    send(doc, alice)
    notes[note_id]["color"] = "green"
    notes[note_id]["text"] = "Fixed"
    header["title"] = "Renamed"
    send(doc, alice)
    note = alice.canvas.note(note_id)
    assert (note.color, note.text, alice.canvas.title) == ("green", "Fixed", "Renamed")


def test_a_peer_cannot_fill_a_canvas_past_its_most_notes() -> None:
    alice = host("alice")
    doc, notes, _ = rogue(alice)
    room = MAX_NOTES - alice.canvas.note_count()
    with doc.transaction():
        for index in range(room + 3):
            notes[f"n{index}"] = Map({"text": str(index), "block": "parking_lot", "order": "a0"})
    send(doc, alice)
    assert alice.canvas.note_count() == MAX_NOTES and len(alice.refused) == 3


def test_a_joiner_leaves_out_what_it_cannot_read_and_says_so() -> None:
    alice = host("alice")
    doc, notes, _ = rogue(alice)
    notes[alice.canvas.notes("channels")[0].id]["votes"] = "many"
    send(doc, alice)
    bob = join(alice, "bob")
    assert bob.canvas.note_count() == 4 and "votes" in bob.refused[0]


json_like = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from(["text", "color", "tags", "votes", "at", "block", "order", "extra"]),
    value=json_like,
)
def test_whatever_a_fuzzing_peer_writes_the_canvas_stays_one_a_file_could_hold(key: str, value: Any) -> None:
    from editor.fileformat import dump_canvas, parse_canvas

    alice = host("alice")
    doc, notes, _ = rogue(alice)
    note_id = alice.canvas.notes("channels")[0].id
    notes[note_id][key] = Map(value) if isinstance(value, dict) else value
    send(doc, alice)
    assert parse_canvas(dump_canvas(alice.canvas).encode()) == alice.canvas  # saved and read back, unchanged
