"""The file workflow: new, open, save, save as, recent files, examples, and asking before unsaved work is lost."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from canvases import BMC
from disks import SmallDisk
from driving import (
    CTRL,
    FileDialogs,
    activate,
    answer_next_box,
    block_point,
    click,
    delete_first_note,
    double_click,
    drag,
    keys,
    note_center,
    on_next_modal,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from editor import paths
from editor.fileformat import load_canvas, save_canvas
from editor.gui import settings
from editor.gui.main_window import MainWindow
from editor.gui.problems_dialog import ProblemsDialog
from editor.model import Canvas, Note

OpenApp = Callable[[Path | None], MainWindow]
Button = QMessageBox.StandardButton
SHIFT = Qt.KeyboardModifier.ShiftModifier


# Saving


def test_save_as_writes_a_file_that_reloads_as_the_same_canvas(
    open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path
) -> None:
    window = open_app(None)
    delete_first_note(window)
    target = tmp_path / "my tiktok"  # no suffix: the editor adds .yaml
    dialogs.answers.append(target)
    keys(window, Qt.Key.Key_S, CTRL | SHIFT)
    saved = tmp_path / "my tiktok.yaml"
    assert dialogs.asked == ["Save Canvas As"] and saved.exists()
    assert load_canvas(saved) == window.document.canvas
    assert window.document.path == saved and not window.isWindowModified()
    assert window.windowTitle() == "my tiktok.yaml[*] — Canvas Editor"
    assert settings.recent_files()[0] == saved
    # Ctrl+S now saves to the same file without asking.
    delete_first_note(window)
    assert window.isWindowModified()
    window.statusBar().clearMessage()
    keys(window, Qt.Key.Key_S, CTRL)
    assert dialogs.asked == ["Save Canvas As"] and not window.isWindowModified()
    assert load_canvas(saved) == window.document.canvas
    assert window.statusBar().currentMessage() == f"Saved to {saved}"  # seen: the title's * alone was missed


def test_an_example_opens_as_an_untitled_copy_and_is_never_overwritten(
    open_app: OpenApp, dialogs: FileDialogs, tiktok_path: Path, tmp_path: Path
) -> None:
    original = paths.tiktok_example().read_bytes()
    window = open_app(None)
    assert window.document.path is None and window.windowTitle().startswith("TikTok")
    delete_first_note(window)
    keys(window, Qt.Key.Key_S, CTRL)  # Save asks where, as for any new canvas
    assert dialogs.asked == ["Save Canvas As"]
    assert window.isWindowModified()  # the dialog was cancelled
    dialogs.answers.append(tmp_path / "tiktok.yaml")
    keys(window, Qt.Key.Key_S, CTRL)
    assert paths.tiktok_example().read_bytes() == original
    assert load_canvas(tmp_path / "tiktok.yaml") == window.document.canvas


def test_a_failed_save_says_why_and_keeps_the_document_modified(
    open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path, qtbot: QtBot
) -> None:
    window = open_app(None)
    delete_first_note(window)
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    dialogs.answers.append(blocked / "canvas.yaml")
    keys(window, Qt.Key.Key_S, CTRL)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "Canvas Editor could not save canvas.yaml."
    assert "a file, not a folder" in box.details
    assert window.isWindowModified() and window.document.path is None
    assert window.document.canvas.notes("value_propositions")  # nothing was lost
    # The box offers to save somewhere else, which works.
    dialogs.answers.append(tmp_path / "elsewhere.yaml")
    box.findChild(QPushButton, "saveAsButton").click()
    assert dialogs.asked == ["Save Canvas As", "Save Canvas As"]
    assert load_canvas(tmp_path / "elsewhere.yaml") == window.document.canvas
    assert window.document.path == tmp_path / "elsewhere.yaml" and not window.isWindowModified()


def test_a_full_disk_keeps_the_file_and_the_canvas_and_offers_save_as(
    open_app: OpenApp, dialogs: FileDialogs, small_disk: SmallDisk, tmp_path: Path
) -> None:
    path = small_disk.folder / "plan.yaml"
    save_canvas(Canvas(BMC, title="Plan", blocks={"channels": [Note("Word of mouth")]}), path)
    before = path.read_bytes()
    window = open_app(path)
    QApplication.clipboard().setText("\n".join(f"idea {n} from the workshop wall" for n in range(300)))
    click(window, note_center(window, window.document.canvas.notes("channels")[0].id))
    keys(window, Qt.Key.Key_V, CTRL)  # 300 notes: more than the disk has left
    assert window.document.canvas.note_count() == 301
    small_disk.fill_up(leave=2048)
    keys(window, Qt.Key.Key_S, CTRL)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "Canvas Editor could not save plan.yaml."
    assert "the disk is full" in box.details and "was not changed" in box.details
    assert path.read_bytes() == before and window.isWindowModified()
    dialogs.answers.append(tmp_path / "elsewhere.yaml")
    box.findChild(QPushButton, "saveAsButton").click()
    assert load_canvas(tmp_path / "elsewhere.yaml") == window.document.canvas
    assert not window.isWindowModified()


# Unsaved changes


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(open_app: OpenApp, canvas_file: Path) -> None:
    window = open_app(canvas_file)
    delete_first_note(window)
    seen = answer_next_box(Button.Cancel)
    assert not window.close()
    assert seen == ["Do you want to save the changes to lemonade.yaml?"]
    assert window.isVisible() and window.isWindowModified()
    assert load_canvas(canvas_file).notes("value_propositions")  # the file is untouched


def test_closing_and_discarding_leaves_the_file_as_it_was(open_app: OpenApp, canvas_file: Path) -> None:
    before = canvas_file.read_bytes()
    window = open_app(canvas_file)
    delete_first_note(window)
    seen = answer_next_box(Button.Discard)
    assert window.close() and seen
    assert canvas_file.read_bytes() == before


def test_closing_and_saving_writes_the_changes(open_app: OpenApp, canvas_file: Path) -> None:
    window = open_app(canvas_file)
    delete_first_note(window)
    expected = window.document.canvas.content()
    seen = answer_next_box(Button.Save)
    assert window.close() and seen
    assert load_canvas(canvas_file).content() == expected


def test_closing_an_untitled_canvas_and_cancelling_the_save_dialog_keeps_it_open(
    open_app: OpenApp, dialogs: FileDialogs
) -> None:
    window = open_app(None)
    delete_first_note(window)
    answer_next_box(Button.Save)
    assert not window.close()  # Save asked for a path, the person cancelled: nothing may be lost
    assert dialogs.asked == ["Save Canvas As"] and window.isVisible() and window.isWindowModified()


def test_an_unmodified_window_closes_without_asking(open_app: OpenApp, canvas_file: Path) -> None:
    window = open_app(canvas_file)
    delete_first_note(window)
    keys(window, Qt.Key.Key_Z, CTRL)  # undone back to the file: nothing to save
    assert not window.isWindowModified()
    assert window.close()
    assert QApplication.activeModalWidget() is None


def test_opening_another_file_with_unsaved_changes_asks_first(
    open_app: OpenApp, dialogs: FileDialogs, canvas_file: Path, tiktok_path: Path
) -> None:
    window = open_app(canvas_file)
    delete_first_note(window)
    seen = answer_next_box(Button.Cancel)
    keys(window, Qt.Key.Key_O, CTRL)
    assert seen and dialogs.asked == []  # cancelled before the open dialog
    assert window.document.path == canvas_file and window.isWindowModified()
    activate(window)
    answer_next_box(Button.Discard)
    dialogs.answers.append(tiktok_path)
    keys(window, Qt.Key.Key_O, CTRL)
    assert dialogs.asked == ["Open Canvas"]
    assert window.document.canvas == load_canvas(tiktok_path) and not window.isWindowModified()


def test_new_gives_a_blank_business_model_canvas(open_app: OpenApp) -> None:
    window = open_app(None)
    seen = on_next_modal(lambda gallery: QTest.keyClick(gallery.focusWidget(), Qt.Key.Key_Return))
    keys(window, Qt.Key.Key_N, CTRL)  # the gallery opens on the canvas's own kind: Enter makes one
    assert [widget.objectName() for widget in seen] == ["newCanvasGallery"]
    canvas = window.document.canvas
    assert canvas.template.id == "business-model-canvas" and canvas.title == ""
    assert all(not canvas.notes(block.id) for block in canvas.template.blocks)
    assert window.document.path is None and window.windowTitle() == "Untitled[*] — Canvas Editor"
    assert len(window.board.blocks) == 9 and not window.board.notes
    assert window.document.stack.count() == 0 and window.panels.undo_view.stack() is window.document.stack


# Modified flag


def test_modified_means_different_from_the_saved_file(open_app: OpenApp, canvas_file: Path) -> None:
    window = open_app(canvas_file)
    canvas = window.document.canvas
    assert not window.isWindowModified()
    click(window, note_center(window, canvas.notes("customer_segments")[0].id))
    for color in ("pink", "blue"):  # recolour away and back by hand: same as the file again
        next(a for a in window.actions_.toolbar.actions() if a.text() == color.title()).trigger()
    assert window.document.stack.count() == 2 and not window.isWindowModified()
    keys(window, Qt.Key.Key_Z, CTRL)
    assert window.isWindowModified()
    keys(window, Qt.Key.Key_Z, CTRL)
    assert not window.isWindowModified()


# Recent files, examples, settings


def test_recent_files_list_opened_files_newest_first_and_reopen_them(
    open_app: OpenApp, canvas_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.yaml"
    save_canvas(Canvas(BMC, title="Other"), other)
    window = open_app(canvas_file)
    second = open_app(None)
    assert recent_entries(second) == [str(canvas_file)]
    window.open_other(other)
    assert recent_entries(second) == [str(other), str(canvas_file)]  # every window lists every window's files
    assert recent_entries(window) == [str(other), str(canvas_file)]
    window.actions_.recent_menu.actions()[1].trigger()
    assert window.document.path == canvas_file
    assert settings.recent_files() == [canvas_file, other]


def test_no_recent_files_says_so(open_app: OpenApp) -> None:
    window = open_app(None)  # the example opens as an untitled copy: not a recent file
    assert recent_entries(window) == ["No recent files"]
    assert not window.actions_.recent_menu.actions()[0].isEnabled()


def recent_entries(window: MainWindow) -> list[str]:
    """What File > Open Recent shows when the person opens it."""
    window.actions_.recent_menu.aboutToShow.emit()
    return [action.text() for action in window.actions_.recent_menu.actions()]


def test_a_recent_file_that_has_gone_gives_a_message_and_keeps_the_canvas(open_app: OpenApp, canvas_file: Path) -> None:
    window = open_app(canvas_file)
    gone = canvas_file.with_name("gone.yaml")
    settings.add_recent_file(gone)
    assert recent_entries(window)[0] == str(gone)
    window.actions_.recent_menu.actions()[0].trigger()
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and "gone.yaml" in box.text()
    assert window.document.path == canvas_file
    box.accept()


def test_open_example_lists_every_example(open_app: OpenApp) -> None:
    window = open_app(None)
    menu = next(a.menu() for a in window.actions_.file_menu.actions() if a.text() == "Open &Example")
    menu.popup(window.mapToGlobal(window.rect().center()))  # filled as it opens
    names = [a.text() for a in menu.actions()]
    menu.hide()
    assert names == ["TikTok", "TikTok (Lean Canvas)"]  # each canvas's own name, in order
    next(a for a in menu.actions() if a.text() == "TikTok").trigger()
    assert window.document.canvas.title == "TikTok" and window.document.path is None  # an untitled copy


def test_window_geometry_is_kept_between_runs(open_app: OpenApp, qtbot: QtBot) -> None:
    first = open_app(None)
    first.resize(734, 577)  # smaller than the test screen: Qt fits restored windows onto the screen
    qtbot.waitUntil(lambda: first.size().width() == 734)
    assert first.close()
    second = MainWindow()
    try:
        assert (second.width(), second.height()) == (734, 577)
    finally:
        second.deleteLater()


# Undo history


def test_undo_history_shows_each_change_and_clicking_one_goes_back_there(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    before = window.document.canvas.content()
    delete_first_note(window)
    delete_first_note(window, "channels")
    next(a for a in window.actions_.view_menu.actions() if a.text() == "Undo History").trigger()
    assert window.history_dock.isVisible()
    model = window.panels.undo_view.model()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["Opened", "Delete Note", "Delete Note"]
    window.panels.undo_view.setCurrentIndex(model.index(0, 0))
    assert window.document.canvas.content() == before and not window.isWindowModified()


def test_quit_asks_about_unsaved_changes_and_cancel_keeps_the_window(open_app: OpenApp, canvas_file: Path) -> None:
    open_app(None)  # a second window, without changes
    changed = open_app(canvas_file)
    delete_first_note(changed)
    seen = answer_next_box(Button.Cancel)
    keys(changed, Qt.Key.Key_Q, CTRL)
    assert seen == ["Do you want to save the changes to lemonade.yaml?"]
    assert changed.isVisible() and changed.isWindowModified()
    assert not changed.document.canvas.notes("value_propositions")  # the unsaved change is still there
    quit_action = next(a for a in changed.actions_.file_menu.actions() if a.text() == "&Quit")
    shortcuts = [s.toString() for s in quit_action.shortcuts()]
    assert "Ctrl+Q" in shortcuts and len(shortcuts) == len(set(shortcuts))


def test_opening_and_closing_without_editing_never_writes_the_file(open_app: OpenApp, canvas_file: Path) -> None:
    canvas_file.write_bytes(canvas_file.read_bytes() + b"# a comment the editor would drop on save\n")
    before = canvas_file.read_bytes(), canvas_file.stat().st_mtime_ns
    window = open_app(canvas_file)
    delete_first_note(window)
    keys(window, Qt.Key.Key_Z, CTRL)  # edited and undone: nothing to save
    assert window.close()
    assert (canvas_file.read_bytes(), canvas_file.stat().st_mtime_ns) == before


def test_save_as_and_export_suggest_a_name_made_from_the_title(open_app: OpenApp, dialogs: FileDialogs) -> None:
    window = open_app(None)
    window.document.canvas.set_title("Q3 / Q4: plan?")
    keys(window, Qt.Key.Key_S, CTRL | SHIFT)  # the dialog answers with nothing: cancelled
    window.exporter.export("md")
    assert [path.name for path in dialogs.suggested] == ["Q3 _ Q4_ plan_.yaml", "Q3 _ Q4_ plan_.md"]


def test_a_new_canvas_s_save_as_starts_in_the_folder_of_the_canvas_opened_before(
    open_app: OpenApp, dialogs: FileDialogs, canvas_file: Path
) -> None:
    """Seen in a review: with a canvas opened from the command line, File > New then Save As started in the home
    folder."""
    window = open_app(canvas_file)
    window.new_canvas()
    keys(window, Qt.Key.Key_S, CTRL | SHIFT)  # the dialog answers with nothing: cancelled
    assert [path.parent for path in dialogs.suggested] == [canvas_file.parent]


HAND_WRITTEN = """\
# Our plan, by hand.
format: 1
title: 'Lemonade stand'

