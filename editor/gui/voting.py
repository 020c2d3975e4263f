"""VotingRound: dot voting on the board: a click adds a dot to a note, a right-click takes one off, within a limit."""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from editor.gui.commands import UpdateNotes
from editor.gui.interaction import Interaction
from editor.model import NoteId
from editor.model.votes import ordinal, vote_ranks

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QGraphicsSceneContextMenuEvent, QGraphicsSceneMouseEvent

    from editor.board.note_item import NoteItem
    from editor.gui.workspace import Workspace
    from editor.shared.stage import Round

DEFAULT_DOTS = 10


class VotingRound(QObject):
    """One round at a time. The dots are the notes' votes in the document (saved, one undo step each); the round
    knows how many each note had when it began, so the dots it placed are counted from the document, also after an
    undo. Starting a round keeps the votes of earlier ones; Clear Votes takes every dot off in one undo step.

    With hidden counts, no note shows its dots until the facilitator reveals them: early votes do not steer late
    ones. Each dot is still confirmed in the status line ("Dot 3 of 10 placed").

    In a shared session the host's window runs the rounds for everyone, and each window places its own person's
    dots on a ballot of theirs (see editor.shared.ballots): kept in this window while the counts are hidden, sent
    for the host to count once they may show (at the reveal, or the end). A right-click takes a dot back; undo
    leaves the dots alone."""

    changed = Signal(str)  # a sentence for the status line
    round_changed = Signal()  # hosting a session: the round everyone votes in began, was revealed or ended

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        workspace.leaving.connect(self._leaving)
        self.active = False
        self.limit = DEFAULT_DOTS
        self.hide_counts = True
        self._before: dict[NoteId, int] = {}  # each note's votes when the round began
        # A shared session's: how this window's dots reach the host (None: alone), and whether it runs the rounds.
        self._cast: Callable[[Round, dict[NoteId, int]], None] | None = None
        self._hosting = False
        self.shared_round: Round | None = None  # the round of the session, while one is on
        self._mine: dict[NoteId, int] = {}  # this person's dots in it
        self._rounds = 0  # the rounds this window ran in the session

    def share(self, cast: Callable[[Round, dict[NoteId, int]], None] | None, hosting: bool = False) -> None:
        """In a shared session (`cast` sends this person's dots of a round), or alone again (None). A round going on
        ends: the next is everyone's, or this window's alone."""
        if self.active:
            self._finish()
        self._cast, self._hosting, self.shared_round = cast, hosting, None

    def ballot_size(self) -> tuple[int, int] | None:
        """In a shared round: its number and how many dots this person has placed (for the host's count of who
        has voted); None when there is none."""
        voting = self.shared_round
        return None if voting is None else (voting.number, sum(self._mine.values()))

    @property
    def leads(self) -> bool:
        """Whether this window starts, reveals and ends the rounds (alone, or hosting a session)."""
        return self._cast is None or self._hosting

    # The round

    def start(self) -> None:
        """A new round: `limit` dots to place; the counts hidden until the reveal when `hide_counts`."""
        if not self.leads:
            self.changed.emit("The host starts the voting rounds of a shared canvas.")
            return
        if self._cast is not None:
            from editor.shared.stage import Round

            self.end()
            self._rounds += 1
            self._begin(Round(self._rounds, self.limit, self.hide_counts))
            self.round_changed.emit()
        else:
            self._begin(None)

    def _begin(self, voting: Round | None) -> None:
        board = self.workspace.board
        board.set_mode(VoteMode(self.vote))
        self._before = {note.id: note.votes for _, note in self.workspace.canvas.all_notes()}
        self.shared_round, self._mine = voting, {}
        if voting is not None:
            self.limit, self.hide_counts = voting.dots, voting.hidden
        self.active = True
        board.show_votes(not self.hide_counts)
        self.changed.emit(f"Voting: click a note to give it a dot, right-click to take one back ({self.limit} dots).")

    def follow(self, voting: Round | None) -> None:
        """A participant's window: the host's round began, was revealed or ended."""
        current = self.shared_round
        if voting == current or self.leads:
            return
        if voting is None or current is None or voting.number != current.number:
            if current is not None:
                self._finish()
            if voting is not None:
                self._begin(voting)
            return
        self.shared_round = voting
        if voting.revealed:
            self._send()
            self.workspace.board.show_votes(True)
            self.changed.emit("The host revealed the votes.")

    def end(self) -> None:
        """Stop taking dots; every count shows."""
        if not self.active:
            return
        if not self.leads:
            self.changed.emit("The host ends the voting rounds of a shared canvas.")
            return
        hosting = self.shared_round is not None
        self._finish()
        if hosting:
            self.round_changed.emit()

    def _finish(self) -> None:
        self._send(final=True)
        self.active = False
        self.shared_round = None
        self.workspace.board.set_mode(None)
        self.workspace.board.show_votes(True)
        self.changed.emit(f"Voting ended. {self._summary()}")

    def toggle(self) -> None:
        if self.active:
            self.end()
        else:
            self.start()

    def reveal(self) -> None:
        """Show every note's dots; the most-voted notes stand out."""
        voting = self.shared_round
        if voting is not None:
            if not self.leads:
                self.changed.emit("The host reveals the votes of a shared canvas.")
                return
            self.shared_round = replace(voting, revealed=True)
            self._send()
            self.round_changed.emit()
        self.workspace.board.show_votes(True)
        self.changed.emit(f"Votes shown. {self._summary()}")

    def clear(self) -> None:
        """Take every dot off every note, in one undo step."""
        if not self.leads:
            self.changed.emit("The host clears the votes of a shared canvas.")
            return
        canvas = self.workspace.canvas
        voted = {note.id: {"votes": 0} for _, note in canvas.all_notes() if note.votes}
        if voted:
            self.workspace.document.push(UpdateNotes(canvas, voted, "Clear Votes"))
        self._before = dict.fromkeys(self._before, 0)
        self.changed.emit("Votes cleared.")

    def placed(self) -> int:
        """Dots placed in this round (from the document: an undone dot is not counted)."""
        if self.shared_round is not None:
            return sum(self._mine.values())
        return sum(max(0, note.votes - self._before.get(note.id, 0)) for _, note in self.workspace.canvas.all_notes())

    def _leaving(self) -> None:
        """Another canvas in the window: a round on the old one ends."""
        if self.active:
            self.active = False
            self.changed.emit("The voting round ended: another canvas is open.")
        self._before = {}

    # Dots

    def vote(self, note_id: NoteId, step: int) -> None:
        """A click (+1) or right-click (-1) on a note during the round."""
        if self.shared_round is not None:
            self._ballot(note_id, step)
            return
        canvas = self.workspace.canvas
        note = canvas.note(note_id)
        if step > 0:
            used = self.placed()
            if used >= self.limit:
                self.changed.emit(f"All {self.limit} dots of this round are placed: right-click a note to move one.")
                return
            self.workspace.document.push(UpdateNotes(canvas, {note_id: {"votes": note.votes + 1}}, "Add Dot"))
            self.changed.emit(f"Dot {used + 1} of {self.limit} placed.")
        else:
            if note.votes <= self._before.get(note_id, 0):
                self.changed.emit("That note has no dot of this round to take back.")
                return
            self.workspace.document.push(UpdateNotes(canvas, {note_id: {"votes": note.votes - 1}}, "Remove Dot"))
            self.changed.emit(f"Dot taken back: {self.limit - self.placed()} of {self.limit} left.")

    def _ballot(self, note_id: NoteId, step: int) -> None:
        """A dot of a shared round: on this person's ballot, sent once the counts may show."""
        used, mine = self.placed(), self._mine
        if step > 0 and used >= self.limit:
            self.changed.emit(f"All {self.limit} dots of this round are placed: right-click a note to move one.")
            return
        if step < 0 and not mine.get(note_id):
            self.changed.emit("That note has no dot of yours to take back.")
            return
        mine[note_id] = mine.get(note_id, 0) + step
        self._send()
        if step > 0:
            self.changed.emit(f"Dot {used + 1} of {self.limit} placed.")
        else:
            self.changed.emit(f"Dot taken back: {self.limit - self.placed()} of {self.limit} left.")

    def _send(self, final: bool = False) -> None:
        """This person's ballot, to the host, when the round's counts may show (or it ends: `final`)."""
        voting = self.shared_round
        if voting is not None and self._cast is not None and (final or voting.visible):
            self._cast(voting, {note_id: dots for note_id, dots in self._mine.items() if dots})

    def _summary(self) -> str:
        """The notes the board frames, by rank, with their dots: the same notes, as many as are framed."""
        canvas = self.workspace.canvas
        ranks = vote_ranks(note for _, note in canvas.all_notes())
        if not ranks:
            return "No dots yet."
        by_rank: dict[int, list[str]] = {}
        for note_id, rank in sorted(ranks.items(), key=lambda item: item[1]):
            note = canvas.note(note_id)
            text = note.text if len(note.text) <= 40 else note.text[:39] + "…"
            by_rank.setdefault(rank, []).append(f"{text} ({note.votes} dot{'s' if note.votes != 1 else ''})")
        return "; ".join(f"{ordinal(rank)}: {', '.join(names)}" for rank, names in by_rank.items()) + "."


