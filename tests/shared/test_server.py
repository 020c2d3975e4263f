"""A session's server on loopback: peers with the link share the canvas; no one without the key gets a byte of it;
a peer that breaks the rules is disconnected and harms nothing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import pytest
from peers import host
from pycrdt import Awareness, Doc, Map, create_awareness_message, create_update_message
from websockets.asyncio.client import connect as open_websocket
from websockets.exceptions import ConnectionClosed, InvalidStatus

from editor.fileformat import load_template
from editor.model import Note
from editor.model.limits import MAX_TEXT
from editor.shared.ballots import BALLOTS, TALLIED, cast
from editor.shared.client import connect, session_url
from editor.shared.mirror import SharedCanvas
from editor.shared.server import BURST, Link, SessionServer


def session(test: Callable[[SessionServer, Any], Awaitable[None]]) -> None:
    """Run `test` with a server on loopback serving a host's shared canvas."""
    alice = host("alice")
    server = SessionServer(alice.shared.doc, alice.canvas.block_ids, alice.canvas.fields, refused=alice.refused.append)

    async def main() -> None:
        async with anyio.create_task_group() as group:
            await group.start(server.run)
            with anyio.fail_after(20):
                await test(server, alice)
            server.stop()
            group.cancel_scope.cancel()

    anyio.run(main)


async def until(condition: Callable[[], bool]) -> None:
    while not condition():
        await anyio.sleep(0.01)


async def joined(url: str, group: Any) -> SharedCanvas:
    doc: Doc[Any] = Doc()
    await group.start(connect, url, doc)
    return SharedCanvas.join(doc, load_template, f"peer-{id(doc)}")


def test_peers_with_the_link_edit_one_canvas_through_the_server() -> None:
    async def test(server: SessionServer, alice: Any) -> None:
        async with anyio.create_task_group() as group:
            bob = await joined(server.link.url, group)
            carol = await joined(server.link.url, group)
            assert bob.canvas == alice.canvas == carol.canvas
            bob.canvas.add_note("channels", Note("Bob's, over the network"))
            alice.canvas.set_title("Alice renamed it")
            await until(lambda: alice.canvas == bob.canvas == carol.canvas and alice.canvas.note_count() == 6)
            assert carol.canvas.title == "Alice renamed it" and alice.refused == []
            group.cancel_scope.cancel()

    session(test)


def test_without_the_key_no_one_connects() -> None:
    async def test(server: SessionServer, alice: Any) -> None:
        link = server.link
        for wrong in (Link(link.host, link.port, link.room, "guessed"), Link(link.host, link.port, "other", link.key)):
            with pytest.raises(InvalidStatus) as refused:
                async with open_websocket(wrong.url):
                    pass
            assert refused.value.response.status_code == 403
            assert b"Canvas" not in refused.value.response.body and b"Creators" not in refused.value.response.body

    session(test)


