"""What the host does for the room reaches every screen of a shared canvas: the walk's step, the countdown, a voting
round whose dots no one sees before the reveal, a canvas the others may only look at (and vote on), and the removal
of a participant."""

from __future__ import annotations

from pathlib import Path

from driving import (
    LEFT,
    NONE,
    activate,
    at,
    block_point,
    click,
    double_click,
    drag,
    keys,
    note_center,
    toolbar_button,
    type_text,
)
from pycrdt import Map
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot
from shared_windows import OpenApp, shared_windows

from editor.gui.main_window import MainWindow
from editor.gui.network_thread import READ_ONLY_GRACE
from editor.gui.session_stage import READ_ONLY
from editor.shared.ballots import BALLOTS


def votes(window: MainWindow) -> dict[str, int]:
    return {note.id: note.votes for _, note in window.document.canvas.all_notes() if note.votes}


def a_dot_in_a_hidden_round(qtbot: QtBot, host: MainWindow, peer: MainWindow) -> str:
    """The host starts a round (counts hidden); the participant gives the first Value Proposition a dot, and its id
    is returned."""
    first = host.document.canvas.notes("value_propositions")[0].id
    QTest.mouseClick(toolbar_button(host, "voteToggle"), LEFT)
    qtbot.waitUntil(lambda: peer.voting.active)
    activate(peer)
    click(peer, note_center(peer, first))
    return first