class VoteMode(Interaction):
    """The board in a voting round: a click on a note gives it a dot, a right-click takes one back; a quick second
    click is a second dot (Qt sends it as a double-click), and no click edits, selects or drags a note: people at a
    voting station click fast. Clicks off the notes (a page button, the legend's filter) work as always."""

    def __init__(self, vote: Callable[[NoteId, int], None]) -> None:
        # Weakly: the board holds its mode, and the round (through its workspace) holds the board.
        self._vote = weakref.WeakMethod(vote)  # a bound method of the round

    def vote(self, note_id: NoteId, delta: int) -> None:
        vote = self._vote()
        if vote is not None:
            vote(note_id, delta)

    def press(self, item: NoteItem | None, event: QGraphicsSceneMouseEvent) -> bool:
        return item is not None and self._dot(item, event)

    def double_click(self, item: NoteItem | None, event: QGraphicsSceneMouseEvent) -> bool:
        if item is not None:
            self._dot(item, event)
        event.accept()  # never an edit or a new note in a round
        return True

    def context_menu(self, item: NoteItem | None, event: QGraphicsSceneContextMenuEvent) -> bool:
        if item is None:
            return False
        event.accept()  # the right-click took a dot off already
        return True

    def _dot(self, item: NoteItem, event: QGraphicsSceneMouseEvent) -> bool:
        button = event.button()
        if button not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            return False
        self.vote(item.note_id, 1 if button == Qt.MouseButton.LeftButton else -1)
        event.accept()
        return True
