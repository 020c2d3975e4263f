"""A shared canvas when the network fails: a participant whose connection drops goes on editing, and once it is
back, both sides have everything, once."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cuttable import CuttableNetwork
from driving import activate, block_point, double_click, keys, type_text
from pycrdt import Doc, Map
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shared_windows import OpenApp, share_here, window_opened

from editor.fileformat.session_files import SessionFiles
from editor.gui import settings
from editor.gui.main_window import MainWindow
from editor.shared.doc_shape import NOTES


def add_note(window: MainWindow, block_id: str, text: str) -> None:
    activate(window)
    double_click(window, block_point(window, block_id, 0.5, 0.7))
    type_text(window, text)
    keys(window, Qt.Key.Key_Return)


def stored(path: Path) -> list[str]:
    """The texts of the notes in the session kept beside `path`."""
    doc: Doc[Any] = Doc()
    SessionFiles(path).load(doc)
    return [str(entry.get("text")) for entry in doc.get(NOTES, type=Map).values()]


def texts(window: MainWindow) -> list[str]:
    return sorted(note.text for _, note in window.document.canvas.all_notes())


def test_a_participant_who_loses_the_network_goes_on_editing_and_merges_once_it_is_back(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host = open_app(canvas_file)
    dialog = share_here(qtbot, host)
    dialog.hide()
    port = urlsplit(dialog.link.text()).port
    assert port is not None
    network = CuttableNetwork(port)
    try:
        before = set(QApplication.topLevelWidgets())
        settings.set_participant_name("Bob")
        host.sessions.join(dialog.link.text().replace(f":{port}/", f":{network.port}/"))
        peer = window_opened(qtbot, before)
        qtbot.waitExposed(peer)
        add_note(peer, "channels", "Said before")
        qtbot.waitUntil(lambda: "Said before" in texts(host))

        network.cut()
        qtbot.waitUntil(
            lambda: "connection to the session was lost" in peer.statusBar().currentMessage(), timeout=10_000
        )
        add_note(peer, "key_partners", "Thought of offline")  # both go on editing
        add_note(host, "revenue_streams", "Meanwhile at the host")
        qtbot.wait(300)  # the peer tries again and again, and fails, while the network is down
        assert "Thought of offline" not in texts(host)
        network.restore()
        qtbot.waitUntil(lambda: "Back in the session" in peer.statusBar().currentMessage(), timeout=10_000)
        qtbot.waitUntil(lambda: texts(peer) == texts(host))
        assert texts(host).count("Thought of offline") == texts(host).count("Meanwhile at the host") == 1
        assert texts(host).count("Said before") == 1 and peer.document.canvas == host.document.canvas
        assert peer.sessions.sharing is not None
        # The session goes on as before, and the host still hears who is there.
        add_note(peer, "cost_structure", "After")
        qtbot.waitUntil(lambda: "After" in texts(host))
        qtbot.waitUntil(lambda: len(host.sessions.people) == 2)
    finally:
        network.close()


def test_a_host_window_that_crashed_resumes_its_session_and_the_others_come_back(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host = open_app(canvas_file)
    dialog = share_here(qtbot, host)
    link = dialog.link.text()
    kept = [canvas_file.with_name(f".{canvas_file.name}.session.{end}") for end in ("sqlite", "json")]
    assert all(path.exists() for path in kept)  # the session, kept beside the file while it lasts
    dialog.hide()
    port = urlsplit(link).port
    assert port is not None
    network = CuttableNetwork(port)  # the peer's way to the host, to cut as a crash cuts it, with no goodbye
    try:
        before = set(QApplication.topLevelWidgets())
        settings.set_participant_name("Bob")
        host.sessions.join(link.replace(f":{port}/", f":{network.port}/"))
        peer = window_opened(qtbot, before)
        qtbot.waitExposed(peer)
        add_note(peer, "channels", "Bob's, never saved by the host")
        qtbot.waitUntil(lambda: "Bob's, never saved by the host" in texts(host))

        qtbot.waitUntil(lambda: "Bob's, never saved by the host" in stored(canvas_file))  # (written a moment after)

        # The host's app dies: the connection goes with no goodbye, and nothing is saved or forgotten.
        network.cut()
        sharing = host.sessions.sharing
        assert sharing is not None
        sharing.network.stop()
        host.sessions.sharing = host.sessions.kept = None
        qtbot.waitUntil(
            lambda: "connection to the session was lost" in peer.statusBar().currentMessage(), timeout=10_000
        )
        add_note(peer, "key_partners", "Bob's, while the host was down")

        # Started again, the host opens the file (which has neither note) and shares it once more.
        again = open_app(canvas_file)
        assert "Bob's, never saved by the host" not in texts(again)
        dialog = share_here(qtbot, again)
        assert dialog.link.text() == link  # the same link: the others' windows find it by themselves
        assert again.sessions.kept is not None and again.sessions.kept.resumed
        assert "Bob's, never saved by the host" in texts(again)  # from the session's stored history
        network.restore()
        qtbot.waitUntil(lambda: "Back in the session" in peer.statusBar().currentMessage(), timeout=10_000)
        qtbot.waitUntil(lambda: texts(again) == texts(peer), timeout=10_000)
        assert texts(again).count("Bob's, never saved by the host") == 1
        assert texts(again).count("Bob's, while the host was down") == 1
        assert again.document.modified  # to be saved, as the others' changes always are

        again.sessions.end()  # a session that ends as it should is not resumed
        assert not any(path.exists() for path in kept)
    finally:
        network.close()
