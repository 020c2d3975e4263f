"""A shared canvas of a template that is not shipped carries it: a peer without the template sees the same board,
and no peer may change the canvas's kind."""

from __future__ import annotations

from typing import Any

import pytest
from pycrdt import Doc, Map

from editor.fileformat import load_template
from editor.fileformat.templates import carried_text, read_carried
from editor.model import Canvas, Note
from editor.shared.doc_shape import CANVAS, CARRIED, BadValueError
from editor.shared.guard import Guard
from editor.shared.mirror import SharedCanvas

OURS = load_template("lean-canvas")._replace(id="our-lean", name="Our Lean Canvas")


def joined(host: SharedCanvas, name: str) -> SharedCanvas:
    doc: Doc[Any] = Doc()
    doc.apply_update(host.doc.get_update())
    return SharedCanvas.join(doc, load_template, name, carried=read_carried)


def test_a_peer_without_the_template_joins_on_the_one_the_host_carries() -> None:
    canvas = Canvas(OURS, blocks={"problem": [Note("Slow checkouts")]})
    assert carried_text(OURS) and not carried_text(load_template("lean-canvas"))  # shipped ones are named only
    alice = SharedCanvas.host(canvas, "alice", carried=carried_text(OURS))
    bob = joined(alice, "bob")
    assert bob.canvas.template == OURS and bob.canvas == canvas
    with pytest.raises(BadValueError, match="'our-lean', which this program does not have"):
        SharedCanvas.join(alice.doc, load_template, "carol")  # a program that cannot read carried templates


def test_no_peer_may_change_the_kind_of_a_shared_canvas() -> None:
    alice = SharedCanvas.host(Canvas(OURS), "alice", carried=carried_text(OURS))
    guard = Guard(alice.doc, alice.canvas.block_ids, alice.canvas.fields)
    bob = joined(alice, "bob")
    for key, value in (("template", "business-model-canvas"), (CARRIED, '{"id": "x"}')):
        state = bob.doc.get_state()
        bob.doc.get(CANVAS, type=Map)[key] = value
        assert "cannot change in a session" in guard.check(bob.doc.get_update(state))
    carol_doc: Doc[Any] = Doc()
    carol_doc.apply_update(alice.doc.get_update())
    carol = SharedCanvas.join(carol_doc, load_template, "carol", carried=read_carried)
    carol.canvas.add_note("problem", Note("Fine"))
    update = carol.doc.get_update(alice.doc.get_state())
    assert guard.check(update) == ""  # a note is fine


def test_a_carried_template_that_is_not_one_is_refused_in_a_sentence() -> None:
    with pytest.raises(ValueError, match="the shared canvas's template:1:1"):
        read_carried("[1, 2]")
    with pytest.raises(ValueError, match="grid is"):
        read_carried(
            '{"id": "x", "name": "X", "credit": "", "columns": 1, "rows": 1, '
            '"blocks": [{"id": "a", "title": "A", "grid": [0, 0, 9, 1]}]}'
        )
