"""Editing on the board with mouse and keys: each gesture changes the document by one undo step."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from canvases import BMC
from driving import (
    CTRL,
    LEFT,
    NONE,
    activate,
    at,
    block_point,
    click,
    context_menu,
    double_click,
    drag,
    keys,
    note_center,
    type_text,
)
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from editor.board.note_item import note_height
from editor.fileformat.clipboard import MIME_TYPE
from editor.gui.commands import AddNotes
from editor.gui.document import Document
from editor.gui.main_window import MainWindow
from editor.gui.note_transfer import add_notes_from
from editor.gui.problems_dialog import ProblemsDialog
from editor.gui.timebox import DEFAULT_MINUTES
from editor.model import BlockSpec, Canvas, Note, Template

OpenApp = Callable[[Path | None], MainWindow]


def texts(window: MainWindow, block_id: str) -> list[str]:
    return [note.text for note in window.document.canvas.notes(block_id)]


def ids(window: MainWindow, block_id: str) -> list[int]:
    return [note.id for note in window.document.canvas.notes(block_id)]


def undo_text(window: MainWindow) -> str:
    return window.actions_.undo.text()


# Dragging


def test_a_drag_the_block_keeps_from_changing_anything_puts_the_note_back_and_adds_no_undo_step(
    open_app: OpenApp,
) -> None:
    window = open_app(None)
    canvas, board = window.document.canvas, window.board
    note_id = canvas.notes("value_propositions")[0].id
    item = board.notes[note_id]
    # Pinned where the board keeps a note at its block's bottom-right corner: a drag further out changes nothing.
    canvas.update_note(note_id, position=board.position_for(item, "value_propositions", QPointF(1e6, 1e6)))
    pinned, steps = item.pos(), window.document.stack.count()
    grab = item.mapToScene(item.body_rect().topLeft()) + QPointF(5, 5)
    drag(window, grab, grab + QPointF(40, 0))
    assert item.pos() == pinned  # drawn where it is, not where it was let go, past the block's edge
    assert window.document.stack.count() == steps


def test_drag_a_note_to_another_block_and_undo_puts_it_back(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    note_id = ids(window, "channels")[1]
    drop = block_point(window, "customer_segments", 0.3, 0.8)
    drag(window, note_center(window, note_id), drop)
    assert canvas.block_of(note_id) == "customer_segments"
    assert canvas.note(note_id).position is not None
    item = window.board.notes[note_id]
    assert window.board.blocks["customer_segments"].sceneBoundingRect().contains(item.sceneBoundingRect().center())
    assert undo_text(window) == "&Undo Move Note" and window.isWindowModified()
    keys(window, Qt.Key.Key_Z, CTRL)
    assert canvas.block_of(note_id) == "channels" and canvas.index_of(note_id) == 1
    assert canvas.note(note_id).position is None and not window.isWindowModified()
    keys(window, Qt.Key.Key_Y, CTRL)
    assert canvas.block_of(note_id) == "customer_segments"
    keys(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # nothing more to redo
    assert canvas.block_of(note_id) == "customer_segments"


def test_dragging_a_selection_moves_every_note_in_one_undo_step(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    moving = ids(window, "key_resources")[:3]
    click(window, note_center(window, moving[0]))
    click(window, note_center(window, moving[1]), CTRL)
    click(window, note_center(window, moving[2]), CTRL)
    assert window.board.selected_ids() == moving
    drag(window, note_center(window, moving[0]), block_point(window, "cost_structure", 0.6, 0.6))
    assert all(canvas.block_of(n) == "cost_structure" for n in moving)
    assert window.document.stack.count() == 1 and undo_text(window) == "&Undo Move 3 Notes"
    window.document.stack.undo()
    assert ids(window, "key_resources")[:3] == moving


def test_the_block_under_a_drag_is_highlighted_until_the_drop(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "channels")[0]
    drag(window, note_center(window, note_id), block_point(window, "value_propositions", 0.5, 0.7), release=False)
    highlighted = [b for b, item in window.board.blocks.items() if item._highlighted]
    assert highlighted == ["value_propositions"]
    QTest.mouseRelease(
        window.view.viewport(), LEFT, NONE, at(window, block_point(window, "value_propositions", 0.5, 0.7))
    )
    assert not any(item._highlighted for item in window.board.blocks.values())


def test_a_drop_outside_every_block_puts_the_notes_back(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "channels")[0]
    item = window.board.notes[note_id]
    before = item.pos()
    drag(window, note_center(window, note_id), QPointF(300.0, 40.0))  # onto the header
    assert window.document.canvas.block_of(note_id) == "channels"
    assert window.document.stack.count() == 0 and item.pos() == before


def test_a_drop_within_the_same_block_pins_the_note_where_it_was_put(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "value_propositions")[0]
    item = window.board.notes[note_id]
    start, drop = note_center(window, note_id), block_point(window, "value_propositions", 0.5, 0.6)
    corner = item.mapRectToScene(item.body_rect()).topLeft()
    drag(window, start, drop)
    canvas = window.document.canvas
    assert canvas.block_of(note_id) == "value_propositions" and canvas.index_of(note_id) == 0
    assert canvas.note(note_id).position is not None
    # The note stays where the mouse left it (its corner, where a pinned note is held: a pinned note may take
    # another size than the flowing one had), whole inside its block.
    body = item.mapRectToScene(item.body_rect())
    moved_to = corner + (drop - start)
    assert abs(body.left() - moved_to.x()) <= 2 and abs(body.top() - moved_to.y()) <= 2
    assert window.board.blocks["value_propositions"].sceneBoundingRect().contains(body)


def test_a_dropped_note_lies_on_top_of_the_notes_it_overlaps(open_app: OpenApp) -> None:
    window = open_app(None)
    moving, under = ids(window, "channels")[:2]
    target = note_center(window, under)
    drag(window, note_center(window, moving), target)
    assert window.view.itemAt(at(window, target)) is window.board.notes[moving]
    # and it can be picked up again from there
    drag(window, target, block_point(window, "customer_segments", 0.5, 0.8))
    assert window.document.canvas.block_of(moving) == "customer_segments"
    assert window.document.canvas.block_of(under) == "channels"


def test_a_note_dropped_at_a_block_edge_stays_whole_inside_it(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "value_propositions")[0]
    drag(window, note_center(window, note_id), block_point(window, "value_propositions", 0.98, 0.98))
    assert window.document.canvas.note(note_id).position is not None
    body = window.board.notes[note_id].mapRectToScene(window.board.notes[note_id].body_rect())
    assert window.board.blocks["value_propositions"].sceneBoundingRect().contains(body)


# Adding and editing text in place


def test_double_click_empty_space_adds_a_note_there_with_its_editor_open(open_app: OpenApp) -> None:
    window = open_app(None)
    point = block_point(window, "key_partners", 0.3, 0.75)
    double_click(window, point)
    assert window.board.editor is not None
    type_text(window, "Record labels")
    keys(window, Qt.Key.Key_Return)
    note = window.document.canvas.notes("key_partners")[-1]
    assert note.text == "Record labels" and note.position is not None
    body = window.board.notes[note.id].mapRectToScene(window.board.notes[note.id].body_rect())
    assert body.contains(point)  # the new note sits where the person double-clicked
    assert undo_text(window) == "&Undo Add Note"
    window.document.stack.undo()
    assert texts(window, "key_partners")[-1] != "Record labels"


def test_a_note_added_near_a_block_corner_is_whole_inside_the_block(open_app: OpenApp) -> None:
    window = open_app(None)
    double_click(window, block_point(window, "key_partners", 0.97, 0.97))
    type_text(window, "A note long enough to wrap onto a few lines of text")
    keys(window, Qt.Key.Key_Return)
    item = window.board.notes[ids(window, "key_partners")[-1]]
    body = item.mapRectToScene(item.body_rect())
    assert window.board.blocks["key_partners"].sceneBoundingRect().contains(body)


def test_the_editor_keeps_every_character_typed(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "channels")[0]
    double_click(window, note_center(window, note_id))
    type_text(window, "10\u00a0km — café 🎵")
    keys(window, Qt.Key.Key_Return)
    assert window.document.canvas.note(note_id).text == "10\u00a0km — café 🎵"


def test_a_note_grows_to_show_all_of_a_long_text(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "key_activities")[0]
    item = window.board.notes[note_id]
    short_height = item.size[1]
    double_click(window, note_center(window, note_id))
    long_text = "Recommend the next video from watch time, likes, shares and follows, " * 3
    type_text(window, long_text)
    keys(window, Qt.Key.Key_Return)
    width, height = item.size
    assert height > 2 * short_height and height >= note_height(long_text.strip(), width)


def test_a_new_note_left_empty_disappears_without_an_undo_step(open_app: OpenApp) -> None:
    window = open_app(None)
    before = window.document.canvas.note_count()
    double_click(window, block_point(window, "key_partners", 0.5, 0.8))
    keys(window, Qt.Key.Key_Return)
    double_click(window, block_point(window, "key_partners", 0.5, 0.8))
    type_text(window, "changed my mind")
    keys(window, Qt.Key.Key_Escape)
    assert window.document.canvas.note_count() == before and window.document.stack.count() == 0
    assert not window.isWindowModified()


def test_edit_a_note_in_place_with_enter_escape_and_shift_enter(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    note_id = ids(window, "channels")[0]
    double_click(window, note_center(window, note_id))
    type_text(window, "App stores")
    keys(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(window, "worldwide")
    keys(window, Qt.Key.Key_Return)
    assert canvas.note(note_id).text == "App stores\nworldwide"
    assert window.document.stack.count() == 1 and undo_text(window) == "&Undo Edit Note"
    click(window, note_center(window, note_id))
    keys(window, Qt.Key.Key_F2)
    type_text(window, "Something else")
    keys(window, Qt.Key.Key_Escape)
    assert canvas.note(note_id).text == "App stores\nworldwide" and window.document.stack.count() == 1


def test_enter_on_a_selected_note_edits_it_and_a_click_outside_commits(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "revenue_streams")[0]
    click(window, note_center(window, note_id))
    keys(window, Qt.Key.Key_Return)
    assert window.board.editor is not None
    type_text(window, "Virtual gifts")
    click(window, block_point(window, "key_partners", 0.5, 0.9))
    assert window.document.canvas.note(note_id).text == "Virtual gifts"
    assert window.board.editor is None and window.board.notes[note_id].isVisible()


def test_keys_typed_into_the_editor_stay_in_the_editor(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    note_id = ids(window, "channels")[0]
    window.board.edit_note(note_id)
    keys(window, Qt.Key.Key_A, CTRL)  # selects the text, not every note
    type_text(window, "Ads n")  # 'n' is also the Add Note shortcut
    keys(window, Qt.Key.Key_Backspace)
    keys(window, Qt.Key.Key_Delete)
    keys(window, Qt.Key.Key_Return)
    assert canvas.note(note_id).text == "Ads" and canvas.note_count() == 43


def test_add_note_shortcut_adds_to_the_selected_notes_block(open_app: OpenApp) -> None:
    window = open_app(None)
    click(window, note_center(window, ids(window, "channels")[0]))
    keys(window, Qt.Key.Key_N)
    assert window.board.editor is not None
    type_text(window, "Podcasts")
    keys(window, Qt.Key.Key_Return)
    assert texts(window, "channels")[-1] == "Podcasts"
    assert window.document.canvas.notes("channels")[-1].position is None  # laid out with the others


def test_add_note_shortcut_adds_to_the_block_under_the_resting_mouse(open_app: OpenApp) -> None:
    window = open_app(None)  # no click first: the mouse only moved there, no button held
    QTest.mouseMove(window.view.viewport(), at(window, block_point(window, "key_resources", 0.5, 0.9)))
    keys(window, Qt.Key.Key_N)
    type_text(window, "Patents")
    keys(window, Qt.Key.Key_Return)
    assert texts(window, "key_resources")[-1] == "Patents"


@pytest.mark.parametrize(("mouse_left", "goes_to"), [(False, "key_resources"), (True, "channels")])
def test_add_note_shortcut_follows_the_mouse_over_the_board_else_the_selection(
    open_app: OpenApp, mouse_left: bool, goes_to: str
) -> None:
    """Seen in a review: a note just added stayed selected, and N with the mouse over another block added to the
    selected note's block. The mouse wins while it is over the board; off it (at the menus, say), the selection."""
    window = open_app(None)
    click(window, note_center(window, ids(window, "channels")[0]))
    QTest.mouseMove(window.view.viewport(), at(window, block_point(window, "key_resources", 0.4, 0.85)))
    if mouse_left:
        QApplication.sendEvent(window.view, QEvent(QEvent.Type.Leave))  # as Qt tells each widget the mouse left
    keys(window, Qt.Key.Key_N)
    type_text(window, "Patents")
    keys(window, Qt.Key.Key_Return)
    elsewhere = "channels" if goes_to == "key_resources" else "key_resources"
    assert texts(window, goes_to)[-1] == "Patents" and "Patents" not in texts(window, elsewhere)


