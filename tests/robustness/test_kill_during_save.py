"""A process saving canvases in a loop is killed with SIGKILL at random moments: the file on disk is always one
whole canvas, the last one saved or the one being saved, never empty or partial.

CI kills it 25 times; `CANVAS_KILLS=500 pytest tests/robustness/test_kill_during_save.py` runs the full count."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.fileformat import load_canvas
from editor.model import Canvas, Note

KILLS = int(os.environ.get("CANVAS_KILLS", "25"))

SAVER = """
import sys
from pathlib import Path
sys.path[:0] = [{tests!r}]
from test_kill_during_save import numbered_canvas
from editor.fileformat import save_canvas
path, start = Path(sys.argv[1]), int(sys.argv[2])
number = start
while True:
    save_canvas(numbered_canvas(number), path)
    print(number, flush=True)
    number += 1
"""


def numbered_canvas(number: int) -> Canvas:
    """Canvas number n: its title says n, and its size changes with n so that a partial write would show."""
    rng = random.Random(number)
    canvas = Canvas(title=f"save {number}")
    blocks = [block.id for block in canvas.template.blocks]
    for index in range(rng.randint(1, 400)):
        canvas.add_note(rng.choice(blocks), Note(f"note {number}.{index} " + "x" * rng.randint(0, 80)))
    return canvas


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_save_leaves_the_old_or_the_new_canvas(tmp_path: Path) -> None:
    path = tmp_path / "canvas.yaml"
    rng = random.Random(20261123)
    last_done = -1
    mid_save = 0
    program = SAVER.format(tests=str(Path(__file__).parent))
    for _ in range(KILLS):
        start = last_done + 1
        saver = subprocess.Popen(
            [sys.executable, "-c", program, str(path), str(start)], stdout=subprocess.PIPE, text=True
        )
        assert saver.stdout is not None
        # Let it import and save a few times, then kill it somewhere inside a save.
        first = saver.stdout.readline()
        assert first.strip() == str(start), "the saver did not start"
        time.sleep(rng.uniform(0.0, 0.05))
        saver.send_signal(signal.SIGKILL)
        reported = [int(line) for line in [first, *saver.stdout.read().split()] if str(line).strip()]
        saver.wait()
        finished = max(reported)
        canvas = load_canvas(path)  # never empty, never partial: it loads
        number = int(canvas.title.removeprefix("save "))
        # The file is the last save the saver reported, or the one after it that was under way.
        assert number in (finished, finished + 1)
        assert canvas == numbered_canvas(number)
        mid_save += number == finished + 1
        last_done = number
        leftovers = [p.name for p in tmp_path.iterdir() if p.name != "canvas.yaml"]
        assert len(leftovers) <= 1  # at most the one temporary file of the killed save
    print("killed mid-save", mid_save, "of", KILLS)
    assert last_done >= KILLS
