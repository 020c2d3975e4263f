"""Recovery copies on disk: whole canvas files, one locked folder per running editor, never taken from a live one,
never deleted without a choice, and unreadable ones set aside."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from canvases import BMC
from crashed import left_by_a_dead_editor
from PySide6.QtCore import QCoreApplication

from editor.fileformat import FileState, load_canvas, save_canvas
from editor.gui.recovery import CopyInfo, Session, decode_copy, encode_copy
from editor.model import Canvas, Note


@pytest.fixture(autouse=True)
def application(qapp: QCoreApplication) -> QCoreApplication:
    # QLockFile records the program's path and checks it against the lock holder's: it needs an application.
    return qapp


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "recovery"  # where the `session` fixture (tests/conftest.py) keeps its folder too


def canvas_with(text: str) -> Canvas:
    return Canvas(BMC, title=f"Canvas {text}", blocks={"value_propositions": [Note(text)]})


def info(original: Path | None = None, state: FileState | None = None) -> CopyInfo:
    return CopyInfo(original, time.time(), state)


def test_a_copy_is_a_canvas_file_with_its_metadata_in_a_comment(tmp_path: Path) -> None:
    canvas = canvas_with('line one\nline two \u2028 "quoted" # not a comment')
    original = tmp_path / "weird\nname ü.yaml"
    data = encode_copy(canvas.content(), CopyInfo(original, 1234.5, FileState(10, 20, "ab")))
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(data)
    assert load_canvas(copy) == canvas  # a person can open a recovery copy as an ordinary canvas
    read, read_info = decode_copy(data, str(copy))
    assert read == canvas
    assert read_info == CopyInfo(original, 1234.5, FileState(10, 20, "ab"))


def test_written_copies_are_read_back_by_the_next_start_after_a_crash(root: Path) -> None:
    left_by_a_dead_editor(root, [(canvas_with("first"), info()), (canvas_with("second"), info())])
    later = Session(root)
    try:
        copies, problems = later.find_orphans()
        assert problems == []
        assert sorted(copy.canvas.title for copy in copies) == ["Canvas first", "Canvas second"]
    finally:
        later.close()


def test_writes_and_removals_keep_their_order(session: Session) -> None:
    for number in range(20):
        session.write("doc", canvas_with(str(number)).content(), info())
    session.remove("doc")
    session.flush()
    assert not session.copy_path("doc").exists()
    session.write("doc", canvas_with("last").content(), info())
    session.flush()
    assert decode_copy(session.copy_path("doc").read_bytes(), "copy")[0] == canvas_with("last")


def test_a_clean_close_removes_the_empty_folder_and_keeps_one_with_copies(root: Path) -> None:
    empty = Session(root)
    empty.write("gone", canvas_with("x").content(), info())
    empty.remove("gone")
    empty.close()
    assert not empty.folder.exists()
    kept = Session(root)
    kept.write("open", canvas_with("still open").content(), info())
    kept.close()  # a canvas still open with changes when the process ended: its copy stays for the next start
    assert kept.copy_path("open").exists()


HOLDER = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from editor.model import Canvas
from editor.fileformat import default_template
from editor.gui.recovery import CopyInfo, Session
app = QCoreApplication([])
session = Session(Path(sys.argv[1]))
canvas = Canvas(default_template(), title="other editor")
session.write("copy", canvas.content(), CopyInfo(None, time.time(), None)).result()
print("ready", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_running_editors_copies_are_never_taken_and_a_killed_ones_are_offered(root: Path) -> None:
    other = subprocess.Popen([sys.executable, "-c", HOLDER, str(root)], stdout=subprocess.PIPE, text=True)
    assert other.stdout is not None
    try:
        assert other.stdout.readline().strip() == "ready"
        [lock] = (root / "sessions").glob("*/lock")
        os.utime(lock, (time.time() - 86400, time.time() - 86400))  # an editor that has been running for a day
        first = Session(root)
        assert first.find_orphans() == ([], [])  # alive: its folder is locked
        first.close()
        os.kill(other.pid, signal.SIGKILL)
        other.wait()
        second = Session(root)
        copies, _ = second.find_orphans()
        assert [copy.canvas.title for copy in copies] == ["other editor"]
        third = Session(root)  # started while the second still holds its claim
        assert third.find_orphans() == ([], [])
        third.close()
        second.close()  # decided later: nothing deleted, and the next start offers the copy again
        fourth = Session(root)
        assert [copy.canvas.title for copy in fourth.find_orphans()[0]] == ["other editor"]
        fourth.close()
    finally:
        other.kill()
        other.wait()


def orphan(root: Path, *canvases: Canvas) -> list[Path]:
    return left_by_a_dead_editor(root, [(canvas, info()) for canvas in canvases])


def test_unreadable_copies_are_set_aside_with_a_message_and_the_rest_are_offered(root: Path, session: Session) -> None:
    good, cut, no_meta = orphan(root, canvas_with("good"), canvas_with("cut"), canvas_with("no metadata"))
    cut_bytes = cut.read_bytes()[:-30] + b"\n  - [unclosed"
    cut.write_bytes(cut_bytes)
    no_meta.write_bytes(no_meta.read_bytes().split(b"\n", 2)[2])
    copies, problems = session.find_orphans()
    assert [copy.path for copy in copies] == [good]
    assert len(problems) == 2
    assert all("cannot be read" in problem and "set aside at" in problem for problem in problems)
    aside = sorted((root / "set-aside").iterdir())
    assert len(aside) == 2
    assert cut_bytes in [path.read_bytes() for path in aside]  # kept as it was, for a person to look at
    assert any("metadata" in problem for problem in problems)


def test_discard_deletes_and_adopt_moves_the_copy_into_this_session(root: Path, session: Session) -> None:
    kept, dropped = orphan(root, canvas_with("kept"), canvas_with("dropped"))
    copies, _ = session.find_orphans()
    by_title = {copy.canvas.title: copy for copy in copies}
    copy_id = session.adopt(by_title["Canvas kept"])
    assert load_canvas(session.copy_path(copy_id)) == canvas_with("kept")
    assert not kept.exists()
    assert dropped.parent.exists()  # one copy left in the dead folder
    session.discard(by_title["Canvas dropped"])
    assert not dropped.exists()
    assert not dropped.parent.exists()  # the dead editor's folder is gone once it is empty


def test_the_copy_says_whether_its_file_changed_on_disk_since(tmp_path: Path, root: Path, session: Session) -> None:
    files = {name: tmp_path / f"{name}.yaml" for name in ("same", "changed", "gone")}
    states = {name: save_canvas(canvas_with(name), path)[0] for name, path in files.items()}
    copies = [(canvas_with(name + " edited"), info(path, states[name])) for name, path in files.items()]
    left_by_a_dead_editor(root, [*copies, (canvas_with("new"), info())])
    save_canvas(canvas_with("changed by someone else"), files["changed"])
    files["gone"].unlink()
    os.utime(files["same"], (1, 1))  # touched, same bytes: not a change
    copies, _ = session.find_orphans()
    status = {copy.canvas.title: copy.original_status() for copy in copies}
    assert status == {
        "Canvas same edited": "unchanged",
        "Canvas changed edited": "changed",
        "Canvas gone edited": "missing",
        "Canvas new": "untitled",
    }
