"""Random concurrent edits from three peers, synced in random order: every peer ends with the same canvas, each
block in the order its keys say, and that canvas saves to the same file on every peer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peers import Peer, host, join, sync

from editor.fileformat import dump_canvas
from editor.model import Move, Note

BLOCKS = ["channels", "key_partners", "customer_segments", "parking_lot"]

step = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(BLOCKS), st.integers(0, 8), st.text(min_size=1, max_size=6)),
    st.tuples(st.just("edit"), st.integers(0, 30), st.sampled_from(["text", "color", "votes"]), st.integers(0, 5)),
    st.tuples(st.just("move"), st.integers(0, 30), st.sampled_from(BLOCKS), st.integers(0, 8)),
    st.tuples(st.just("remove"), st.integers(0, 30)),
    st.tuples(st.just("title"), st.text(max_size=6)),
    st.tuples(
        st.just("undo"),
    ),
    st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
)


def apply(peer: Peer, action: tuple[object, ...]) -> None:
    canvas = peer.canvas
    notes = [note for _, note in canvas.all_notes()]
    kind = action[0]
    if kind == "add":
        _, block_id, index, text = action
        canvas.add_note(str(block_id), Note(str(text)), int(index))
    elif kind == "title":
        canvas.set_title(str(action[1]))
    elif kind == "undo":
        peer.shared.undo()
    elif notes:
        note = notes[int(action[1]) % len(notes)]
        if kind == "edit":
            _, _, field, value = action
            values = {
                "text": f"t{value}",
                "color": ["yellow", "pink", "blue", "green", "grey", "white"][int(value)],
                "votes": int(value),
            }
            canvas.update_note(note.id, **{str(field): values[str(field)]})
        elif kind == "move":
            _, _, block_id, index = action
            size = len(canvas.notes(str(block_id))) - (canvas.block_of(note.id) == block_id)
            canvas.move_notes([Move(note.id, str(block_id), min(int(index), size), None)])
        elif kind == "remove":
            canvas.remove_note(note.id)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(st.tuples(st.integers(0, 2), step), max_size=30))
def test_random_concurrent_edits_converge_on_every_peer(steps: list[tuple[int, tuple[object, ...]]]) -> None:
    alice = host("alice")
    peers = [alice, join(alice, "bob"), join(alice, "carol")]
    for who, action in steps:
        if action[0] == "sync":
            sync(peers[int(action[1])], peers[int(action[2])])
        else:
            apply(peers[who], action)
    sync(*peers)
    first = peers[0]
    for peer in peers[1:]:
        assert peer.canvas == first.canvas, (peer.shared.origin, steps)
        assert dump_canvas(peer.canvas) == dump_canvas(first.canvas)
    for peer in peers:
        assert peer.refused == []
        for block_id in peer.canvas.block_ids:
            keys = [(peer.shared.order_of(note.id), note.id) for note in peer.canvas.notes(block_id)]
            assert keys == sorted(keys), (block_id, keys)
