"""Sharing a canvas from the window: Workshop > Share Canvas… gives a link, File > Join Session… opens the shared
canvas in a window of its own, and what either does with the mouse and keys reaches the other; each undo takes
back only that window's own change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from driving import activate, block_point, double_click, drag, keys, note_center, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shared_windows import share_here, shared_windows, window_opened

from editor.gui.main_window import MainWindow

OpenApp = Callable[..., MainWindow]


def test_a_joined_window_shows_the_hosts_canvas_and_each_sees_the_others_edits(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    assert peer.document.canvas == host.document.canvas and peer.document.path is None
    # The peer adds a note as a person does: a double-click in a block, the text, Enter.
    activate(peer)
    double_click(peer, block_point(peer, "channels", 0.5, 0.6))
    type_text(peer, "From the second window")
    keys(peer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [n.text for n in host.document.canvas.notes("channels")] == ["From the second window"])
    assert host.document.modified and host.isWindowModified()  # the peer's note is to be saved with the host's file
    assert host.autosaver.write_now() is not None  # and a recovery copy keeps it meanwhile
    # The host drags a note into another block; the peer's board shows it there.
    activate(host)
    moved = host.document.canvas.notes("customer_segments")[0].id
    drag(host, note_center(host, moved), block_point(host, "key_partners", 0.5, 0.5))
    qtbot.waitUntil(lambda: peer.document.canvas.block_of(moved) == "key_partners")
    assert peer.board.notes[moved].isVisible() and peer.document.canvas == host.document.canvas


def test_undo_in_one_window_takes_back_only_its_own_change(open_app: OpenApp, qtbot: QtBot, canvas_file: Path) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    note_id = host.document.canvas.notes("value_propositions")[0].id
    activate(host)
    host.board.select_ids([note_id])
    host.board.recolor_selected("pink")
    qtbot.waitUntil(lambda: peer.document.canvas.note(note_id).color == "pink")
    peer.board.edit_note(note_id)
    type_text(peer, " and free refills")
    keys(peer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "refills" in host.document.canvas.note(note_id).text)
    keys(host, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the host's recolouring, and only that
    qtbot.waitUntil(lambda: peer.document.canvas.note(note_id).color == "yellow")
    for window in (host, peer):
        assert window.document.canvas.note(note_id).text.endswith("and free refills")
    assert host.document.canvas == peer.document.canvas


def test_a_link_without_the_key_says_so_and_opens_nothing(open_app: OpenApp, qtbot: QtBot, canvas_file: Path) -> None:
    host = open_app(canvas_file)
    dialog = host.sessions.share()
    dialog.this_computer.setChecked(True)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.link.isVisible(), timeout=10_000)
    wrong = dialog.link.text().rsplit("k=", 1)[0] + "k=guessed"
    windows = len([w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)])
    errors: list[str] = []
    host.show_error = lambda text, details: errors.append(f"{text} {details}")  # type: ignore[method-assign,assignment,return-value]
    host.sessions.join(wrong)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "key is not the session's" in errors[0]
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]) == windows


@pytest.mark.parametrize(("link", "says"), [("hello", "starts ws://"), ("ws://10.0.0.1:8765/", "names no session")])
def test_text_that_is_no_link_is_refused_at_once(open_app: OpenApp, link: str, says: str) -> None:
    host = open_app(None)
    errors: list[str] = []
    host.show_error = lambda text, details: errors.append(f"{text} {details}")  # type: ignore[method-assign,assignment,return-value]
    host.sessions.join(link)
    assert errors and says in errors[0]


def test_ending_the_session_leaves_each_window_its_canvas(open_app: OpenApp, qtbot: QtBot, canvas_file: Path) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    host.sessions.share().end_button.click()
    qtbot.waitUntil(
        lambda: peer.sessions.sharing is None or "ended" in peer.statusBar().currentMessage(), timeout=10_000
    )
    peer.document.canvas.set_title("Only mine now")
    qtbot.wait(200)
    assert host.document.canvas.title != "Only mine now"
    assert host.sessions.share().start_button.isVisible()


def test_the_share_window_grows_and_shrinks_with_what_it_shows_and_crops_no_text(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    window = open_app(canvas_file)

    def whole() -> bool:
        labels = [label for label in (dialog.intro, dialog.status) if label.isVisible()]
        return all(label.height() >= label.heightForWidth(label.width()) for label in labels)

    dialog = share_here(qtbot, window)  # the window grew with the link, the list and the rules
    assert whole() and dialog.people.height() >= 3 * dialog.people.sizeHintForRow(0)
    dialog.end_button.click()
    qtbot.waitUntil(lambda: dialog.start_button.isVisible())
    assert whole() and dialog.height() < dialog.sizeHint().height() + 40  # and shrank back


@pytest.mark.slow
def test_a_canvas_shared_through_a_y_websocket_server_reaches_who_joins_there(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path, reference_server: str
) -> None:
    host = open_app(canvas_file)
    dialog = host.sessions.share()
    url = f"{reference_server}/our-canvas"
    qtbot.keyClicks(dialog.server_url, url)  # typing there picks "through a server"
    assert dialog.through_server.isChecked()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.link.isVisible() and dialog.link.text() == url, timeout=10_000)
    before = set(QApplication.topLevelWidgets())
    host.sessions.join(url)
    peer = window_opened(qtbot, before)
    assert peer.document.canvas == host.document.canvas
    host.document.canvas.set_title("Renamed through the server")
    qtbot.waitUntil(lambda: peer.document.canvas.title == "Renamed through the server")


def test_sharing_through_a_server_needs_its_address(open_app: OpenApp, qtbot: QtBot) -> None:
    host = open_app(None)
    dialog = host.sessions.share()
    dialog.through_server.setChecked(True)
    dialog.start_button.click()
    assert "starts ws://" in dialog.status.text() and host.sessions.sharing is None and dialog.start_button.isEnabled()


def test_each_window_lists_who_takes_part_with_their_names(open_app: OpenApp, qtbot: QtBot, canvas_file: Path) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)

    def names(window: MainWindow) -> list[str]:
        return [f"{p.name}{' (you)' if p.you else ''}" for p in window.sessions.people]

    qtbot.waitUntil(lambda: names(host) == ["Alice (you)", "Bob"] and names(peer) == ["Bob (you)", "Alice"])
    dialog = peer.sessions.share()  # the peer's Share window shows the session it is in
    qtbot.waitUntil(lambda: dialog.people.count() == 2)
    assert dialog.link.isVisible() and [dialog.people.item(i).text() for i in range(2)] == ["Bob (you)", "Alice"]
    peer.close()
    qtbot.waitUntil(lambda: names(host) == ["Alice (you)"], timeout=10_000)


def test_the_others_see_who_moves_or_edits_a_note_while_they_do(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    note_id = peer.document.canvas.notes("value_propositions")[0].id
    activate(peer)
    peer.board.select_ids([note_id])
    drag(peer, note_center(peer, note_id), block_point(peer, "channels", 0.5, 0.5), release=False)

    def mark() -> str:
        found = host.board._marks.get(note_id)
        return found.text if found is not None and found.isVisible() else ""

    qtbot.waitUntil(lambda: mark() == "Bob · moving")
    assert host.document.canvas.block_of(note_id) == "value_propositions"  # positions come with the drop
    QTest.mouseRelease(peer.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       peer.view.mapFromScene(block_point(peer, "channels", 0.5, 0.5)))  # fmt: skip
    qtbot.waitUntil(lambda: host.document.canvas.block_of(note_id) == "channels" and mark() == "")
    peer.board.edit_note(note_id)
    qtbot.waitUntil(lambda: mark() == "Bob · editing")
    keys(peer, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: mark() == "")


def test_j_shows_the_join_code_beside_the_board_and_hides_it_again(
    open_app: Callable[[Path], MainWindow], qtbot: QtBot, canvas_file: Path
) -> None:
    import segno

    host = open_app(canvas_file)
    dialog = share_here(qtbot, host, "Alice")  # on this computer only: the code waits for J
    dialog.hide()
    assert host.sessions.join_code is None or not host.sessions.join_code.isVisible()
    activate(host)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    keys(host, "j")
    code = host.sessions.join_code
    assert code is not None and code.isVisible()
    assert code.modules == [[bool(module) for module in row] for row in segno.make(dialog.link.text()).matrix]
    assert code.address.startswith("127.0.0.1:") and len(code.address.rsplit("/", 1)[1]) == 8
    assert code.here_only  # so it says "On this computer only", not "Join from your phone"
    margins = host.view.viewportMargins()
    assert margins.right() == code.width() > 0  # a band of its own: the board beside it covers no note
    assert host.view.viewport().geometry().right() < code.geometry().left()
    keys(host, "j")
    assert not code.isVisible() and host.view.viewportMargins().right() == 0
