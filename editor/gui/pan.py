"""Pan: moving the board around in its view by hand, as drawing programs do: a middle-button drag, or a left-button
drag while Space is held (the cursor shows an open hand, closed while dragging)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent
    from PySide6.QtWidgets import QAbstractScrollArea


class Pan:
    """The view hands its keys and mouse to this first; each handler returns True when it took the event."""

    def __init__(self, view: QAbstractScrollArea) -> None:
        self.view = view
        self._from: QPointF | None = None  # where the last move of a pan was, in viewport pixels
        self._space_held = False

    def by(self, dx: float, dy: float) -> None:
        """Move the board `dx`, `dy` viewport pixels (right and down)."""
        for bar, delta in ((self.view.horizontalScrollBar(), dx), (self.view.verticalScrollBar(), dy)):
            bar.setValue(bar.value() - round(delta))

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() != Qt.Key.Key_Space:
            return False
        if not event.isAutoRepeat():
            self._space_held = True
            self._cursor()
        event.accept()
        return True

    def key_release(self, event: QKeyEvent) -> bool:
        if event.key() != Qt.Key.Key_Space or not self._space_held or event.isAutoRepeat():
            return False
        self._space_held = False
        self._cursor()
        event.accept()
        return True

    def press(self, event: QMouseEvent) -> bool:
        button = event.button()
        if button != Qt.MouseButton.MiddleButton and not (button == Qt.MouseButton.LeftButton and self._space_held):
            return False
        self._from = event.position()
        self._cursor()
        event.accept()
        return True

    def move(self, event: QMouseEvent) -> bool:
        if self._from is None:
            return False
        delta = event.position() - self._from
        self._from = event.position()
        self.by(delta.x(), delta.y())
        event.accept()
        return True

    def release(self, event: QMouseEvent) -> bool:
        if self._from is None:
            return False
        self._from = None
        self._cursor()
        event.accept()
        return True

    def _cursor(self) -> None:
        viewport = self.view.viewport()
        if self._from is not None:
            viewport.setCursor(Qt.CursorShape.ClosedHandCursor)
        elif self._space_held:
            viewport.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            viewport.unsetCursor()
