"""A shared canvas carried by the reference y-websocket server (npm @y/websocket-server, on Yjs 13) instead of
ours: two desktop peers edit one canvas through it, as a team would on a server that scales."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anyio
import pytest
from peers import host
from pycrdt import Doc, Map

from editor.fileformat import load_template
from editor.model import Move, Note
from editor.shared.client import connect
from editor.shared.mirror import SharedCanvas

pytestmark = pytest.mark.slow


async def until(condition: Callable[[], bool]) -> None:
    with anyio.fail_after(10):
        while not condition():
            await anyio.sleep(0.02)


def test_two_desktop_peers_share_a_canvas_through_the_reference_server(reference_server: str) -> None:
    url = f"{reference_server}/workshop-room"
    alice = host("alice")

    async def main() -> None:
        async with anyio.create_task_group() as group:
            await group.start(connect, url, alice.shared.doc)
            doc: Doc[Any] = Doc()
            await group.start(connect, url, doc)
            await until(lambda: len(doc.get("notes", type=Map)) == 5)
            bob = SharedCanvas.join(doc, load_template, "bob")
            assert bob.canvas == alice.canvas
            bob.canvas.add_note("channels", Note("Through the reference server"))
            first = alice.canvas.notes("key_partners")[0].id
            alice.canvas.move_notes([Move(first, "customer_segments", 0, None)])
            await until(lambda: alice.canvas == bob.canvas and alice.canvas.note_count() == 6)
            assert bob.canvas.block_of(first) == "customer_segments"
            bob.undo()  # Bob's own note goes; Alice's move stays
            await until(lambda: alice.canvas.note_count() == 5)
            assert alice.canvas == bob.canvas and alice.canvas.block_of(first) == "customer_segments"
            group.cancel_scope.cancel()

    anyio.run(main)
