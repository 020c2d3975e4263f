"""Recovery copies in the window: written a moment after each change, gone after a save or a clean close, and
offered at the next start after a crash, where nothing is restored or deleted without the person's choice."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from canvases import BMC
from crashed import left_by_a_dead_editor
from driving import CTRL, activate, answer_next_box, block_point, delete_first_note, double_click, keys, type_text
from hangs import never_hangs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from editor.errors import CanvasFileError
from editor.fileformat import FileState, load_canvas, save_canvas
from editor.gui import recovery
from editor.gui.app import offer_recovery
from editor.gui.main_window import MainWindow
from editor.gui.problems_dialog import ProblemsDialog
from editor.gui.recovery import CopyInfo, RecoveredCopy, Session, decode_copy
from editor.gui.recovery_dialog import STATUS, RecoveryDialog
from editor.model import Canvas, Note

OpenApp = Callable[..., MainWindow]


def copies_of(session: Session) -> list[tuple[Canvas, CopyInfo]]:
    session.flush()
    return [decode_copy(path.read_bytes(), str(path)) for path in sorted(session.folder.glob("*.yaml"))]


def add_note(window: MainWindow, text: str) -> None:
    double_click(window, block_point(window, "key_partners", 0.5, 0.85))
    type_text(window, text)
    keys(window, Qt.Key.Key_Return)


def edit_and_write_copy(window: MainWindow) -> None:
    """A change as a person makes it, and its recovery copy written now rather than in a moment."""
    delete_first_note(window)
    window.autosaver.write_now()


# Writing the copies


def test_an_edit_is_in_a_recovery_copy_within_two_seconds_and_never_in_the_file(
    open_app: OpenApp, session: Session, canvas_file: Path, qtbot: QtBot
) -> None:
    before = canvas_file.read_bytes(), canvas_file.stat().st_mtime_ns
    window = open_app(canvas_file, session)
    add_note(window, "Ice supplier")
    edited = time.time()
    qtbot.waitUntil(lambda: any(session.folder.glob("*.yaml")), timeout=2500)
    [(canvas, info)] = copies_of(session)
    assert canvas == window.document.canvas
    assert "Ice supplier" in [note.text for note in canvas.notes("key_partners")]
    assert info.original == canvas_file
    assert info.original_state == FileState.now(canvas_file)
    assert edited - 1 <= info.changed <= edited
    assert (canvas_file.read_bytes(), canvas_file.stat().st_mtime_ns) == before


def test_an_untitled_canvas_has_a_copy_too(open_app: OpenApp, session: Session, qtbot: QtBot) -> None:
    window = open_app(None, session)  # the example opens as an untitled copy
    edit_and_write_copy(window)
    [(canvas, info)] = copies_of(session)
    assert info.original is None and info.original_state is None
    assert canvas == window.document.canvas


def test_saving_and_undoing_back_to_the_saved_state_remove_the_copy(
    open_app: OpenApp, session: Session, canvas_file: Path
) -> None:
    window = open_app(canvas_file, session)
    edit_and_write_copy(window)
    assert len(copies_of(session)) == 1
    keys(window, Qt.Key.Key_Z, CTRL)
    assert copies_of(session) == []
    keys(window, Qt.Key.Key_Y, CTRL)
    window.autosaver.write_now()
    assert len(copies_of(session)) == 1
    keys(window, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified() and copies_of(session) == []
    assert load_canvas(canvas_file) == window.document.canvas


def test_a_clean_close_removes_the_copy_and_a_cancelled_one_keeps_it(
    open_app: OpenApp, session: Session, canvas_file: Path
) -> None:
    window = open_app(canvas_file, session)
    edit_and_write_copy(window)
    answer_next_box(QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert len(copies_of(session)) == 1
    answer_next_box(QMessageBox.StandardButton.Discard)
    assert window.close()
    assert copies_of(session) == []


def test_the_copy_is_turned_into_yaml_and_written_off_the_gui_thread(
    open_app: OpenApp, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    original = recovery.dump_content

    def spy(content: tuple[object, ...], **options: Any) -> str:
        threads.append(threading.current_thread())
        return original(content, **options)

    monkeypatch.setattr(recovery, "dump_content", spy)
    window = open_app(None, session)
    edit_and_write_copy(window)
    session.flush()
    assert threads and threading.main_thread() not in threads


def test_a_copy_that_cannot_be_written_is_reported_in_the_status_bar(
    open_app: OpenApp, session: Session, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    def full_disk(path: object, data: bytes, mode: int | None = None) -> None:
        raise CanvasFileError.whole(str(path), "could not save: the disk is full. The file on disk was not changed.")

    monkeypatch.setattr(recovery, "write_atomically", full_disk)
    window = open_app(None, session)
    edit_and_write_copy(window)
    qtbot.waitUntil(lambda: "disk is full" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("The recovery copy could not be written")
    assert window.isWindowModified()


# Offering the copies at the next start


def left_behind(root: Path, *copies: tuple[Canvas, Path | None, FileState | None]) -> None:
    """Copies as an editor that was killed leaves them: its folder's lock then belongs to no running process."""
    changed = time.time() - 90
    left_by_a_dead_editor(root, [(canvas, CopyInfo(original, changed, state)) for canvas, original, state in copies])


