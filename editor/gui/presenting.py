"""Presenter: presentation mode, the guided walk through the blocks in fill order, and the storytelling reveal.

None of it changes the document: it is how the board is shown to a room. Keys (also a presentation clicker's):
Right, Down, Page Down: next step; Left, Up, Page Up: previous; a number: that block (two digits typed within a
second for the tenth block on); 0 or Home: the whole canvas;
Space: reveal the next note of the story; Backspace: hide it again; Escape: leave, one mode at a time.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from editor.board.note_item import STORY
from editor.gui.walk_banner import Banner
from editor.model import PARKING_LOT, Event, NoteId, Reset
from editor.model.colors import color_hex

if TYPE_CHECKING:
    from editor.gui.board_editing import EditableBoard
    from editor.gui.board_view import BoardView
    from editor.gui.workspace import Workspace

NEXT_KEYS = {Qt.Key.Key_Right.value, Qt.Key.Key_Down.value, Qt.Key.Key_PageDown.value}
PREVIOUS_KEYS = {Qt.Key.Key_Left.value, Qt.Key.Key_Up.value, Qt.Key.Key_PageUp.value}
DIGITS = range(Qt.Key.Key_0.value, Qt.Key.Key_9.value + 1)
COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
TWO_DIGITS = 1.0  # seconds within which a second digit makes a two-digit step in the walk


class Stage(Protocol):
    """The window a presentation fills: full screen, without what surrounds the board."""

    def windowState(self) -> Qt.WindowState: ...

    def setWindowState(self, state: Qt.WindowState) -> None: ...

    def showFullScreen(self) -> None: ...

    def surroundings(self) -> list[QWidget]:
        """The menu bar, status bar, toolbars and panels: hidden while presenting."""
        ...

    def timebox_width(self) -> int:
        """How much of the band above the board the countdown takes at its right (0 while it is not shown)."""
        ...


class Presenter(QObject):
    """Presentation mode (full screen, menus, bars and panels hidden, Escape leaves), the guided walk (step 0 is the
    whole canvas, steps 1-9 the blocks in the template's fill order) and the story (every note hidden, then shown
    one at a time in fill order). Each works alone and with the others; editing works throughout."""

    changed = Signal()  # a mode started or ended, or a step or reveal happened: the status line says where we are

    def __init__(self, workspace: Workspace, view: BoardView, stage: Stage) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.view = view
        self.stage = stage
        self.presenting = False
        self.step: int | None = None  # None: no walk
        self.story: list[NoteId] | None = None  # the notes still to reveal, in order; None: no story
        self._shown: list[NoteId] = []  # the notes revealed so far, in order
        # How the window was before presentation mode, to put back after it.
        self._was_state = Qt.WindowState.WindowNoState
        self._was_visible: list[QWidget] = []
        self._was_scrolling = (Qt.ScrollBarPolicy.ScrollBarAsNeeded, Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._banner_label: Banner | None = None
        self._typed: tuple[int | None, float] = (None, 0.0)  # the last digit typed in the walk, and when
        view.installEventFilter(self)
        self._canvas = workspace.canvas
        self._canvas.subscribe(self._on_canvas_event)
        workspace.shown.connect(self._board_changed)

    # Presentation mode

    def toggle_presentation(self) -> None:
        if self.presenting:
            self.leave_presentation()
        else:
            self.present()

    def present(self) -> None:
        """Full screen with only the board (and the banner and timebox); the walk starts at the whole canvas."""
        if self.presenting:
            return
        stage, view = self.stage, self.view
        self.presenting = True
        hidden = stage.surroundings()
        self._was_state = stage.windowState()
        self._was_visible = [widget for widget in hidden if widget.isVisible()]
        self._was_scrolling = (view.horizontalScrollBarPolicy(), view.verticalScrollBarPolicy())
        for widget in hidden:
            widget.hide()
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # no scroll bars on the projector
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        stage.showFullScreen()
        if self.step is None:
            self.go_to(0)
        view.setFocus()
        self.changed.emit()

    def leave_presentation(self) -> None:
        """Back to the window as it was; the walk and story end with it."""
        if not self.presenting:
            return
        self.presenting = False
        self.end_story()
        self.end_walk()
        view = self.view
        for widget in self._was_visible:
            widget.show()
        view.setHorizontalScrollBarPolicy(self._was_scrolling[0])
        view.setVerticalScrollBarPolicy(self._was_scrolling[1])
        self.stage.setWindowState(self._was_state)
        view.setFocus()
        self.changed.emit()

    # The guided walk

    @property
    def steps(self) -> tuple[str, ...]:
        """The blocks in fill order; step n (from 1) is steps[n - 1], step 0 the whole canvas."""
        return self._canvas.template.fill_order

    def start_walk(self) -> None:
        self.go_to(0 if self.step is None else self.step)

    def toggle_walk(self) -> None:
        if self.step is None:
            self.start_walk()
        else:
            self.end_walk()

    def end_walk(self) -> None:
        if self.step is None:
            return
        self.step = None
        self._show_block(None)
        self.changed.emit()

    def next_step(self) -> None:
        self.go_to(min(len(self.steps), (self.step or 0) + 1))

    def previous_step(self) -> None:
        self.go_to(max(0, (self.step or 0) - 1))

    def go_to(self, step: int) -> None:
        """Step 0: the whole canvas; step n: the n-th block to fill, fitted, its questions above it, the rest shaded."""
        if not 0 <= step <= len(self.steps):
            return
        self.step = step
        self._show_block(self.steps[step - 1] if step else None)
        self.changed.emit()

    def _digit(self, digit: int) -> None:
        """A digit goes to that step at once; on a canvas of ten blocks or more, a second digit typed within
        TWO_DIGITS seconds of the first makes a two-digit step (1 then 2: the twelfth block)."""
        now = time.monotonic()
        tens, typed = self._typed
        self._typed = (digit, now)
        if tens is not None and now - typed <= TWO_DIGITS and 10 * tens + digit <= len(self.steps):
            self._typed = (None, now)
            self.go_to(10 * tens + digit)
        else:
            self.go_to(digit)

    def current_block(self) -> str | None:
        return self.steps[self.step - 1] if self.step else None

    def _show_block(self, block_id: str | None) -> None:
        view = self.view
        if block_id is None:
            if self._banner_label is not None:
                self._banner_label.hide()
            view.reserve_top("walk", 0)
        else:
            self._place_banner(block_id)
        view.focus_on(block_id)

    def refresh_banner(self) -> None:
        """Lay the banner out again (the countdown beside it came, went or changed its width)."""
        block_id = self.current_block()
        if block_id is not None:
            self._place_banner(block_id)

    def _banner(self) -> Banner:
        if self._banner_label is None:  # made at the first step: start-up does without it
            self._banner_label = Banner(self.view)
        return self._banner_label

    def _place_banner(self, block_id: str) -> None:
        view = self.view
        spec = self._canvas.template.block(block_id)
        heading = f"{self.step} of {len(self.steps)} · {spec.title}"
        clock = self.stage.timebox_width()  # the countdown keeps the banner's right end
        width = view.width() - clock
        canvas = self._canvas
        legend = [(color_hex(color), meaning) for color, meaning in canvas.legend.items()]
        height = self._banner().show_step(heading, " ".join(spec.questions), width, view.height(), legend)
        view.reserve_top("walk", height)

    # The story

    def toggle_story(self) -> None:
        if self.story is None:
            self.start_story()
        else:
            self.end_story()

    def start_story(self) -> None:
        """Hide every note; Space then shows them one by one, block after block in fill order (the parking lot
        last)."""
        canvas = self._canvas
        order = [note.id for block_id in (*self.steps, PARKING_LOT) for note in canvas.notes(block_id)]
        self._shown = []
        self.story = order
        for item in self._board.notes.values():
            item.hide_for(STORY, True)
        self.changed.emit()

    def reveal_next(self) -> None:
        """Show the next note; with the walk on, the walk goes to its block."""
        notes = self._board.notes
        while self.story:
            note_id = self.story.pop(0)
            if note_id in notes:  # a note deleted since the story began is skipped
                notes[note_id].hide_for(STORY, False)
                self._board.show_note(note_id)  # on its block's page, should the block be full
                self._shown.append(note_id)
                self._walk_to_block_of(note_id)
                break
        self.changed.emit()

    def show_found(self, note_id: NoteId) -> None:
        """A note to be seen (one Find went to): selected, on its block's page and in view; on a walk, the walk goes
        to its block."""
        self._walk_to_block_of(note_id)
        board = self._board
        board.show_note(note_id)
        board.select_ids([note_id])
        if not self.view.fitting:
            self.view.centerOn(board.notes[note_id])

    def _walk_to_block_of(self, note_id: NoteId) -> None:
        block_id = self._canvas.block_of(note_id)
        if self.step is not None and block_id != self.current_block() and block_id in self.steps:
            self.go_to(self.steps.index(block_id) + 1)

    def hide_last(self) -> None:
        """Take back the last reveal."""
        if self.story is None or not self._shown:
            return
        note_id = self._shown.pop()
        self.story.insert(0, note_id)
        if note_id in self._board.notes:
            self._board.notes[note_id].hide_for(STORY, True)
        self.changed.emit()

    def end_story(self) -> None:
        """Show every note again."""
        if self.story is None:
            return
        self.story = None
        self._shown = []
        for item in self._board.notes.values():
            item.hide_for(STORY, False)
        self.changed.emit()

    def story_progress(self) -> tuple[int, int]:
        """Notes shown and notes in the story."""
        return len(self._shown), len(self._shown) + len(self.story or [])

    # Following the workspace

    @property
    def _board(self) -> EditableBoard:
        return self.workspace.board

    def _board_changed(self) -> None:
        """The window shows another canvas: the story ends, the walk starts again from the whole canvas."""
        self._canvas.unsubscribe(self._on_canvas_event)
        self._canvas = self.workspace.canvas
        self._canvas.subscribe(self._on_canvas_event)
        self.story = None
        self._shown = []
        if self.step is not None:
            self.go_to(0)
        self.changed.emit()

    def _on_canvas_event(self, event: Event) -> None:
        if isinstance(event, Reset) and self.story is not None:  # a reload rebuilt every note: all are shown
            self.story = None
            self._shown = []
            self.changed.emit()

    def status(self) -> str:
        """Where the session is, for the status line."""
        parts = []
        if self.step is not None:
            block = self.current_block()
            title = self._canvas.template.block(block).title if block else "Whole canvas"
            parts.append(f"Walk: {title} ({self.step} of {len(self.steps)})")
        if self.story is not None:
            shown, total = self.story_progress()
            parts.append(f"Story: {shown} of {total} notes shown (Space: next, Backspace: back)")
        return " · ".join(parts)

    # Keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.step:
            block = self.current_block()
            if block is not None:
                self._place_banner(block)
            return False
        if event.type() != QEvent.Type.KeyPress or self._board.editor is not None:
            return False
        assert isinstance(event, QKeyEvent)
        return self._key(event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()  # an int: Qt passes keys that Qt.Key does not name
        walking = self.step is not None
        if self.story is not None and key == Qt.Key.Key_Space.value:
            if not event.isAutoRepeat():
                self.reveal_next()
            return True
        if self.story is not None and key == Qt.Key.Key_Backspace.value:
            self.hide_last()
            return True
        if walking and key in NEXT_KEYS:
            self.next_step()
        elif walking and key in PREVIOUS_KEYS:
            self.previous_step()
        elif walking and key == Qt.Key.Key_Home.value:
            self.go_to(0)
        elif walking and key in DIGITS and not event.modifiers() & COMMAND_MODIFIERS:
            self._digit(key - DIGITS.start)
        elif key == Qt.Key.Key_Escape.value and (self.presenting or walking or self.story is not None):
            if self._board.selected_ids() or self._board.color_filter is not None:
                return False  # Escape clears the selection or the colour filter first, as it does on the board
            self._escape()
        else:
            return False
        return True

    def _escape(self) -> None:
        """One mode at a time: presentation mode (and with it the walk and story), else the story, else the walk."""
        if self.presenting:
            self.leave_presentation()
        elif self.story is not None:
            self.end_story()
        else:
            self.end_walk()
