"""SessionStage: in a shared session, what the host's window shows reaches every participant's window (and page):
the walk's step, the countdown, the voting round, the story's hidden notes, whether the canvas is read-only, whether
adding notes is paused, and whether the page's participants may edit everyone's notes."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from editor.gui.presenting import Presenter
    from editor.gui.sharing import Sharing
    from editor.gui.timebox import Timebox
    from editor.gui.voting import VotingRound
    from editor.gui.workspace import Messages, Workspace
    from editor.shared.stage import Stage

READ_ONLY = "The host has made the canvas read-only for now: you can look, and vote."
HOST = "host"  # who makes the canvas read-only here (a comparison may too)
PAUSED = "The host has paused adding notes for now: you can still edit, move and vote."


class SessionStage(QObject):
    """The host's window sends its stage whenever the walk, the countdown (each second while it runs) or a round
    changes; a participant's window follows the host's: it walks to the same step, shows the same countdown, votes in
    the same round, and is read-only while the host says so. A participant can still look around between steps."""

    def __init__(
        self, workspace: Workspace, presenter: Presenter, timebox: Timebox, voting: VotingRound, messages: Messages
    ) -> None:
        super().__init__(workspace)
        self.workspace, self.presenter, self.timebox, self.voting = workspace, presenter, timebox, voting
        self.messages = messages
        self.sharing: Sharing | None = None
        self.read_only = False  # hosting: the others may not change the canvas
        self.paused = False  # hosting: the others may not add notes
        self.edit_any = False  # hosting: the page's participants may edit anyone's notes, not only their own
        presenter.changed.connect(self._publish)
        timebox.changed.connect(self._publish)
        voting.round_changed.connect(self._publish)

    def attach(self, sharing: Sharing) -> None:
        """A session began in this window (hosting, or joined)."""
        self.sharing = sharing
        self.voting.share(sharing.cast, sharing.hosting)
        if sharing.hosting:
            self._publish()
        else:
            sharing.stage_changed.connect(self._follow)
            if sharing.stage is not None:
                self._follow(sharing.stage)

    def detach(self) -> None:
        """The session ended: this window is on its own again, and the canvas its to change. A participant's
        countdown was the host's: it goes with the session."""
        if self.sharing is not None and not self.sharing.hosting and self.timebox.is_set():
            self.timebox.reset()
        self.sharing = None
        self.read_only = self.paused = self.edit_any = False
        self.voting.share(None)
        self._set_read_only(False)
        self._set_paused(False)

    def end_round(self) -> bool:
        """Hosting: end the round going on, for everyone (their last dots then come in). False when there is none."""
        if self.sharing is None or not self.sharing.hosting or self.voting.shared_round is None:
            return False
        self.voting.end()
        return True

    def set_read_only(self, read_only: bool) -> None:
        """Hosting: whether the others may change the canvas (they can still vote)."""
        self.read_only = read_only
        self._publish()

    def set_paused(self, paused: bool) -> None:
        """Hosting: whether the others may add notes."""
        self.paused = paused
        self._publish()

    def set_edit_any(self, edit_any: bool) -> None:
        """Hosting: whether the page's participants may edit anyone's notes (else only their own)."""
        self.edit_any = edit_any
        self._publish()

    def _publish(self) -> None:
        sharing = self.sharing
        if sharing is None or not sharing.hosting:
            return
        from editor.shared.stage import Countdown, Stage

        timebox = self.timebox
        countdown = None
        if timebox.is_set():  # to the second: the others' clocks count on between renewals
            countdown = Countdown(float(math.ceil(timebox.remaining())), timebox.running, timebox.duration)
        story = self.presenter.story
        sharing.show(
            Stage(
                self.presenter.step,
                countdown,
                self.voting.shared_round,
                self.read_only,
                self.paused,
                self.edit_any,
                None if story is None else tuple(story),
            )
        )

    def _follow(self, stage: Stage | None) -> None:
        if self.sharing is None:
            return
        if stage is None:  # the host has gone quiet (or left): what it showed stays, and the canvas is open again
            self._set_read_only(False)
            self._set_paused(False)
            return
        presenter = self.presenter
        if stage.step != presenter.step:
            if stage.step is None:
                presenter.end_walk()
            else:
                presenter.go_to(stage.step)
        countdown = stage.countdown
        if countdown is None:
            if self.timebox.is_set():
                self.timebox.reset()
        else:
            self.timebox.follow(countdown.left, countdown.running, countdown.duration)
        self._set_read_only(stage.read_only)  # (the title says it for as long as it lasts)
        self._set_paused(stage.paused)
        self.voting.follow(stage.round)  # what to do in a round is said last

    def _set_read_only(self, read_only: bool) -> None:
        document = self.workspace.document
        if document.read_only_by(HOST) == read_only:
            return
        if read_only:
            self.workspace.board.finish_editing()  # what was being typed is kept
        document.set_read_only(HOST, READ_ONLY if read_only else "")
        self.messages.say(READ_ONLY if read_only else "The host has opened the canvas for everyone to change.", 0)

    def _set_paused(self, paused: bool) -> None:
        document = self.workspace.document
        if bool(document.paused) == paused:
            return
        document.set_paused(PAUSED if paused else "")
        self.messages.say(PAUSED if paused else "The host has opened the canvas for new notes again.", 0)
