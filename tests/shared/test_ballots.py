"""Dots of a shared round: each participant's own until they may show, added once each into the notes' votes by the
host, however many place them at once, and a ballot no round could hold is left out."""

from __future__ import annotations

from peers import Peer, host, join, sync
from pycrdt import Map

from editor.shared.ballots import BALLOTS, cast, tally


def _note(peer: Peer, text: str) -> str:
    return next(note.id for _, note in peer.canvas.all_notes() if note.text == text)


def _votes(peer: Peer) -> dict[str, int]:
    return {note.text: note.votes for _, note in peer.canvas.all_notes() if note.votes}


def test_dots_placed_at_once_by_three_peers_all_count_and_each_once() -> None:
    alice = host("alice")
    bob, carol = join(alice, "bob"), join(alice, "carol")
    app, ads = _note(alice, "The app"), _note(alice, "Ads")
    cast(alice.shared.doc, 1, "a1a1a1a1", {app: 2}, "alice")
    cast(bob.shared.doc, 1, "b2b2b2b2", {app: 1, ads: 1}, "bob")
    cast(carol.shared.doc, 1, "c3c3c3c3", {app: 3}, "carol")
    sync(alice, bob, carol)
    assert tally(alice.shared.doc, {1: 10}) == 2  # notes whose votes changed
    assert tally(alice.shared.doc, {1: 10}) == 0  # nothing is added twice
    sync(alice, bob, carol)
    for peer in (alice, bob, carol):
        assert _votes(peer) == {"The app": 6, "Ads": 1}
    # Bob takes his dot back from Ads and gives it to the app.
    cast(bob.shared.doc, 1, "b2b2b2b2", {app: 2}, "bob")
    sync(alice, bob, carol)
    tally(alice.shared.doc, {1: 10})
    sync(alice, bob, carol)
    for peer in (alice, bob, carol):
        assert _votes(peer) == {"The app": 7}


def test_a_ballot_with_more_dots_than_the_round_gives_or_garbage_is_left_out() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    app = _note(alice, "The app")
    cast(bob.shared.doc, 1, "b2b2b2b2", {app: 11}, "bob")
    ballots = bob.shared.doc.get(BALLOTS, type=Map)
    ballots["1.e3e3e3e3"] = Map({app: "lots"})
    ballots["1.f4f4f4f4"] = Map({app: -3})
    sync(alice, bob)
    assert tally(alice.shared.doc, {1: 10}) == 0
    assert _votes(alice) == {}


def test_only_the_ballots_of_rounds_the_host_ran_are_counted() -> None:
    alice = host("alice")
    app = _note(alice, "The app")
    cast(alice.shared.doc, 1, "a1a1a1a1", {app: 2}, "alice")
    assert tally(alice.shared.doc, {2: 10}) == 0
    assert tally(alice.shared.doc, {1: 10}) == 1
    assert _votes(alice) == {"The app": 2}
