"""What lies over a window's board and comes and goes, each made at its first use: the toast (a message while the
status line is hidden, presenting), the countdown of the timebox, the find bar, and the walk's and story's line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.gui.timebox import Timebox, TimeboxDisplay
from editor.gui.toast import Toast

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from editor.gui.board_view import BoardView
    from editor.gui.find_bar import FindBar
    from editor.gui.presenting import Presenter
    from editor.gui.workspace import Workspace


class OverBoard:
    def __init__(self, view: BoardView, workspace: Workspace, timebox: Timebox, status: QStatusBar) -> None:
        self.view, self.workspace, self.timebox, self.status = view, workspace, timebox, status
        self.presenter: Presenter | None = None  # made after this: the walk's banner makes room for the countdown
        self._timebox_display: TimeboxDisplay | None = None
        self._timebox_shown_width = 0
        self._find_bar: FindBar | None = None
        self._toast: Toast | None = None
        self._presenting_said = ""
        timebox.changed.connect(self.show_timebox)

    def toast(self, message: str) -> None:
        if self._toast is None:
            self._toast = Toast(self.view)
        self._toast.say(message)

    def show_timebox(self) -> None:
        if self._timebox_display is None:
            self._timebox_display = TimeboxDisplay(self.timebox, self.view)
            self._timebox_display.refresh()
        width = self.timebox_width()
        if width != self._timebox_shown_width and self.presenter is not None:  # came, went or grew: the walk's
            self._timebox_shown_width = width  # banner makes room for it
            self.presenter.refresh_banner()

    def timebox_width(self) -> int:
        """How much of the band above the board the countdown takes at its right (0 while it is not shown)."""
        display = self._timebox_display
        if display is None or display.isHidden():
            return 0
        return display.width() + 2 * display.margin()

    def open_find(self) -> None:
        """Ctrl+F: the find bar over the board."""
        if self._find_bar is None:
            from editor.gui.find_bar import FindBar

            assert self.presenter is not None
            self._find_bar = FindBar(self.workspace, self.view, self.presenter.show_found)
        self._find_bar.start()

    def presenting_changed(self) -> None:
        """Where the walk and story are, on the status line; when both end, their line goes, and only theirs."""
        assert self.presenter is not None
        said, self._presenting_said = self._presenting_said, self.presenter.status()
        if self._presenting_said:
            self.status.showMessage(self._presenting_said)
        elif said and self.status.currentMessage() == said:
            self.status.clearMessage()
