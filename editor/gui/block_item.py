"""BlockItem: one block of the canvas, its title and faint key questions; notes are laid out below them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from editor.gui import style
from editor.gui.geometry import BLOCK_PADDING, Rect
from editor.gui.text import WrappedText
from editor.model import BlockSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

_TITLE_GAP = 4.0
_QUESTIONS_GAP = 10.0


class BlockItem(QGraphicsItem):
    def __init__(self, spec: BlockSpec, rect: Rect, parking: bool = False) -> None:
        """`parking`: the parking lot, drawn as an area beside the canvas rather than one of its blocks."""
        super().__init__()
        self.parking = parking
        self.block_id = spec.id
        self.title = spec.title
        self._question_text = " ".join(spec.questions)
        self.setZValue(0.0)
        self._highlighted = False
        self._overflow_mark: WrappedText | None = None  # laid out when first needed: most blocks never overflow
        self.overflowing = False
        self.set_rect(rect)

    def set_rect(self, rect: Rect) -> None:
        self.prepareGeometryChange()
        self.rect = rect
        self.setPos(rect.x, rect.y)
        inner = rect.width - 2 * BLOCK_PADDING
        self._title = WrappedText(self.title, style.font(style.BLOCK_TITLE_SIZE, bold=True), inner)
        self._questions = WrappedText(self._question_text, style.font(style.QUESTION_SIZE), inner)

    def notes_area(self) -> Rect:
        """Where laid-out notes go: below the title and questions, inside the padding (scene units)."""
        top = BLOCK_PADDING + self._title.height + _TITLE_GAP + self._questions.height + _QUESTIONS_GAP
        return Rect(
            self.rect.x + BLOCK_PADDING,
            self.rect.y + top,
            self.rect.width - 2 * BLOCK_PADDING,
            self.rect.height - top - BLOCK_PADDING,
        )

    def set_highlighted(self, on: bool) -> None:
        if on != self._highlighted:
            self._highlighted = on
            self.update()

    def set_overflowing(self, on: bool) -> None:
        """Notes run past the bottom even at the smallest note size: say so rather than hide it."""
        if on != self.overflowing:
            self.overflowing = on
            if on and self._overflow_mark is None:
                self._overflow_mark = WrappedText(
                    "More notes than fit: zoom in to see them all", style.font(style.QUESTION_SIZE, bold=True), None
                )
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0.0, 0.0, self.rect.width, self.rect.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pen = QPen(style.BLOCK_BORDER, 2.0)
        if self.parking:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        ground = style.PARKING_GROUND if self.parking else style.PAPER
        painter.setBrush(style.BLOCK_HIGHLIGHT if self._highlighted else ground)
        painter.drawRect(QRectF(1.0, 1.0, self.rect.width - 2.0, self.rect.height - 2.0))
        painter.setPen(style.TITLE_TEXT)
        self._title.paint(painter, BLOCK_PADDING, BLOCK_PADDING)
        painter.setPen(style.QUESTION_TEXT)
        self._questions.paint(painter, BLOCK_PADDING, BLOCK_PADDING + self._title.height + _TITLE_GAP)
        if self.overflowing and self._overflow_mark is not None:
            painter.setPen(QPen(style.WARNING, 3.0))
            bottom = self.rect.height - 2.0
            painter.drawLine(QPointF(2.0, bottom), QPointF(self.rect.width - 2.0, bottom))
            painter.setPen(style.WARNING)
            x = self.rect.width - BLOCK_PADDING - self._overflow_mark.width
            self._overflow_mark.paint(painter, x, BLOCK_PADDING + 4)
