"""Peers of a shared canvas in one process, their documents synced by hand as a server would relay them."""

from __future__ import annotations

from canvases import BMC

from editor.fileformat import load_template, parse_canvas
from editor.model import Canvas
from editor.shared.mirror import SharedCanvas

EXAMPLE = b"""\
format: 1
title: Shared
legend:
  yellow: Creators
blocks:
  key_partners: [Creators, Brands]
  channels: [The app, Ads]
  customer_segments: [Viewers]
"""


class Peer:
    """One participant: a shared canvas and the problems it refused."""

    def __init__(self, shared: SharedCanvas, refused: list[str]) -> None:
        self.shared = shared
        self.refused = refused

    @property
    def canvas(self) -> Canvas:
        return self.shared.canvas

    def order(self, block_id: str) -> list[str]:
        return [note.text for note in self.canvas.notes(block_id)]


def host(name: str = "host", canvas: Canvas | None = None) -> Peer:
    refused: list[str] = []
    shared = SharedCanvas.host(canvas or parse_canvas(EXAMPLE), name, refused.append)
    return Peer(shared, refused)


def join(of: Peer, name: str) -> Peer:
    """A peer that joins `of`'s session: it gets the document as it is, then holds a canvas of its own."""
    from pycrdt import Doc

    doc: Doc = Doc()
    doc.apply_update(of.shared.doc.get_update())
    refused: list[str] = []
    return Peer(SharedCanvas.join(doc, load_template, name, refused.append), refused)


def sync(*peers: Peer) -> None:
    """Every peer gets what every other has and it lacks (a server relays each update to all)."""
    for giver in peers:
        for taker in peers:
            if giver is not taker:
                taker.shared.doc.apply_update(giver.shared.doc.get_update(taker.shared.doc.get_state()))


__all__ = ["BMC", "EXAMPLE", "Peer", "host", "join", "sync"]