def test_the_hosts_walk_step_and_countdown_show_on_the_others_screens(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    activate(host)
    keys(host, "g", Qt.KeyboardModifier.ControlModifier)  # the guided walk
    keys(host, Qt.Key.Key_3)  # to the third block
    assert host.presenter.step == 3
    qtbot.waitUntil(lambda: peer.presenter.step == 3)
    assert peer.view.focus_block == host.view.focus_block == "channels"
    keys(host, Qt.Key.Key_0)
    qtbot.waitUntil(lambda: peer.presenter.step == 0 and peer.view.focus_block is None)

    host.timebox.set_duration(300.0)
    QTest.mouseClick(toolbar_button(host, "timerToggle"), LEFT)
    qtbot.waitUntil(lambda: peer.timebox.running)
    assert abs(peer.timebox.remaining() - host.timebox.remaining()) < 1.5
    QTest.mouseClick(toolbar_button(host, "timerToggle"), LEFT)  # paused
    qtbot.waitUntil(lambda: not peer.timebox.running)
    assert abs(peer.timebox.remaining() - host.timebox.remaining()) <= 1.0
    QTest.mouseClick(toolbar_button(host, "timerReset"), LEFT)
    qtbot.waitUntil(lambda: not peer.timebox.is_set())
    QTest.mouseClick(toolbar_button(host, "timerToggle"), LEFT)
    qtbot.waitUntil(lambda: peer.timebox.running)
    host.sessions.end()  # the host's countdown does not run on in the others' windows once the session is over
    qtbot.waitUntil(lambda: not peer.timebox.is_set())
    assert host.timebox.running


def test_dots_stay_on_each_screen_until_the_reveal_then_all_of_them_count(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    first = host.document.canvas.notes("value_propositions")[0].id
    second = host.document.canvas.notes("customer_segments")[0].id
    host.findChild(QSpinBox, "votingDots").setValue(3)
    QTest.mouseClick(toolbar_button(host, "voteToggle"), LEFT)
    qtbot.waitUntil(lambda: peer.voting.active)
    assert peer.voting.limit == 3 and peer.voting.hide_counts
    # Both vote with real clicks, the participant for the first note twice; while counts are hidden, nothing of it
    # is in the shared canvas, so no one can learn it.
    activate(peer)
    for note_id in (first, first, second, second):  # the fourth dot is one too many
        click(peer, note_center(peer, note_id))
    assert "All 3 dots" in peer.statusBar().currentMessage()
    activate(host)
    click(host, note_center(host, first))
    qtbot.wait(200)
    shared = host.sessions.sharing
    assert shared is not None and len(shared.shared.doc.get(BALLOTS, type=Map)) == 0
    assert votes(host) == votes(peer) == {}
    assert not any(item.votes_shown for item in peer.board.notes.values())
    QTest.mouseClick(toolbar_button(peer, "voteReveal"), LEFT)  # only the host reveals
    assert "host reveals" in peer.statusBar().currentMessage()

    QTest.mouseClick(toolbar_button(host, "voteReveal"), LEFT)
    qtbot.waitUntil(lambda: votes(host) == {first: 3, second: 1})
    qtbot.waitUntil(lambda: votes(peer) == {first: 3, second: 1})
    assert all(item.votes_shown for item in peer.board.notes.values())
    # After the reveal a dot counts as it is placed, and a right-click takes one back.
    activate(peer)
    QTest.mouseClick(peer.view.viewport(), Qt.MouseButton.RightButton, NONE, at(peer, note_center(peer, second)))
    qtbot.waitUntil(lambda: votes(host) == {first: 3})
    QTest.mouseClick(toolbar_button(host, "voteToggle"), LEFT)  # the host ends the round
    qtbot.waitUntil(lambda: not peer.voting.active)
    assert votes(peer) == votes(host) == {first: 3}
    QTest.mouseClick(toolbar_button(peer, "voteClear"), LEFT)  # only the host clears them
    assert "host clears" in peer.statusBar().currentMessage() and votes(peer) == {first: 3}
    assert host.document.modified  # the votes are the host's to save with the file


def test_a_hidden_round_ended_without_a_reveal_counts_everyone_s_dots(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    first = a_dot_in_a_hidden_round(qtbot, host, peer)
    QTest.mouseClick(toolbar_button(host, "voteToggle"), LEFT)
    qtbot.waitUntil(lambda: votes(host) == {first: 1} and votes(peer) == {first: 1})


def test_while_the_canvas_is_read_only_the_others_look_and_vote_but_change_nothing(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    dialog = host.sessions.share()
    qtbot.mouseClick(dialog.read_only, Qt.MouseButton.LeftButton)
    assert dialog.read_only.isChecked()
    qtbot.waitUntil(lambda: bool(peer.document.read_only))
    assert READ_ONLY in peer.statusBar().currentMessage() and "(read-only)" in peer.windowTitle()
    before = peer.document.canvas.content()
    activate(peer)
    note_id = peer.document.canvas.notes("customer_segments")[0].id
    double_click(peer, block_point(peer, "channels", 0.5, 0.6))  # no new note
    drag(peer, note_center(peer, note_id), block_point(peer, "key_partners", 0.5, 0.5))  # no move
    click(peer, note_center(peer, note_id))
    keys(peer, Qt.Key.Key_Delete)  # no delete
    keys(peer, "z", Qt.KeyboardModifier.ControlModifier)
    assert peer.document.canvas.content() == before == host.document.canvas.content()
    assert peer.board.selected_ids() == [note_id]  # a click still selects, to copy
    assert READ_ONLY in peer.statusBar().currentMessage()
    # The host can still edit, and the others see it.
    activate(host)
    double_click(host, block_point(host, "channels", 0.5, 0.6))
    type_text(host, "Host only")
    keys(host, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [n.text for n in peer.document.canvas.notes("channels")] == ["Host only"])
    # Open again: the participant adds a note.
    qtbot.mouseClick(dialog.read_only, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not peer.document.read_only)
    assert "(read-only)" not in peer.windowTitle()
    activate(peer)
    double_click(peer, block_point(peer, "revenue_streams", 0.5, 0.6))
    type_text(peer, "Mine")
    keys(peer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [n.text for n in host.document.canvas.notes("revenue_streams")][-1:] == ["Mine"])


def test_the_host_removes_a_participant_who_keeps_their_copy(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    dialog = host.sessions.share()
    qtbot.waitUntil(lambda: dialog.people.count() == 2)
    assert not dialog.remove_button.isEnabled() and not dialog.name.isEnabled()  # one name for the session
    bob = next(row for row in range(dialog.people.count()) if dialog.people.item(row).text() == "Bob")
    dialog.people.setCurrentRow(bob)
    host.timebox.set_duration(60.0)
    host.timebox.start()  # the list is renewed as the countdown goes: the choice stays
    qtbot.wait(1200)
    assert dialog.people.currentItem() is not None and dialog.people.currentItem().text() == "Bob"
    assert dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: peer.sessions.sharing is None, timeout=5000)
    assert "removed you" in peer.statusBar().currentMessage()
    qtbot.waitUntil(lambda: dialog.people.count() == 1)
    assert peer.document.canvas == host.document.canvas  # their copy stays theirs, to save
    errors: list[str] = []
    peer.show_error = lambda text, details: errors.append(f"{text} {details}")  # type: ignore[method-assign,assignment,return-value]
    peer.sessions.join(dialog.link.text())  # and they cannot come back in
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "removed this device" in errors[0]


def test_what_a_participant_was_typing_when_the_canvas_became_read_only_is_kept(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    activate(peer)
    double_click(peer, block_point(peer, "channels", 0.5, 0.6))
    type_text(peer, "Half typed")
    dialog = host.sessions.share()
    qtbot.mouseClick(dialog.read_only, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(peer.document.read_only))
    qtbot.waitUntil(lambda: [n.text for n in host.document.canvas.notes("channels")] == ["Half typed"])
    qtbot.wait(2500)  # past the server's grace: the note came in time, and no one was cut off for it
    assert peer.sessions.sharing is not None
    assert not peer.panels.undo_view.isEnabled()  # the history is shown, not stepped through


def test_ending_the_session_in_a_hidden_round_counts_everyone_s_dots_first(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host, peer = shared_windows(open_app, qtbot, canvas_file)
    first = a_dot_in_a_hidden_round(qtbot, host, peer)
    dialog = host.sessions.share()
    qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: host.sessions.sharing is None, timeout=5000)
    assert votes(host) == {first: 1}  # the participant's dot, sent as the round ended, is in the host's canvas


def test_the_others_are_held_to_read_only_also_while_a_countdown_runs(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    """The host's stage is sent again every second of a countdown; the server's grace before it holds the others to
    read-only must not start over each time."""
    host, _ = shared_windows(open_app, qtbot, canvas_file)
    host.timebox.set_duration(300.0)
    host.timebox.start()
    dialog = host.sessions.share()
    qtbot.mouseClick(dialog.read_only, Qt.MouseButton.LeftButton)
    sharing = host.sessions.sharing
    assert sharing is not None and sharing.network._server is not None
    server = sharing.network._server
    qtbot.waitUntil(lambda: server.read_only, timeout=int(READ_ONLY_GRACE * 1000) + 3000)
