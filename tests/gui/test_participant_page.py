"""The participants' page in a real browser (headless Chromium) joining a session the real app hosts: notes typed
there reach the host's canvas as text, dots stay on the device until the reveal, and the facilitator's rules, a
removal, a lost network and the end of the session reach the page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from browser import PHONE, chromium, firefox, page_errors, received_frames, webkit
from cuttable import CuttableNetwork
from driving import activate, click, note_center, toolbar_button
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from shared_windows import share_here

if TYPE_CHECKING:
    from conftest import OpenApp
    from pytestqt.qtbot import QtBot

    from editor.gui.main_window import MainWindow

pytestmark = pytest.mark.slow
LEFT = Qt.MouseButton.LeftButton
ENTER = "\ue007"  # WebDriver's Enter key
HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"><b>bold</b> & "quoted"'


def on_page(qtbot: QtBot, page: Any, condition: str, timeout: int = 10_000) -> None:
    """Wait, with the host's window running, until the page's JavaScript `condition` holds."""
    qtbot.waitUntil(lambda: bool(page.execute_script(f"return Boolean({condition})")), timeout=timeout)


def join(qtbot: QtBot, page: Any, link: str, name: str = "Ana") -> None:
    """Open the link and take part under `name`, as a person does: the page asks for it first."""
    page.get(link)
    on_page(qtbot, page, "document.getElementById('name-dialog').open")
    field = page.find_element("id", "name-input")
    field.send_keys(name + ENTER)  # (the dialog's form takes it)
    on_page(qtbot, page, "document.getElementById('status').dataset.state === 'connected'")


def tap(page: Any, selector: str) -> None:
    """A tap on what `selector` finds, scrolled to the middle of the screen first, as a thumb would have it."""
    element = page.find_element("css selector", selector)
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def write_note(page: Any, text: str) -> None:
    """In the open note dialog: the text, then the dialog's own button."""
    field = page.find_element("id", "note-text")
    field.clear()
    field.send_keys(text)
    tap(page, "#note-save")


def texts(window: MainWindow, block_id: str) -> list[str]:
    return [note.text for note in window.document.canvas.notes(block_id)]


