"""BlockItem: one block of the canvas, its title and faint key questions; notes are laid out below them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from editor.board import style
from editor.board.geometry import BLOCK_PADDING, MORE_HEIGHT, Rect
from editor.board.text import WrappedText
from editor.model import BlockSpec

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

_TITLE_GAP = 4.0
_QUESTIONS_GAP = 10.0
_MORE_PADDING = 14.0
HINT = "Double-click here or press N to add a note"


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
        self.before = self.after = 0  # notes before and after the page a full block shows
        self._hint: WrappedText | None = None  # how to add a note, while the block is empty on an editable board
        self._more: WrappedText | None = None  # the "+12 more" button, while the block is full
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

    def set_hint(self, shown: bool) -> None:
        """A quiet line in an empty block on how to add a note (the on-screen board only, not exports)."""
        if shown == (self._hint is not None):
            return
        self._hint = (
            WrappedText(HINT, style.font(style.QUESTION_SIZE + 2), self.rect.width - 2 * BLOCK_PADDING)
            if shown
            else None
        )
        self.update()

    @property
    def hint(self) -> str:
        return self._hint.text if self._hint is not None else ""

    def set_page(self, before: int, after: int) -> None:
        """A full block shows a page of its notes: with `before` and `after` notes off it, a button at its foot says
        how many more there are (a click shows the next page; after the last, the first)."""
        if (before, after) == (self.before, self.after):
            return
        self.before, self.after = before, after
        if after:
            label = f"+{after} more"
        elif before:
            label = f"Back to the first {before}"
        else:
            label = ""
        self._more = WrappedText(label, style.font(style.MORE_SIZE, bold=True), None) if label else None
        self.update()

    @property
    def more_label(self) -> str:
        return self._more.text if self._more is not None else ""

    def more_rect(self) -> QRectF | None:
        """Where the "+12 more" button is, in item coordinates; None while the block shows every note."""
        if self._more is None:
            return None
        width, height = self._more.width + 2 * _MORE_PADDING, MORE_HEIGHT - 8.0
        return QRectF(self.rect.width - BLOCK_PADDING - width, self.rect.height - BLOCK_PADDING - height, width, height)

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
        if self._hint is not None:
            painter.setPen(style.QUESTION_TEXT)
            self._hint.paint(painter, BLOCK_PADDING, self.notes_area().y - self.rect.y + 4)
        button = self.more_rect()
        if button is not None and self._more is not None:
            painter.setPen(QPen(style.SELECTION, 1.5))
            painter.setBrush(style.BLOCK_HIGHLIGHT)
            painter.drawRoundedRect(button, button.height() / 2, button.height() / 2)
            painter.setPen(style.TITLE_TEXT)
            self._more.paint(
                painter, button.x() + _MORE_PADDING, button.y() + (button.height() - self._more.height) / 2
            )
