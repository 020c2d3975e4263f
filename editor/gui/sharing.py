"""Sharing: a window's canvas shared with other people, while the session lasts: the canvas and the window's copy of
the document kept in step (SharedCanvas), and the NetworkThread that carries the document to the others.

Editing and undo work as alone: the board's commands change the canvas, and each undoes only what is still its own,
so an undo leaves what someone else changed since. The host's window saves the canvas to its file as always."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pycrdt import Doc, TransactionEvent
from PySide6.QtCore import QObject, Qt, Signal

from editor.fileformat import load_template
from editor.gui.network_thread import NetworkThread
from editor.model import Canvas
from editor.shared.doc_shape import BadValueError
from editor.shared.mirror import SharedCanvas
from editor.shared.presence import Participant

ORIGIN = "this-window"  # the window's own changes in its copy of the document (origins never leave the process)
QUEUED = Qt.ConnectionType.QueuedConnection


class Sharing(QObject):
    started = Signal(str)  # the link to give out (hosting), or the address joined
    ended = Signal(str)  # why, in a sentence ('' when this window ended it)
    refused = Signal(str)
    participants = Signal(list)  # who takes part (Participant), this window first

    def __init__(self, network: NetworkThread, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.network = network
        network.setParent(self)
        self.shared: SharedCanvas | None = None
        self.link = ""
        self._doc: Doc[Any] = Doc()  # the window's copy of the document
        self._opened: Callable[[Canvas], None] | None = None  # joining: told of the canvas once it has come
        network.updated.connect(self._from_network, QUEUED)
        network.started.connect(self._started, QUEUED)
        network.ended.connect(self._ended, QUEUED)
        network.refused.connect(self.refused.emit, QUEUED)
        network.participants.connect(self._participants, QUEUED)
        self.people: list[Participant] = []  # who takes part, as last heard

    @classmethod
    def host(cls, canvas: Canvas, address: str, you: dict[str, Any], parent: QObject | None = None) -> Sharing:
        """Share `canvas` on `address` ("0.0.0.0": the local network) as `you` (a presence); `started` gives the
        link."""
        sharing = cls(NetworkThread(), parent)
        sharing.network.present(you)
        sharing._follow(SharedCanvas.host(canvas, ORIGIN, sharing.refused.emit))
        sharing.network.host(sharing._doc.get_update(), canvas.block_ids, canvas.fields, address)
        return sharing

    @classmethod
    def through(cls, canvas: Canvas, url: str, you: dict[str, Any], parent: QObject | None = None) -> Sharing:
        """Share `canvas` through the y-websocket server room at `url` (one that scales, for a team): the others
        join the same address."""
        sharing = cls(NetworkThread(), parent)
        sharing._follow(SharedCanvas.host(canvas, ORIGIN, sharing.refused.emit))
        sharing.network.join(url, sharing._doc.get_update())
        return sharing

    @classmethod
    def join(
        cls, url: str, you: dict[str, Any], opened: Callable[[Canvas], None], parent: QObject | None = None
    ) -> Sharing:
        """Take part in the session at `url` as `you`; `opened` gets the shared canvas once it has arrived."""
        sharing = cls(NetworkThread(), parent)
        sharing.network.present(you)
        sharing._opened = opened
        sharing.network.join(url)
        return sharing

    def _follow(self, shared: SharedCanvas) -> None:
        self.shared, self._doc = shared, shared.doc
        shared.doc.observe(self._to_network)

    def _from_network(self, update: bytes) -> None:
        self._doc.apply_update(update)
        if self.shared is None and self._opened is not None:  # joining: the whole canvas has come
            try:
                shared = SharedCanvas.join(self._doc, load_template, ORIGIN, self.refused.emit)
            except BadValueError as error:
                self.network.stop(0)
                self.ended.emit(str(error))
                return
            self._follow(shared)
            self._opened(shared.canvas)

    def _to_network(self, event: TransactionEvent) -> None:
        self.network.send(event.update)

    def end(self) -> None:
        """End the session (hosting) or leave it; the canvas stays as it is, now this window's alone."""
        if self.shared is not None:
            self.shared.close()
        self.network.stop()

    def _participants(self, people: list[Participant]) -> None:
        self.people = people
        self.participants.emit(people)

    def _started(self, link: str) -> None:
        self.link = link
        self.started.emit(link)

    def _ended(self, why: str) -> None:
        if self.shared is not None:
            self.shared.close()
        self.ended.emit(why)
