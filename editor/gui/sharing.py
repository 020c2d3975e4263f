"""Sharing: a window's canvas shared with other people, while the session lasts: the canvas and the window's copy of
the document kept in step (SharedCanvas), and the NetworkThread that carries the document to the others.

Editing and undo work as alone: the board's commands change the canvas, and each undoes only what is still its own,
so an undo leaves what someone else changed since. The host's window saves the canvas to its file as always, shows
everyone its stage (walk step, countdown, voting round, read-only) in its awareness state, and adds the
participants' ballots into the votes as they come."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from typing import Any

from pycrdt import Doc, Map, TransactionEvent
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from editor import paths
from editor.fileformat import load_template
from editor.fileformat.templates import carried_text, read_carried
from editor.gui.network_thread import Kept, NetworkThread
from editor.model import Canvas, NoteId
from editor.shared.ballots import BALLOTS, cast, tally
from editor.shared.doc_shape import BadValueError
from editor.shared.mirror import SharedCanvas
from editor.shared.page import ParticipantPage, page_link, template_value
from editor.shared.presence import Participant
from editor.shared.stage import STAGE, Round, Stage, stage_value

ORIGIN = "this-window"  # the window's own changes in its copy of the document (origins never leave the process)
BALLOT = "ballot"  # this window's dots, which undo does not take back (a right-click does)
QUEUED = Qt.ConnectionType.QueuedConnection


class Sharing(QObject):
    started = Signal(str)  # the link to give out (hosting), or the address joined
    ended = Signal(str)  # why, in a sentence ('' when this window ended it)
    refused = Signal(str)
    participants = Signal(list)  # who takes part (Participant), this window first
    linked = Signal(bool)  # joined: the network went (False; it keeps trying), or the connection is back (True)
    stage_changed = Signal(object)  # what the host shows everyone (a Stage; None: nothing), as it changes
    checked = Signal(str)  # hosting on the local network: '' when it answers there, else what to do

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
        network.stage.connect(self._stage_heard, QUEUED)
        network.linked.connect(self.linked.emit, QUEUED)
        network.checked.connect(self.checked.emit, QUEUED)
        self.people: list[Participant] = []  # who takes part, as last heard
        self.hosting = False  # this window shares the canvas: its stage is everyone's, and it counts the votes
        self.serving = False  # ... and serves it from this computer (not through another server)
        self.stage: Stage | None = None  # the host's, as last heard (the host's own, when hosting)
        self.voter = secrets.token_hex(8)  # this window's ballots' name
        self.you: dict[str, Any] = {}  # who this person is in the session (a presence), as it began
        self._tallying = False
        self._ballots: Map[Any] | None = None  # hosting: the ballots, watched
        self._rounds: dict[int, int] = {}  # the rounds this window ran (hosting): number -> dots each

    @classmethod
    def host(
        cls,
        canvas: Canvas,
        address: str,
        you: dict[str, Any],
        parent: QObject | None = None,
        kept: Kept | None = None,
        stored: Doc[Any] | None = None,
    ) -> Sharing:
        """Share `canvas` on `address` ("0.0.0.0": the local network) as `you` (a presence); `started` gives the
        link. `kept`: where the session is kept for a resume after a crash; `stored`: the document of the session
        that is resumed (the canvas takes what it holds). Raises BadValueError for a stored document that holds
        no canvas this program can read."""
        sharing = cls(NetworkThread(), parent)
        sharing.hosting = sharing.serving = True
        sharing.present(you)
        refused = sharing.refused.emit
        if stored is not None:
            shared = SharedCanvas.resume(canvas, stored, load_template, ORIGIN, refused, read_carried)
        else:
            shared = SharedCanvas.host(canvas, ORIGIN, refused, carried_text(canvas.template))
        sharing._follow(shared)
        page = ParticipantPage(*paths.web_files(), template_value(canvas.template))
        sharing.network.host(sharing._doc.get_update(), canvas.block_ids, canvas.fields, address, kept, page)
        return sharing

    @classmethod
    def through(cls, canvas: Canvas, url: str, you: dict[str, Any], parent: QObject | None = None) -> Sharing:
        """Share `canvas` through the y-websocket server room at `url` (one that scales, for a team): the others
        join the same address."""
        sharing = cls(NetworkThread(), parent)
        sharing.hosting = True
        sharing.present(you)
        sharing._follow(SharedCanvas.host(canvas, ORIGIN, sharing.refused.emit, carried_text(canvas.template)))
        sharing.network.join(url, sharing._doc.get_update())
        return sharing

    @classmethod
    def join(
        cls, url: str, you: dict[str, Any], opened: Callable[[Canvas], None], parent: QObject | None = None
    ) -> Sharing:
        """Take part in the session at `url` as `you`; `opened` gets the shared canvas once it has arrived."""
        sharing = cls(NetworkThread(), parent)
        sharing.present(you)
        sharing._opened = opened
        sharing.network.join(url)
        return sharing

    @property
    def page_link(self) -> str:
        """The participants' page, for phones and laptops with a browser ('' unless this computer serves it)."""
        return page_link(self.link) if self.serving and self.link else ""

    def _follow(self, shared: SharedCanvas) -> None:
        self.shared, self._doc = shared, shared.doc
        shared.doc.observe(self._to_network)
        if self.hosting:  # (the observer lasts as long as this Python object of the map does)
            self._ballots = shared.doc.get(BALLOTS, type=Map)
            self._ballots.observe_deep(lambda _: self._tally_soon())

    # Who this window is, and the host's stage

    def present(self, you: dict[str, Any]) -> None:
        """Who this person is and what they are at, for the others (with the stage, when hosting)."""
        self.you = you
        stage = self.stage if self.hosting else None
        self.network.present(you if stage is None else {**you, STAGE: stage_value(stage)})

    def show(self, stage: Stage) -> None:
        """The host: what everyone's screen shows now (sent only when it changed)."""
        if not self.hosting or stage == self.stage:
            return
        if stage.round is not None:
            self._rounds[stage.round.number] = stage.round.dots
        self.stage = stage
        self.network.set_rules(stage.read_only, stage.paused)
        self.present(self.you)

    def _stage_heard(self, stage: Stage | None) -> None:
        if self.hosting:
            return
        self.stage = stage
        self.stage_changed.emit(stage)

    # Votes

    def cast(self, voting: Round, dots: Mapping[NoteId, int]) -> None:
        """This person's dots of the round, for the host to count."""
        cast(self._doc, voting.number, self.voter, dots, BALLOT)

    def _tally_soon(self) -> None:
        """Once the change of the ballots is done (a transaction cannot start inside another's observer)."""
        if not self._tallying:
            self._tallying = True
            QTimer.singleShot(0, self._tally)

    def _tally(self) -> None:
        self._tallying = False
        tally(self._doc, self._rounds)

    def remove(self, person: Participant) -> None:
        """The host: disconnect this participant and keep their device out."""
        self.network.remove(person.client)

    def _from_network(self, update: bytes) -> None:
        self._doc.apply_update(update)
        if self.shared is None and self._opened is not None:  # joining: the whole canvas has come
            try:
                shared = SharedCanvas.join(self._doc, load_template, ORIGIN, self.refused.emit, read_carried)
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
