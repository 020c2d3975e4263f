"""Comparing two canvases matches notes as a person would: an edit is an edit, a move is a move, duplicates pair in
order, and the header and legend say what changed."""

from __future__ import annotations

from pathlib import Path

from editor.fileformat import load_canvas, parse_canvas
from editor.model import PARKING_LOT, Note
from editor.model.compare import ADDED, EDITED, MOVED, RECOLOURED, REMOVED, TAGS, VOTES, compare

OLD = b"""\
format: 1
title: Lemonade stand
designed_by: Ana
legend:
  green: Health-minded
blocks:
  customer_segments:
    - Thirsty neighbours
    - Joggers in the park
  value_propositions:
    - Cold lemonade on a hot day
    - Sugar-free option
  channels:
    - Flyers
    - Flyers
    - A sign on the corner
  revenue_streams:
    - text: Cups at 2 euros
      votes: 1
"""


def changed(old: bytes, new: bytes) -> list[tuple[str, str, tuple[str, ...]]]:
    """Each change as (block, text now or before, aspects)."""
    diff = compare(parse_canvas(old), parse_canvas(new))
    return [(c.block_id, (c.new or c.old).note.text, c.aspects) for c in diff.notes]  # type: ignore[union-attr]


def test_a_canvas_compared_with_itself_is_the_same() -> None:
    diff = compare(parse_canvas(OLD), parse_canvas(OLD))
    assert diff.same and diff.unchanged == 8 and diff.notes == () and diff.header == ()


def test_a_typo_fixed_is_an_edit_not_a_removal_and_an_addition() -> None:
    new = OLD.replace(b"Joggers in the park", b"Joggers in the parks")
    assert changed(OLD, new) == [("customer_segments", "Joggers in the parks", (EDITED,))]


def test_a_note_moved_to_another_block_is_a_move_from_there() -> None:
    new = OLD.replace(b"    - A sign on the corner\n", b"").replace(
        b"  revenue_streams:", b"  key_partners:\n    - A sign on the corner\n  revenue_streams:"
    )
    diff = compare(parse_canvas(OLD), parse_canvas(new))
    (change,) = diff.notes
    assert change.aspects == (MOVED,) and change.old.block_id == "channels" and change.new.block_id == "key_partners"  # type: ignore[union-attr]


def test_a_note_moved_and_reworded_is_still_one_note() -> None:
    new = OLD.replace(b"    - Sugar-free option\n", b"").replace(
        b"  channels:", b"  customer_relationships:\n    - A sugar-free option\n  channels:"
    )
    assert changed(OLD, new) == [("customer_relationships", "A sugar-free option", (MOVED, EDITED))]


def test_recoloured_revoted_and_retagged_notes_say_so() -> None:
    new = OLD.replace(
        b"    - text: Cups at 2 euros\n      votes: 1\n",
        b"    - text: Cups at 2 euros\n      votes: 4\n      color: blue\n      tags: [price]\n",
    )
    assert changed(OLD, new) == [("revenue_streams", "Cups at 2 euros", (RECOLOURED, VOTES, TAGS))]


def test_duplicate_texts_pair_in_order_and_the_one_taken_away_is_the_removal() -> None:
    new = OLD.replace(b"    - Flyers\n    - Flyers\n", b"    - Flyers\n")
    diff = compare(parse_canvas(OLD), parse_canvas(new))
    (change,) = diff.notes
    assert change.aspects == (REMOVED,) and change.old.note.text == "Flyers" and change.old.index == 1  # type: ignore[union-attr]
    assert diff.unchanged == 7


def test_added_and_removed_notes_and_the_parking_lot() -> None:
    new = OLD.replace(b"    - Thirsty neighbours\n", b"") + b"parking_lot:\n  - A second stand?\n"
    assert changed(OLD, new) == [
        ("customer_segments", "Thirsty neighbours", (REMOVED,)),
        (PARKING_LOT, "A second stand?", (ADDED,)),
    ]


def test_unlike_texts_are_not_paired_however_close_their_places() -> None:
    new = OLD.replace(b"Cold lemonade on a hot day", b"Free refills on Sundays")
    assert changed(OLD, new) == [
        ("value_propositions", "Cold lemonade on a hot day", (REMOVED,)),
        ("value_propositions", "Free refills on Sundays", (ADDED,)),
    ]


def test_the_header_and_the_legend_say_what_changed() -> None:
    new = (
        OLD.replace(b"title: Lemonade stand", b"title: Lemonade stands")
        .replace(b"designed_by: Ana", b"designed_by: Ana and Ben")
        .replace(b"  green: Health-minded\n", b"  green: Health-minded people\n  pink: Children\n")
    )
    diff = compare(parse_canvas(OLD), parse_canvas(new))
    assert [(h.what, h.old, h.new) for h in diff.header] == [
        ("Title", "Lemonade stand", "Lemonade stands"),
        ("Designed by", "Ana", "Ana and Ben"),
        ("Legend: green", "Health-minded", "Health-minded people"),
        ("Legend: pink", "", "Children"),
    ]
    assert diff.notes == ()


def test_notes_that_kept_their_ids_match_by_id_whatever_their_text(tiktok_path: Path) -> None:
    old = load_canvas(tiktok_path)
    new = load_canvas(tiktok_path)
    note = old.notes("channels")[0]
    new.remove_note(new.notes("channels")[0].id)
    new.add_note("key_partners", Note("Something else entirely", id=note.id))
    diff = compare(old, new)
    (change,) = diff.notes
    assert change.aspects == (MOVED, EDITED) and change.old.note is note  # type: ignore[union-attr]
    assert compare(old, load_canvas(tiktok_path)).same  # read twice: no ids in the file, matched by text
