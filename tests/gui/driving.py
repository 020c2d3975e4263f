"""Driving the board as a person does: mouse and keys on the view's viewport, at items' scene positions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QToolBar, QWidget

from editor.gui.board_editing import EditableBoard
from editor.gui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def activate(window: MainWindow) -> None:
    """Make the window the active one, as clicking it does: shortcuts reach only the active window.

    (Offscreen Qt has no window manager to re-activate a window after a dialog closes.)
    """
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)


def at(window: MainWindow, scene_point: QPointF) -> QPoint:
    return window.view.mapFromScene(scene_point)


def note_center(window: MainWindow, note_id: int) -> QPointF:
    item = window.board.notes[note_id]
    return item.mapToScene(item.body_rect().center())


def block_point(window: MainWindow, block_id: str, fx: float, fy: float) -> QPointF:
    rect = window.board.blocks[block_id].rect
    return QPointF(rect.x + fx * rect.width, rect.y + fy * rect.height)


def click(window: MainWindow, scene_point: QPointF, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.mouseClick(window.view.viewport(), LEFT, modifiers, at(window, scene_point))


def double_click(window: MainWindow, scene_point: QPointF) -> None:
    QTest.mouseDClick(window.view.viewport(), LEFT, NONE, at(window, scene_point))


def drag(window: MainWindow, start: QPointF, end: QPointF, steps: int = 8, release: bool = True) -> None:
    viewport = window.view.viewport()
    a, b = at(window, start), at(window, end)
    QTest.mousePress(viewport, LEFT, NONE, a)
    for step in range(1, steps + 1):
        QTest.mouseMove(viewport, a + (b - a) * step / steps)
    if release:
        QTest.mouseRelease(viewport, LEFT, NONE, b)


def keys(window: MainWindow, key: Qt.Key | str, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """Press a key as a person does: it goes to the widget that has the keyboard focus in the window."""
    QTest.keyClick(window.focusWidget() or window, key, modifiers)


def type_text(window: MainWindow, text: str) -> None:
    """Type as a keyboard does. QTest types only ASCII; other characters come as key events carrying the text,
    as from a keyboard layout that has them. Like `keys`, to the widget that has the focus."""
    target = window.focusWidget() or window
    for char in text:
        if char.isascii() and char.isprintable():
            QTest.keyClicks(target, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, NONE, char))


def toolbar_button(window: MainWindow, name: str) -> QWidget:
    """The Workshop toolbar's button for the action with this object name (hidden when the toolbar is too narrow
    for it: a click still reaches it)."""
    toolbar = window.findChild(QToolBar, "WorkshopToolbar")
    action = next(action for action in window.actions() if action.objectName() == name)
    button = toolbar.widgetForAction(action)
    assert button is not None
    return button


def delete_first_note(window: MainWindow, block_id: str = "value_propositions") -> None:
    """A real change, made as a person makes it: click a note, press Delete."""
    click(window, note_center(window, window.document.canvas.notes(block_id)[0].id))
    keys(window, Qt.Key.Key_Delete)


class FileDialogs:
    """Stands in for the file dialogs: answers with the next prepared path and records each question."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[Path | None] = []
        self.asked: list[str] = []
        self.suggested: list[Path] = []  # the path each dialog offered
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._answer)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._answer)

    def _answer(self, parent: object, caption: str, folder: str = "", *_: object) -> tuple[str, str]:
        self.asked.append(caption)
        self.suggested.append(Path(folder))
        answer = self.answers.pop(0) if self.answers else None
        return (str(answer) if answer else "", "")


def on_next_modal(act: Callable[[QWidget], object], tries: int = 200) -> list[QWidget]:
    """Run `act` on the next modal dialog once it shows (it blocks the test until someone acts on it)."""
    seen: list[QWidget] = []

    def look(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            seen.append(widget)
            act(widget)
        elif left:
            QTimer.singleShot(10, lambda: look(left - 1))

    QTimer.singleShot(0, lambda: look(tries))
    return seen


def answer_next_box(button: QMessageBox.StandardButton, tries: int = 200) -> list[str]:
    """Click `button` on the next modal message box, which blocks the test until someone answers it.

    Returns a list that receives the box's text once it has been answered (empty if no box came).
    """
    seen: list[str] = []

    def answer(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        elif left:
            QTimer.singleShot(10, lambda: answer(left - 1))

    QTimer.singleShot(0, lambda: answer(tries))
    return seen


def assert_board_mirrors(board: EditableBoard) -> None:
    """The scene shows exactly the document: one item per note, with its text and colour, inside its block."""
    canvas = board.canvas
    ids = {note.id for block in canvas.template.blocks for note in canvas.notes(block.id)}
    assert set(board.notes) == ids
    for block in canvas.template.blocks:
        area = board.blocks[block.id].sceneBoundingRect()
        for note in canvas.notes(block.id):
            item = board.notes[note.id]
            assert (item.text, item.color) == (note.text, note.color)
            assert area.contains(item.mapToScene(item.body_rect().center()))


def context_menu(window: MainWindow, note_id: int, act: Callable[[QMenu], object]) -> None:
    """Right-click a note and run `act` on its menu once it is open (the menu is modal), then close it."""

    def on_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        act(menu)
        menu.close()

    QTimer.singleShot(50, on_menu)
    # QTest sends no context-menu event for a right click: send the one the platform would.
    point = at(window, note_center(window, note_id))
    viewport = window.view.viewport()
    QApplication.sendEvent(
        viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    )
