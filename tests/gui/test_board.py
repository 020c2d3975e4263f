"""The board shows the canvas: nine blocks from the template, every note in its block, and follows the model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from canvases import BMC
from driving import block_point, drag, note_center
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem
from pytestqt.qtbot import QtBot

from editor.board import style
from editor.board.note_item import NoteItem, longest_word, note_font
from editor.fileformat import load_canvas
from editor.gui.main_window import MainWindow
from editor.gui.problems_dialog import ProblemsDialog
from editor.model import Canvas, Move, Note

OpenApp = Callable[[Path | None], MainWindow]


def inside(inner: object, outer: object) -> bool:
    return outer.adjusted(-0.5, -0.5, 0.5, 0.5).contains(inner)  # type: ignore[attr-defined]


def body(item: NoteItem) -> QRectF:
    return item.mapRectToScene(item.body_rect())


def test_window_shows_nine_blocks_with_the_tiktok_notes_in_them(open_app: OpenApp, tiktok_path: Path) -> None:
    window = open_app(None)
    expected = load_canvas(tiktok_path)
    scene = window.board
    assert window.windowTitle() == "TikTok[*] — Canvas Editor"  # an example opens as an untitled copy
    assert window.document.path is None and not window.isWindowModified()
    assert [b.title for b in scene.blocks.values()] == [b.title for b in expected.template.blocks]
    assert len(scene.notes) == expected.note_count() == 43
    for block_id, block in scene.blocks.items():
        items = scene.note_items(block_id)
        assert [item.text for item in items] == [note.text for note in expected.notes(block_id)]
        for item in items:
            assert inside(body(item), block.sceneBoundingRect()), (block_id, item.text)
        rects = [item.mapRectToScene(item.body_rect()) for item in items]
        assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :]), block_id
        assert (block.before, block.after) == (0, 0)  # every note shows


def test_the_block_under_a_point(open_app: OpenApp) -> None:
    board = open_app(None).board
    segments = board.blocks["customer_segments"].sceneBoundingRect()
    assert board.block_id_at(segments.center()) == "customer_segments"
    assert board.block_id_at(board.header.sceneBoundingRect().center()) is None
    assert board.block_id_at(QPointF(-5.0, -5.0)) is None


def test_note_colours_follow_the_file(open_app: OpenApp) -> None:
    window = open_app(None)
    pink = [note.id for note in window.document.canvas.notes("customer_segments") if note.color == "pink"]
    assert pink and all(window.board.notes[note_id].color == "pink" for note_id in pink)


def test_board_fits_the_window_and_refits_on_resize(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    view = window.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert inside(window.board.sceneRect(), visible)
    small = view.zoom
    window.resize(1900, 1200)
    qtbot.waitUntil(lambda: view.zoom > small * 1.2)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert inside(window.board.sceneRect(), visible)


def ctrl_wheel(view: object, steps: int) -> None:
    viewport = view.viewport()  # type: ignore[attr-defined]
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_ctrl_wheel_zooms_and_ctrl_0_fits_again(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    view = window.view
    fitted = view.zoom
    ctrl_wheel(view, 2)
    assert view.zoom == fitted * 1.15**2 or abs(view.zoom - fitted * 1.15**2) < 1e-9
    assert not view.fitting
    window.resize(1500, 1000)
    qtbot.wait(20)
    assert abs(view.zoom - fitted * 1.15**2) < 1e-9  # a zoomed view is not re-fitted on resize
    ctrl_wheel(view, -1)
    assert abs(view.zoom - fitted * 1.15) < 1e-9
    QTest.keyClick(view.viewport(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.fitting and abs(view.zoom - fitted) < 0.1


def test_board_follows_changes_to_the_document(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas, scene = window.document.canvas, window.board
    note = canvas.notes("channels")[0]
    canvas.update_note(note.id, text="A much longer note about app stores that needs more lines", color="blue")
    item = scene.notes[note.id]
    assert item.text.startswith("A much longer") and item.color == "blue"
    added = canvas.add_note("key_partners", Note("Record labels"))
    assert scene.notes[added.id].text == "Record labels"
    canvas.move_notes([Move(added.id, "cost_structure", 99, None)])
    assert inside(body(scene.notes[added.id]), scene.blocks["cost_structure"].sceneBoundingRect())
    canvas.remove_note(added.id)
    assert added.id not in scene.notes and scene.notes[note.id].scene() is scene
    canvas.set_title("TikTok 2024")
    assert window.document.canvas.title == "TikTok 2024"


def test_a_crowded_block_keeps_its_notes_inside(open_app: OpenApp) -> None:
    window = open_app(None)
    for number in range(6):
        window.document.canvas.add_note("key_activities", Note(f"Activity number {number}"))
    block = window.board.blocks["key_activities"]
    items = window.board.note_items("key_activities")
    assert items[0].scale() < 1.0 and (block.before, block.after) == (0, 0)
    assert all(inside(body(item), block.sceneBoundingRect()) for item in items)
    for number in range(300):
        window.document.canvas.add_note("key_activities", Note(f"More {number}"))
    assert block.after > 0 and block.more_label == f"+{block.after} more"
    shown = [item for item in window.board.note_items("key_activities") if item.isVisible()]
    assert all(inside(body(item), block.sceneBoundingRect()) for item in shown)


def test_a_file_that_fails_to_load_shows_the_error_in_a_dialog(open_app: OpenApp, tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("format: 1\nblocks:\n  channel:\n    - Ads\n", encoding="utf-8")
    window = open_app(bad)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and box.isVisible()
    assert "could not open broken.yaml" in box.text()
    assert f"{bad}:3:3: 'channel' is not a block" in box.details
    assert "Did you mean 'channels'?" in box.details
    assert window.document.canvas.note_count() == 0 and len(window.board.blocks) == 9
    box.accept()


def test_opening_a_bad_file_keeps_the_canvas_that_was_open(open_app: OpenApp, tmp_path: Path) -> None:
    window = open_app(None)
    before = window.document.canvas
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\x00\x01binary")
    assert not window.open_path(bad)
    assert window.document.canvas is before and window.document.canvas.note_count() == 43
    window.findChild(ProblemsDialog, "errorBox").accept()


def test_line_breaks_in_a_note_show_as_line_breaks(qapp: QApplication) -> None:
    one_line, two_lines = NoteItem(Note("Music labels")), NoteItem(Note("Music\nlabels"))
    assert two_lines.size[1] > one_line.size[1]
    windows = NoteItem(Note("Music\r\nlabels"))  # a file written on Windows
    assert windows.size[1] == two_lines.size[1]


def test_a_long_word_shrinks_the_type_rather_than_breaking(qapp: QApplication) -> None:
    width = 150.0
    room = width - 2 * style.NOTE_PADDING
    full = QFontMetricsF(style.font(style.NOTE_FONT_SIZE)).horizontalAdvance("Recommendation")
    assert full > room  # at full size the word would break
    font = note_font("Recommendation algorithm", width)
    assert font.pixelSize() < style.NOTE_FONT_SIZE
    assert QFontMetricsF(font).horizontalAdvance("Recommendation") <= room
    assert note_font("Short words only", width).pixelSize() == style.NOTE_FONT_SIZE


def test_a_note_is_hit_on_its_paper_not_on_its_shadow_or_outline_margin(qapp: QApplication) -> None:
    item = NoteItem(Note("Music labels"))
    width, height = item.size
    assert item.contains(QPointF(1, 1)) and item.contains(QPointF(width - 1, height - 1))
    assert not item.contains(QPointF(-2, -2)) and not item.contains(QPointF(width + 2, height + 2))


def many_notes(count: int, title: str = "Many") -> Canvas:
    canvas = Canvas(BMC, title=title)
    for index in range(count):
        canvas.add_note(canvas.template.block_ids[index % 9], Note(f"note {index} with a few words on it"))
    return canvas


@pytest.mark.parametrize("opening", ["a new window on the file", "the file opened in a window"])
def test_a_canvas_is_laid_out_once_when_its_window_opens(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opening: str
) -> None:
    """Thousands of notes take a while to lay out: opening lays each note out once (a crowded block may try one
    more width), and showing the window does not lay them out again."""
    from editor.board import note_item
    from editor.fileformat import save_canvas

    path = tmp_path / "many.yaml"
    save_canvas(many_notes(600), path)
    layouts: list[str] = []
    original = note_item._wrap

    def counting(text: str, width: float, longest: float | None) -> object:
        layouts.append(text)
        return original(text, width, longest)

    monkeypatch.setattr(note_item, "_wrap", counting)
    if opening == "a new window on the file":  # as at start-up: the window is made with the canvas in it
        window = MainWindow.on_file(path)
    else:
        window = MainWindow()
        window.resize(1400, 900)
        window.open_path(path)
    qtbot.addWidget(window)
    opened = len(layouts)
    window.show()
    qtbot.waitExposed(window)
    assert window.document.canvas.note_count() == 600
    assert 600 <= opened <= 2 * 600
    assert len(layouts) == opened  # nothing laid out again when the window appeared


def test_a_big_board_pictures_its_notes_while_a_drag_lasts_and_only_then(
    open_app: OpenApp, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From 200 notes on, a drag repaints the notes it passes over from pictures of them, not from their text. The
    pictures go at the drop (they would hold ~25 MiB on 5,000 notes seen whole), a small board never has them, and
    neither does a board drawn for export or print (a PDF would hold pictures of text)."""
    from editor.export.render import board_scene
    from editor.fileformat import save_canvas

    def cache_modes(window: MainWindow) -> set[QGraphicsItem.CacheMode]:
        return {item.cacheMode() for item in window.board.notes.values()}

    painted: list[int] = []  # the notes whose text is drawn (PySide looks an override up when an item is made)
    paint = NoteItem.paint
    monkeypatch.setattr(NoteItem, "paint", lambda item, *rest: painted.append(item.note_id) or paint(item, *rest))
    pictured, unpictured = QGraphicsItem.CacheMode.DeviceCoordinateCache, QGraphicsItem.CacheMode.NoCache
    small = open_app(None)
    first = small.document.canvas.notes("value_propositions")[0].id
    drag(small, note_center(small, first), block_point(small, "channels", 0.5, 0.5), release=False)
    assert cache_modes(small) == {unpictured}
    QTest.mouseRelease(small.view.viewport(), Qt.MouseButton.LeftButton)

    path = tmp_path / "big.yaml"
    save_canvas(many_notes(1000), path)
    window = open_app(path)
    assert cache_modes(window) == {unpictured}
    window.view.zoom_by(4.0, QPointF(window.view.viewport().rect().center()))
    moved = window.document.canvas.notes("customer_segments")[0]
    window.view.centerOn(window.board.notes[moved.id])
    target = block_point(window, "channels", 0.5, 0.5)
    drag(window, note_center(window, moved.id), target, release=False)
    assert cache_modes(window) == {pictured}

    # Held still mid-drag, the board repaints from pictures: once a note on screen is pictured, its text is not drawn.
    window.view.viewport().repaint()
    painted.clear()
    window.view.viewport().repaint()
    assert painted == []

    # The drop moves the note in one undoable step and lets every picture go.
    QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(target))
    qtbot.waitUntil(lambda: window.document.canvas.block_of(moved.id) == "channels")
    assert cache_modes(window) == {unpictured}
    painted.clear()
    window.view.viewport().repaint()
    assert len(painted) > 10  # the notes on screen draw their text again
    window.document.stack.undo()
    assert window.document.canvas.block_of(moved.id) == "customer_segments"

    with board_scene(window.document.canvas) as scene:
        assert len(scene.notes) == 1000
        assert {item.cacheMode() for item in scene.notes.values()} == {unpictured}


@given(st.text(alphabet=st.sampled_from("Wwmi l.-MIéü—W"), max_size=60))
@example("WWWW iiiiiiiiiiii")  # the widest word has the fewest letters
@settings(max_examples=200, deadline=None)
def test_the_longest_word_is_measured_right_even_when_it_is_not_the_one_with_most_letters(
    qapp: QApplication, text: str
) -> None:
    metrics = QFontMetricsF(style.font(style.NOTE_FONT_SIZE))
    assert longest_word(text) == max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def test_an_empty_block_says_how_to_add_a_note_and_the_export_does_not(open_app: OpenApp) -> None:
    from editor.board.block_item import HINT
    from editor.export.render import board_scene

    window = open_app(None)
    window.new_canvas()
    block = window.board.blocks["channels"]
    assert block.hint == HINT
    keys_for_hint = window.board.blocks["key_partners"]
    window.document.canvas.add_note("key_partners", Note("The fruit market"))
    assert keys_for_hint.hint == "" and block.hint == HINT  # gone with the first note
    with board_scene(window.document.canvas) as scene:
        assert all(b.hint == "" for b in scene.blocks.values())