def edited(title: str, *texts: str) -> Canvas:
    return Canvas(BMC, title=title, blocks={"channels": [Note(text) for text in texts]})


def start(open_app: OpenApp, session: Session, qtbot: QtBot) -> tuple[MainWindow, RecoveryDialog]:
    window = open_app(None, session)
    dialog = offer_recovery(window)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return window, dialog


def rows(dialog: RecoveryDialog) -> list[list[str]]:
    tree = dialog.tree
    return [[tree.topLevelItem(r).text(c) for c in range(4)] for r in range(tree.topLevelItemCount())]


def test_the_next_start_offers_each_copy_with_title_file_time_and_the_state_of_its_file(
    open_app: OpenApp, session: Session, canvas_file: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    changed_file = tmp_path / "changed.yaml"
    changed_state, _ = save_canvas(edited("Changed"), changed_file)
    left_behind(
        session.root,
        (edited("Lemonade, later", "Stand at the park"), canvas_file, FileState.now(canvas_file)),
        (edited("Changed, edited here"), changed_file, changed_state),
        (edited("Brand new idea"), None, None),
    )
    save_canvas(edited("Changed by a colleague"), changed_file)
    window, dialog = start(open_app, session, qtbot)
    assert window.document.canvas.title == "TikTok"  # start-up went on as usual behind the dialog
    offered = {row[0]: row for row in rows(dialog)}
    assert set(offered) == {"Lemonade, later", "Changed, edited here", "Brand new idea"}
    assert offered["Lemonade, later"][1] == str(canvas_file)
    assert offered["Brand new idea"][1] == "Untitled (never saved)"
    assert all("(1 min ago)" in row[2] for row in offered.values())
    assert offered["Changed, edited here"][3] == "⚠ Changed since"
    assert offered["Lemonade, later"][3] == "Unchanged"
    warnings = dialog.findChild(QLabel, "recoveryWarnings")
    assert warnings.isVisible() and "saving asks before replacing it" in warnings.text()
    dialog.later_button.click()
    assert len(list((session.root / "sessions").glob("*/*.yaml"))) == 3  # nothing deleted without a choice


def test_restore_opens_the_canvas_unsaved_with_its_file_and_a_save_puts_it_there(
    open_app: OpenApp, session: Session, canvas_file: Path, qtbot: QtBot
) -> None:
    left_behind(session.root, (edited("Lemonade, later", "Stand at the park"), canvas_file, FileState.now(canvas_file)))
    window, dialog = start(open_app, session, qtbot)
    dialog.restore_button.click()
    assert not dialog.isVisible()
    assert window.document.canvas == edited("Lemonade, later", "Stand at the park")  # in place of the example
    assert window.document.path == canvas_file and window.isWindowModified()
    assert window.windowTitle().startswith("lemonade.yaml")
    assert len(copies_of(session)) == 1  # the copy is now this canvas's own, until it is saved
    assert list((session.root / "sessions").glob("*/*.yaml")) == [next(session.folder.glob("*.yaml"))]
    activate(window)
    keys(window, Qt.Key.Key_Z, CTRL)  # nothing to undo: still unsaved
    assert window.isWindowModified()
    keys(window, Qt.Key.Key_S, CTRL)
    assert load_canvas(canvas_file) == edited("Lemonade, later", "Stand at the park")
    assert copies_of(session) == [] and not window.isWindowModified()


def test_restoring_two_copies_opens_the_second_in_a_new_window(
    open_app: OpenApp, session: Session, qtbot: QtBot
) -> None:
    left_behind(session.root, (edited("First"), None, None), (edited("Second"), None, None))
    window, dialog = start(open_app, session, qtbot)
    dialog.restore_button.click()
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert sorted(w.document.canvas.title for w in windows) == ["First", "Second"]
    assert all(w.isWindowModified() and w.document.path is None for w in windows)
    assert window in windows


def test_discard_asks_first_and_then_deletes_only_the_chosen_copy(
    open_app: OpenApp, session: Session, qtbot: QtBot
) -> None:
    left_behind(session.root, (edited("Keep me"), None, None), (edited("Throw away"), None, None))
    window, dialog = start(open_app, session, qtbot)
    tree = dialog.tree
    tree.clearSelection()
    [throw] = [tree.topLevelItem(r) for r in range(2) if tree.topLevelItem(r).text(0) == "Throw away"]
    throw.setSelected(True)
    answer_next_box(QMessageBox.StandardButton.Cancel)
    dialog.discard_button.click()
    assert len(rows(dialog)) == 2
    seen = answer_next_box(QMessageBox.StandardButton.Discard)
    dialog.discard_button.click()
    assert seen == ["Discard the recovery copies of this canvas? Their unsaved changes will be lost."]
    assert [row[0] for row in rows(dialog)] == ["Keep me"]
    assert [copy.canvas.title for copy in dialog.remaining()] == ["Keep me"]
    dialog.later_button.click()
    assert window.document.canvas.title == "TikTok"
    titles = [decode_copy(p.read_bytes(), "")[0].title for p in (session.root / "sessions").glob("*/*.yaml")]
    assert titles == ["Keep me"]


def test_an_unreadable_copy_is_set_aside_with_a_message_and_start_up_goes_on(
    open_app: OpenApp, session: Session, qtbot: QtBot
) -> None:
    left_behind(session.root, (edited("Readable"), None, None), (edited("Broken"), None, None))
    broken = next(p for p in (session.root / "sessions").glob("*/*.yaml") if b"Broken" in p.read_bytes())
    broken.write_bytes(broken.read_bytes().replace(b"format: 1", b"format: [1"))
    window, dialog = start(open_app, session, qtbot)
    assert window.document.canvas.title == "TikTok"
    assert [row[0] for row in rows(dialog)] == ["Readable"]
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "errorBox" and w.isVisible()]
    assert len(boxes) == 1
    assert isinstance(boxes[0], ProblemsDialog)
    assert "set aside at" in boxes[0].details
    assert list((session.root / "set-aside").iterdir())
    boxes[0].close()
    dialog.later_button.click()