# Selection, deleting, duplicating, nudging, colour, tidy


def test_select_all_escape_and_rubber_band(open_app: OpenApp) -> None:
    window = open_app(None)
    keys(window, Qt.Key.Key_A, CTRL)
    assert len(window.board.selected_ids()) == 43
    keys(window, Qt.Key.Key_Escape)
    assert window.board.selected_ids() == []
    rect = window.board.blocks["customer_segments"].sceneBoundingRect()
    drag(window, rect.topLeft() + QPointF(3, 3), rect.bottomRight() - QPointF(3, 3))
    assert window.board.selected_ids() == ids(window, "customer_segments")


def test_delete_and_backspace_delete_and_undo_restores_in_place(open_app: OpenApp) -> None:
    window = open_app(None)
    before = ids(window, "channels")
    click(window, note_center(window, before[1]))
    keys(window, Qt.Key.Key_Delete)
    click(window, note_center(window, before[3]))
    keys(window, Qt.Key.Key_Backspace)
    assert ids(window, "channels") == [before[0], before[2], before[4]]
    assert undo_text(window) == "&Undo Delete Note"
    window.document.stack.undo()
    window.document.stack.undo()
    assert ids(window, "channels") == before and not window.isWindowModified()


def test_ctrl_d_duplicates_after_the_originals(open_app: OpenApp) -> None:
    window = open_app(None)
    first, second = ids(window, "key_partners")[:2]
    click(window, note_center(window, first))
    click(window, note_center(window, second), CTRL)
    keys(window, Qt.Key.Key_D, CTRL)
    names = texts(window, "key_partners")
    assert names[:4] == [names[0], names[0], names[2], names[2]] and len(names) == 6
    assert undo_text(window) == "&Undo Duplicate 2 Notes"
    assert len(window.board.selected_ids()) == 2 and first not in window.board.selected_ids()


