"""The header (title and fields) edited in the Canvas Details panel, and zooming and panning the board."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import CTRL, LEFT, NONE, at, delete_first_note, double_click, keys, note_center
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QUndoView
from pytestqt.qtbot import QtBot

from editor.gui.header_panel import HeaderPanel
from editor.gui.main_window import MainWindow

OpenApp = Callable[[Path | None], MainWindow]
MIDDLE = Qt.MouseButton.MiddleButton


def header_point(window: MainWindow, fx: float) -> QPointF:
    rect = window.board.header.sceneBoundingRect()
    return QPointF(rect.x() + fx * rect.width(), rect.center().y())


def test_double_click_on_the_title_edits_it_in_the_details_panel(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    old_title = canvas.title
    double_click(window, header_point(window, 0.1))
    title = window.panels.header_panel.fields["title"]
    assert window.details_dock.isVisible()
    qtbot.waitUntil(title.hasFocus)
    assert title.selectedText() == old_title  # typing replaces it
    QTest.keyClicks(title, "TikTok 2027")
    QTest.keyClick(title, Qt.Key.Key_Return)
    assert canvas.title == "TikTok 2027" and window.document.stack.count() == 1
    assert window.actions_.undo.text() == "&Undo Edit Title" and window.isWindowModified()
    assert "TikTok 2027" in window.board.header.shown_title  # the board shows it
    window.actions_.undo.trigger()
    assert canvas.title == old_title and title.text() == old_title and not window.isWindowModified()


def test_double_click_on_a_header_field_edits_that_field(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    fields = [spec.id for spec in window.document.canvas.template.header]
    double_click(window, header_point(window, 0.99))
    version = window.panels.header_panel.fields[fields[-1]]
    qtbot.waitUntil(version.hasFocus)
    QTest.keyClicks(version, "2.1")
    QTest.keyClick(version, Qt.Key.Key_Tab)  # leaving the field commits it, as Enter does
    assert window.document.canvas.fields[fields[-1]] == "2.1"
    assert window.document.stack.count() == 1
    window.document.stack.undo()
    window.document.stack.redo()
    assert version.text() == "2.1"


def test_an_unchanged_field_adds_no_undo_step(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    window.show_details("designed_by")
    field = window.panels.header_panel.fields["designed_by"]
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert window.document.stack.count() == 0


def test_the_docks_are_made_when_first_shown_and_show_the_canvas_then(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    assert window.findChild(HeaderPanel) is None and window.findChild(QUndoView) is None  # not at start-up
    delete_first_note(window)
    window.history_dock.toggleViewAction().trigger()  # View > Undo History
    history = window.history_dock.widget()
    assert window.history_dock.isVisible() and isinstance(history, QUndoView)
    assert history.stack() is window.document.stack and history.model().rowCount() == 2  # "Opened", the delete
    window.details_dock.toggleViewAction().trigger()  # View > Canvas Details
    details = window.details_dock.widget()
    assert window.details_dock.isVisible() and isinstance(details, HeaderPanel)
    assert details.fields["title"].text() == window.document.canvas.title == "TikTok"


def zoomed_in(window: MainWindow, qtbot: QtBot) -> None:
    QTest.mouseMove(window.view.viewport(), window.view.viewport().rect().center())
    for _ in range(4):
        keys(window, Qt.Key.Key_Plus, CTRL)
    qtbot.wait(10)


def test_ctrl_plus_and_minus_zoom_around_the_mouse(open_app: OpenApp) -> None:
    window = open_app(None)
    view = window.view
    fitted = view.zoom
    target = note_center(window, window.document.canvas.notes("customer_segments")[0].id)
    cursor = at(window, target)
    QTest.mouseMove(view.viewport(), cursor)
    keys(window, Qt.Key.Key_Plus, CTRL)
    keys(window, Qt.Key.Key_Equal, CTRL)  # Ctrl+= too, for keyboards where + needs Shift
    assert abs(view.zoom - fitted * 1.15**2) < 1e-9 and not view.fitting
    under_mouse = view.mapToScene(cursor)
    assert abs(under_mouse.x() - target.x()) < 3 and abs(under_mouse.y() - target.y()) < 3
    keys(window, Qt.Key.Key_Minus, CTRL)
    assert abs(view.zoom - fitted * 1.15) < 1e-9
    keys(window, Qt.Key.Key_0, CTRL)
    assert view.fitting and abs(view.zoom - fitted) < 1e-6


def pan_from_a_note(window: MainWindow, button: Qt.MouseButton, by: QPoint) -> tuple[int, float, float]:
    """Press on a note, drag by `by` viewport pixels and release; how far the board moved, in pixels."""
    viewport = window.view.viewport()
    note_id = window.document.canvas.notes("value_propositions")[0].id
    start = at(window, note_center(window, note_id))
    before = window.view.mapToScene(viewport.rect().center())
    QTest.mousePress(viewport, button, NONE, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + by * step / 5)
    QTest.mouseRelease(viewport, button, NONE, start + by)
    after = window.view.mapToScene(viewport.rect().center())
    zoom = window.view.zoom
    return note_id, (before.x() - after.x()) * zoom, (before.y() - after.y()) * zoom


def test_middle_drag_pans_without_touching_notes_or_selection(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    zoomed_in(window, qtbot)
    _, moved_x, moved_y = pan_from_a_note(window, MIDDLE, QPoint(-150, -100))
    # The board follows the mouse: dragging it left and up shows what was right and below.
    assert abs(moved_x + 150) < 3 and abs(moved_y + 100) < 3
    assert window.document.stack.count() == 0 and window.board.selected_ids() == []


def test_space_and_left_drag_pans_instead_of_moving_the_note(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    zoomed_in(window, qtbot)
    viewport = window.view.viewport()
    QTest.keyPress(viewport, Qt.Key.Key_Space)
    assert viewport.cursor().shape() == Qt.CursorShape.OpenHandCursor
    note_id, moved_x, moved_y = pan_from_a_note(window, LEFT, QPoint(120, 80))
    QTest.keyRelease(viewport, Qt.Key.Key_Space)
    assert abs(moved_x - 120) < 3 and abs(moved_y - 80) < 3
    assert window.document.stack.count() == 0 and window.document.canvas.note(note_id).position is None
    assert viewport.cursor().shape() == Qt.CursorShape.ArrowCursor


def test_a_long_title_and_long_header_values_wrap_or_shrink_inside_the_header(open_app: OpenApp) -> None:
    window = open_app(None)
    header = window.board.header
    title = "A very long canvas title that a facilitator typed in full, " * 2
    window.document.canvas.set_title(title[:110])
    window.document.canvas.set_field("designed_by", "The strategy team of the northern region, with the help of " * 2)
    inside = header.boundingRect()
    assert header.shown_title == title[:110]
    assert header._title is not None and header._title.height <= inside.height() - 16  # never cut by the header
    assert header._title.font.pixelSize() < 38  # it shrank to fit
    for label, value in header._fields:
        assert 26 + label.height + 6 + value.height <= inside.height()


def test_larger_text_makes_notes_and_questions_larger_keeps_them_inside_and_is_remembered(open_app: OpenApp) -> None:
    from editor.board import style
    from editor.board.note_item import note_font
    from editor.gui import settings

    window = open_app(None)
    block = window.board.blocks["customer_segments"]
    note = window.board.note_items("customer_segments")[0]
    before_note = note.font.pixelSize()
    before_questions = block._questions.font.pixelSize()
    keys(window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    try:
        assert window.actions_.large_text.isChecked() and settings.large_text()
        note = window.board.note_items("customer_segments")[0]
        assert note.font.pixelSize() > before_note and block._questions.font.pixelSize() > before_questions
        for block_id, shown in window.board.blocks.items():
            for item in window.board.note_items(block_id):
                if item.isVisible():
                    body = item.mapRectToScene(item.body_rect())
                    assert shown.sceneBoundingRect().adjusted(-0.5, -0.5, 0.5, 0.5).contains(body)
        second = window.new_window()  # a new window opens in the larger type too
        assert second.actions_.large_text.isChecked()
        second.close()
    finally:
        keys(window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert not settings.large_text() and style.NOTE_FONT_SIZE == 17
    assert note_font("x", 200.0).pixelSize() == 17


def ink(image: QImage, x: int, y: int) -> bool:
    """Dark enough to be text: the header's lines are a lighter grey."""
    return image.pixelColor(x, y).lightness() < 120


