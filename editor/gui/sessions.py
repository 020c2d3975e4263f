"""Sessions: Workshop > Share Canvas… and File > Join Session… for one window: the window's sharing while it lasts,
ended when the window shows another canvas or closes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from editor.gui.board_view import BoardView
    from editor.gui.document import Document
    from editor.gui.join_code import JoinCode
    from editor.gui.kept_session import KeptSession
    from editor.gui.session_stage import SessionStage
    from editor.gui.share_dialog import ShareDialog
    from editor.gui.sharing import Sharing
    from editor.gui.workspace import Messages, Workspace
    from editor.model import Canvas
    from editor.shared.presence import Participant


LAST_VOTES_MS = 1500  # how long ending a session waits for the dots of the round it ends


class Sessions:
    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        messages: Messages,
        open_window: Callable[[Document, Sharing], object],
        stage: SessionStage,
        view: BoardView,
    ) -> None:
        """`open_window(document, sharing)` shows a joined canvas in a window of its own; `stage` carries the host's
        walk, countdown, rounds and read-only to the others; `view` shows the join code beside the board."""
        self.parent = parent
        self.view = view
        self.join_code: JoinCode | None = None
        self.stage = stage
        self.workspace = workspace
        self.messages = messages
        self.open_window = open_window
        self.sharing: Sharing | None = None
        self.kept: KeptSession | None = None  # where the session this window hosts is kept, to resume after a crash
        self.dialog: ShareDialog | None = None
        self.people: list[Participant] = []  # who takes part in this window's session
        self._on_network = False  # hosting on the local network (not this computer only)
        workspace.leaving.connect(self.end)
        workspace.shown.connect(self._follow_board)
        stage.voting.changed.connect(lambda _: self._busy())  # how many dots this person has placed
        self._follow_board()

    def _follow_board(self) -> None:
        """Tell the others what this person is at on the board shown now."""
        self.workspace.board.busy_changed.connect(self._busy)

    def _busy(self) -> None:
        if self.sharing is None:
            return
        from editor.shared.presence import presence

        board = self.workspace.board
        user = self.sharing.you["user"]  # the name this person took part with, though another be remembered since
        state = presence(
            user["name"], user["color"], board.editing.editing, board.dragging.dragged, self.stage.voting.ballot_size()
        )
        self.sharing.present(state)

    # Hosting

    def share(self) -> ShareDialog:
        """The Share Canvas window: start sharing, or see the link of the session going on."""
        if self.dialog is None:
            from editor.gui import settings
            from editor.gui.share_dialog import ShareDialog  # with the first session: start-up does without it

            self.dialog = ShareDialog(self.parent, self._host, self._end_asked, settings.participant()[0])
            self.dialog.read_only_changed.connect(self.stage.set_read_only)
            self.dialog.paused_changed.connect(self.stage.set_paused)
            self.dialog.edit_any_changed.connect(self.stage.set_edit_any)
            self.dialog.join_code_requested.connect(self.toggle_join_code)
            self.dialog.remove_requested.connect(self._remove)
            sharing = self.sharing
            if sharing is not None and sharing.link:
                self.dialog.show_link(sharing.link, sharing.hosting, sharing.serving, sharing.page_link)
                self.dialog.show_participants(self.people)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _host(self, address: str) -> None:
        """Share on this address ("0.0.0.0", "127.0.0.1"), or through the y-websocket server at this ws:// URL."""
        from editor.gui.sharing import Sharing

        self.end()
        you = self._you(typed=True)
        if address.startswith(("ws://", "wss://")):
            sharing = Sharing.through(self.workspace.canvas, address, you, self.parent)
        else:
            from editor.gui.kept_session import KeptSession
            from editor.shared.doc_shape import BadValueError

            self.kept = KeptSession(self.workspace.document, address)
            try:
                sharing = Sharing.host(
                    self.workspace.canvas, address, you, self.parent, self.kept.kept, self.kept.stored
                )
            except BadValueError as error:  # the stored session holds no canvas: a new one, under a new link
                self.messages.say(f"The session kept beside the file could not be resumed: {error}", 15_000)
                self.kept.forget()
                self.kept = KeptSession(self.workspace.document, address)
                sharing = Sharing.host(self.workspace.canvas, address, you, self.parent, self.kept.kept)
            if self.kept.resumed:
                self.messages.say("Resumed the session this canvas had: the same link, and the others come back.", 0)
        self.sharing = sharing
        self.stage.attach(sharing)
        sharing.participants.connect(self._participants)
        sharing.started.connect(self._hosting)
        sharing.linked.connect(self._linked)
        sharing.ended.connect(partial(self._ended, sharing))
        sharing.refused.connect(lambda message: self.messages.say(message, 15_000))
        sharing.checked.connect(self._checked)
        self._on_network = address == "0.0.0.0"

    def _hosting(self, link: str) -> None:
        if self.kept is not None:
            self.kept.started(link)
        sharing = self.sharing
        page = sharing.page_link if sharing is not None else ""
        if self.dialog is not None and sharing is not None:
            self.dialog.show_link(link, True, sharing.serving, page)
        self.messages.say(f"Sharing this canvas: {page or link}", 0)
        if page and self._on_network:  # the room joins from their phones: the code is up at once (J hides it)
            self._show_join_code(page)

    def _checked(self, problem: str) -> None:
        if self.dialog is not None:
            self.dialog.show_checked(problem)
        if problem:
            self.messages.say(f"Others may not reach this computer: {problem}", 0)

    # The join code

    def toggle_join_code(self) -> None:
        """Show the join code beside the board, or hide it (J)."""
        page = self.sharing.page_link if self.sharing is not None else ""
        if self.join_code is not None and self.join_code.isVisible():
            self._hide_join_code()
        elif page:
            self._show_join_code(page)
        else:
            self.messages.say(
                "The join code is for a session this computer shares: Workshop ▸ Share Canvas… starts one.", 8000
            )

    def _hide_join_code(self) -> None:
        if self.join_code is not None:
            self.join_code.hide_code()

    def _show_join_code(self, page: str) -> None:
        from editor.gui.join_code import JoinCode
        from editor.shared.page import short_link

        if self.join_code is None:
            self.join_code = JoinCode(self.view)
        assert self.sharing is not None
        self.join_code.show_code(page, short_link(self.sharing.link).removeprefix("http://"))
        self.join_code.set_people(sum(not person.you for person in self.people))

    # Joining

    def join(self, link: str | None = None) -> None:
        """Ask for a session's link (unless given) and open its canvas in a window of its own once it has come."""
        # Here, not at start-up: the network's modules (pycrdt, websockets, anyio) come with the first session.
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        from editor.gui.sharing import Sharing
        from editor.shared.client import session_url

        if link is None:
            link, given = QInputDialog.getText(
                self.parent, "Join Session", "The link the host gave you:", QLineEdit.EchoMode.Normal
            )
            if not given or not link.strip():
                return
        try:
            url = session_url(link)
        except ValueError as error:
            self.messages.show_error("This is not a session's link.", f"{error}.")
            return
        sharing = Sharing.join(url, self._you(), lambda canvas: self._joined(sharing, canvas), self.parent)
        sharing.ended.connect(lambda why: self._join_failed(sharing, why))
        self.messages.say("Joining the session…", 0)

    def _joined(self, sharing: Sharing, canvas: Canvas) -> None:
        from editor.gui.document import Document

        self.messages.say("Joined the session.", 5000)
        self.open_window(Document(canvas), sharing)

    def _join_failed(self, sharing: Sharing, why: str) -> None:
        if sharing.shared is None and why:
            self.messages.show_error("Canvas Editor could not join the session.", f"{why[0].upper()}{why[1:]}")

    def adopt(self, sharing: Sharing) -> None:
        """Take part in `sharing` from this window (a joined canvas's window)."""
        self.sharing = sharing
        sharing.setParent(self.parent)
        self.stage.attach(sharing)
        sharing.ended.connect(partial(self._ended, sharing))
        sharing.refused.connect(lambda message: self.messages.say(message, 15_000))
        sharing.participants.connect(self._participants)
        sharing.linked.connect(self._linked)
        self._participants(sharing.people)
        self.messages.say("Taking part in a shared canvas: Workshop ▸ Share Canvas… shows who is here.", 0)

    def _linked(self, linked: bool) -> None:
        if linked:
            self.messages.say("Back in the session: what you changed meanwhile is shared, and theirs is here.", 8000)
        else:
            self.messages.say(
                "The connection to the session was lost: trying again. Go on editing: nothing is lost.", 0
            )

    def _you(self, typed: bool = False) -> dict[str, object]:
        """This person's presence: the name `typed` in the Share window (then remembered), else the one remembered."""
        from editor.gui import settings
        from editor.shared.presence import presence

        if typed and self.dialog is not None and self.dialog.name.text().strip():
            settings.set_participant_name(self.dialog.name.text())
        return presence(*settings.participant())

    def _participants(self, people: list[Participant]) -> None:
        self.people = people
        if self.dialog is not None:
            self.dialog.show_participants(people)
        if self.join_code is not None:
            self.join_code.set_people(sum(not person.you for person in people))
        marks = {}
        for person in people:
            if not person.you:
                marks.update({note_id: (person.name, person.color, "moving") for note_id in person.moving})
                if person.editing is not None:
                    marks[person.editing] = (person.name, person.color, "editing")
        self.workspace.board.mark_peers(marks)

    def _remove(self, person: Participant) -> None:
        """The host takes someone out of the session; their device cannot come back in while it lasts."""
        if self.sharing is not None and self.sharing.hosting:
            self.sharing.remove(person)
            self.messages.say(f"{person.name} was removed from the session.", 8000)

    # Ending

    def _end_asked(self) -> None:
        """End Session: a voting round going on ends first, and the session a moment later, once the others' last
        dots have come in (a hidden round's are sent only as it ends)."""
        if self.sharing is not None and self.stage.end_round():
            from PySide6.QtCore import QTimer

            self.messages.say("Ending the voting round, then the session…", 0)
            QTimer.singleShot(LAST_VOTES_MS, self.end)
        else:
            self.end()

    def end(self) -> None:
        """End the session (hosting) or leave it; the canvas stays as it is."""
        sharing, self.sharing = self.sharing, None
        if sharing is not None:
            self.stage.detach()
            sharing.end()
        self._forget()
        self._participants([])
        self._hide_join_code()

    def _forget(self) -> None:
        kept, self.kept = self.kept, None
        if kept is not None:
            kept.forget()

    def _ended(self, sharing: Sharing, why: str) -> None:
        if self.sharing is not None and sharing is not self.sharing:  # an old one, ended before this began
            return
        if self.sharing is not None:
            self.sharing = None
            self.stage.detach()
            self._forget()
        self._participants([])
        self._hide_join_code()
        if self.dialog is not None:
            self.dialog.show_ended(why)
        if why:
            self.messages.say(f"The session ended: {why}", 0)