@pytest.mark.parametrize(
    "attack",
    [
        "not the protocol",
        "unreadable update",
        "unreadable awareness",
        "bad note",
        "too big",
        "flood",
        "tally",
        "bad ballot",
        "stage",
    ],
)
def test_a_peer_that_breaks_the_rules_is_disconnected_and_the_canvas_is_unharmed(attack: str) -> None:
    async def test(server: SessionServer, alice: Any) -> None:
        before = alice.canvas.content()
        async with open_websocket(server.link.url, max_size=None) as rogue:
            await rogue.recv()  # the server's first sync step
            if attack == "not the protocol":
                await rogue.send("hello, is this a canvas?")
            elif attack == "unreadable update":
                await rogue.send(b"\x00\x02\x05garbage")
            elif attack == "unreadable awareness":
                await rogue.send(b"\x01\x03\x01\xff")  # one state, then a client id cut short
            elif attack == "bad note":
                doc: Doc[Any] = Doc()
                doc.apply_update(alice.shared.doc.get_update())
                notes = doc.get("notes", type=Map)
                state = doc.get_state()
                notes[alice.canvas.notes("channels")[0].id]["text"] = "x" * (MAX_TEXT + 1)
                await rogue.send(create_update_message(doc.get_update(state)))
            elif attack in ("tally", "bad ballot"):
                doc = Doc()
                doc.apply_update(alice.shared.doc.get_update())
                state = doc.get_state()
                note_id = alice.canvas.notes("channels")[0].id
                if attack == "tally":
                    doc.get(TALLIED, type=Map)["1.abcdef12"] = Map({note_id: 5})
                else:
                    doc.get(BALLOTS, type=Map)["1.abcdef12"] = Map({note_id: "all of them"})
                await rogue.send(create_update_message(doc.get_update(state)))
            elif attack == "stage":
                awareness = Awareness(Doc())
                awareness.set_local_state({"user": {"name": "Eve"}, "stage": {"read_only": True}})
                await rogue.send(create_awareness_message(awareness.encode_awareness_update([awareness.client_id])))
            elif attack == "too big":
                await rogue.send(b"\x00\x02" + b"x" * (9 * 2**20))
            else:
                for _ in range(BURST + 50):
                    await rogue.send(b"\x01\x01\x00")  # an empty awareness update
            with pytest.raises(ConnectionClosed):
                while True:
                    await rogue.recv()
        assert alice.canvas.content() == before
        if attack != "too big":  # the WebSocket layer itself refuses a frame past the limit
            assert alice.refused and "disconnected" in alice.refused[-1]
        async with anyio.create_task_group() as group:  # and the session goes on for the others
            bob = await joined(server.link.url, group)
            assert bob.canvas == alice.canvas
            group.cancel_scope.cancel()

    session(test)


def test_a_link_names_its_session_or_says_what_is_missing() -> None:
    link = Link("192.168.1.23", 8765, "room1", "secret")
    assert session_url(f"  {link.url} ") == "ws://192.168.1.23:8765/room1?k=secret"
    assert session_url("wss://yjs.example.org/our-canvas") == "wss://yjs.example.org/our-canvas"  # any y-websocket room
    for bad, says in [("http://x", "starts ws://"), ("ws://host:8765/", "names no session"), ("", "starts ws://")]:
        with pytest.raises(ValueError, match=says):
            session_url(bad)


def test_while_the_canvas_is_read_only_peers_cannot_change_it_but_can_vote() -> None:
    async def test(server: SessionServer, alice: Any) -> None:
        server.read_only = True
        before = alice.canvas.content()
        async with anyio.create_task_group() as group:
            bob = await joined(server.link.url, group)
            app = bob.canvas.notes("channels")[0].id
            cast(bob.doc, 1, "b0b0b0b0", {app: 2}, bob.origin)
            await until(lambda: len(alice.shared.doc.get(BALLOTS, type=Map)) == 1)
            bob.canvas.add_note("channels", Note("Sneaked in"))
            await until(lambda: any("read-only" in problem for problem in alice.refused))
            assert alice.canvas.content() == before
            group.cancel_scope.cancel()

    session(test)


def test_a_removed_participant_is_disconnected_and_their_device_cannot_come_back() -> None:
    async def test(server: SessionServer, alice: Any) -> None:
        awareness = Awareness(Doc())
        awareness.set_local_state({"user": {"name": "Eve", "color": "#d81b60"}})
        async with open_websocket(server.link.url) as eve:
            await eve.send(create_awareness_message(awareness.encode_awareness_update([awareness.client_id])))
            await until(lambda: awareness.client_id in server.room.awareness.states)
            assert await server.remove(awareness.client_id)
            with pytest.raises(ConnectionClosed) as closed:
                while True:
                    await eve.recv()
            assert closed.value.rcvd is not None and "removed" in closed.value.rcvd.reason
        await until(lambda: awareness.client_id not in server.room.awareness.states)
        with pytest.raises(InvalidStatus):
            async with open_websocket(server.link.url):
                pass
        assert not await server.remove(awareness.client_id)  # gone already

    session(test)


