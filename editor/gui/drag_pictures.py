"""DragPictures: while a drag crosses a big board, its notes repaint from pictures of themselves, not their text."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtGui import QGuiApplication, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem

PICTURED = QGraphicsItem.CacheMode.DeviceCoordinateCache
UNPICTURED = QGraphicsItem.CacheMode.NoCache


class DragPictures:
    """From `from_notes` notes on, each note keeps a picture of itself at the view's zoom (Qt's
    DeviceCoordinateCache) from the press that may start a drag until the drop.

    A drag repaints, every frame, the notes that the dragged ones pass over. On a board of thousands of notes seen
    whole, drawing them from pictures rather than from their text more than halves the frame (5,000 notes: ~20 ->
    ~8 ms). The first frame pays for the pictures it makes (~40 ms there, once a drag). Between drags there are no
    pictures: they held ~25 MiB on a 5,000-note board seen whole (a picture of every note on screen), and made each
    zoom step redraw them all (~25% slower).
    """

    def __init__(self, from_notes: int) -> None:
        self.from_notes = from_notes
        self._items: list[QGraphicsItem] = []

    def start(self, notes: Collection[QGraphicsItem]) -> None:
        """Picture `notes` (all of the board's) if there are enough of them; nothing if a drag already did."""
        if self._items or len(notes) < self.from_notes:
            return
        _make_room_for_pictures()
        self._items = list(notes)
        for item in self._items:
            item.setCacheMode(PICTURED)  # no repaint: a picture is made when the item is next painted

    def stop(self) -> None:
        """Drop every picture (Qt frees their pixmaps)."""
        for item in self._items:
            item.setCacheMode(UNPICTURED)
        self._items = []


def _make_room_for_pictures() -> None:
    """Let Qt's picture cache hold the pictures of four screens full of notes (at least 32 MiB): with its default
    10 MiB, a board of 20,000 notes evicted pictures it needed in the next frame, and its drags got slower than
    with no pictures at all (52 ms a frame; 14 ms with room)."""
    largest = max(
        (
            screen.size().width() * screen.size().height() * screen.devicePixelRatio() ** 2
            for screen in QGuiApplication.screens()
        ),
        default=0.0,
    )
    needed_kib = max(32 * 1024, int(4 * largest * 4 / 1024))  # 4 bytes a pixel
    QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), needed_kib))