def test_arrow_keys_nudge_and_repeated_nudges_undo_as_one(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    note_id = ids(window, "value_propositions")[0]
    click(window, note_center(window, note_id))
    x0 = window.board.notes[note_id].x()
    for _ in range(3):
        keys(window, Qt.Key.Key_Right)
    keys(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    # Positions are kept to a thousandth of the block: within a third of a pixel of three 8-pixel steps.
    assert window.board.notes[note_id].x() == pytest.approx(x0 + 24.0, abs=0.5)
    assert canvas.note(note_id).position is not None and window.document.stack.count() == 1
    assert undo_text(window) == "&Undo Nudge Note"
    window.document.stack.undo()
    assert canvas.note(note_id).position is None and window.board.notes[note_id].x() == x0


def test_toolbar_palette_recolours_the_selection(open_app: OpenApp) -> None:
    window = open_app(None)
    chosen = ids(window, "channels")[:2]
    click(window, note_center(window, chosen[0]))
    click(window, note_center(window, chosen[1]), CTRL)
    (purple,) = [a for a in window.actions_.toolbar.actions() if a.text() == "Purple"]
    QTest.mouseClick(window.actions_.toolbar.widgetForAction(purple), LEFT)
    assert [window.document.canvas.note(n).color for n in chosen] == ["purple", "purple"]
    assert [window.board.notes[n].color for n in chosen] == ["purple", "purple"]
    assert undo_text(window) == "&Undo Recolour 2 Notes"


def test_context_menu_recolours_the_note_under_the_mouse(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "key_activities")[0]

    def choose_orange(menu: QMenu) -> None:
        colour = next(a for a in menu.actions() if a.text() == "Colour")
        next(a for a in colour.menu().actions() if a.text() == "Orange").trigger()

    context_menu(window, note_id, choose_orange)
    assert window.document.canvas.note(note_id).color == "orange"
    assert window.board.selected_ids() == [note_id] and undo_text(window) == "&Undo Recolour Note"


def test_tidy_lays_pinned_notes_out_again_in_the_order_they_are_seen(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    first, second = ids(window, "customer_segments")[:2]
    drag(window, note_center(window, first), block_point(window, "customer_segments", 0.1, 0.85))
    assert canvas.note(first).position is not None
    click(window, note_center(window, second))
    keys(window, Qt.Key.Key_T, CTRL)
    assert all(note.position is None for note in canvas.notes("customer_segments"))
    assert ids(window, "customer_segments")[-1] == first  # it was lowest on the board
    assert undo_text(window) == "&Undo Tidy Customer Segments"


# Clipboard


def test_paste_several_lines_of_text_makes_one_note_per_line(open_app: OpenApp) -> None:
    window = open_app(None)
    click(window, note_center(window, ids(window, "key_partners")[0]))
    QApplication.clipboard().setText("Music labels\n\n  Telecom carriers \nCloud providers\n")
    keys(window, Qt.Key.Key_V, CTRL)
    assert texts(window, "key_partners")[-3:] == ["Music labels", "Telecom carriers", "Cloud providers"]
    assert undo_text(window) == "&Undo Paste 3 Notes"


def test_copy_and_paste_between_two_windows_keeps_colour_and_block(open_app: OpenApp, qtbot: QtBot) -> None:
    first = open_app(None)
    note_id = ids(first, "customer_segments")[2]
    click(first, note_center(first, note_id))
    keys(first, Qt.Key.Key_C, CTRL)
    data = QApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE) and data.text() == "Celebrities and influencers\n"
    second = first.new_window()
    qtbot.waitExposed(second)
    activate(second)
    keys(second, Qt.Key.Key_V, CTRL)
    (pasted,) = second.document.canvas.notes("customer_segments")
    assert (pasted.text, pasted.color) == ("Celebrities and influencers", "pink")


def other_kind() -> Template:
    """A canvas kind no file names: three blocks in a row, one of them sharing its id with the Business Model
    Canvas's."""
    blocks = tuple(
        BlockSpec(block_id, title, (f"What goes in {title}?",), column, 0, 1, 1)
        for column, (block_id, title) in enumerate(
            [("problem", "Problem"), ("channels", "Channels"), ("unfair_advantage", "Unfair Advantage")]
        )
    )
    ids_ = tuple(block.id for block in blocks)
    return Template("three-blocks", "Three Block Canvas", "made in a test", 3, 1, (), blocks, ids_)


def test_notes_paste_between_canvases_of_two_templates(open_app: OpenApp, qtbot: QtBot) -> None:
    bmc = open_app(None)
    other = bmc.new_window()
    qtbot.waitExposed(other)
    other.set_document(Document(Canvas(other_kind(), blocks={"problem": [Note("Slow onboarding", color="pink")]})))
    other.document.canvas.add_note("channels", Note("Word of mouth"))
    activate(other)
    other.board.select_ids([note.id for _, note in other.document.canvas.all_notes()])
    keys(other, Qt.Key.Key_C, CTRL)
    activate(bmc)
    before = bmc.document.canvas.note_count()
    add_notes_from(bmc.board, QApplication.clipboard().mimeData(), None, "the clipboard", bmc)  # each to its own
    canvas = bmc.document.canvas
    assert canvas.note_count() == before + 2
    assert [n.text for n in canvas.notes("parking_lot")] == ["Slow onboarding"]  # no such block here
    assert canvas.notes("parking_lot")[0].color == "pink"
    assert texts(bmc, "channels")[-1] == "Word of mouth"  # a block of the same id in both
    assert undo_text(bmc) == "&Undo Paste 2 Notes"
    # And back: notes of the Business Model Canvas into the other kind, into the block under the mouse.
    click(bmc, note_center(bmc, ids(bmc, "key_partners")[0]))
    keys(bmc, Qt.Key.Key_C, CTRL)
    activate(other)
    point = block_point(other, "unfair_advantage", 0.5, 0.5)
    add_notes_from(other.board, QApplication.clipboard().mimeData(), point, "the clipboard", other)
    assert [n.text for n in other.document.canvas.notes("unfair_advantage")] == [texts(bmc, "key_partners")[0]]


def test_a_command_for_a_block_the_canvas_has_not_is_refused_when_made() -> None:
    canvas = Canvas(BMC)
    with pytest.raises(KeyError, match="no block problem"):
        AddNotes(canvas, [("problem", None, Note("x"))])
    assert canvas.note_count() == 0


def test_cut_removes_and_paste_brings_back(open_app: OpenApp) -> None:
    window = open_app(None)
    note_id = ids(window, "channels")[0]
    click(window, note_center(window, note_id))
    keys(window, Qt.Key.Key_X, CTRL)
    assert "Apple App Store and Google Play" not in texts(window, "channels")
    keys(window, Qt.Key.Key_V, CTRL)
    assert texts(window, "channels")[-1] == "Apple App Store and Google Play"


def test_unreadable_notes_on_the_clipboard_give_a_message_not_a_crash(open_app: OpenApp) -> None:
    window = open_app(None)
    data = QMimeData()
    data.setData(MIME_TYPE, b"format: 1\nblocks: {channels: [{text: x, color: !!python/object y}]}\n")
    QApplication.clipboard().setMimeData(data)
    keys(window, Qt.Key.Key_V, CTRL)
    assert window.document.canvas.note_count() == 43
    assert "tags" in window.findChild(ProblemsDialog, "errorBox").details


def test_keys_reach_the_board_as_soon_as_the_window_opens(open_app: OpenApp) -> None:
    window = open_app(None)  # nothing clicked yet: keys go where the window's focus is
    assert QApplication.focusWidget() is window.view
    QTest.mouseMove(window.view.viewport(), at(window, block_point(window, "key_partners", 0.5, 0.9)))
    keys(window, Qt.Key.Key_N)
    type_text(window, "Suppliers")
    keys(window, Qt.Key.Key_Return)
    assert texts(window, "key_partners")[-1] == "Suppliers"
    keys(window, Qt.Key.Key_Up)  # on a toolbar's spin box this would have changed the timebox
    assert window.actions_.workshop.minutes.value() == DEFAULT_MINUTES
