"""The board's frame: the header (title and the template's fields) and the footer (colour legend and credit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from editor.board import style
from editor.board.geometry import Rect
from editor.board.text import WrappedText
from editor.model import Canvas
from editor.model.colors import color_hex

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

_MARGIN = 24.0
_FIELDS_SHARE = 0.56  # of the header's width, on the right, for the four fields
_LINE_INSET = 22.0  # a field's line (left of it) from the header's top and bottom
_FIELD_INSET = 10.0  # a field's text from its line
_FIELD_CLEARANCE = 14.0  # a field's text from the next field's line
FADED = 0.25  # the opacity of what a colour filter leaves out


def fitted(text: str, size: float, width: float, height: float, *, bold: bool = False) -> WrappedText:
    """Text wrapped to `width` in the largest type, from `size` down to 40% of it, whose lines fit in `height`: a long
    title wraps, then shrinks, and is never cut off."""
    step = size
    while True:
        wrapped = WrappedText(text, style.font(step, bold=bold), width)
        if wrapped.height <= height or step <= size * 0.4:
            return wrapped
        step = max(size * 0.4, step * 0.9)


class HeaderItem(QGraphicsItem):
    """The canvas title on the left; the template's header fields (label over value) on the right."""

    def __init__(self, rect: Rect) -> None:
        super().__init__()
        self.rect = rect
        self.setPos(rect.x, rect.y)
        self._title: WrappedText | None = None
        self._fields: list[tuple[WrappedText, WrappedText]] = []
        self._field_ids: list[str] = []

    def update_from(self, canvas: Canvas, rect: Rect | None = None) -> None:
        if rect is not None:
            self.prepareGeometryChange()
            self.rect = rect
            self.setPos(rect.x, rect.y)
        self._field_ids = [spec.id for spec in canvas.template.header]
        fields_x, column = self._field_columns()
        title = canvas.title or "Untitled canvas"
        self._title = fitted(title, style.BOARD_TITLE_SIZE, fields_x - 2 * _MARGIN, self.rect.height - 16, bold=True)
        self._fields = []
        for spec in canvas.template.header:
            # Within its column: clear of the next field's line, and no lower than the lines reach (shrinking to 40% of
            # its type at most: a longer value still runs on).
            width = column - _FIELD_INSET - _FIELD_CLEARANCE
            label = WrappedText(spec.label.upper(), style.font(style.HEADER_LABEL_SIZE, bold=True), width)
            room = self.rect.height - _LINE_INSET - (_LINE_INSET + 4 + label.height + 6)
            value = fitted(canvas.fields.get(spec.id, "") or "—", style.HEADER_VALUE_SIZE, width, room)
            self._fields.append((label, value))
        self.update()

    def _field_columns(self) -> tuple[float, float]:
        """Where the fields start (x, item coordinates) and how wide each field's column is."""
        fields_width = self.rect.width * _FIELDS_SHARE
        return self.rect.width - fields_width, (fields_width - _MARGIN) / max(1, len(self._field_ids))

    @property
    def shown_title(self) -> str:
        return self._title.text if self._title is not None else ""

    def free_rect(self) -> QRectF:
        """The header's room between the title and the fields (item coordinates): where a note about it may go."""
        fields_x, _ = self._field_columns()
        title = self._title
        used = 0.0
        if title is not None:  # the width its words take, not the width it may take
            room = QRectF(0.0, 0.0, fields_x - 2 * _MARGIN, self.rect.height)
            used = QFontMetricsF(title.font).boundingRect(room, int(Qt.TextFlag.TextWordWrap), title.text).width()
        title_end = _MARGIN + used
        return QRectF(title_end + _MARGIN, 0.0, max(0.0, fields_x - title_end - 2 * _MARGIN), self.rect.height)

    def field_at(self, scene_point: QPointF) -> str:
        """The header field drawn under a scene point: a field's id, or "title" left of the fields."""
        x = self.mapFromScene(scene_point).x()
        fields_x, column = self._field_columns()
        if x < fields_x or not self._field_ids:
            return "title"
        return self._field_ids[min(len(self._field_ids) - 1, int((x - fields_x) // column))]

    def boundingRect(self) -> QRectF:
        return QRectF(0.0, 0.0, self.rect.width, self.rect.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style.fill(painter, self.boundingRect(), style.PAPER)
        if self._title is not None:
            painter.setPen(style.TITLE_TEXT)
            self._title.paint(painter, _MARGIN, (self.rect.height - self._title.height) / 2)
        x, column = self._field_columns()
        top = _LINE_INSET + 4
        for label, value in self._fields:
            painter.setPen(QPen(style.BLOCK_BORDER, 1.0))
            painter.drawLine(int(x), int(_LINE_INSET), int(x), int(self.rect.height - _LINE_INSET))
            painter.setPen(style.LABEL_TEXT)
            label.paint(painter, x + _FIELD_INSET, top)
            painter.setPen(style.TITLE_TEXT)
            value.paint(painter, x + _FIELD_INSET, top + label.height + 6)
            x += column


class FooterItem(QGraphicsItem):
    """The colour legend (what each note colour means) on the left and the template's credit line on the right.

    A legend entry can be the board's filter: it is then framed, and the other entries fade as their notes do."""

    _SWATCH = 20.0
    _GAP = 8.0  # between a swatch and its label
    _SPACING = 28.0  # between entries

    def __init__(self, rect: Rect) -> None:
        super().__init__()
        self.rect = rect
        self.setPos(rect.x, rect.y)
        self._legend: list[tuple[str, QColor, WrappedText]] = []
        self._credit: WrappedText | None = None
        self.filter: str | None = None

    def update_from(self, canvas: Canvas, rect: Rect | None = None) -> None:
        if rect is not None:
            self.prepareGeometryChange()
            self.rect = rect
            self.setPos(rect.x, rect.y)
        label_font = style.font(style.FOOTER_SIZE)
        self._legend = [
            (color, QColor(color_hex(color)), WrappedText(meaning, label_font, None))
            for color, meaning in canvas.legend.items()
        ]
        self._credit = WrappedText(canvas.template.credit, style.font(style.FOOTER_SIZE), None)
        self.update()

    def set_filter(self, color: str | None) -> None:
        self.filter = color
        self.update()

    def legend_boxes(self) -> list[tuple[str, QRectF]]:
        """Each legend entry's colour and the box its swatch and label take (item coordinates): what a click hits."""
        boxes = []
        x = _MARGIN
        for color, _, label in self._legend:
            width = self._SWATCH + self._GAP + label.width
            height = max(self._SWATCH, label.height) + 8.0
            boxes.append((color, QRectF(x - 4.0, (self.rect.height - height) / 2, width + 8.0, height)))
            x += width + self._SPACING
        return boxes

    def color_at(self, scene_point: QPointF) -> str | None:
        """The legend colour drawn under a scene point, if any."""
        point = self.mapFromScene(scene_point)
        return next((color for color, box in self.legend_boxes() if box.contains(point)), None)

    def boundingRect(self) -> QRectF:
        return QRectF(0.0, 0.0, self.rect.width, self.rect.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        style.fill(painter, self.boundingRect(), style.PAPER)
        middle = self.rect.height / 2
        for (color, fill, label), (_, box) in zip(self._legend, self.legend_boxes(), strict=True):
            painter.setOpacity(1.0 if self.filter in (None, color) else FADED)
            if self.filter == color:
                painter.setPen(QPen(style.SELECTION, 2.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box, 4.0, 4.0)
            x = box.x() + 4.0
            painter.setPen(QPen(style.NOTE_BORDER, 1.0))
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(x, middle - self._SWATCH / 2, self._SWATCH, self._SWATCH), 3.0, 3.0)
            painter.setPen(style.TITLE_TEXT)
            label.paint(painter, x + self._SWATCH + self._GAP, middle - label.height / 2)
        painter.setOpacity(1.0)
        if self._credit is not None:
            painter.setPen(style.LABEL_TEXT)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            credit_x = self.rect.width - _MARGIN - self._credit.width
            self._credit.paint(painter, credit_x, middle - self._credit.height / 2)
