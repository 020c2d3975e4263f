"""A process saving canvases in a loop is killed with SIGKILL, aimed inside a save: the file on disk is always one
whole canvas, the last one saved or the one being saved, never empty or partial.

Each save reads the file first and saves over its layout, as the app does. The saver says when a save starts and
when it is done, so a kill is known to have landed inside a save when the last word heard is a start. CI kills it
25 times; `CANVAS_KILLS=1000 pytest tests/robustness/test_kill_during_save.py -s` runs the full count (README)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from canvases import BMC

from editor.fileformat import load_canvas
from editor.model import Canvas, Note

KILLS = int(os.environ.get("CANVAS_KILLS", "25"))

SAVER = """
import sys
from pathlib import Path
sys.path[:0] = [{tests!r}, {tests!r} + '/..']
from test_kill_during_save import numbered_canvas
from editor.fileformat import CanvasFileError, atomic, open_canvas, save_canvas
path, start = Path(sys.argv[1]), int(sys.argv[2])
number = start
make_temporary_file = atomic.tempfile.mkstemp
def announced(*args, **kwargs):  # the moment the new file is made, for a kill aimed inside its writing and rename
    made = make_temporary_file(*args, **kwargs)
    print(f"writing:{{number}}", flush=True)
    return made
atomic.tempfile.mkstemp = announced
while True:
    canvas = numbered_canvas(number)
    try:
        layout = open_canvas(path)[2]
    except CanvasFileError:  # no file yet
        layout = None
    print(f"start:{{number}}", flush=True)
    save_canvas(canvas, path, layout)
    print(f"done:{{number}}", flush=True)
    number += 1
"""


def numbered_canvas(number: int) -> Canvas:
    """Canvas number n: its title says n, and its size changes with n so that a partial write would show."""
    rng = random.Random(number)
    canvas = Canvas(BMC, title=f"save {number}")
    blocks = [block.id for block in canvas.template.blocks]
    for index in range(rng.randint(1, 3000)):  # up to some 60 ms a save: room to aim a kill inside one
        canvas.add_note(rng.choice(blocks), Note(f"note {number}.{index} " + "x" * rng.randint(0, 80)))
    return canvas


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_save_leaves_the_old_or_the_new_canvas(tmp_path: Path) -> None:
    path = tmp_path / "canvas.yaml"
    rng = random.Random(20261202)
    last_done = -1
    inside = 0
    writing = 0  # of them, kills between the making of the new file and the end of its save
    unfinished = 0  # runs since the last that finished a save: each may have left its temporary file
    program = SAVER.format(tests=str(Path(__file__).parent))
    for _ in range(KILLS):
        start = last_done + 1
        saver = subprocess.Popen(
            [sys.executable, "-c", program, str(path), str(start)], stdout=subprocess.PIPE, text=True
        )
        assert saver.stdout is not None
        # Let it import and start a save or two, then kill it inside the next: a moment into a save (most last longer),
        # or a moment after its new file was made, while it is written, synced and renamed over the old one.
        aim, delay = rng.choice((("start", 0.03), ("writing", 0.002)))
        heard = [saver.stdout.readline()]
        assert heard[0] == f"start:{start}\n", "the saver did not start"
        wanted = rng.choice((1, 2))
        while sum(line.startswith(aim) for line in heard) < wanted and heard[-1]:  # "": it stopped
            heard.append(saver.stdout.readline())
        time.sleep(rng.uniform(0.0, delay))
        saver.send_signal(signal.SIGKILL)
        heard += saver.stdout.read().splitlines(keepends=True)
        saver.wait()
        # What it said in whole lines (a kill may cut a line short: what it was saying had not happened yet).
        said = [
            (word, int(number))
            for word, _, number in (line.strip().partition(":") for line in heard if line[-1:] == "\n")
        ]
        done = [number for word, number in said if word == "done"]
        last_word, last_number = said[-1]
        unfinished = 1 if done else unfinished + 1
        inside += last_word in ("start", "writing")
        writing += last_word == "writing"
        finished = max(done, default=start - 1)
        if not path.exists():  # killed inside the very first save: the old state, no file, is what is left
            assert finished == -1
            continue
        canvas = load_canvas(path)  # never empty, never partial: it loads
        number = int(canvas.title.removeprefix("save "))
        # The file is the last save the saver finished, or the one under way when it was killed.
        assert number == finished or (last_word != "done" and number == last_number), (heard, number)
        assert canvas == numbered_canvas(number)
        last_done = number
        leftovers = [p.name for p in tmp_path.iterdir() if p.name != "canvas.yaml"]
        # The temporary files of saves killed since the last that finished, which removed those before it.
        assert len(leftovers) <= unfinished, leftovers
    print(f"{KILLS} kills, {inside} inside a save, {writing} of them while it wrote its file; no canvas lost")
    assert writing >= KILLS // 10, f"only {writing} of {KILLS} kills landed while a file was written"
    assert inside >= KILLS // 5, f"only {inside} of {KILLS} kills landed inside a save"
