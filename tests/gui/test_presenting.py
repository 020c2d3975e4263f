"""Presentation mode, the guided walk and the story, driven with the keys a facilitator (or a clicker) presses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import activate, block_point, double_click, keys, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolBar
from pytestqt.qtbot import QtBot

from editor.board.note_item import STORY
from editor.gui.main_window import MainWindow

OpenApp = Callable[[Path | None], MainWindow]

FILL_ORDER = [
    "customer_segments",
    "value_propositions",
    "channels",
    "customer_relationships",
    "revenue_streams",
    "key_resources",
    "key_activities",
    "key_partners",
    "cost_structure",
]


def banner(window: MainWindow) -> QLabel:
    label = window.view.findChild(QLabel, "walkBanner")
    assert label is not None
    return label


def shaded(window: MainWindow) -> set[str]:
    """The blocks out of sight while the walk shows another alone (none when it is off)."""
    return {block_id for block_id, block in window.board.blocks.items() if not block.isVisible()}


def visible_notes(window: MainWindow) -> list[int]:
    return [note_id for note_id, item in window.board.notes.items() if item.isVisible()]


def revealed(window: MainWindow) -> list[int]:
    """The notes the story has shown (with the walk on, those of other blocks are out of sight all the same)."""
    return [note_id for note_id, item in window.board.notes.items() if not item.hidden_for & STORY]


def test_f5_presents_the_board_alone_full_screen_and_escape_brings_the_window_back(
    open_app: OpenApp, qtbot: QtBot
) -> None:
    window = open_app(None)
    toolbar = window.findChild(QToolBar)
    versions = window.history.show_panel()  # a panel of its own, made when first asked for (a review found it
    assert window.menuBar().isVisible() and toolbar.isVisible() and versions.isVisible()  # left on the room's screen)
    keys(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen))
    assert window.presenter.presenting
    assert not window.menuBar().isVisible() and not toolbar.isVisible() and not window.statusBar().isVisible()
    assert not versions.isVisible()
    assert window.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert window.view.focus_block is None  # the whole canvas first

    keys(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowFullScreen)
    assert not window.presenter.presenting
    assert window.menuBar().isVisible() and toolbar.isVisible() and versions.isVisible()
    assert window.view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded


def test_the_walk_goes_through_the_blocks_in_fill_order_with_the_clicker_keys(open_app: OpenApp) -> None:
    window = open_app(None)
    keys(window, Qt.Key.Key_F5)
    assert window.document.canvas.template.fill_order == tuple(FILL_ORDER)
    seen = []
    for _ in FILL_ORDER:
        keys(window, Qt.Key.Key_PageDown)  # what a presentation clicker sends
        seen.append(window.view.focus_block)
        assert shaded(window) == set(FILL_ORDER) - {window.view.focus_block}  # the others are out of sight
    assert seen == FILL_ORDER
    keys(window, Qt.Key.Key_Right)  # past the last block: stays on it
    assert window.view.focus_block == "cost_structure"

    keys(window, Qt.Key.Key_PageUp)
    assert window.view.focus_block == "key_partners"
    keys(window, Qt.Key.Key_Left)
    assert window.view.focus_block == "key_activities"
    keys(window, Qt.Key.Key_3)
    assert window.view.focus_block == "channels"
    text = banner(window).text()
    assert "3 of 9 · Channels" in text and "Which ones are most cost-efficient?" in text
    assert banner(window).isVisible()

    # The block fills the window below the banner, whatever its shape: its whole rectangle is in view, and it is
    # far larger than in the overview.
    block = window.board.blocks["channels"].sceneBoundingRect()
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(block)
    walked = window.view.mapFromScene(block).boundingRect()
    keys(window, Qt.Key.Key_0)
    assert window.view.focus_block is None and shaded(window) == set()
    assert not banner(window).isVisible()
    overview = window.view.mapFromScene(window.board.blocks["channels"].sceneBoundingRect()).boundingRect()
    assert walked.width() > 3 * overview.width() and walked.height() > 1.5 * overview.height()


def test_editing_works_on_a_walk_step(open_app: OpenApp) -> None:
    window = open_app(None)
    keys(window, Qt.Key.Key_F5)
    keys(window, Qt.Key.Key_1)
    assert window.view.focus_block == "customer_segments"
    before = len(window.document.canvas.notes("customer_segments"))
    double_click(window, block_point(window, "customer_segments", 0.5, 0.9))
    type_text(window, "Schools")
    keys(window, Qt.Key.Key_Return)
    notes = window.document.canvas.notes("customer_segments")
    assert len(notes) == before + 1 and notes[-1].text == "Schools"
    keys(window, Qt.Key.Key_Right)  # the keys step the walk again once the editor is closed
    assert window.view.focus_block == "value_propositions"


def test_the_story_hides_every_note_and_space_reveals_them_in_fill_order(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    order = [note.id for block_id in FILL_ORDER for note in canvas.notes(block_id)]
    keys(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert visible_notes(window) == []
    assert canvas.note_count() == 43  # hidden, not gone

    for count in range(1, 6):
        keys(window, Qt.Key.Key_Space)
        assert sorted(visible_notes(window)) == sorted(order[:count])
    assert "Story: 5 of 43 notes shown" in window.statusBar().currentMessage()
    keys(window, Qt.Key.Key_Backspace)
    assert sorted(visible_notes(window)) == sorted(order[:4])

    # With the walk on, the walk follows the story into the next block.
    keys(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    while canvas.block_of(order[len(revealed(window)) - 1]) == "customer_segments":
        keys(window, Qt.Key.Key_Space)
    assert window.view.focus_block == "value_propositions"

    keys(window, Qt.Key.Key_Escape)  # the story ends first: every note shows again
    assert len(revealed(window)) == 43 and window.presenter.story is None
    assert sorted(visible_notes(window)) == sorted(n.id for n in canvas.notes("value_propositions"))
    assert window.presenter.step is not None
    keys(window, Qt.Key.Key_Escape)
    assert window.presenter.step is None and window.view.focus_block is None


def test_opening_another_canvas_ends_the_story_with_every_note_shown(open_app: OpenApp, tiktok_path: Path) -> None:
    window = open_app(None)
    activate(window)
    window.presenter.start_story()
    window.presenter.reveal_next()
    window.open_other(tiktok_path)
    assert window.presenter.story is None
    assert len(visible_notes(window)) == window.document.canvas.note_count() == 43


def test_the_walk_with_larger_text_and_a_window_that_changes_shape(open_app: OpenApp) -> None:
    window = open_app(None)
    window.set_large_text(True)
    try:
        for step in range(1, 10):  # every block, with the larger key questions (Channels once had no room left)
            window.presenter.go_to(step)
            block = window.board.blocks[window.view.focus_block]
            assert block.isVisible() and block.notes_area().height > 0
        window.presenter.go_to(3)
        window.resize(700, 700)
        narrow = window.board.focus_rect()
        window.resize(1400, 700)
        wide = window.board.focus_rect()
        assert wide.width() / wide.height() > narrow.width() / narrow.height()  # it followed the window
        shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
        assert shown.contains(wide) and wide.width() > 0.8 * shown.width()
    finally:
        window.set_large_text(False)


def test_the_walk_reaches_every_block_of_a_canvas_with_more_than_nine(open_app: OpenApp) -> None:
    from editor.gui.document import Document
    from editor.model import BlockSpec, Canvas, Template

    blocks = tuple(BlockSpec(f"b{n}", f"Block {n}", (), (n - 1) % 4, (n - 1) // 4, 1, 1) for n in range(1, 13))
    ids = tuple(block.id for block in blocks)
    window = open_app(None)
    window.set_document(Document(Canvas(Template("twelve", "Twelve Block Canvas", "a test", 4, 3, (), blocks, ids))))
    keys(window, Qt.Key.Key_F5)
    keys(window, Qt.Key.Key_1)
    assert window.view.focus_block == "b1"  # at once, as on a canvas of nine
    keys(window, Qt.Key.Key_2)  # within a second of the 1: the twelfth
    assert window.view.focus_block == "b12"
    keys(window, Qt.Key.Key_3)  # 123 is no block: the third
    assert window.view.focus_block == "b3"
    window.presenter._typed = (None, 0.0)
    keys(window, Qt.Key.Key_1)
    keys(window, Qt.Key.Key_0)
    assert window.view.focus_block == "b10"


def test_each_walk_step_fills_a_projector_s_screen_centred_with_no_scroll_bars(open_app: OpenApp) -> None:
    """Seen at 1920x1080: the block sat against the left edge with a grey strip right of it and scroll bars that
    could slide it away (its margin lay outside the board, where the view cannot scroll), and a wide block (Revenue
    Streams) kept its own shape, with a third of the screen empty above and below it."""
    window = open_app(None)
    window.resize(1920, 1080)
    keys(window, Qt.Key.Key_F5)
    view = window.view
    for step, block_id in enumerate(FILL_ORDER, start=1):
        keys(window, getattr(Qt.Key, f"Key_{step}"))
        assert view.focus_block == block_id
        viewport = view.viewport().rect()  # below the walk's banner
        shown = view.mapFromScene(window.board.blocks[block_id].sceneBoundingRect()).boundingRect()
        assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible(), block_id
        assert viewport.contains(shown), block_id
        assert abs(shown.center().x() - viewport.center().x()) <= 2, block_id
        assert abs(shown.center().y() - viewport.center().y()) <= 2, block_id
        # In the screen's shape: it fills the screen but for its margin.
        assert shown.width() > 0.85 * viewport.width() and shown.height() > 0.85 * viewport.height(), block_id


def test_the_walk_in_a_window_shows_its_block_centred_with_no_scroll_bars_also_after_larger_text(
    open_app: OpenApp,
) -> None:
    """The walk without presentation mode (Ctrl+G), where the view keeps its scroll bars: seen with two, which slid
    the block off screen. Larger Text lays the whole board out again (a Reset): the walk's block stays the one shown,
    alone and centred (it had gone back to its place in the grid, with the view still on the walk's rectangle)."""
    window = open_app(None)
    window.resize(1920, 1080)
    keys(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    view = window.view

    def centred_alone(block_id: str) -> None:
        viewport = view.viewport().rect()
        shown = view.mapFromScene(window.board.blocks[block_id].sceneBoundingRect()).boundingRect()
        assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()
        assert viewport.contains(shown) and abs(shown.center().x() - viewport.center().x()) <= 2
        assert shaded(window) == set(FILL_ORDER) - {block_id}

    keys(window, Qt.Key.Key_1)
    centred_alone("customer_segments")
    window.set_large_text(True)
    try:
        centred_alone("customer_segments")
        keys(window, Qt.Key.Key_5)
        centred_alone("revenue_streams")
    finally:
        window.set_large_text(False)
    centred_alone("revenue_streams")
