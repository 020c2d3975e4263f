"""Thirty participants at once (tests/shared/crowd.py, a process of simulated y-websocket clients) add notes and vote
in a hidden round on a canvas the real app hosts: every note reaches the host's board once, no dot counts before
the reveal, and after it every dot is counted."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import pytest
from driving import toolbar_button
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from shared_windows import share_here

if TYPE_CHECKING:
    from conftest import OpenApp
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.slow
CROWD = Path(__file__).resolve().parents[1] / "shared" / "crowd.py"
PEOPLE, NOTES, DOTS = 30, 3, 5


def lines_of(stream: IO[str]) -> list[dict[str, Any]]:
    """The crowd's report lines, as they come (read in a thread: the host's window goes on meanwhile)."""
    said: list[dict[str, Any]] = []

    def read() -> None:
        for line in stream:
            said.append(json.loads(line))

    threading.Thread(target=read, daemon=True).start()
    return said


def test_thirty_participants_add_notes_and_vote_and_nothing_is_lost(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host = open_app(canvas_file)
    dialog = share_here(qtbot, host, "Alice")
    dialog.hide()
    QTest.mouseClick(toolbar_button(host, "voteToggle"), Qt.MouseButton.LeftButton)  # a round, counts hidden
    canvas = host.document.canvas
    before = canvas.note_count()
    command = [sys.executable, str(CROWD), dialog.link.text(), f"--people={PEOPLE}", f"--notes={NOTES}"]
    crowd = subprocess.Popen([*command, f"--dots={DOTS}", "--pace=0.5"], stdout=subprocess.PIPE, text=True)
    try:
        said = lines_of(crowd.stdout)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: len(said) >= 1, timeout=90_000)
        added = said[0]["placed"]["notes"]
        assert len(added) == PEOPLE * NOTES
        qtbot.waitUntil(lambda: canvas.note_count() == before + PEOPLE * NOTES, timeout=20_000)
        texts = [note.text for _, note in canvas.all_notes()]
        assert sorted(text for text in texts if text in added) == sorted(added)  # each once
        assert all(note.id in host.board.notes for _, note in canvas.all_notes())  # on the projected board
        qtbot.waitUntil(lambda: sum(p.voted[1] for p in host.sessions.people if p.voted) == PEOPLE * DOTS)
        assert _votes(host) == 0  # the host sees how many voted, and not a dot before the reveal
        host.sessions.share()  # the Share window, closed while they voted, lists them as they are when opened
        rows = [dialog.people.item(row).text() for row in range(dialog.people.count())]
        assert len(rows) == PEOPLE + 1 and sum(row.endswith(f"· {DOTS} dots placed") for row in rows) == PEOPLE

        QTest.mouseClick(toolbar_button(host, "voteReveal"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(said) == 2, timeout=60_000)
        assert said[1] == {"counted": True}
        qtbot.waitUntil(lambda: _votes(host) == PEOPLE * DOTS)
        assert crowd.wait(timeout=20) == 0
        assert canvas.note_count() == before + PEOPLE * NOTES
    finally:
        crowd.kill()
        crowd.wait()


def _votes(host: Any) -> int:
    return sum(note.votes for _, note in host.document.canvas.all_notes())
