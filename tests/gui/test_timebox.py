"""The timebox: set, start, pause, reset from the Workshop toolbar; it runs on while people edit, and says when time
is up on the board, never in a dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import LEFT, block_point, double_click, keys, toolbar_button, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from editor.gui.main_window import MainWindow
from editor.gui.timebox import clock_text

OpenApp = Callable[[Path | None], MainWindow]


def display(window: MainWindow) -> QLabel:
    label = window.view.findChild(QLabel, "timeboxDisplay")
    assert label is not None
    return label


def test_the_clock_reads_minutes_and_seconds_rounded_up() -> None:
    assert clock_text(600.0) == "10:00"
    assert clock_text(59.2) == "1:00"
    assert clock_text(0.4) == "0:01"
    assert clock_text(0.0) == "0:00"


def test_the_minutes_set_the_countdown_and_start_pause_reset_work_from_the_toolbar(
    open_app: OpenApp, qtbot: QtBot
) -> None:
    window = open_app(None)
    spin = window.findChild(QSpinBox, "timeboxMinutes")
    spin.selectAll()
    QTest.keyClicks(spin, "5")
    assert window.timebox.duration == 300.0
    assert not display(window).isVisible()

    assert toolbar_button(window, "timerToggle").isVisible()
    QTest.mouseClick(toolbar_button(window, "timerToggle"), LEFT)
    assert window.timebox.running
    qtbot.waitUntil(lambda: window.timebox.remaining() < 299.5, timeout=3000)
    assert display(window).isVisible() and display(window).text() in ("5:00", "4:59")

    QTest.mouseClick(toolbar_button(window, "timerToggle"), LEFT)  # pause
    left = window.timebox.remaining()
    QTest.qWait(300)
    assert not window.timebox.running and window.timebox.remaining() == left
    assert "paused" in display(window).text()

    QTest.mouseClick(toolbar_button(window, "timerReset"), LEFT)
    assert window.timebox.remaining() == 300.0 and not display(window).isVisible()


def test_time_up_shows_on_the_board_without_a_dialog_while_people_edit(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    window.timebox.set_duration(1.0)  # a short timebox (the spin box counts whole minutes)
    keys(window, "t")  # the shortcut, as on a keyboard
    assert window.timebox.running
    # People go on editing while it runs.
    double_click(window, block_point(window, "channels", 0.5, 0.9))
    type_text(window, "Stories")
    keys(window, Qt.Key.Key_Return)
    assert window.document.canvas.notes("channels")[-1].text == "Stories"
    assert window.timebox.running

    with qtbot.waitSignal(window.timebox.expired, timeout=3000):
        pass
    label = display(window)
    assert label.isVisible() and label.text() == "Time's up"
    assert QApplication.activeModalWidget() is None  # nothing to dismiss: the facilitator just carries on
    assert window.isActiveWindow()
    keys(window, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)  # reset
    assert not window.timebox.is_up and not label.isVisible()


def test_the_countdown_stays_on_screen_in_presentation_mode(open_app: OpenApp) -> None:
    window = open_app(None)
    keys(window, "t")
    keys(window, Qt.Key.Key_F5)
    label = display(window)
    assert label.isVisible()
    assert window.view.rect().contains(label.geometry())
    assert label.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the board under it takes clicks
    keys(window, Qt.Key.Key_Escape)
    assert window.timebox.running


def test_enter_in_the_minutes_box_gives_the_keys_back_to_the_board(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    spin = window.findChild(QSpinBox, "timeboxMinutes")
    QTest.mouseDClick(spin.lineEdit(), LEFT)  # as a person picks the number to type over it
    assert window.focusWidget() is spin
    keys(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(window, "7")
    keys(window, Qt.Key.Key_Return)
    assert window.timebox.duration == 420.0
    assert window.focusWidget() is window.view
    keys(window, Qt.Key.Key_T)
    assert window.timebox.running


def test_the_countdown_takes_its_own_place_and_the_walk_fills_the_screen_with_a_tall_block(open_app: OpenApp) -> None:
    from PySide6.QtCore import QRect

    window = open_app(None)
    view = window.view
    keys(window, "t")  # the countdown runs over the whole board: it sits above the header, not on its fields
    label = display(window)
    board_area = view.viewport().geometry()
    assert label.isVisible() and not label.geometry().intersects(board_area)
    assert label.geometry().bottom() < board_area.top()
    keys(window, Qt.Key.Key_F5)
    keys(window, Qt.Key.Key_1)  # the walk on Customer Segments, a tall block
    assert view.focus_block == "customer_segments"
    banner = view.findChild(QLabel, "walkBanner")
    assert banner is not None and banner.isVisible()
    board_area = view.viewport().geometry()
    block = view.mapFromScene(window.board.blocks["customer_segments"].sceneBoundingRect()).boundingRect()
    block = QRect(block.translated(board_area.topLeft()))
    # The countdown is beside the banner, over neither the block nor the banner's words.
    assert not label.geometry().intersects(block) and not label.geometry().intersects(banner.geometry())
    assert label.geometry().bottom() < board_area.top()
    # The block fills the screen's width, not a third of it, and the legend shows in the banner above it.
    assert block.width() > 0.85 * board_area.width() and not window.board.header.isVisible()
    assert all(meaning in banner.text() for meaning in window.document.canvas.legend.values())
    keys(window, Qt.Key.Key_Escape)
    keys(window, Qt.Key.Key_Escape)
