"""The participants' page as the session's server serves it: links, the template's JSON in the HTML, the short
address, refusals, and the rule that no note is added while the host has paused adding."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import anyio
import pytest
from pycrdt import Doc, Map

from editor import paths
from editor.fileformat import load_template
from editor.model import Canvas, Note
from editor.shared.doc_shape import NOTES, note_fields
from editor.shared.guard import Guard
from editor.shared.mirror import SharedCanvas
from editor.shared.page import (
    ParticipantPage,
    on_this_computer,
    page_link,
    session_link,
    short_link,
    template_value,
)
from editor.shared.server import SessionServer

LINK = "ws://192.168.1.23:8765/AbCd1234?k=s3cr3t-key_0123456789ab"


def test_the_pages_address_and_the_sessions_link_turn_into_each_other() -> None:
    page = page_link(LINK)
    assert page == "http://192.168.1.23:8765/j/AbCd1234?k=s3cr3t-key_0123456789ab"
    assert session_link(page) == LINK
    assert session_link(LINK) == LINK
    assert short_link(LINK) == "http://192.168.1.23:8765/s3cr3t-k"


def test_no_text_of_a_template_can_end_the_script_element_it_sits_in() -> None:
    page = ParticipantPage('<script type="application/json">{{TEMPLATE}}</script>', b"", b"", {"name": "</script>&<b>"})
    html = page.page().body.decode()
    assert "</script>&<b>" not in html and html.count("</script>") == 1
    assert json.loads(html.split(">", 1)[1].rsplit("<", 1)[0]) == {"name": "</script>&<b>"}


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_server_serves_the_page_only_with_the_key_and_the_short_address_leads_there() -> None:
    canvas = Canvas(load_template("business-model-canvas"))
    shared = SharedCanvas.host(canvas, "host", lambda _: None)
    page = ParticipantPage(*paths.web_files(), template_value(canvas.template))
    server = SessionServer(shared.doc, canvas.block_ids, canvas.fields, page=page)
    answers: dict[str, Any] = {}

    async def main() -> None:
        async with anyio.create_task_group() as group:
            link = await group.start(server.run)
            for name, url in {
                "page": link.page_url,
                "wrong key": link.page_url[:-3] + "xyz",
                "short": short_link(link.url),
                "script": f"http://127.0.0.1:{link.port}/participant.js",
                "other": f"http://127.0.0.1:{link.port}/etc/passwd",
            }.items():
                answers[name] = await anyio.to_thread.run_sync(fetch, url)
            server.stop()

    anyio.run(main)
    status, headers, body = answers["page"]
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "script-src 'self'" in headers["Content-Security-Policy"] and headers["Referrer-Policy"] == "no-referrer"
    assert b'"title":"Customer Segments"' in body
    assert answers["wrong key"][0] == 403 and b"key" in answers["wrong key"][2]
    assert answers["short"][0] == 200 and answers["short"][2] == body  # redirected to the page
    assert answers["script"][0] == 200 and answers["script"][1]["Content-Type"].startswith("text/javascript")
    assert answers["other"][0] == 404


@pytest.mark.parametrize("paused", [False, True])
def test_while_adding_is_paused_a_peers_new_note_is_refused_and_its_edits_are_not(paused: bool) -> None:
    canvas = Canvas(load_template("business-model-canvas"))
    note = canvas.add_note("channels", Note("Word of mouth"))
    shared = SharedCanvas.host(canvas, "host", lambda _: None)
    guard = Guard(shared.doc, canvas.block_ids, canvas.fields)
    peer: Doc[Any] = Doc()
    peer.apply_update(shared.doc.get_update())
    before = peer.get_state()
    peer.get(NOTES, type=Map)[note.id]["text"] = "Word of mouth, and posters"
    assert guard.check(peer.get_update(before), paused=paused) == ""
    before = peer.get_state()
    peer.get(NOTES, type=Map)["0123456789abcdef"] = Map(note_fields(Note("New"), "channels", "a1"))
    problem = guard.check(peer.get_update(before), paused=paused)
    assert (problem == "it added a note while the host had paused adding notes.") is paused


@pytest.mark.parametrize(
    ("link", "here"),
    [
        ("http://127.0.0.1:8765/j/room?k=key", True),
        ("ws://[::1]:8765/room?k=key", True),
        ("http://localhost:8765/j/room", True),
        ("http://192.168.1.23:8765/j/room?k=key", False),
        ("ws://server.example:1234/our-canvas", False),
    ],
)
def test_a_link_to_this_computer_only_is_told_from_one_others_reach(link: str, here: bool) -> None:
    assert on_this_computer(link) is here
