"""Spotlight: a shade over the board with a hole for one block, so that the room looks where the walk is."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem

from editor.gui import style

SPOTLIGHT_Z = 400.0  # above every note at rest, below a note being dragged and the in-place editor


class Spotlight(QGraphicsPathItem):
    """Shades all of the board but one block. It takes no clicks: the block's notes and the shaded ones stay
    editable, as on a paper board where the facilitator only points."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(SPOTLIGHT_Z)
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(style.SHADE)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def shine_on(self, board: QRectF, hole: QRectF | None) -> None:
        """Shade `board` except `hole`; no hole: no shade at all."""
        if hole is None:
            self.hide()
            return
        path = QPainterPath()
        path.addRect(board)
        cut = QPainterPath()
        cut.addRect(hole)
        self.setPath(path.subtracted(cut))
        self.show()
