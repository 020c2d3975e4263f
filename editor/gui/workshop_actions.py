"""WorkshopActions: the Workshop menu and toolbar: presenting, the guided walk and the story, the timebox, and
rounds of dot voting, each wired to the part of the window that does it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QMenu, QSpinBox, QToolBar, QToolButton

from editor.gui.timebox import DEFAULT_MINUTES
from editor.gui.voting import DEFAULT_DOTS, VotingRound
from editor.gui.window_action import add_action
from editor.model.limits import MAX_DOTS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from editor.gui.board_view import BoardView
    from editor.gui.presenting import Presenter
    from editor.gui.sessions import Sessions
    from editor.gui.timebox import Timebox

TIMER_TEXTS = ("Start &Timer", "Pause &Timer")
VOTE_TEXTS = ("Start &Voting", "End &Voting")


class Workshop(Protocol):
    """The parts of the window that a workshop's actions drive, looked up when an action fires (the voting round
    is made with the board, after the menus)."""

    @property
    def view(self) -> BoardView: ...

    @property
    def presenter(self) -> Presenter: ...

    @property
    def timebox(self) -> Timebox: ...

    @property
    def voting(self) -> VotingRound: ...

    @property
    def sessions(self) -> Sessions: ...


class WorkshopActions:
    def __init__(self, window: Workshop, qt_window: QWidget, menu: QMenu, toolbar: QToolBar) -> None:
        self.window = window
        self.parent = qt_window
        self._action = partial(add_action, qt_window)  # a menu item or toolbar button of this window's
        self.toolbar = toolbar
        bar = toolbar
        share = "Edit this canvas together, each from their own computer: a link to give out, no account"
        self._action(menu, "S&hare Canvas…", lambda: window.sessions.share(), tip=share, name="shareCanvas")
        code = "Show or hide the join code beside the board: phones scan it to take part in a browser (J)"
        join_code = self._action(menu, "&Join Code", lambda: window.sessions.toggle_join_code(), "J", tip=code)
        join_code.setObjectName("joinCode")
        qt_window.addAction(join_code)  # J works in presentation mode too, with the menus hidden
        menu.addSeparator()
        presenter = "Full screen for a room: only the board; arrow keys step through the blocks (F5, Esc)"
        self._action(menu, "&Present", lambda: window.presenter.toggle_presentation(), "F5", tip=presenter, bar=bar)
        walk = "Step through the blocks in fill order with the arrow keys or Page Up/Down (Ctrl+G)"
        self._action(menu, "Guided &Walk", lambda: window.presenter.toggle_walk(), "Ctrl+G", tip=walk, bar=bar)
        story = "Hide every note, then show them one at a time with Space (Ctrl+Shift+R)"
        self._action(
            menu, "Tell as a &Story", lambda: window.presenter.toggle_story(), "Ctrl+Shift+R", tip=story, bar=bar
        )
        menu.addSeparator()
        bar.addSeparator()
        minutes = "The timebox for this step, in minutes"
        self.minutes = self._spin_box(
            "timeboxMinutes",
            180,
            DEFAULT_MINUTES,
            " min",
            minutes,
            lambda value: window.timebox.set_duration(value * 60),
        )
        timer = "Start or pause the timebox (T); it keeps running while people edit"
        self.timer_toggle = self._action(
            menu, TIMER_TEXTS[0], lambda: window.timebox.toggle(), "T", tip=timer, name="timerToggle", bar=bar
        )
        self._action(menu, "&Reset Timer", lambda: window.timebox.reset(), "Shift+T", name="timerReset", bar=bar)
        menu.addSeparator()
        bar.addSeparator()
        dots = "How many dots the next voting round has, for the whole room"
        self.dots = self._spin_box(
            "votingDots", MAX_DOTS, DEFAULT_DOTS, " dots", dots, lambda value: setattr(window.voting, "limit", value)
        )
        hide = self._action(menu, "&Hide Counts While Voting", lambda: None, name="voteHideCounts")
        hide.setCheckable(True)
        hide.setChecked(True)
        hide.toggled.connect(lambda on: setattr(window.voting, "hide_counts", on))
        voting = "A round of dot voting: click a note to add a dot, right-click to take it back (Ctrl+Shift+V)"
        self.vote_toggle = self._action(
            menu,
            VOTE_TEXTS[0],
            lambda: window.voting.toggle(),
            "Ctrl+Shift+V",
            tip=voting,
            name="voteToggle",
            bar=bar,
        )
        self._action(menu, "Re&veal Votes", lambda: window.voting.reveal(), name="voteReveal", bar=bar)
        self._action(menu, "&Clear Votes", lambda: window.voting.clear(), name="voteClear", bar=bar)

    def connect_voting(self, voting: VotingRound) -> None:
        """The voting actions follow the round."""
        voting.changed.connect(lambda _: self._voting_changed())

    def _voting_changed(self) -> None:
        self.vote_toggle.setText(VOTE_TEXTS[1] if self.window.voting.active else VOTE_TEXTS[0])

    def _spin_box(
        self, name: str, most: int, value: int, suffix: str, tip: str, changed: Callable[[int], object]
    ) -> QSpinBox:
        """A number from 1 on the Workshop toolbar. Enter gives the keys back to the board, so that the shortcut
        that follows (T to start the timer) works at once."""
        box = QSpinBox(self.parent)
        box.setObjectName(name)
        box.setRange(1, most)
        box.setValue(value)
        box.setSuffix(suffix)
        box.setToolTip(tip)
        box.valueChanged.connect(changed)
        box.lineEdit().returnPressed.connect(lambda: self.window.view.setFocus())
        self.toolbar.addWidget(box)
        return box

    def timebox_changed(self) -> None:
        timebox = self.window.timebox
        self.timer_toggle.setText(TIMER_TEXTS[1] if timebox.running else TIMER_TEXTS[0])

    def keep_widths(self) -> None:
        """A toolbar button whose text changes (Start Timer, Pause Timer) is as wide as its widest text, so that the
        buttons after it do not jump when it changes."""
        for action, texts in ((self.timer_toggle, TIMER_TEXTS), (self.vote_toggle, VOTE_TEXTS)):
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                metrics = button.fontMetrics()
                widest = max(metrics.horizontalAdvance(text.replace("&", "")) for text in texts)
                button.setMinimumWidth(widest + button.sizeHint().width() - metrics.horizontalAdvance(button.text()))
