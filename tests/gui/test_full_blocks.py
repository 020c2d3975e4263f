"""A block with more notes than fit: every note stays inside its block at a readable size, a "+12 more" button
shows the next page, every note is on one page, and the export says how many notes it did not show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from driving import LEFT, NONE, at, keys
from pypdf import PdfReader
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from editor.board.geometry import READABLE_SCALE
from editor.cli import main as cli
from editor.fileformat import load_canvas, save_canvas
from editor.gui.main_window import MainWindow
from editor.model import Note

OpenApp = Callable[[Path | None], MainWindow]
WORDS = ["customers", "partners", "revenue", "channel", "platform", "creators", "brands", "ads", "data", "growth"]


def ten_words(number: int) -> str:
    return f"{number} " + " ".join(WORDS[(number + k) % 10] for k in range(9))


def body(window: MainWindow, note_id: int) -> QRectF:
    item = window.board.notes[note_id]
    return item.mapRectToScene(item.body_rect())


def click_more(window: MainWindow, block_id: str) -> None:
    block = window.board.blocks[block_id]
    button = block.more_rect()
    assert button is not None
    QTest.mouseClick(window.view.viewport(), LEFT, NONE, at(window, block.mapToScene(button.center())))


@pytest.mark.parametrize("count", [30, 45, 100])
def test_a_full_block_shows_its_notes_a_page_at_a_time_inside_it_and_readable(open_app: OpenApp, count: int) -> None:
    window = open_app(None)
    canvas, board = window.document.canvas, window.board
    for number in range(count):
        canvas.add_note("channels", Note(ten_words(number)))
    block = board.blocks["channels"]
    ids = [note.id for note in canvas.notes("channels")]
    rect = block.sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5)
    title_bottom = block.mapToScene(QPointF(0, block.notes_area().y - block.rect.y)).y()
    seen: list[int] = []
    for _ in range(count):  # page through, as a person clicks "+N more"
        shown = [note_id for note_id in ids if board.notes[note_id].isVisible()]
        assert shown, "a page shows notes"
        assert all(rect.contains(body(window, note_id)) for note_id in shown)  # nothing runs over a neighbour
        assert {board.notes[note_id].scale() for note_id in shown} == {READABLE_SCALE}  # as many as can be
        button = block.mapRectToScene(block.more_rect())
        assert rect.contains(button) and button.top() > title_bottom  # at the block's foot, not over its title
        assert not any(button.intersects(body(window, note_id)) for note_id in shown)
        assert block.more_label in (f"+{block.after} more", f"Back to the first {block.before}")
        seen += shown
        if block.after == 0:
            break
        click_more(window, "channels")
    assert sorted(seen) == sorted(ids)  # every note, each on one page
    click_more(window, "channels")  # after the last page, the first again
    assert block.before == 0 and board.notes[ids[0]].isVisible()
    # The other blocks keep one size together, the board's, which the full block does not pull down.
    others = [item for block_id in board.blocks if block_id != "channels" for item in board.note_items(block_id)]
    assert {item.scale() for item in others} == {board.note_scale} and board.note_scale >= READABLE_SCALE


def test_notes_of_one_board_share_one_size(open_app: OpenApp) -> None:
    window = open_app(None)
    window.resize(1366, 768)
    window.document.canvas.add_note("channels", Note(ten_words(1)))
    scales = {item.scale() for item in window.board.notes.values()}
    assert len(scales) == 1  # Channels being fuller does not make its notes smaller than the others'


def test_a_note_added_to_a_full_block_opens_on_the_page_where_it_goes(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    for number in range(40):
        canvas.add_note("channels", Note(ten_words(number)))
    block = window.board.blocks["channels"]
    assert block.before == 0 and block.after > 0
    window.board.add_note("channels")
    assert window.board.editor is not None and block.after == 0  # the last page, where the new note goes
    assert block.sceneBoundingRect().contains(window.board.editor.sceneBoundingRect().topLeft())
    keys(window, "x")
    keys(window, Qt.Key.Key_Return)
    assert canvas.notes("channels")[-1].text == "x"
    assert window.board.notes[canvas.notes("channels")[-1].id].isVisible()


def test_the_export_of_a_full_block_says_how_many_notes_it_does_not_show(tmp_path: Path, tiktok_path: Path) -> None:
    canvas = load_canvas(tiktok_path)
    for number in range(45):
        canvas.add_note("channels", Note(ten_words(number)))
    path = tmp_path / "full.yaml"
    save_canvas(canvas, path)
    assert cli(["export", str(path), "-o", str(tmp_path / "full.pdf")]) == 0
    text = " ".join(PdfReader(tmp_path / "full.pdf").pages[0].extract_text().split())
    assert any(f"+{n} more" in text for n in range(1, 51))  # of the 50 notes, how many are not on the page
    assert cli(["export", str(path), "-o", str(tmp_path / "full.md")]) == 0
    markdown = (tmp_path / "full.md").read_text(encoding="utf-8")
    assert all(ten_words(number) in markdown for number in range(45))  # the Markdown lists every note


def test_a_note_dropped_into_a_full_block_is_shown_where_it_went(open_app: OpenApp) -> None:
    from driving import block_point, drag, note_center

    window = open_app(None)
    canvas, board = window.document.canvas, window.board
    for number in range(45):
        canvas.add_note("channels", Note(ten_words(number)))
    moved = canvas.notes("value_propositions")[0].id
    drag(window, note_center(window, moved), block_point(window, "channels", 0.5, 0.6))
    assert canvas.block_of(moved) == "channels"
    assert board.notes[moved].isVisible()  # the block turned to the page where it is


def test_one_note_more_never_hides_half_a_block(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas, board = window.document.canvas, window.board
    block = board.blocks["channels"]
    while block.after == 0:
        canvas.add_note("channels", Note(ten_words(len(canvas.notes("channels")))))
    assert 0 < block.after < 5  # the note that made the block full, and at most the rest of its row