def test_nothing_to_recover_shows_nothing(open_app: OpenApp, session: Session) -> None:
    window = open_app(None, session)
    assert offer_recovery(window) is None
    assert not any(isinstance(w, RecoveryDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_the_copy_follows_a_restored_canvas(open_app: OpenApp, session: Session, qtbot: QtBot) -> None:
    left_behind(session.root, (edited("Restored", "one"), None, None))
    window, dialog = start(open_app, session, qtbot)
    dialog.restore_button.click()
    activate(window)
    add_note(window, "two")
    window.autosaver.write_now()
    [(canvas, _)] = copies_of(session)
    assert [note.text for note in canvas.notes("key_partners")] == ["two"]


def test_copy_info_keeps_the_restored_files_state(
    open_app: OpenApp, session: Session, canvas_file: Path, qtbot: QtBot
) -> None:
    state = FileState.now(canvas_file)
    left_behind(session.root, (edited("Lemonade"), canvas_file, state))
    window, dialog = start(open_app, session, qtbot)
    copy: RecoveredCopy = dialog.remaining()[0]
    assert copy.info.original_state == state
    dialog.restore_button.click()
    assert window.document.disk_state == state


def test_when_the_data_folder_cannot_be_used_copies_go_to_the_temporary_folder_and_the_window_says_so(
    open_app: OpenApp, tmp_path: Path
) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the recovery folder should be")
    session = recovery.open_session(blocked / "recovery")
    try:
        assert session.folder.is_dir() and blocked.is_file()
        window = open_app(None, session)
        message = window.statusBar().currentMessage()
        assert message.startswith("Recovery copies are kept in") and str(blocked / "recovery") in message
        delete_first_note(window)
        window.autosaver.write_now()
        assert len(copies_of(session)) == 1
    finally:
        session.close()


def test_planted_and_hostile_copies_never_hang_never_write_and_show_their_paths_escaped(
    open_app: OpenApp, session: Session, canvas_file: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """Copies someone else put in the recovery folder: one naming /dev/zero as its file, one whose file name holds
    terminal escapes, one of 40 MiB, one that is a link to a pipe, and one whose file is the person's own canvas."""
    escaped_name = tmp_path / "plan\x1b]0;pwned\x07.yaml"
    left_behind(
        session.root,
        (edited("Names a device", "x"), Path("/dev/zero"), None),
        (edited("Escapes\x1b[2J", "y"), escaped_name, None),
        (edited("Over the person's file", "z"), canvas_file, None),
    )
    dead = next(path for path in (session.root / "sessions").iterdir() if path != session.folder)
    (dead / "huge.yaml").write_bytes(b"# Canvas Editor recovery copy\n# recovery: {}\n" + b"a" * (40 << 20))
    os.mkfifo(tmp_path / "pipe")
    (dead / "pipe.yaml").symlink_to(tmp_path / "pipe")
    before = canvas_file.read_bytes()
    with never_hangs("reading the copies never waits on a pipe or reads a device"):
        window, dialog = start(open_app, session, qtbot)
    offered = {row[0]: row for row in rows(dialog)}
    assert set(offered) == {"Names a device", "Escapes\\x1b[2J", "Over the person's file"}
    assert offered["Escapes\\x1b[2J"][1] == str(tmp_path / "plan\\x1b]0;pwned\\x07.yaml")
    assert offered["Names a device"][3] == STATUS["missing"]  # not a file: never read
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and "huge.yaml" in box.details and "pipe.yaml" in box.details
    assert "MiB" in box.details and "not a file this editor wrote" in box.details
    box.close()
    dialog.restore_button.click()
    restored = {w.document.canvas.title: w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}
    assert "\x1b" not in restored["Escapes\x1b[2J"].windowTitle()
    assert all(w.isWindowModified() for w in restored.values())
    assert canvas_file.read_bytes() == before  # nothing is written over a copy's file until the person saves
    assert not escaped_name.exists()
