"""A workshop of 30 participants against its floor, in the same run: `python benchmarks/workshop.py` (about a minute).

Thirty simulated y-websocket clients (tests/shared/crowd.py, a process of their own, as phones are) join the host,
each adds 3 notes and places 5 dots at a workshop's pace (a note about every second, a dot every few tenths). Rows:
- the time from a participant's tap (the note added on their device) to the projected board's paint of it, p95;
- the host's CPU (its process alone: user and system time over the workshop's wall time) and its peak memory;
- every note and every dot accounted for on the host;
- the participants' page's bundle, gzipped (the issue's bound: well under 150 KB).

Ours: the app's window hosting the TikTok example on loopback (its server's guard, its network thread, the shared
canvas, the tally of an open voting round, the board). Floor: the same work with bare parts: pycrdt-websocket's
plain room on a network thread, its updates handed to the window's thread as bytes into a bare pycrdt document,
and each new note painted as a bare text item on a bare scene of the example's notes. Prints a Markdown table;
asserts nothing. One host's run: `python benchmarks/workshop.py host ours|floor`.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]
CROWD = ROOT / "tests" / "shared" / "crowd.py"
EXAMPLE = ROOT / "examples" / "tiktok.yaml"
PEOPLE, NOTES, DOTS = 30, 3, 5
TURNS = 3  # ours and the floor take turns, so that a machine whose speed drifts moves both alike
WAIT = 120.0  # seconds a host waits for the crowd before it gives up


class Host:
    """What a host's process measures: when each new note arrived and when the board painted next, CPU and memory
    over the workshop; the crowd (a process) started on `link` once the host listens."""

    def __init__(self, view: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.arrived: dict[str, float] = {}
        self.painted: dict[str, float] = {}
        host = self

        class Paints(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    now = time.monotonic()
                    for text in [text for text in host.arrived if text not in host.painted]:
                        host.painted[text] = now
                return False

        self._filter = Paints()
        view.viewport().installEventFilter(self._filter)

    def arrive(self, text: str) -> None:
        self.arrived.setdefault(text, time.monotonic())

    def run(self, link: str, done: Any) -> dict[str, Any]:
        """Start the crowd on `link`, run the event loop until `done(placed)` holds, and say what was measured."""
        from PySide6.QtWidgets import QApplication

        crowd = subprocess.Popen(
            [sys.executable, str(CROWD), link, f"--people={PEOPLE}", f"--notes={NOTES}", f"--dots={DOTS}", "--stay"],
            stdout=subprocess.PIPE,
            text=True,
        )
        said: list[dict[str, Any]] = []
        threading.Thread(target=lambda: said.extend(json.loads(line) for line in crowd.stdout), daemon=True).start()
        started, usage = time.monotonic(), resource.getrusage(resource.RUSAGE_SELF)
        try:
            while not (said and done(said[0]["placed"]) and self._all_painted(said[0]["placed"]["notes"])):
                if time.monotonic() - started > WAIT:
                    raise TimeoutError(f"the workshop did not end within {WAIT:.0f} s")
                QApplication.processEvents()
                time.sleep(0.002)
        finally:
            crowd.kill()
            crowd.wait()
        wall = time.monotonic() - started
        after = resource.getrusage(resource.RUSAGE_SELF)
        sent = said[0]["placed"]["notes"]
        cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
        return {
            "latencies": [self.painted[text] - sent[text] for text in sent],
            "cpu": cpu / wall,
            "peak_rss": after.ru_maxrss * 1024,
            "notes": sum(text in self.painted for text in sent),
        }

    def _all_painted(self, sent: dict[str, float]) -> bool:
        return all(text in self.painted for text in sent)


def host_ours() -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from editor.gui.app import make_application, open_window
    from editor.model.events import NoteAdded

    make_application()
    folder = Path(tempfile.mkdtemp())
    try:
        path = Path(shutil.copy(EXAMPLE, folder / "workshop.yaml"))  # (a session is kept beside its file)
        window = open_window(path)
        window.resize(1400, 900)
        window.show()
        dialog = window.sessions.share()
        dialog.this_computer.setChecked(True)
        dialog.start_button.click()
        while not dialog.link.text().startswith("http://"):
            QApplication.processEvents()
        dialog.hide()
        window.voting.hide_counts = False  # an open round: the host adds each ballot as it changes
        window.voting.start()
        host = Host(window.view)
        canvas = window.document.canvas
        canvas.subscribe(lambda event: host.arrive(event.note.text) if isinstance(event, NoteAdded) else None)

        def votes() -> int:
            return sum(note.votes for _, note in canvas.all_notes())

        result = host.run(dialog.link.text(), lambda placed: votes() == placed["dots"])
        result["dots"] = votes()
        window.sessions.end()
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def host_floor() -> dict[str, Any]:
    import asyncio

    import anyio
    from cases import bare_scene, note_texts
    from pycrdt import Doc, Map, create_awareness_message
    from pycrdt.websocket import YRoom
    from PySide6.QtCore import QObject, Qt, Signal
    from PySide6.QtWidgets import QApplication
    from websockets.asyncio.server import serve

    from editor.fileformat import load_canvas
    from editor.shared.channel import WebsocketChannel
    from editor.shared.mirror import SharedCanvas
    from editor.shared.stage import Round, Stage, stage_value

    QApplication([])
    scene, view, _ = bare_scene(note_texts(EXAMPLE))
    view.show()
    setup = SharedCanvas.host(load_canvas(EXAMPLE), "host").doc.get_update()  # the same document as ours serves
    shown: Doc[Any] = Doc()  # the window's copy
    shown.apply_update(setup)
    served: Doc[Any] = Doc()  # the network thread's copy
    served.apply_update(setup)

    class Bridge(QObject):
        update = Signal(bytes)

    bridge = Bridge()
    host = Host(view)
    notes = shown.get("notes", type=Map)
    known = set(notes.keys())

    def take(update: bytes) -> None:
        """An update from the network: into the window's copy, and each new note onto the board."""
        shown.apply_update(update)
        for note_id in [note_id for note_id in notes.keys() if note_id not in known]:  # noqa: SIM118 (a Map)
            known.add(note_id)
            text = str(notes[note_id]["text"])
            host.arrive(text)
            scene.addSimpleText(text).setPos(len(known) % 10 * 140.0, len(known) // 10 * 40.0)

    bridge.update.connect(take, Qt.ConnectionType.QueuedConnection)  # into the window's thread
    watching = served.observe(lambda event: bridge.update.emit(event.update))  # (kept: one no one holds ends)
    links: list[str] = []

    async def network() -> None:
        room = YRoom(ydoc=served)

        async def handler(connection: Any) -> None:
            channel = WebsocketChannel(connection, "room")
            states = list(room.awareness.states)  # who is there, and the round: as y-websocket's server tells
            await channel.send(create_awareness_message(room.awareness.encode_awareness_update(states)))
            await room.serve(channel)

        async with anyio.create_task_group() as group:
            await group.start(room.start)
            room.awareness.set_local_state({"stage": stage_value(Stage(round=Round(1, DOTS, hidden=False)))})
            async with serve(handler, "127.0.0.1", 0) as listening:
                links.append(f"ws://127.0.0.1:{next(iter(listening.sockets)).getsockname()[1]}/room")
                await anyio.sleep_forever()

    threading.Thread(target=lambda: asyncio.run(network()), daemon=True).start()
    while not links:
        time.sleep(0.01)

    def dots() -> int:
        ballots = shown.get("ballots", type=Map)
        return int(sum(sum(ballot.values()) for ballot in ballots.values()))

    result = host.run(links[0], lambda placed: dots() == placed["dots"])
    result["dots"] = dots()
    del watching
    return result


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    if sys.argv[1:2] == ["host"]:
        print(json.dumps(host_ours() if sys.argv[2] == "ours" else host_floor()))
        return
    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "floor": []}
    for _ in range(TURNS):
        for side, results in runs.items():
            command = [sys.executable, __file__, "host", side]
            finished = subprocess.run(command, capture_output=True, text=True, check=True)
            results.append(json.loads(finished.stdout.strip().splitlines()[-1]))

    def median(side: str, key: str) -> float:
        return statistics.median(run[key] if key != "latencies" else p95(run[key]) for run in runs[side])

    print("| case | ours | floor, same run | ratio | target | met |\n|---|---|---|---|---|---|")
    ours, floor = median("ours", "latencies"), median("floor", "latencies")
    print(f"| {PEOPLE} participants: tap to the board's paint, p95 | {ours * 1000:.0f} ms ", end="")
    print(f"| {floor * 1000:.0f} ms | {ours / floor:.2f}x | < 200 ms | {'yes' if ours < 0.2 else '**no**'} |")
    ours, floor = median("ours", "cpu"), median("floor", "cpu")
    print(f"| host CPU over the workshop | {ours:.0%} of a core | {floor:.0%} | {ours / floor:.2f}x | shown | |")
    ours, floor = median("ours", "peak_rss"), median("floor", "peak_rss")
    print(f"| host peak memory | {ours / 2**20:.0f} MiB | {floor / 2**20:.0f} MiB | {ours / floor:.2f}x | shown | |")
    expected = (PEOPLE * NOTES, PEOPLE * DOTS)
    lost = [(run["notes"], run["dots"]) for run in runs["ours"] if (run["notes"], run["dots"]) != expected]
    print(f"| notes and dots on the host, each run | {expected[0]} and {expected[1]} | | | all | ", end="")
    print(f"{'yes' if not lost else f'**no**: {lost}'} |")
    bundle = sum(len(gzip.compress(path.read_bytes())) for path in (ROOT / "resources" / "web").glob("*.js"))
    met = "yes" if bundle < 150 * 1024 else "**no**"
    print(f"| the participants' page's script, gzipped | {bundle / 1024:.0f} KB | | | < 150 KB | {met} |")
    print(f"\n{os.cpu_count()} cores, Python {sys.version.split()[0]}, median of {TURNS} turns each")


if __name__ == "__main__":
    main()
