"""A shared canvas between peers: every change reaches every peer, concurrent ones merge, undo takes back only one's
own, and a peer that was away merges without a lost, doubled or resurrected note."""

from __future__ import annotations

from peers import host, join, sync

from editor.model import Move, Note


def test_a_peer_that_joins_holds_the_hosts_canvas_in_its_order() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    assert bob.canvas == alice.canvas
    assert bob.order("key_partners") == ["Creators", "Brands"] and bob.canvas.legend == {"yellow": "Creators"}
    assert [n.id for n in bob.canvas.notes("channels")] == [n.id for n in alice.canvas.notes("channels")]


def test_every_kind_of_change_reaches_the_other_peer() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    canvas = alice.canvas
    creators, brands = (note.id for note in canvas.notes("key_partners"))
    canvas.add_note("key_activities", Note("Moderation", color="green", tags=("trust",)))
    canvas.update_note(creators, text="Creators and fans", color="pink", votes=3, position=(0.25, 0.5))
    canvas.move_notes([Move(brands, "customer_segments", 0, None)])
    canvas.remove_note(canvas.notes("channels")[1].id)
    canvas.set_title("Shared, renamed")
    canvas.set_field("designed_by", "The workshop")
    canvas.set_legend({"pink": "Celebrities", "#123abc": "Ours"})
    sync(alice, bob)
    assert bob.canvas == alice.canvas
    assert bob.order("customer_segments") == ["Brands", "Viewers"]
    assert bob.canvas.note(creators).position == (0.25, 0.5) and bob.canvas.note(creators).votes == 3
    assert bob.canvas.header("designed_by") == "The workshop" and bob.refused == []


def test_concurrent_edits_of_one_note_keep_both_fields_and_agree_on_one() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    note_id = alice.canvas.notes("channels")[0].id
    alice.canvas.update_note(note_id, text="The TikTok app")
    bob.canvas.update_note(note_id, color="blue")
    alice.canvas.set_title("Alice's title")
    bob.canvas.set_title("Bob's title")
    sync(alice, bob)
    note = alice.canvas.note(note_id)
    assert (note.text, note.color) == ("The TikTok app", "blue")
    assert alice.canvas == bob.canvas and alice.canvas.title in ("Alice's title", "Bob's title")


def test_notes_added_at_one_place_at_once_are_both_kept_in_one_order() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    alice.canvas.add_note("channels", Note("Alice's"))
    bob.canvas.add_note("channels", Note("Bob's"))
    alice.canvas.add_note("channels", Note("Alice's first"), 0)
    bob.canvas.add_note("channels", Note("Bob's first"), 0)
    sync(alice, bob)
    assert alice.order("channels") == bob.order("channels")
    assert sorted(alice.order("channels")) == sorted(
        ["The app", "Ads", "Alice's", "Bob's", "Alice's first", "Bob's first"]
    )
    # A note added between the two that tie, here, lands where it was put, on both.
    middle = alice.order("channels").index("Bob's") if "Bob's" in alice.order("channels")[3:] else 3
    alice.canvas.add_note("channels", Note("Between"), middle)
    expected = alice.order("channels")
    sync(alice, bob)
    assert bob.order("channels") == alice.order("channels") == expected


def test_undo_takes_back_only_ones_own_change() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    note_id = alice.canvas.notes("channels")[0].id
    alice.canvas.update_note(note_id, text="Alice's words")
    sync(alice, bob)
    bob.canvas.update_note(note_id, color="pink")
    sync(alice, bob)
    assert alice.shared.undo()
    sync(alice, bob)
    for peer in (alice, bob):
        assert (peer.canvas.note(note_id).text, peer.canvas.note(note_id).color) == ("The app", "pink")
    assert not bob.shared.undo_manager.can_redo() and alice.shared.redo()
    sync(alice, bob)
    assert bob.canvas.note(note_id).text == "Alice's words"


def test_undo_of_a_move_keeps_what_another_peer_then_wrote_in_the_note() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    note_id = alice.canvas.notes("channels")[0].id
    alice.canvas.move_notes([Move(note_id, "revenue_streams", 0, (0.5, 0.5))])
    sync(alice, bob)
    bob.canvas.update_note(note_id, text="In-app purchases")
    sync(alice, bob)
    alice.shared.undo()
    sync(alice, bob)
    for peer in (alice, bob):
        assert peer.canvas.block_of(note_id) == "channels" and peer.canvas.index_of(note_id) == 0
        assert peer.canvas.note(note_id).text == "In-app purchases" and peer.canvas.note(note_id).position is None
    assert alice.canvas == bob.canvas


def test_changes_made_together_undo_as_one_step() -> None:
    alice = host("alice")
    with alice.shared.change():
        alice.canvas.add_note("channels", Note("One"))
        alice.canvas.add_note("channels", Note("Two"))
    assert alice.order("channels") == ["The app", "Ads", "One", "Two"]
    alice.shared.undo()
    assert alice.order("channels") == ["The app", "Ads"]


def test_a_peer_away_from_the_network_merges_without_lost_doubled_or_resurrected_notes() -> None:
    alice = host("alice")
    bob = join(alice, "bob")
    carol = join(alice, "carol")
    ads = alice.canvas.notes("channels")[1].id
    # Carol loses the network and keeps editing; the others go on without her.
    carol.canvas.add_note("channels", Note("Carol's, offline"))
    carol.canvas.update_note(ads, text="Ads, as Carol sees them")
    alice.canvas.remove_note(ads)
    bob.canvas.add_note("channels", Note("Bob's"))
    sync(alice, bob)
    # She comes back, twice over (a flaky reconnect sends her whole state again).
    sync(alice, bob, carol)
    sync(carol, alice, bob)
    for peer in (alice, bob, carol):
        texts = peer.order("channels")
        assert sorted(texts) == ["Bob's", "Carol's, offline", "The app"], peer.shared.origin
        assert not peer.canvas.has_note(ads)
    assert alice.canvas == bob.canvas == carol.canvas