def test_a_note_typed_on_a_phone_reaches_the_hosts_board_and_shows_as_text_not_markup(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host = open_app(canvas_file)
    dialog = share_here(qtbot, host, "Alice")
    with chromium(PHONE) as page:
        join(qtbot, page, dialog.link.text())
        qtbot.waitUntil(lambda: [person.name for person in host.sessions.people] == ["Alice", "Ana"])
        on_page(qtbot, page, "document.querySelectorAll('.note').length === 2")  # the canvas's two notes

        tap(page, '[data-block="key_partners"] summary')  # its key questions, open while they write
        tap(page, '[data-block="key_partners"] .add')
        scrolled = page.execute_script("return window.scrollY")
        assert scrolled > 0  # (Key Partners is far down a phone's stack)
        write_note(page, HOSTILE)
        qtbot.waitUntil(lambda: texts(host, "key_partners") == [HOSTILE])
        on_page(qtbot, page, "document.querySelector('[data-block=\"key_partners\"] .note')")
        assert page.execute_script("return window.scrollY") == scrolled  # where they were, with their note in sight
        assert page.execute_script("return document.querySelector('[data-block=\"key_partners\"] details').open")
        assert page.find_element("id", "status").text == "Connected · 2 here"  # Alice and Ana
        note = host.document.canvas.notes("key_partners")[0]
        assert note.id in host.board.notes  # on the projected board
        shown = page.find_element("css selector", '[data-block="key_partners"] .note-text')
        assert shown.text == HOSTILE
        assert page.execute_script("return window.pwned === undefined")
        assert (
            page.execute_script("return document.querySelectorAll('#board script, #board img, #board b').length") == 0
        )

        # Their own note: edited, then deleted. The host's note is not theirs to edit.
        tap(page, f'[data-note="{note.id}"] .note-body')
        write_note(page, "Local shops")
        qtbot.waitUntil(lambda: texts(host, "key_partners") == ["Local shops"])
        assert not page.find_element("css selector", '[data-block="value_propositions"] .note-body').is_enabled()
        tap(page, f'[data-note="{note.id}"] .note-body')
        tap(page, "#note-delete")
        qtbot.waitUntil(lambda: texts(host, "key_partners") == [])

        # The facilitator lets everyone edit every note: the host's note opens on the page.
        host.sessions.share().edit_any.click()
        host_note = '[data-block="value_propositions"] .note-body'
        on_page(qtbot, page, f"document.querySelector('{host_note}').disabled === false")
        tap(page, host_note)
        write_note(page, "Cold lemonade, and shade")
        qtbot.waitUntil(lambda: texts(host, "value_propositions") == ["Cold lemonade, and shade"])
        assert page_errors(page) == []


def test_dots_placed_on_a_phone_stay_there_until_the_reveal_then_count_on_the_board(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host = open_app(canvas_file)
    dialog = share_here(qtbot, host, "Alice")
    first = host.document.canvas.notes("value_propositions")[0].id
    assert host.sessions.sharing is not None
    host_voter = host.sessions.sharing.voter.encode()
    with chromium(PHONE) as page:
        join(qtbot, page, dialog.link.text())
        QTest.mouseClick(toolbar_button(host, "voteToggle"), LEFT)  # a round, counts hidden
        on_page(qtbot, page, "!document.getElementById('voting').hidden")
        received_frames(page)  # what came before the round
        activate(host)
        click(host, note_center(host, first))  # the facilitator's own dot, on their ballot
        for placed in (1, 2, 3):  # (each tap redraws the note: the next finds it drawn again)
            tap(page, f'[data-note="{first}"] .note-body')
            on_page(qtbot, page, f"document.getElementById('voting').textContent.includes('{10 - placed} of 10 left')")
        tap(page, f'[data-note="{first}"] .take-back')  # one taken back: two placed
        on_page(qtbot, page, "document.getElementById('voting').textContent.includes('8 of 10 left')")
        qtbot.waitUntil(lambda: [person.voted for person in host.sessions.people if not person.you] == [(1, 2)])
        qtbot.wait(500)
        assert host.document.canvas.note(first).votes == 0  # nothing counted before the reveal
        assert page.find_elements("css selector", ".votes") == []
        during = received_frames(page)
        assert during, "the page heard nothing during the round"
        assert not any(host_voter in frame for frame in during)  # no one's ballot reached the phone
        assert not any(b'"votes"' in frame or b"ballots" in frame for frame in during)

        QTest.mouseClick(toolbar_button(host, "voteReveal"), LEFT)
        qtbot.waitUntil(lambda: host.document.canvas.note(first).votes == 3)
        on_page(qtbot, page, f"document.querySelector('[data-note=\"{first}\"] .votes')?.textContent === '● 3'")
        assert page.find_element("css selector", f'[data-note="{first}"] .rank').text == "1st"
        assert any(host_voter in frame for frame in received_frames(page))  # the reading above could see one
        assert page_errors(page) == []


def test_the_facilitators_rules_a_lost_network_a_removal_and_the_end_reach_the_page(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path
) -> None:
    host = open_app(canvas_file)
    dialog = share_here(qtbot, host, "Alice")
    port = urlsplit(dialog.link.text()).port
    network = CuttableNetwork(port or 0)
    notice = "document.getElementById('notice').textContent"
    try:
        with chromium() as page, chromium() as other:
            join(qtbot, other, dialog.link.text(), "Ben")  # on this computer's own address
            join(qtbot, page, dialog.link.text().replace(f":{port}/", f":{network.port}/"))
            dialog.paused.click()  # no new notes for now
            on_page(qtbot, page, f"{notice}.includes('paused adding') && !document.querySelector('.add')")
            dialog.paused.click()
            on_page(qtbot, page, "document.querySelectorAll('.add').length === 9")

            network.cut()  # the venue's Wi-Fi drops: they go on writing
            on_page(qtbot, page, "document.getElementById('status').dataset.state === 'offline'")
            assert "offline" in page.execute_script(f"return {notice}")
            tap(page, '[data-block="channels"] .add')
            write_note(page, "Said while offline")
            network.restore()
            qtbot.waitUntil(lambda: texts(host, "channels") == ["Said while offline"], timeout=15_000)

            dialog.read_only.click()
            on_page(qtbot, page, f"{notice}.includes('locked the canvas')")
            qtbot.waitUntil(lambda: len(host.sessions.people) == 3)  # Ana, back: listed again at once
            ana = next(person for person in host.sessions.people if person.name == "Ana")
            dialog.people.setCurrentRow(host.sessions.people.index(ana))
            dialog.remove_button.click()
            on_page(qtbot, page, "document.getElementById('status').dataset.state === 'over'")
            assert "removed you" in page.execute_script(f"return {notice}")
            assert page.find_elements("css selector", ".add") == []

            host.sessions.end()  # Ben, still there, hears the end; the canvas stays on his screen
            on_page(qtbot, other, f"{notice}.includes('ended the session')")
            assert other.find_element("css selector", '[data-block="channels"] .note-text').text == "Said while offline"
    finally:
        network.close()


def test_a_phone_takes_part_in_a_file_served_with_no_window(qtbot: QtBot, canvas_file: Path) -> None:
    """`canvas-editor serve FILE`: the page it prints the address of; the phone is the only one there, and its
    note is in the file when the host stops."""
    command = [sys.executable, "-m", "editor", "serve", str(canvas_file), "--host", "127.0.0.1", "--port", "0"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        server.stdout.readline()  # the link for the app's windows
        link = server.stdout.readline().split("Phones and laptops open: ")[1].strip()
        with chromium(PHONE) as page:
            join(qtbot, page, link)
            on_page(qtbot, page, "document.querySelectorAll('.note').length === 2")
            tap(page, '[data-block="channels"] .add')
            write_note(page, "A stall by the park")
            on_page(qtbot, page, "document.querySelectorAll('.note').length === 3")
            qtbot.wait(300)  # every state heard, the host's too
            assert page.find_element("id", "status").text == "Connected"  # alone: a host with no window is no one
            assert page_errors(page) == []
        server.terminate()  # SIGTERM: the host saves and ends the session
        assert server.wait(timeout=20) == 0
        assert "A stall by the park" in canvas_file.read_text(encoding="utf-8")
    finally:
        server.kill()
        server.wait()


@pytest.mark.parametrize("engine", [firefox, webkit], ids=["Gecko (Firefox)", "WebKit (Safari's engine)"])
def test_the_page_takes_part_in_the_other_engines_as_in_chromium(
    open_app: OpenApp, qtbot: QtBot, canvas_file: Path, engine: Any
) -> None:
    """It joins, shows the canvas, and a note typed there reaches the host's board as text."""
    host = open_app(canvas_file)
    dialog = share_here(qtbot, host, "Alice")
    with engine() as page:
        join(qtbot, page, dialog.link.text(), "Fenna")
        qtbot.waitUntil(lambda: [person.name for person in host.sessions.people] == ["Alice", "Fenna"])
        on_page(qtbot, page, "document.querySelectorAll('.note').length === 2")
        tap(page, '[data-block="channels"] .add')
        write_note(page, HOSTILE)
        qtbot.waitUntil(lambda: texts(host, "channels") == [HOSTILE])
        shown = "document.querySelector('[data-block=\"channels\"] .note-text')?.textContent"
        on_page(qtbot, page, f"{shown} !== undefined")  # drawn on the page too
        assert page.execute_script(f"return {shown}") == HOSTILE
        assert page.execute_script("return window.pwned === undefined")


def test_the_page_draws_a_lean_canvas_and_its_notes_reach_the_host(
    open_app: OpenApp, qtbot: QtBot, tmp_path: Path
) -> None:
    from editor.fileformat import load_template

    lean = load_template("lean-canvas")
    path = tmp_path / "lean.yaml"
    path.write_text("format: 1\ntemplate: lean-canvas\nblocks:\n  problem: [Slow checkouts]\n", encoding="utf-8")
    host = open_app(path)
    dialog = share_here(qtbot, host, "Alice")
    with chromium(PHONE) as page:
        join(qtbot, page, dialog.link.text())
        on_page(qtbot, page, "document.querySelectorAll('.note').length === 1")
        drawn = page.execute_script(
            "return [...document.querySelectorAll('#board [data-block]')].map((b) => b.dataset.block)"
        )
        assert set(drawn) >= set(lean.block_ids) and "key_partners" not in drawn
        tap(page, '[data-block="unfair_advantage"] .add')
        write_note(page, "Our community")
        qtbot.waitUntil(lambda: texts(host, "unfair_advantage") == ["Our community"])
        assert page_errors(page) == []