def test_header_values_stay_between_their_field_s_lines_at_every_board_width(open_app: OpenApp) -> None:
    """Seen in a review of an export: the TikTok canvas's "Designed by" wrapped to three lines, the last hanging
    below the fields' lines, the first running up against the next field's line. The header is painted alone: no
    ink (text is dark; the lines are a lighter grey) within 8 pixels left of a line, or below where the lines end."""
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    from editor.board.geometry import MAX_BOARD_WIDTH, MIN_BOARD_WIDTH

    window = open_app(None)
    header = window.board.header
    for width in (MIN_BOARD_WIDTH, 2000.0, MAX_BOARD_WIDTH):
        window.board.set_board_width(width)
        size = header.boundingRect().size().toSize()
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        header.paint(painter, QStyleOptionGraphicsItem(), None)
        painter.end()
        middle = size.height() // 2
        lines = [x for x in range(size.width()) if image.pixelColor(x, middle).name() == "#9aa3ad"]
        assert len(lines) == 4, width
        end = max(y for y in range(size.height()) if image.pixelColor(lines[0], y).name() == "#9aa3ad")

        inked = {(x, y) for x in range(size.width()) for y in range(size.height()) if ink(image, x, y)}
        for line in lines[1:]:
            assert not any(line - 8 <= x < line for x, _ in inked), (width, line)
        assert not any(x >= lines[0] and y > end for x, y in inked), width
