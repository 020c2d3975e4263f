"""Text as long as a canvas may hold, and longer, on the board and in the note editor: the window answers at once,
and what goes past a limit is refused with a message, never half-taken in silence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from canvases import BMC
from driving import CTRL, at, block_point, click, double_click, keys, note_center, type_text
from hangs import never_hangs
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.board.text import MOST_SHOWN, WrappedText, breakable
from editor.fileformat import save_canvas
from editor.fileformat.clipboard import MIME_TYPE
from editor.gui.main_window import MainWindow
from editor.gui.problems_dialog import ProblemsDialog
from editor.model import Canvas, Note
from editor.model.limits import MAX_NOTES, MAX_TEXT

OpenApp = Callable[[Path | None], MainWindow]
MEGABYTE_LINE = "w" * 1_000_000


def test_pasting_a_line_of_a_million_letters_into_a_note_keeps_the_first_10000(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = window.document.canvas.notes("channels")[0].id
    double_click(window, note_center(window, note_id))
    assert window.board.editor is not None
    QApplication.clipboard().setText(MEGABYTE_LINE)
    with never_hangs("pasting a million letters"):
        keys(window, Qt.Key.Key_V, CTRL)  # replaces the selected text, as a paste does
        QApplication.processEvents()
    assert window.board.editor.text == "w" * MAX_TEXT
    assert "at most 10,000 characters" in window.statusBar().currentMessage()
    keys(window, Qt.Key.Key_Return)
    assert window.document.canvas.note(note_id).text == "w" * MAX_TEXT


def test_a_line_too_long_for_a_note_on_the_clipboard_is_refused_with_its_place(open_app: OpenApp) -> None:
    window = open_app(None)
    click(window, note_center(window, window.document.canvas.notes("channels")[0].id))
    QApplication.clipboard().setText("A fine note\n" + MEGABYTE_LINE + "\n")
    keys(window, Qt.Key.Key_V, CTRL)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and box.isVisible()
    assert box.details.splitlines() == [
        "the clipboard:2:1: this line is 1,000,000 characters long; a canvas holds at most 10,000 in one text."
    ]
    assert window.document.canvas.note_count() == 43  # nothing half-pasted
    box.close()


def test_a_canvas_of_the_longest_notes_opens_and_the_board_lays_out_only_what_a_note_can_show(
    open_app: OpenApp, tmp_path: Path
) -> None:
    path = tmp_path / "long words.yaml"
    save_canvas(Canvas(BMC, blocks={"channels": [Note("x" * MAX_TEXT), Note("y" * 3_000 + " and a few words")]}), path)
    window = open_app(path)
    assert [len(n.text) for n in window.document.canvas.notes("channels")] == [MAX_TEXT, 3_016]
    # A run of letters with no space gets a place to break every 48 of them, so Qt never searches far for one.
    assert max(len(run) for run in breakable("z" * 1_000).split("\u200b")) == 48
    accented = breakable("x" + "e\u0301" * 40)  # the 49th character is an accent: no break before it
    assert "\u200b\u0301" not in accented and accented.replace("\u200b", "") == "x" + "e\u0301" * 40
    # Only what a note can show is laid out; the note keeps its whole text (its editor shows it all).
    shown = WrappedText("x" * MAX_TEXT, window.board.notes[window.document.canvas.notes("channels")[0].id].font, 184)
    assert shown.height < WrappedText("x" * (MOST_SHOWN + 500), shown.font, 184).height * 1.01


def test_a_full_canvas_takes_no_more_notes_and_says_why(open_app: OpenApp, tmp_path: Path) -> None:
    path = tmp_path / "full.yaml"
    save_canvas(Canvas(BMC, blocks={"channels": [Note(f"n{i}") for i in range(MAX_NOTES)]}), path)
    window = open_app(path)
    canvas = window.document.canvas
    keys(window, Qt.Key.Key_N)  # a new note: no editor opens for a note that could never be kept
    assert window.board.editor is None
    assert "A canvas holds at most 10,000 notes and this one has 10,000" in window.statusBar().currentMessage()
    QApplication.clipboard().setText("one\ntwo\n")
    keys(window, Qt.Key.Key_V, CTRL)
    assert canvas.note_count() == MAX_NOTES
    assert "the 2 notes could not be added" in window.statusBar().currentMessage()
    click(window, note_center(window, canvas.notes("channels")[0].id))
    keys(window, Qt.Key.Key_D, CTRL)  # Duplicate
    assert canvas.note_count() == MAX_NOTES
    assert "the note could not be added" in window.statusBar().currentMessage()


@pytest.mark.parametrize(
    "payload, fragment",
    [
        (b"format: 1\nblocks: {channels: [a\x00b]}\n", "the clipboard:2:22: this is a binary file"),
        (b"format: 1\nblocks: {channels: [\xff\xfe]}\n", "the clipboard:2:21: byte 0xff is not UTF-8"),
        (b"format: 1\n# " + b"x" * (33 << 20) + b"\n", "the clipboard: the file is 33.0 MiB"),
        (b"format: 1\nblocks: {channels: [" + b"a, " * 300_000 + b"]}\n", "values; a canvas never needs so many"),
    ],
    ids=["NUL", "not UTF-8", "33 MiB", "300,000 notes"],
)
def test_odd_notes_on_the_clipboard_get_a_files_checks_and_nothing_is_added(
    open_app: OpenApp, payload: bytes, fragment: str
) -> None:
    window = open_app(None)
    data = QMimeData()
    data.setData(MIME_TYPE, payload)
    QApplication.clipboard().setMimeData(data)
    with never_hangs("pasting odd notes"):
        keys(window, Qt.Key.Key_V, CTRL)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and fragment in box.details, box.details
    assert window.document.canvas.note_count() == 43
    box.close()


EMOJI = "\U0001f600"  # one character, two UTF-16 units


def test_the_editor_counts_characters_not_utf16_units_and_one_undo_takes_a_cut_paste_back(open_app: OpenApp) -> None:
    window = open_app(None)
    note = window.document.canvas.notes("channels")[0]
    double_click(window, note_center(window, note.id))
    QApplication.clipboard().setText(EMOJI * 12_000)
    keys(window, Qt.Key.Key_V, CTRL)
    editor = window.board.editor
    assert editor is not None
    assert editor.text == EMOJI * MAX_TEXT  # whole emoji, as many as a note holds
    keys(window, Qt.Key.Key_Z, CTRL)  # the paste and its cut are one step
    assert editor.text == note.text
    keys(window, Qt.Key.Key_Escape)


def test_a_header_field_keeps_a_valid_title_of_emoji_and_cuts_a_longer_one_saying_so(
    open_app: OpenApp, tmp_path: Path
) -> None:
    path = tmp_path / "emoji.yaml"
    save_canvas(Canvas(BMC, title=EMOJI * 6_000), path)  # 6,000 characters, 12,000 UTF-16 units
    window = open_app(path)
    window.show_details()
    field = window.panels.header_panel.fields["title"]
    field.editingFinished.emit()  # leaving the field as it was
    assert window.document.canvas.title == EMOJI * 6_000 and not window.document.modified
    field.setText("t" * 15_000)  # the field takes 20,000 UTF-16 units, room for 10,000 characters of any kind
    field.editingFinished.emit()
    assert window.document.canvas.title == "t" * MAX_TEXT
    assert "Title holds at most 10,000 characters" in window.statusBar().currentMessage()


def test_a_note_being_typed_counts_before_dropped_notes(open_app: OpenApp, tmp_path: Path, qtbot: QtBot) -> None:
    from test_drops import drop, text

    path = tmp_path / "nearly full.yaml"
    save_canvas(Canvas(BMC, blocks={"channels": [Note(f"n{i}") for i in range(MAX_NOTES - 1)]}), path)
    window = open_app(path)
    canvas = window.document.canvas
    keys(window, Qt.Key.Key_N)
    type_text(window, "typed")
    assert window.board.editor is not None
    target = at(window, block_point(window, "cost_structure", 0.5, 0.5))
    assert drop(window.view.viewport(), target, text("dropped"))
    qtbot.waitUntil(lambda: "could not be added" in window.statusBar().currentMessage())
    assert canvas.note_count() == MAX_NOTES and "typed" in [n.text for _, n in canvas.all_notes()]


def test_text_dropped_on_the_note_being_edited_goes_into_it(open_app: OpenApp) -> None:
    from test_drops import drop, text

    window = open_app(None)
    note = window.document.canvas.notes("channels")[0]
    double_click(window, note_center(window, note.id))
    editor = window.board.editor
    assert editor is not None
    assert drop(window.view.viewport(), at(window, editor.sceneBoundingRect().center()), text(" and radio"))
    assert "and radio" in editor.text
    assert window.document.canvas.note_count() == 43