blocks:
  customer_segments:
    - Thirsty neighbours   # the street
    - Joggers in the park

  value_propositions:
    - Cold lemonade on a hot day
"""


def test_editing_and_dragging_in_the_window_changes_only_those_notes_lines_in_the_file(
    open_app: OpenApp, tmp_path: Path
) -> None:
    path = tmp_path / "by-hand.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    window = open_app(path)
    canvas = window.document.canvas
    joggers = canvas.notes("customer_segments")[1].id
    double_click(window, note_center(window, joggers))
    keys(window, Qt.Key.Key_A, CTRL)
    type_text(window, "Joggers at dawn")
    keys(window, Qt.Key.Key_Return)
    lemonade = canvas.notes("value_propositions")[0].id
    drag(window, note_center(window, lemonade), block_point(window, "value_propositions", 0.6, 0.7))
    keys(window, Qt.Key.Key_S, CTRL)
    saved = path.read_text(encoding="utf-8")
    position = canvas.note(lemonade).position
    assert position is not None
    assert saved == HAND_WRITTEN.replace("    - Joggers in the park\n", "    - Joggers at dawn\n").replace(
        "    - Cold lemonade on a hot day\n",
        f"    - text: Cold lemonade on a hot day\n      at: [{position[0]}, {position[1]}]\n",
    )
    assert all(len(str(value).split(".")[1]) <= 3 for value in position)  # a thousandth: short and readable
    assert not window.document.modified
    keys(window, Qt.Key.Key_S, CTRL)  # saving again, unchanged, gives the same bytes
    assert path.read_text(encoding="utf-8") == saved
