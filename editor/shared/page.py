"""ParticipantPage: the web page that people open from the board's join code, served by the session's own server
on its port (http://HOST:PORT/j/ROOM?k=KEY), and the page's link made from the session's.

The page is built from web/ (yjs, y-websocket and y-protocols bundled with esbuild) and ships in the package; the
server answers a plain HTTP request with it, and the page then opens the y-websocket connection on the same port.
The page's HTML carries the canvas's template (blocks, grid, fill order, credit, palette) as JSON, escaped so that
no text of a template can end the script element it sits in. Every answer forbids inline scripts (Content Security
Policy), so that even a bug in the page cannot run what a participant typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from ipaddress import ip_address
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit, urlunsplit

from editor.model.colors import PALETTE
from editor.model.template import Template

PAGE_PREFIX = "/j/"  # the page's path: /j/ROOM, with the key in its query (?k=KEY), as in the session's link
SHORT = 8  # characters of the key in the short address, http://HOST:PORT/SHORTKEY, which leads to the page
SCRIPT, STYLE = "/participant.js", "/participant.css"
_SLOT = "{{TEMPLATE}}"
_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True, slots=True)
class Answer:
    """An HTTP answer: status, content type, body, and whether it may be cached."""

    status: HTTPStatus
    content_type: str
    body: bytes
    cache: bool = False
    location: str = ""  # where a redirect leads

    @property
    def headers(self) -> list[tuple[str, str]]:
        moved = [("Location", self.location)] if self.location else []
        return [
            *moved,
            ("Content-Type", self.content_type),
            ("Cache-Control", "no-cache" if self.cache else "no-store"),
            ("Content-Security-Policy", _POLICY),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ]


def text_answer(status: HTTPStatus, sentence: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (sentence + "\n").encode())


@dataclass(frozen=True)
class ParticipantPage:
    """The page's three files as built (the HTML with a slot for the template), and the canvas's template."""

    html: str
    script: bytes
    style: bytes
    template: dict[str, Any] = field(default_factory=dict)

    def page(self) -> Answer:
        value = json.dumps(self.template, ensure_ascii=True, separators=(",", ":"))
        # In a script element only "</" can end it; "<" as \u003c (and & and >, as browsers' own JSON-in-HTML do)
        value = value.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return Answer(HTTPStatus.OK, "text/html; charset=utf-8", self.html.replace(_SLOT, value).encode())

    def asset(self, path: str) -> Answer | None:
        """The page's script or style sheet (the same for every session: no canvas in them), or None."""
        if path == SCRIPT:
            return Answer(HTTPStatus.OK, "text/javascript; charset=utf-8", self.script, cache=True)
        if path == STYLE:
            return Answer(HTTPStatus.OK, "text/css; charset=utf-8", self.style, cache=True)
        return None


def template_value(template: Template) -> dict[str, Any]:
    """What the page needs of a template to draw its board, as JSON."""
    return {
        "id": template.id,
        "name": template.name,
        "credit": template.credit,
        "columns": template.columns,
        "rows": template.rows,
        "blocks": [
            {
                "id": block.id,
                "title": block.title,
                "questions": list(block.questions),
                "column": block.column,
                "row": block.row,
                "column_span": block.column_span,
                "row_span": block.row_span,
            }
            for block in template.blocks
        ],
        "fill_order": list(template.fill_order),
        "palette": dict(PALETTE),
    }


def page_link(session_link: str) -> str:
    """The page's address for a session's link: ws://HOST:PORT/ROOM?k=KEY -> http://HOST:PORT/j/ROOM?k=KEY."""
    parts = urlsplit(session_link)
    scheme = "https" if parts.scheme == "wss" else "http"
    return urlunsplit((scheme, parts.netloc, PAGE_PREFIX + quote(parts.path.strip("/")), parts.query, ""))


def short_link(session_link: str) -> str:
    """The short address people type to reach the page: http://HOST:PORT/ and the key's first SHORT characters."""
    parts = urlsplit(session_link)
    key = parse_qs(parts.query).get("k", [""])[0]
    scheme = "https" if parts.scheme == "wss" else "http"
    return urlunsplit((scheme, parts.netloc, "/" + key[:SHORT], "", ""))


def redirect(to: str) -> Answer:
    return Answer(HTTPStatus.SEE_OTHER, "text/plain; charset=utf-8", b"", location=to)


def session_link(page: str) -> str:
    """The session's link for a page's address (the inverse of page_link); any other text as it is."""
    parts = urlsplit(page.strip())
    if parts.scheme not in ("http", "https") or not parts.path.startswith(PAGE_PREFIX):
        return page
    scheme = "wss" if parts.scheme == "https" else "ws"
    return urlunsplit((scheme, parts.netloc, "/" + parts.path[len(PAGE_PREFIX) :].strip("/"), parts.query, ""))


def on_this_computer(link: str) -> bool:
    """Whether `link` leads to this computer only (a loopback address), where no phone or other computer reaches."""
    host = urlsplit(link).hostname or ""
    try:
        return host == "localhost" or ip_address(host).is_loopback
    except ValueError:  # a name, not an address
        return False
