"""The server's guard follows the document it guards: a note the host adds later is checked as any other, and an
update it refused leaves nothing behind in what it checks the next one against."""

from __future__ import annotations

from typing import Any

from peers import host, join
from pycrdt import Doc, Map

from editor.model import Note
from editor.model.limits import MAX_TEXT
from editor.shared.doc_shape import NOTES
from editor.shared.guard import Guard


def _edit(doc: Doc[Any], change: Any) -> bytes:
    state = doc.get_state()
    change()
    return doc.get_update(state)


def test_the_guard_checks_notes_the_host_added_after_it_began_and_forgets_what_it_refused() -> None:
    alice = host("alice")
    guard = Guard(alice.shared.doc, alice.canvas.block_ids, alice.canvas.fields)
    later = Note("Added by the host later")
    alice.canvas.add_note("channels", later)  # after the guard was made
    bob = join(alice, "bob")

    too_long = _edit(bob.shared.doc, lambda: bob.canvas.update_note(later.id, text="x" * MAX_TEXT))
    bob.shared.doc.get(NOTES, type=Map)[later.id]["text"] = "y" * (MAX_TEXT + 1)
    assert guard.check(too_long) == ""  # the longest a text may be
    refused = bob.shared.doc.get_update(alice.shared.doc.get_state())
    assert "characters long" in guard.check(refused)
    assert alice.canvas.note(later.id).text == "Added by the host later"  # the document itself never took it

    carol = join(alice, "carol")
    ok = _edit(carol.shared.doc, lambda: carol.canvas.update_note(later.id, text="Fine"))
    assert guard.check(ok) == ""
    assert guard.check(b"\x00garbage") == "what it sent is not a Yjs update."
    assert guard.check(ok) == ""  # still itself after garbage


def test_changes_that_wait_for_changes_never_sent_are_checked_when_they_take_effect() -> None:
    """A peer sends a change to a note it made but has not sent: it waits in the document, unseen, and would take
    effect once the note comes, also after the guard has made its shadow again (after refusing something)."""
    alice = host("alice")
    guard = Guard(alice.shared.doc, alice.canvas.block_ids, alice.canvas.fields)
    eve = join(alice, "eve")
    hidden = Note("Looks harmless")
    made = _edit(eve.shared.doc, lambda: eve.canvas.add_note("channels", hidden))
    notes = eve.shared.doc.get(NOTES, type=Map)
    spoilt = _edit(eve.shared.doc, lambda: notes[hidden.id].__setitem__("block", "nowhere"))
    assert guard.check(spoilt) == ""  # nothing of it can take effect yet
    alice.shared.doc.apply_update(spoilt)  # and the document keeps it waiting
    assert guard.check(b"\x00garbage") != ""  # refused: the shadow is made again
    assert "not a block" in guard.check(made)  # the note comes, and what waited is checked with it
