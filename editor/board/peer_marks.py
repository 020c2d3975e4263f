"""PeerMark: on a shared canvas, who else is at a note right now (editing it, or moving it): a frame in their colour
around the note and their name on a tag above it, in type that stays readable at any zoom. It lives on the note
item, so it moves and hides with it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from editor.board import style
from editor.model.colors import is_dark

FRAME = 3.0  # scene units, outside the paper
TAG_PIXELS = 13  # the tag's type, in screen pixels whatever the zoom


class PeerMark(QGraphicsItem):
    def __init__(self, note: QGraphicsItem, body: QRectF, name: str, color: str, doing: str) -> None:
        """On `note` (whose paper is `body`): `name` is `doing` it ("editing", "moving") in their `color`."""
        super().__init__(note)
        self.body = body
        self.color = QColor(color)
        self.text = f"{name} · {doing}"
        self.setZValue(2)  # above the note's own text and dots
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the note under it
        self.tag = _Tag(self, self.text, self.color)
        self.tag.setPos(body.topLeft())

    def boundingRect(self) -> QRectF:
        return self.body.adjusted(-FRAME, -FRAME, FRAME, FRAME)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QPen(self.color, FRAME))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.body.adjusted(-FRAME / 2, -FRAME / 2, FRAME / 2, FRAME / 2))


class _Tag(QGraphicsItem):
    """The name, on a label of their colour just above the note's top-left corner, the same size at any zoom."""

    def __init__(self, parent: QGraphicsItem, text: str, color: QColor) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.text, self.color = text, color
        self.font = style.font(TAG_PIXELS, bold=True)
        metrics = QFontMetricsF(self.font)
        height = metrics.height() + 4
        self.rect = QRectF(0, -height, metrics.horizontalAdvance(text) + 10, height)

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style.fill(painter, self.rect, self.color)
        painter.setPen(style.NOTE_TEXT_ON_DARK if is_dark(self.color.name()) else style.NOTE_TEXT)
        painter.setFont(self.font)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.text)
