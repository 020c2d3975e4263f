"""The open file changed by someone else (git pull, another editor, a sync tool that replaces files by rename): the
window notices every time; it reloads as an undoable step, asks when there are local edits, and never overwrites
either side silently."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from canvases import BMC
from driving import CTRL, activate, answer_next_box, delete_first_note, keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from editor.fileformat import dump_canvas, load_canvas, save_canvas
from editor.gui.main_window import MainWindow
from editor.gui.problems_dialog import ProblemsDialog
from editor.model import Canvas, Note

OpenApp = Callable[..., MainWindow]
WAIT_MS = 5000


def version(number: int) -> Canvas:
    return Canvas(BMC, title=f"Version {number}", blocks={"channels": [Note(f"channel {number}")]})


def someone_saves(path: Path, canvas: Canvas) -> None:
    """Another program replaces the file by rename, as git and sync tools do."""
    save_canvas(canvas, path)


def someone_rewrites_in_place(path: Path, canvas: Canvas) -> None:
    """Another editor truncates the file and writes it again."""
    with path.open("w", encoding="utf-8") as stream:
        stream.write(dump_canvas(canvas))


def shows(window: MainWindow, canvas: Canvas) -> Callable[[], bool]:
    return lambda: window.document.canvas == canvas


def box_named(name: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible():
            return widget
    return None


def click_box_button(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.findChildren(QPushButton) if b.text() == text]
    button.click()


def edited_then_saved_by_someone(
    window: MainWindow, path: Path, theirs: Canvas, qtbot: QtBot
) -> tuple[tuple[object, ...], QMessageBox]:
    """A note deleted here, then the file replaced by someone else: what is shown, and the question that comes."""
    delete_first_note(window)
    mine = window.document.canvas.content()
    someone_saves(path, theirs)
    qtbot.waitUntil(lambda: box_named("diskChangedBox") is not None, timeout=WAIT_MS)
    box = box_named("diskChangedBox")
    assert box is not None
    return mine, box


def test_without_local_edits_a_changed_file_is_reloaded_and_undo_brings_back_the_old_canvas(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(canvas_file)
    before = window.document.canvas.content()
    someone_saves(canvas_file, version(1))
    qtbot.waitUntil(shows(window, version(1)), timeout=WAIT_MS)
    assert not window.isWindowModified()
    assert window.actions_.undo.text() == "&Undo Reload from Disk"
    assert "Reloaded lemonade.yaml" in window.statusBar().currentMessage()
    activate(window)
    keys(window, Qt.Key.Key_Z, CTRL)
    assert window.document.canvas.content() == before
    assert window.isWindowModified()  # what is shown now differs from the file
    assert load_canvas(canvas_file) == version(1)  # undo never writes


def test_every_one_of_repeated_replacements_and_rewrites_is_noticed(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(canvas_file)
    for number in range(1, 7):
        change = someone_saves if number % 2 else someone_rewrites_in_place
        change(canvas_file, version(number))
        qtbot.waitUntil(shows(window, version(number)), timeout=WAIT_MS)
    assert window.document.stack.count() == 6
    assert not window.isWindowModified()


def test_a_touch_and_our_own_saves_are_no_change(open_app: OpenApp, canvas_file: Path, qtbot: QtBot) -> None:
    window = open_app(canvas_file)
    os.utime(canvas_file, (1, 1))
    delete_first_note(window)
    keys(window, Qt.Key.Key_S, CTRL)
    qtbot.wait(800)  # longer than the watcher waits for a burst of changes to settle
    assert window.document.stack.count() == 1  # only the deletion: no reload
    assert box_named("diskChangedBox") is None and not window.isWindowModified()


def test_with_local_edits_it_asks_and_keep_my_changes_touches_neither_side(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(canvas_file)
    mine, box = edited_then_saved_by_someone(window, canvas_file, version(1), qtbot)
    assert box.text() == "lemonade.yaml was changed on disk, and you have unsaved changes here."
    click_box_button(box, "Keep My Changes")
    assert window.document.canvas.content() == mine and window.isWindowModified()
    assert load_canvas(canvas_file) == version(1)
    activate(window)
    keys(window, Qt.Key.Key_S, CTRL)  # the person chose: saving replaces the version they saw
    assert load_canvas(canvas_file).content() == mine


def test_with_local_edits_reload_keeps_them_in_the_undo_history(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(canvas_file)
    mine, box = edited_then_saved_by_someone(window, canvas_file, version(2), qtbot)
    click_box_button(box, "Reload from Disk")
    assert window.document.canvas == version(2) and not window.isWindowModified()
    activate(window)
    keys(window, Qt.Key.Key_Z, CTRL)
    assert window.document.canvas.content() == mine and window.isWindowModified()


def test_saving_over_a_file_changed_since_it_was_read_asks_first(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(canvas_file)
    delete_first_note(window)
    someone_saves(canvas_file, version(3))
    # Saved at once, before the watcher has looked: the save itself notices.
    seen = answer_next_box(QMessageBox.StandardButton.Cancel)
    keys(window, Qt.Key.Key_S, CTRL)
    assert seen == ["lemonade.yaml was changed on disk since it was opened or last saved here."]
    assert load_canvas(canvas_file) == version(3) and window.isWindowModified()


def test_a_file_removed_on_disk_leaves_the_canvas_open_and_unsaved(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(canvas_file)
    shown = window.document.canvas.content()
    canvas_file.unlink()
    qtbot.waitUntil(window.isWindowModified, timeout=WAIT_MS)
    assert "was moved or deleted on disk" in window.statusBar().currentMessage()
    assert window.document.canvas.content() == shown
    activate(window)
    keys(window, Qt.Key.Key_S, CTRL)
    assert load_canvas(canvas_file).content() == shown and not window.isWindowModified()


def test_in_presentation_mode_a_file_removed_on_disk_is_said_over_the_board(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QLabel

    window = open_app(canvas_file)
    keys(window, Qt.Key.Key_F5)
    assert window.statusBar().isHidden()
    canvas_file.unlink()
    qtbot.waitUntil(window.isWindowModified, timeout=WAIT_MS)
    toast = window.view.findChild(QLabel, "toast")
    assert toast is not None and toast.isVisible() and "was moved or deleted on disk" in toast.text()


def test_a_changed_file_that_cannot_be_read_says_where_and_keeps_the_canvas(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(canvas_file)
    shown = window.document.canvas.content()
    canvas_file.write_text("format: 1\nblocks:\n  channels: [unclosed\n", encoding="utf-8")
    qtbot.waitUntil(lambda: window.findChild(ProblemsDialog, "errorBox") is not None, timeout=WAIT_MS)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "lemonade.yaml was changed on disk, but cannot be read. The canvas shown here is unchanged."
    assert box.details.startswith(f"{canvas_file}:4:1: YAML syntax error")
    assert box.problem_rows()[0][0] == "4:1"
    assert window.document.canvas.content() == shown
    box.close()


def test_after_save_as_the_new_file_is_watched(
    open_app: OpenApp, canvas_file: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    window = open_app(canvas_file)
    other = tmp_path / "other.yaml"
    window._save_to(other)
    someone_saves(canvas_file, version(4))  # the old file is no longer this window's
    someone_saves(other, version(5))
    qtbot.waitUntil(shows(window, version(5)), timeout=WAIT_MS)
    assert window.document.path == other


def test_a_rewrite_that_keeps_the_size_and_time_is_not_replaced_without_asking(
    open_app: OpenApp, canvas_file: Path
) -> None:
    # cp -p, rsync -t and touch -r keep both; a FAT or network clock may not tell them apart either.
    window = open_app(canvas_file)
    delete_first_note(window)
    before = os.stat(canvas_file)
    theirs = canvas_file.read_bytes().replace(b"Lemonade stand", b"Lemonade STAND")
    assert len(theirs) == before.st_size
    canvas_file.write_bytes(theirs)
    os.utime(canvas_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    seen = answer_next_box(QMessageBox.StandardButton.Cancel)
    keys(window, Qt.Key.Key_S, CTRL)
    assert seen == ["lemonade.yaml was changed on disk since it was opened or last saved here."]
    assert canvas_file.read_bytes() == theirs and window.isWindowModified()


def test_a_file_opened_in_place_of_another_is_the_one_watched(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(None)  # the example, then the person opens a file in this window
    assert window.open_path(canvas_file)
    someone_saves(canvas_file, version(1))
    qtbot.waitUntil(shows(window, version(1)), timeout=WAIT_MS)
    assert "Reloaded lemonade.yaml" in window.statusBar().currentMessage()
