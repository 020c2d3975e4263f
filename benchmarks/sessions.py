"""Shared canvases against their floor, in the same run: `python benchmarks/sessions.py` (about a minute).

- A change reaching the others: one peer adds and moves notes at a workshop's pace (20 changes a second); the time
  from the change on its canvas to the change on each other peer's canvas, p95, with 2 and with 30 peers. Ours: our
  server (its guard tries each update on a copy of the document first) and SharedCanvas on every peer. Floor: bare
  pycrdt documents syncing the same changes through pycrdt-websocket's plain server, over the same WebSockets.
- Joining a canvas of 5,000 notes: from connecting to holding the canvas (ours), or the document (floor).
- The stored history after 10,000 edits, before and after squashing.

Prints a Markdown table; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
from pycrdt import Doc, Map
from pycrdt.store import SQLiteYStore
from pycrdt.websocket import YRoom
from websockets.asyncio.server import serve

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from canvases import generated_canvas  # noqa: E402

from editor.fileformat import load_template  # noqa: E402
from editor.model import Move, Note  # noqa: E402
from editor.shared.channel import WebsocketChannel  # noqa: E402
from editor.shared.client import connect  # noqa: E402
from editor.shared.mirror import SharedCanvas  # noqa: E402
from editor.shared.server import SessionServer  # noqa: E402

CHANGES = 100
PACE = 0.05  # seconds between changes: 20 a second, a busy room


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


async def ours(peers: int) -> list[float]:
    host = SharedCanvas.host(generated_canvas(40), "host")
    canvas = host.canvas
    server = SessionServer(host.doc, canvas.block_ids, canvas.fields)
    arrived: dict[str, list[float]] = {}
    async with anyio.create_task_group() as group:
        await group.start(server.run)
        others = []
        for _ in range(peers - 1):
            doc: Doc[Any] = Doc()
            await group.start(connect, server.link.url, doc)
            other = SharedCanvas.join(doc, load_template, "peer")
            other.canvas.subscribe(lambda event: arrived.setdefault(_text(event), []).append(time.perf_counter()))
            others.append(other)
        sent = await _changes(lambda i: _change(canvas, i))
        await _settle(lambda: all(len(arrived.get(text, [])) == len(others) for text in sent))
        group.cancel_scope.cancel()
    return [t - sent[text] for text, times in arrived.items() if text in sent for t in times]


async def floor(peers: int) -> list[float]:
    host: Doc[Any] = Doc()
    notes = host.get("notes", type=Map)
    room = YRoom(ydoc=host)
    arrived: dict[str, list[float]] = {}

    async def handler(connection: Any) -> None:
        await room.serve(WebsocketChannel(connection, "room"))

    async with anyio.create_task_group() as group:
        await group.start(room.start)
        async with serve(handler, "127.0.0.1", 0) as listening:
            url = f"ws://127.0.0.1:{next(iter(listening.sockets)).getsockname()[1]}/room"
            watched = []  # a subscription lasts as long as the Map object it was made on
            for _ in range(peers - 1):
                doc: Doc[Any] = Doc()
                await group.start(connect, url, doc)
                watched.append(doc.get("notes", type=Map))
                watched[-1].observe_deep(lambda events: _arrived(events, arrived))

            def change(i: int) -> str:
                key = f"n{i}"
                notes[key] = Map({"text": key, "block": "channels", "order": f"a{i}"})
                return key

            sent = await _changes(change)
            await _settle(lambda: all(len(arrived.get(key, [])) == peers - 1 for key in sent))
            group.cancel_scope.cancel()
    return [t - sent[key] for key, times in arrived.items() if key in sent for t in times]


def _arrived(events: list[Any], arrived: dict[str, list[float]]) -> None:
    now = time.perf_counter()
    for event in events:
        if not event.path:
            for key in event.keys:
                arrived.setdefault(str(key), []).append(now)


def _change(canvas: Any, i: int) -> str:
    """Every other change adds a note, the others move the last one added: what a room does most."""
    text = f"change {i}"
    note = canvas.add_note("channels", Note(text))
    if i % 2:
        canvas.move_notes([Move(note.id, "customer_segments", 0, (0.5, 0.5))])
    return text


def _text(event: Any) -> str:
    note = getattr(event, "note", None)
    return note.text if note is not None else ""


async def _changes(make: Callable[[int], str]) -> dict[str, float]:
    sent = {}
    for i in range(CHANGES):
        start = time.perf_counter()
        sent[make(i)] = start
        await anyio.sleep(PACE)
    return sent


async def _settle(done: Callable[[], bool]) -> None:
    with anyio.fail_after(60):
        while not done():
            await anyio.sleep(0.01)


async def joining(notes: int) -> tuple[float, float]:
    host = SharedCanvas.host(generated_canvas(notes), "host")
    server = SessionServer(host.doc, host.canvas.block_ids, host.canvas.fields)
    async with anyio.create_task_group() as group:
        await group.start(server.run)
        start = time.perf_counter()
        doc: Doc[Any] = Doc()
        await group.start(connect, server.link.url, doc)
        synced = time.perf_counter()
        joined = SharedCanvas.join(doc, load_template, "peer")
        done = time.perf_counter()
        assert joined.canvas.note_count() == notes
        group.cancel_scope.cancel()
    return done - start, synced - start


async def history(edits: int) -> tuple[int, int]:
    """The store's size once every edit's update is written, and the size of the one update a squash leaves."""
    with tempfile.TemporaryDirectory() as folder:
        store = SQLiteYStore("canvas")
        store.db_path = str(Path(folder) / "history.sqlite")
        host = SharedCanvas.host(generated_canvas(200), "host")
        updates = [host.doc.get_update()]
        host.doc.observe(lambda event: updates.append(event.update))
        notes = [note.id for _, note in host.canvas.all_notes()]
        for i in range(edits):
            host.canvas.update_note(notes[i % len(notes)], text=f"edit {i}")
        async with anyio.create_task_group() as group:
            await group.start(store.start)
            for update in updates:
                await store.write(update)
            size = Path(store.db_path).stat().st_size
            await store.stop()
            group.cancel_scope.cancel()
        return size, len(host.doc.get_update())


def main() -> None:
    print("| case | ours | floor, same run | ratio | target | met |\n|---|---|---|---|---|---|")
    for peers in (2, 30):
        mine, bare = anyio.run(ours, peers), anyio.run(floor, peers)
        ratio = p95(mine) / p95(bare)
        met = ratio <= 2 and p95(mine) < 0.1
        print(
            f"| a change on the others' canvases, p95, {peers} peers | {p95(mine) * 1000:.1f} ms | "
            f"{p95(bare) * 1000:.1f} ms | {ratio:.2f}x | ≤ 2x and < 100 ms | {'yes' if met else '**no**'} |"
        )
    joined, synced = anyio.run(joining, 5000)
    print(
        f"| join a canvas of 5,000 notes | {joined * 1000:.0f} ms | {synced * 1000:.0f} ms (the document alone) | "
        f"{joined / synced:.2f}x | ≤ 2x | {'yes' if joined / synced <= 2 else '**no**'} |"
    )
    before, after = anyio.run(history, 10_000)
    print(
        f"| stored history after 10,000 edits | {before / 1024:.0f} KiB | {after / 1024:.0f} KiB once squashed | | | |"
    )


if __name__ == "__main__":
    main()
