"""`canvas-editor serve FILE` in a process of its own: peers join with the link it prints, their changes reach the
file after a pause with the file's own lines kept, and SIGTERM saves, ends the session and exits."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from pycrdt import Doc, Map
from websockets.asyncio.client import connect as open_websocket
from websockets.exceptions import InvalidStatus

from editor.fileformat import load_canvas, load_template
from editor.model import Note
from editor.shared.client import connect
from editor.shared.mirror import SharedCanvas
from editor.shared.page import page_link

HAND_WRITTEN = """\
format: 1
title: Served
# Who we work with, as we said it in the workshop
blocks:
  key_partners:
    - Creators   # the first ones
    - Brands
"""

pytestmark = pytest.mark.slow


def test_serve_serves_the_participants_page_on_the_link_port(served: tuple[subprocess.Popen[str], Path, str]) -> None:
    _, _, url = served
    with urllib.request.urlopen(page_link(url), timeout=10) as answer:
        html = answer.read().decode()
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '"title":"Key Partners"' in html and "/participant.js" in html


def start_serving(path: Path) -> tuple[subprocess.Popen[str], str, str]:
    """`canvas-editor serve` on loopback: the process, its first line and the link it gives."""
    command = [sys.executable, "-m", "editor", "serve", str(path), "--host", "127.0.0.1", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    first = process.stdout.readline()
    assert "Join with: ws://127.0.0.1:" in first, first + (process.stderr.read() if process.stderr else "")
    url = first.split("Join with: ")[1].strip()
    page = process.stdout.readline()  # the participants' page, on the same port
    assert page.strip() == f"Phones and laptops open: {page_link(url)}", page
    return process, first, url


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path, str]]:
    path = tmp_path / "served.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    process, _, url = start_serving(path)
    yield process, path, url
    if process.poll() is None:
        process.kill()
    process.wait(5)


def wait_for(condition: Any, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.05)


def test_a_served_file_takes_what_peers_change_and_keeps_its_own_lines(
    served: tuple[subprocess.Popen[str], Path, str],
) -> None:
    process, path, url = served

    async def edit() -> None:
        async with anyio.create_task_group() as group:
            doc: Doc[Any] = Doc()
            await group.start(connect, url, doc)
            peer = SharedCanvas.join(doc, load_template, "bob")
            assert [note.text for note in peer.canvas.notes("key_partners")] == ["Creators", "Brands"]
            peer.canvas.add_note("channels", Note("Added by Bob"))
            peer.canvas.update_note(peer.canvas.notes("key_partners")[1].id, text="Brands and agencies")
            await anyio.to_thread.run_sync(lambda: wait_for(lambda: "Added by Bob" in path.read_text("utf-8")))
            group.cancel_scope.cancel()

    anyio.run(edit)
    text = path.read_text(encoding="utf-8")
    assert "# Who we work with, as we said it in the workshop\n" in text and "- Creators   # the first ones\n" in text
    assert load_canvas(path).notes("key_partners")[1].text == "Brands and agencies"
    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 0


def test_sigterm_saves_what_came_just_before_and_tells_the_peers(
    served: tuple[subprocess.Popen[str], Path, str],
) -> None:
    process, path, url = served
    ended: list[bool] = []

    async def edit_then_stop() -> None:
        doc: Doc[Any] = Doc()
        async with anyio.create_task_group() as group:

            async def stay() -> None:
                await connect(url, doc)
                ended.append(True)  # the connection ended: the host closed the session

            group.start_soon(stay)
            await anyio.to_thread.run_sync(lambda: wait_for(lambda: len(doc.get("notes", type=Map)) == 2))
            peer = SharedCanvas.join(doc, load_template, "carol")
            peer.canvas.set_title("Renamed a moment before the end")
            await anyio.sleep(0.2)  # on its way to the host, well inside the pause before a save
            process.send_signal(signal.SIGTERM)
            with anyio.fail_after(10):
                while not ended:
                    await anyio.sleep(0.05)

    anyio.run(edit_then_stop)
    assert process.wait(10) == 0
    assert load_canvas(path).title == "Renamed a moment before the end"
    assert process.stdout is not None and "The session is over." in process.stdout.read()


def test_serve_says_what_is_wrong_with_a_file_that_is_no_canvas(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format: 1\nblocks:\n  nowhere: [A note]\n", encoding="utf-8")
    command = [sys.executable, "-m", "editor", "serve", str(path), "--port", "0"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    assert done.returncode == 1 and "broken.yaml:3:3: 'nowhere' is not a block" in done.stderr, done.stderr


def test_a_killed_host_resumes_and_a_peer_that_edited_meanwhile_merges_without_lost_or_doubled_notes(
    served: tuple[subprocess.Popen[str], Path, str],
) -> None:
    process, path, url = served
    alice: list[SharedCanvas] = []
    doc: Doc[Any] = Doc()

    async def before_the_crash() -> None:
        async with anyio.create_task_group() as group:
            await group.start(connect, url, doc)
            alice.append(SharedCanvas.join(doc, load_template, "alice"))
            alice[0].canvas.add_note("channels", Note("Before the crash"))
            await anyio.to_thread.run_sync(lambda: wait_for(lambda: "Before the crash" in path.read_text("utf-8")))
            process.kill()  # SIGKILL: no save, no goodbye
            process.wait(5)
            group.cancel_scope.cancel()

    anyio.run(before_the_crash)
    shared = alice[0]
    # Alice keeps working while the host is gone.
    shared.canvas.add_note("channels", Note("While the host was down"))
    shared.canvas.update_note(shared.canvas.notes("key_partners")[0].id, text="Creators (edited offline)")
    again, first, new_url = start_serving(path)
    try:
        assert first.startswith("Resumed the session on served.yaml")
        assert new_url == url  # the same port, room and key: the old link still works, and peers rejoin by it

        async def back() -> None:
            async with anyio.create_task_group() as group:
                await group.start(connect, new_url, doc)
                other: Doc[Any] = Doc()
                await group.start(connect, new_url, other)
                await anyio.to_thread.run_sync(lambda: wait_for(lambda: "down" in path.read_text("utf-8")))
                bob = SharedCanvas.join(other, load_template, "bob")
                await anyio.to_thread.run_sync(lambda: wait_for(lambda: bob.canvas == shared.canvas))
                group.cancel_scope.cancel()

        anyio.run(back)
        saved = load_canvas(path)
        assert [n.text for n in saved.notes("channels")] == ["Before the crash", "While the host was down"]
        assert [n.text for n in saved.notes("key_partners")] == ["Creators (edited offline)", "Brands"]
        assert saved == shared.canvas
        assert "# Who we work with, as we said it in the workshop\n" in path.read_text(encoding="utf-8")
    finally:
        again.kill()
        again.wait(5)


def test_a_file_changed_while_no_one_served_it_starts_a_new_session_under_a_new_key(
    served: tuple[subprocess.Popen[str], Path, str],
) -> None:
    process, path, url = served
    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 0
    path.write_text(HAND_WRITTEN + "  channels: [Written by hand meanwhile]\n", encoding="utf-8")
    again, first, new_url = start_serving(path)
    try:
        assert first.startswith("Sharing served.yaml") and new_url.split("?k=")[1] != url.split("?k=")[1]
        port = new_url.split(":")[2].split("/")[0]
        stale = url.replace(url.split(":")[2].split("/")[0], port, 1)  # the old room and key, at the new address

        async def refused() -> None:
            with pytest.raises(InvalidStatus):
                async with open_websocket(stale):
                    pass

        anyio.run(refused)
    finally:
        again.kill()
        again.wait(5)
