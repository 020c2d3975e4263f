"""Recovery copies as an editor that died leaves them, for tests: written, then its folder's lock let go."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from editor.gui.recovery import CopyInfo, Session
from editor.model import Canvas


def left_by_a_dead_editor(root: Path, copies: Iterable[tuple[Canvas, CopyInfo]]) -> list[Path]:
    """Write each copy as a running editor does, then let go of the folder as its process's death would (in this
    process the lock stays held otherwise). Returns the copies' paths, in order."""
    dead = Session(root)
    paths = []
    for number, (canvas, info) in enumerate(copies):
        dead.write(str(number), canvas.content(), info).result()
        paths.append(dead.copy_path(str(number)))
    dead._worker.shutdown()
    dead._lock.unlock()
    return paths
