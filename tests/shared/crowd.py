"""A room of simulated participants: y-websocket clients that join a session as the participants' page does, add
notes at a workshop's pace and place their dots in the host's voting round. Run as a process of its own, so that
the host's process pays only for hosting:

    python tests/shared/crowd.py LINK [--people 30] [--notes 3] [--dots 5] [--pace 1.0] [--seed 1]

It prints one JSON line when everyone has added their notes and placed their dots ({"placed": {"notes": {text:
the moment it was added, on the CLOCK_MONOTONIC that every process here shares}, "dots": total}}), keeps the dots
of a hidden round until the host reveals it, and a last line ({"counted": true}) once the host has added every
ballot into the votes; then it leaves (with --stay, it stays after the first line until it is ended). Nothing here
decides what passes: the test or the benchmark that started it compares with what the host holds.
"""

from __future__ import annotations

import argparse
import json
import random
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio
from pycrdt import Awareness, Doc, Map

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.fileformat import load_template
from editor.model import Note
from editor.model.note import NoteId
from editor.shared.ballots import TALLIED, ballot_key, cast
from editor.shared.client import connect, session_url
from editor.shared.mirror import SharedCanvas
from editor.shared.presence import presence
from editor.shared.stage import Round, hosts_stage

WAIT = 60.0  # seconds for anything the host does; far beyond a loaded machine's slowness
COLOR = "#1e88e5"  # everyone's, in the host's list


async def until(condition: Callable[[], bool], what: str) -> None:
    with anyio.move_on_after(WAIT):
        while not condition():
            await anyio.sleep(0.02)
        return
    raise TimeoutError(f"waited {WAIT:.0f} s in vain for {what}")


class Participant:
    """One device: its copy of the canvas, its awareness state and its dots (kept until the counts may show)."""

    def __init__(self, index: int) -> None:
        self.name = f"Guest {index + 1}"
        self.doc: Doc[Any] = Doc()
        self.awareness = Awareness(self.doc)
        self.awareness.set_local_state(presence(self.name, COLOR))
        self.voter = secrets.token_hex(8)
        self.mine: dict[NoteId, int] = {}
        self.shared: SharedCanvas | None = None

    async def join(self, url: str, group: Any) -> None:
        await group.start(self.awareness.start)  # (renews this device's state, as a browser's client does)
        await group.start(connect, url, self.doc, self.awareness)
        self.shared = SharedCanvas.join(self.doc, load_template, self.name)

    def round(self) -> Round | None:
        stage = hosts_stage(self.awareness.states)
        return stage.round if stage is not None else None

    async def take_part(self, notes: int, dots: int, pace: float, rng: random.Random, added: dict[str, float]) -> None:
        assert self.shared is not None
        canvas = self.shared.canvas
        for number in range(notes):
            await anyio.sleep(rng.uniform(0.5, 1.5) * pace)
            text = f"{self.name}: idea {number + 1}"
            added[text] = time.monotonic()
            canvas.add_note(rng.choice(canvas.block_ids), Note(text))
        await until(lambda: self.round() is not None, "a voting round")
        for _ in range(dots):
            await anyio.sleep(rng.uniform(0.1, 0.5) * pace)
            note_id = rng.choice([note.id for _, note in canvas.all_notes()])
            self.mine[note_id] = self.mine.get(note_id, 0) + 1
            self._cast_if_open()

    def _cast_if_open(self) -> None:
        voting = self.round()
        if voting is None:
            return
        self.awareness.set_local_state(presence(self.name, COLOR, voted=(voting.number, sum(self.mine.values()))))
        if voting.visible:
            cast(self.doc, voting.number, self.voter, self.mine, self.name)

    async def until_counted(self) -> None:
        """The dots cast once the counts may show (at once in an open round, at the reveal in a hidden one), then
        kept until the host's tally holds them all."""
        await until(lambda: (voting := self.round()) is not None and voting.visible, "the reveal")
        self._cast_if_open()
        voting = self.round()
        assert voting is not None
        key = ballot_key(voting.number, self.voter)

        def counted() -> bool:
            done = self.doc.get(TALLIED, type=Map).get(key)
            return isinstance(done, Map) and {k: v for k, v in done.items() if v} == self.mine

        await until(counted, "the host's count")


async def crowd(url: str, people: int, notes: int, dots: int, pace: float, seed: int, stay: bool) -> None:
    rng = random.Random(seed)
    everyone = [Participant(index) for index in range(people)]
    added: dict[str, float] = {}
    async with anyio.create_task_group() as group:
        for participant in everyone:
            await participant.join(url, group)
        async with anyio.create_task_group() as working:
            for participant in everyone:
                own = random.Random(rng.random())
                working.start_soon(participant.take_part, notes, dots, pace, own, added)
        print(json.dumps({"placed": {"notes": added, "dots": people * dots}}), flush=True)
        if stay:  # until the process is ended: the host does its own accounting
            await anyio.sleep_forever()
        async with anyio.create_task_group() as waiting:
            for participant in everyone:
                waiting.start_soon(participant.until_counted)
        print(json.dumps({"counted": True}), flush=True)
        group.cancel_scope.cancel()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("link")
    parser.add_argument("--people", type=int, default=30)
    parser.add_argument("--notes", type=int, default=3)
    parser.add_argument("--dots", type=int, default=5)
    parser.add_argument("--pace", type=float, default=1.0, help="seconds between one person's notes, about")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stay", action="store_true", help="once everything is placed, stay until ended")
    a = parser.parse_args()
    anyio.run(crowd, session_url(a.link), a.people, a.notes, a.dots, a.pace, a.seed, a.stay)


if __name__ == "__main__":
    main()
