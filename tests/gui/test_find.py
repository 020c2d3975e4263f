"""Find (Ctrl+F): matching notes stand out as the legend's filter brings out a colour, Enter and Shift+Enter go
through them, Escape ends; in presentation mode too, and into a full block's pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import CTRL, keys, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from editor.board.frame_items import FADED
from editor.gui.main_window import MainWindow
from editor.model import Note

OpenApp = Callable[[Path | None], MainWindow]
SHIFT = Qt.KeyboardModifier.ShiftModifier


def count(window: MainWindow) -> str:
    label = window.view.findChild(QLabel, "findCount")
    assert label is not None
    return label.text()


def test_ctrl_f_brings_out_the_matching_notes_and_enter_goes_through_them(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas, board = window.document.canvas, window.board
    keys(window, Qt.Key.Key_F, CTRL)
    field = window.view.findChild(QLineEdit, "findText")
    assert field is not None and field.hasFocus()
    type_text(window, "Influencer")  # any case
    found = [
        note.id for block_id in board.blocks for note in canvas.notes(block_id) if "influencer" in note.text.lower()
    ]
    assert len(found) >= 3
    assert all(board.notes[n].opacity() == 1.0 for n in found)
    assert all(item.opacity() == FADED for n, item in board.notes.items() if n not in found)
    assert board.selected_ids() == [found[0]] and count(window) == f"1 of {len(found)}"
    keys(window, Qt.Key.Key_Return)
    assert board.selected_ids() == [found[1]] and count(window) == f"2 of {len(found)}"
    keys(window, Qt.Key.Key_Return, SHIFT)
    keys(window, Qt.Key.Key_Return, SHIFT)
    assert board.selected_ids() == [found[-1]]  # round the end
    keys(window, Qt.Key.Key_Escape)
    assert all(item.opacity() == 1.0 for item in board.notes.values()) and not field.isVisible()
    assert window.view.hasFocus() or window.view.viewport().hasFocus()


def test_find_works_in_presentation_mode_and_turns_a_full_blocks_page(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas, board = window.document.canvas, window.board
    for number in range(60):
        canvas.add_note("channels", Note(f"Filler note number {number}"))
    canvas.add_note("channels", Note("Podcast sponsorships"))
    hidden = canvas.notes("channels")[-1].id
    assert not board.notes[hidden].isVisible()  # on a later page of the full block
    keys(window, Qt.Key.Key_F5)
    keys(window, Qt.Key.Key_F, CTRL)
    type_text(window, "podcast")
    assert count(window) == "1 of 1"
    assert board.notes[hidden].isVisible() and board.selected_ids() == [hidden]
    keys(window, Qt.Key.Key_Escape)
    assert window.presenter.presenting  # Escape ended the search, not the presentation
    window.presenter.leave_presentation()


def test_no_match_says_so_and_fades_nothing_it_should_not(open_app: OpenApp) -> None:
    window = open_app(None)
    keys(window, Qt.Key.Key_F, CTRL)
    type_text(window, "zebra")
    assert count(window) == "no note" and window.board.selected_ids() == []


def test_find_skips_what_the_story_has_not_told_and_ends_with_its_canvas(open_app: OpenApp, tiktok_path: Path) -> None:
    window = open_app(None)
    keys(window, Qt.Key.Key_R, CTRL | SHIFT)  # the story: every note hidden
    keys(window, Qt.Key.Key_F, CTRL)
    type_text(window, "influencer")
    assert count(window) == "no note" and window.board.selected_ids() == []
    window.open_path(tiktok_path)  # another canvas: the search ends with the old one
    field = window.view.findChild(QLineEdit, "findText")
    assert field is not None and not field.isVisible()
