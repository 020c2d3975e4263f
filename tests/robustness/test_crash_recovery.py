"""The editor is killed (SIGKILL) while a person edits: the next start offers a recovery copy no more than a few
seconds behind the last edit, and restoring it gives that canvas back."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from canvases import BMC
from pytestqt.qtbot import QtBot

from editor.fileformat import dump_canvas, load_canvas, save_canvas
from editor.gui.app import offer_recovery, open_window
from editor.gui.recovery import Session
from editor.model import Canvas, Note

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

GUI_TESTS = Path(__file__).parent.parent / "gui"
MAX_LAG = 3.0  # seconds a recovered canvas may be behind the last edit (the copy is written 1.5 s after a change)

# The editor as a person runs it (the real window, the real recovery folder), edited with mouse and keys at a
# person's pace; it reports each state it reaches with the time, and is killed from outside.
EDITOR = """
import hashlib, random, sys, time
from pathlib import Path
sys.path[:0] = [{gui_tests!r}]
from PySide6.QtCore import Qt, QTimer
from driving import CTRL, activate, block_point, click, double_click, drag, keys, note_center, type_text
from editor.fileformat import dump_canvas
from editor.gui.app import make_application, open_window
from editor.gui.recovery import default_session

app = make_application()
window = open_window(Path(sys.argv[1]))
window.resize(1400, 900)
rng = random.Random(int(sys.argv[2]))
steps = int(sys.argv[3])
blocks = window.document.canvas.template.block_ids
print("root", default_session().root, flush=True)


def any_note():
    notes = [note.id for _, note in window.document.canvas.all_notes()]
    return rng.choice(notes) if notes else None


def edit():
    choice = rng.randrange(4)
    note = any_note()
    if choice == 0 or note is None:
        double_click(window, block_point(window, rng.choice(blocks), rng.uniform(0.2, 0.8), 0.85))
        type_text(window, f"note {{rng.randrange(1000)}} ü")
        keys(window, Qt.Key.Key_Return)
    elif choice == 1:
        click(window, note_center(window, note))
        keys(window, Qt.Key.Key_Delete)
    elif choice == 2:
        drag(window, note_center(window, note), block_point(window, rng.choice(blocks), 0.5, 0.6))
    else:
        keys(window, Qt.Key.Key_Z, CTRL)


def step(number):
    if number == steps:
        print("done", flush=True)
        return
    edit()
    text = dump_canvas(window.document.canvas)
    print("state", time.time(), hashlib.sha256(text.encode()).hexdigest(), flush=True)
    QTimer.singleShot(rng.randint(30, 300), lambda: step(number + 1))


def begin():
    activate(window)
    step(0)


QTimer.singleShot(300, begin)
app.exec()
"""


class Editor:
    """The editor in a child process, and the states it reported (time, hash of the canvas file text)."""

    def __init__(self, tmp_path: Path, canvas_file: Path, seed: int, steps: int) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            env[name] = str(tmp_path / name.lower())
        program = EDITOR.format(gui_tests=str(GUI_TESTS))
        self.process = subprocess.Popen(
            [sys.executable, "-c", program, str(canvas_file), str(seed), str(steps)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.states: list[tuple[float, str]] = []
        self.root: Path | None = None
        self.done = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            kind, _, rest = line.strip().partition(" ")
            if kind == "root":
                self.root = Path(rest)
            elif kind == "state":
                moment, digest = rest.split()
                self.states.append((float(moment), digest))
            elif kind == "done":
                self.done.set()

    def kill(self) -> float:
        moment = time.time()
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self._reader.join(5)
        return moment


def digest(canvas: Canvas) -> str:
    return hashlib.sha256(dump_canvas(canvas).encode()).hexdigest()


@pytest.fixture
def canvas_file(tmp_path: Path) -> Path:
    canvas = Canvas(BMC, title="Workshop")
    for index, block_id in enumerate(canvas.template.block_ids):
        canvas.add_note(block_id, Note(f"first idea {index}"))
    path = tmp_path / "workshop.yaml"
    save_canvas(canvas, path)
    return path


def test_killed_after_the_last_edit_the_next_start_gives_back_exactly_that_canvas(
    tmp_path: Path, canvas_file: Path, qtbot: QtBot
) -> None:
    before = canvas_file.read_bytes()
    editor = Editor(tmp_path, canvas_file, seed=7, steps=12)
    try:
        assert editor.done.wait(60), "the editor did not finish its edits"
        time.sleep(MAX_LAG)
    finally:
        editor.kill()
    assert canvas_file.read_bytes() == before  # the recovery copy never goes to the person's file
    assert editor.root is not None and editor.states
    last_moment, last_state = editor.states[-1]
    session = Session(editor.root)
    window = open_window(None, session)  # the next start
    try:
        dialog = offer_recovery(window)
        assert dialog is not None
        [copy] = dialog.remaining()
        assert digest(copy.canvas) == last_state
        assert copy.info.original == canvas_file
        assert last_moment - 1 <= copy.info.changed <= last_moment
        dialog.restore_button.click()
        assert digest(window.document.canvas) == last_state
        assert window.document.path == canvas_file and window.isWindowModified()
    finally:
        window.maybe_save = lambda: True  # type: ignore[method-assign]
        window.close()
        session.close()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_killed_while_editing_the_copy_is_at_most_a_few_seconds_behind(
    tmp_path: Path, canvas_file: Path, qtbot: QtBot, seed: int
) -> None:
    rng = random.Random(seed)
    editor = Editor(tmp_path, canvas_file, seed=seed, steps=1000)
    try:
        deadline = time.time() + 60
        while len(editor.states) < 3 and time.time() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(2.0, 5.0))
    finally:
        killed_at = editor.kill()
    assert editor.root is not None and editor.states, "the editor did not start editing"
    session = Session(editor.root)
    try:
        copies, problems = session.find_orphans()
        assert problems == []
        assert len(copies) <= 1
        # No copy: the canvas was back at its saved state (undone), which the file holds.
        recovered = digest(copies[0].canvas) if copies else digest(load_canvas(canvas_file))
        assert recovered in {state for _, state in editor.states}, "the copy is not a state the canvas was in"
        last_edit = max(moment for moment, _ in editor.states if moment <= killed_at)
        newest_seen = max(moment for moment, state in editor.states if state == recovered)
        assert last_edit - newest_seen <= MAX_LAG
    finally:
        session.close()
