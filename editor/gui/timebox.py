"""Timebox: a countdown for the current step of a workshop, and its display in the corner of the board."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from editor.board import style

DEFAULT_MINUTES = 10
TICK_MS = 200  # how often the countdown is redrawn: a second never shows late by more than this
BLINK_MS = 500
BLINK_FOR_S = 10.0  # then it stays red: a signal the room cannot miss, that does not nag


class Timebox(QObject):
    """Set, start, pause, reset. It counts on the monotonic clock, so it keeps time while the window is busy or
    people edit, and it says when time is up with a signal, never with a dialog that stops the room."""

    changed = Signal()  # started, paused, reset, a tick, or time is up
    expired = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.duration = DEFAULT_MINUTES * 60.0
        self._left = self.duration  # while paused or stopped
        self._started: float | None = None  # the clock when last started; None while not running
        self.is_up = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._started is not None

    def remaining(self) -> float:
        if self._started is None:
            return self._left
        return max(0.0, self._left - (time.monotonic() - self._started))

    def set_duration(self, seconds: float) -> None:
        """A new length: the countdown starts over from it (stopped)."""
        self.duration = max(1.0, seconds)
        self.reset()

    def start(self) -> None:
        if self.running or self.is_up:
            return
        self._started = time.monotonic()
        self._timer.start()
        self.changed.emit()

    def pause(self) -> None:
        if not self.running:
            return
        self._left = self.remaining()
        self._started = None
        self._timer.stop()
        self.changed.emit()

    def toggle(self) -> None:
        if self.running:
            self.pause()
        elif self.is_up:
            self.reset()
            self.start()
        else:
            self.start()

    def reset(self) -> None:
        self._timer.stop()
        self._started = None
        self._left = self.duration
        self.is_up = False
        self.changed.emit()

    def follow(self, left: float, running: bool, duration: float) -> None:
        """Show another's countdown (the host's, in a shared session): this much left, running or not."""
        was_up = self.is_up
        self._timer.stop()
        self.duration, self._left = duration, left
        self.is_up = left <= 0.0 and not running
        self._started = time.monotonic() if running and left > 0.0 else None
        if self._started is not None:
            self._timer.start()
        if self.is_up and not was_up:
            self.expired.emit()
        self.changed.emit()

    def is_set(self) -> bool:
        """Started at least once since the last reset: worth showing."""
        return self.running or self.is_up or self._left < self.duration

    def _tick(self) -> None:
        if self.remaining() <= 0.0:
            self._timer.stop()
            self._started = None
            self._left = 0.0
            self.is_up = True
            self.expired.emit()
        self.changed.emit()


def clock_text(seconds: float) -> str:
    """mm:ss, rounded up: 0:00 shows only when time is really up."""
    whole = int(seconds) + (0 if seconds == int(seconds) else 1)
    return f"{whole // 60}:{whole % 60:02d}"


class TimeboxDisplay(QLabel):
    """The countdown at the top right, in a band of its own above the board (beside the walk's banner when the walk
    is on), so that it never covers a block, its title or a header field; large enough for the room; red and
    blinking when time is up."""

    def __init__(self, timebox: Timebox, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("timeboxDisplay")
        self.timebox = timebox
        self._over = parent
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._blink_on = False
        self._up_since: float | None = None
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._toggle_blink)
        timebox.changed.connect(self.refresh)
        timebox.expired.connect(self._start_blinking)
        parent.installEventFilter(self)  # follow the view's size
        self.hide()

    def refresh(self) -> None:
        timebox = self.timebox
        if not timebox.is_set():
            self._blink.stop()
            self.hide()
            self._reserve(0)
            return
        if timebox.is_up:
            text, background = "Time's up", style.WARNING if self._blink_on or not self._blink.isActive() else None
        else:
            text, background = clock_text(timebox.remaining()), style.BANNER_BACKGROUND
            if not timebox.running:
                text += "  (paused)"
        colour = (background or style.PAPER).name()
        ink = style.BANNER_TEXT.name() if background is not None else style.WARNING.name()
        size = max(28, self._over.height() // 20)  # large, yet within the header band at the top of the board
        sheet = (
            f"QLabel#timeboxDisplay {{ background: {colour}; color: {ink}; font-size: {size}px; font-weight: bold;"
            f" padding: {size // 5}px {size // 2}px; border-radius: {size // 5}px; }}"
        )
        if sheet != self.styleSheet():  # a tick changes the text only: restyling 5 times a second is wasted work
            self.setStyleSheet(sheet)
        self.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def margin(self) -> int:
        return max(8, self._over.height() // 60)

    def _place(self) -> None:
        margin = self.margin()
        self.move(self._over.width() - self.width() - margin, margin)
        self._reserve(self.height() + 2 * margin)

    def _reserve(self, height: int) -> None:
        reserve = getattr(self._over, "reserve_top", None)
        if reserve is not None:
            reserve("clock", height)

    def _start_blinking(self) -> None:
        self._up_since = time.monotonic()
        self._blink_on = True
        self._blink.start()

    def _toggle_blink(self) -> None:
        if self._up_since is None or time.monotonic() - self._up_since > BLINK_FOR_S or not self.timebox.is_up:
            self._blink.stop()
            self._blink_on = True
        else:
            self._blink_on = not self._blink_on
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.refresh()
        return False
