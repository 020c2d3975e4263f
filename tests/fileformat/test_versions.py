"""Versions are plain canvas files in a folder beside the canvas, named and dated, newest first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from canvases import BMC

from editor.fileformat import load_canvas, save_canvas
from editor.fileformat.versions import delete_version, list_versions, restore_version, save_version
from editor.model import Canvas, Note


def test_versions_are_named_dated_files_beside_the_canvas_newest_first(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    canvas = Canvas(BMC, title="Plan", blocks={"channels": [Note("Ads")]})
    save_canvas(canvas, plan)
    before = plan.read_bytes()
    first = save_version(canvas, plan, "After session 1", datetime(2026, 12, 1, 9, 30))
    canvas.add_note("channels", Note("Radio"))
    second = save_version(canvas, plan, "After: session 2 / final?", datetime(2026, 12, 7, 15, 5, 59))
    again = save_version(canvas, plan, "After session 1", datetime(2026, 12, 1, 9, 30))
    assert first.path == tmp_path / "plan.versions" / "2026-12-01 09.30 After session 1.yaml"
    assert second.path.name == "2026-12-07 15.05 After- session 2 - final-.yaml"  # safe on every system
    assert again.path.name == "2026-12-01 09.30 After session 1 (2).yaml"  # never over another
    assert [v.name for v in list_versions(plan)] == [
        "After- session 2 - final-",
        "After session 1 (2)",
        "After session 1",
    ]
    assert load_canvas(first.path).note_count() == 1 and load_canvas(second.path).note_count() == 2
    assert plan.read_bytes() == before  # the canvas's file is never written
    (tmp_path / "plan.versions" / "notes.txt").write_text("not a version")
    data = delete_version(first)
    assert first not in list_versions(plan) and len(list_versions(plan)) == 2
    restore_version(first, data)
    assert first in list_versions(plan)
    assert list_versions(tmp_path / "other.yaml") == []
