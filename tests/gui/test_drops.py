"""Dropping files and text onto the window: a canvas file opens, text becomes notes where it falls, and whatever is
dropped is read with the checks a file gets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import answer_next_box, at, block_point
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from editor.fileformat.clipboard import MIME_TYPE
from editor.gui.main_window import MainWindow
from editor.gui.problems_dialog import ProblemsDialog

OpenApp = Callable[[Path | None], MainWindow]
COPY = Qt.DropAction.CopyAction


def drop(target: QWidget, point: QPoint, data: QMimeData) -> bool:
    """Drag `data` over `target` and let go at `point`, as a file manager or a browser does; True if taken."""
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, COPY, data, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(point, COPY, data, buttons, modifiers, QEvent.Type.DragMove)
    QApplication.sendEvent(target, move)
    if not move.isAccepted():  # the pointer shows that it cannot drop here, and letting go does nothing
        return False
    released = QDropEvent(QPointF(point), COPY, data, buttons, modifiers)
    QApplication.sendEvent(target, released)
    return released.isAccepted()


def files(*paths: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return data


def text(value: str) -> QMimeData:
    data = QMimeData()
    data.setText(value)
    return data


def test_a_canvas_file_dropped_on_the_board_opens(open_app: OpenApp, canvas_file: Path, qtbot: QtBot) -> None:
    window = open_app(None)
    assert drop(window.view.viewport(), QPoint(300, 300), files(canvas_file))
    qtbot.waitUntil(lambda: window.document.path == canvas_file)
    assert window.document.canvas.title == "Lemonade stand"


def test_a_file_dropped_on_a_toolbar_opens_too_after_asking_to_save(
    open_app: OpenApp, canvas_file: Path, qtbot: QtBot
) -> None:
    window = open_app(None)
    window.document.canvas.set_title("Changed, not saved")
    window.document.mark_unsaved()
    toolbar = window.toolbars()[0]
    answered = answer_next_box(QMessageBox.StandardButton.Cancel)
    assert drop(toolbar, QPoint(5, 5), files(canvas_file))
    qtbot.waitUntil(lambda: bool(answered))
    assert window.document.canvas.title == "Changed, not saved"  # the person cancelled: nothing replaced
    assert window.document.path is None
    answered = answer_next_box(QMessageBox.StandardButton.Discard)
    assert drop(toolbar, QPoint(5, 5), files(canvas_file))
    qtbot.waitUntil(lambda: window.document.path == canvas_file)
    assert answered and window.document.canvas.title == "Lemonade stand"


def test_a_bad_file_dropped_gets_the_files_message_and_the_canvas_stays(
    open_app: OpenApp, tmp_path: Path, qtbot: QtBot
) -> None:
    window = open_app(None)
    bad = tmp_path / "broken.yaml"
    bad.write_text("format: 1\nblocks:\n  channels:\n    - text: 'open\n")
    assert drop(window.view.viewport(), QPoint(300, 300), files(bad))
    qtbot.waitUntil(lambda: window.findChild(ProblemsDialog, "errorBox") is not None)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box.details.startswith(f"{bad}:4:13: YAML syntax error: this quote is never closed")
    assert window.document.path is None and window.document.canvas.note_count() == 43
    box.close()


def test_text_dropped_on_a_block_becomes_its_notes_there(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    before = len(window.document.canvas.notes("key_resources"))
    point = at(window, block_point(window, "key_resources", 0.5, 0.5))
    assert drop(window.view.viewport(), point, text("Server farms\nContent moderators\n"))
    qtbot.waitUntil(lambda: len(window.document.canvas.notes("key_resources")) == before + 2)
    assert [n.text for n in window.document.canvas.notes("key_resources")][-2:] == [
        "Server farms",
        "Content moderators",
    ]
    assert window.actions_.undo.text() == "&Undo Paste 2 Notes"


def test_notes_dropped_from_another_window_keep_their_colour(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    data = QMimeData()
    data.setData(MIME_TYPE, b"format: 1\nblocks:\n  channels:\n    - {text: Podcasts, color: blue}\n")
    data.setText("Podcasts\n")
    point = at(window, block_point(window, "revenue_streams", 0.5, 0.5))
    assert drop(window.view.viewport(), point, data)
    qtbot.waitUntil(lambda: window.document.canvas.note_count() == 44)
    (dropped,) = [n for n in window.document.canvas.notes("revenue_streams") if n.text == "Podcasts"]
    assert dropped.color == "blue"


def test_dropped_text_too_long_or_hostile_is_refused_with_its_place(open_app: OpenApp, qtbot: QtBot) -> None:
    window = open_app(None)
    assert drop(window.view.viewport(), QPoint(300, 300), text("fine\n" + "w" * 20_000))
    qtbot.waitUntil(lambda: window.findChild(ProblemsDialog, "errorBox") is not None)
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box.details.startswith("the dropped text:2:1: this line is 20,000 characters long")
    box.close()
    box.deleteLater()
    hostile = QMimeData()
    hostile.setData(MIME_TYPE, b"format: 1\nblocks: {channels: [&a x, *a]}\n")
    assert drop(window.view.viewport(), QPoint(300, 300), hostile)
    qtbot.waitUntil(lambda: "anchors" in getattr(window.findChild(ProblemsDialog, "errorBox"), "details", ""))
    assert window.document.canvas.note_count() == 43


def test_what_is_not_files_text_or_notes_is_not_taken(open_app: OpenApp) -> None:
    window = open_app(None)
    picture = QMimeData()
    picture.setData("image/png", b"\x89PNG")
    assert not drop(window.view.viewport(), QPoint(300, 300), picture)
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/canvas.yaml")])
    assert not drop(window.toolbars()[0], QPoint(5, 5), web)  # off the board, only local files are taken