def test_a_peer_that_went_but_is_still_listed_costs_no_one_else_their_connection() -> None:
    """The room relays a peer's messages and the host's changes to every peer it lists, from one task; a peer whose
    connection closed a moment before (just removed, or its network gone) may still be listed then."""

    async def test(server: SessionServer, alice: Any) -> None:
        bob, eve = Awareness(Doc()), Awareness(Doc())
        bob.set_local_state({"user": {"name": "Bob", "color": "#1e88e5"}})
        eve.set_local_state({"user": {"name": "Eve", "color": "#d81b60"}})
        async with anyio.create_task_group() as group:
            bob_canvas = await joined(server.link.url, group)
            async with open_websocket(server.link.url) as bob_link, open_websocket(server.link.url) as eve_link:
                await bob_link.send(create_awareness_message(bob.encode_awareness_update([bob.client_id])))
                await eve_link.send(create_awareness_message(eve.encode_awareness_update([eve.client_id])))
                await until(lambda: {bob.client_id, eve.client_id} <= set(server.room.awareness.states))
                (removed,) = [peer for peer in server._peers if eve.client_id in peer.clients]
                assert await server.remove(eve.client_id)
                await until(lambda: removed not in server.room.clients)
                server.room.clients.add(removed)  # as it is until its own loop has seen the close
                bob.set_local_state({"user": {"name": "Bob, renamed", "color": "#1e88e5"}})
                await bob_link.send(create_awareness_message(bob.encode_awareness_update([bob.client_id])))
                alice.canvas.add_note("channels", Note("After Eve went"))
                await until(lambda: bob_canvas.canvas == alice.canvas)
                await until(lambda: server.room.awareness.states[bob.client_id]["user"]["name"] == "Bob, renamed")
                await bob_link.ping()  # still connected
                server.room.clients.discard(removed)
            group.cancel_scope.cancel()

    session(test)


def test_a_peer_speaks_only_for_itself_and_what_it_passes_on_of_others_is_left_out() -> None:
    """A y-websocket browser client sends on the states it hears (the host's, the others'): not a reason to cut it
    off, nor a way to change what the host or another peer says."""

    async def test(server: SessionServer, alice: Any) -> None:
        server.room.awareness.set_local_state({"user": {"name": "Alice"}, "stage": {"read_only": False}})
        bob = Awareness(Doc())
        bob.set_local_state({"user": {"name": "Bob", "color": "#1e88e5"}})
        host_as_eve = Awareness(Doc(client_id=server.room.awareness.client_id))
        host_as_eve.set_local_state({"user": {"name": "Not Alice"}, "stage": {"read_only": True}})
        bob_as_eve = Awareness(Doc(client_id=bob.client_id))
        bob_as_eve.set_local_state({"user": {"name": "Not Bob"}})
        bob_as_eve.set_local_state({"user": {"name": "Not Bob, again"}})  # a newer clock than Bob's
        eve = Awareness(Doc())
        eve.set_local_state({"user": {"name": "Eve", "color": "#d81b60"}})
        async with open_websocket(server.link.url) as bob_link, open_websocket(server.link.url) as eve_link:
            await bob_link.send(create_awareness_message(bob.encode_awareness_update([bob.client_id])))
            await until(lambda: bob.client_id in server.room.awareness.states)
            for message in (
                host_as_eve.encode_awareness_update([host_as_eve.client_id]),
                bob_as_eve.encode_awareness_update([bob.client_id]),
                eve.encode_awareness_update([eve.client_id]),
            ):
                await eve_link.send(create_awareness_message(message))
            await until(lambda: eve.client_id in server.room.awareness.states)
            states = server.room.awareness.states
            assert states[server.room.awareness.client_id]["user"]["name"] == "Alice"
            assert states[bob.client_id]["user"]["name"] == "Bob"
            await eve_link.ping()  # still connected
            await bob_link.ping()
        assert not alice.refused

    session(test)
