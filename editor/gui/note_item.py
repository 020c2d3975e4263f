"""NoteItem: one sticky note on the board, a light item that paints prepared text; it mirrors a model Note."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from editor.gui import style
from editor.gui.geometry import NOTE_WIDTH
from editor.gui.text import WrappedText
from editor.model import Note
from editor.model.colors import color_hex, is_dark

_SHADOW_OFFSET = 3.0
_RADIUS = 3.0
_SMALLEST_TYPE = 0.75  # a long word shrinks a note's type this far before it is broken across lines


@cache
def _full_size_metrics() -> QFontMetricsF:
    return QFontMetricsF(style.font(style.NOTE_FONT_SIZE))


def longest_word(text: str) -> float:
    """The width of the text's longest word in full-size note type (measured once per text)."""
    metrics = _full_size_metrics()
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def note_font(text: str, width: float, longest: float | None = None) -> QFont:
    """The note's type: full size, or smaller so that its longest word fits on a line rather than breaking."""
    font = style.font(style.NOTE_FONT_SIZE)
    room = width - 2 * style.NOTE_PADDING
    longest = longest_word(text) if longest is None else longest
    if longest > room > 0:
        smallest = round(style.NOTE_FONT_SIZE * _SMALLEST_TYPE)
        font.setPixelSize(max(smallest, int(style.NOTE_FONT_SIZE * room / longest)))
    return font


def note_height(text: str, width: float, longest: float | None = None) -> float:
    """The height a note of this width needs to show all of its text."""
    return _height_of(_wrap(text, width, longest))


def _wrap(text: str, width: float, longest: float | None) -> WrappedText:
    return WrappedText(text, note_font(text, width, longest), width - 2 * style.NOTE_PADDING)


def _height_of(wrapped: WrappedText) -> float:
    return max(style.NOTE_MIN_HEIGHT, wrapped.height + 2 * style.NOTE_PADDING)


class NoteItem(QGraphicsItem):
    """Paints a note: shadow, coloured paper, wrapped text. The note grows to show all of its text."""

    def __init__(self, note: Note, width: float = NOTE_WIDTH) -> None:
        super().__init__()
        self.note_id = note.id
        self._text = note.text
        self._longest = longest_word(note.text)
        self._color = note.color
        self._width = width
        self._fill = QColor()
        self._ink = QColor()
        self._wrapped: WrappedText
        self._height = 0.0
        self.setZValue(1.0)
        self.setAcceptHoverEvents(False)
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable | flags.ItemIsFocusable)
        self._prepare()

    # Mirroring the model

    @property
    def text(self) -> str:
        return self._text

    @property
    def color(self) -> str:
        return self._color

    def update_from(self, note: Note) -> None:
        if note.text != self._text:
            self._longest = longest_word(note.text)
        if note.text != self._text or note.color != self._color:
            self._text, self._color = note.text, note.color
            self._prepare()

    def set_size(self, width: float, height: float = 0.0) -> None:
        """Lay the note out at `width`, at least `height` tall (to line up with its row), taller if its text needs."""
        if width != self._width:
            self._width = width
            self._prepare()
        height = max(height, _height_of(self._wrapped))
        if height != self._height:
            self.prepareGeometryChange()
            self._height = height
            self.update()

    def height_for(self, width: float) -> float:
        """The height this note's text needs at `width`."""
        if width == self._width:
            return _height_of(self._wrapped)
        return note_height(self._text, width, self._longest)

    @property
    def font(self) -> QFont:
        """The type the note is drawn in (its editor uses the same)."""
        return self._wrapped.font

    @property
    def size(self) -> tuple[float, float]:
        return self._width, self._height

    def _prepare(self) -> None:
        self.prepareGeometryChange()
        self._wrapped = _wrap(self._text, self._width, self._longest)
        self._height = _height_of(self._wrapped)
        self._fill = QColor(color_hex(self._color))
        self._ink = style.NOTE_TEXT_ON_DARK if is_dark(self._color) else style.NOTE_TEXT
        self.update()

    # Painting

    def boundingRect(self) -> QRectF:
        # Room for the shadow, and for the selection outline drawn just outside the note.
        return QRectF(-4.0, -4.0, self._width + _SHADOW_OFFSET + 8.0, self._height + _SHADOW_OFFSET + 8.0)

    def body_rect(self) -> QRectF:
        return QRectF(0.0, 0.0, self._width, self._height)

    def shape(self) -> QPainterPath:
        # Clicks hit the paper only, not the shadow or outline margin that may lie over a neighbouring note.
        path = QPainterPath()
        path.addRect(self.body_rect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        body = self.body_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.NOTE_SHADOW)
        painter.drawRoundedRect(body.translated(_SHADOW_OFFSET * 0.5, _SHADOW_OFFSET), _RADIUS, _RADIUS)
        painter.setBrush(self._fill)
        painter.setPen(QPen(style.NOTE_BORDER, 1.0))
        painter.drawRoundedRect(body, _RADIUS, _RADIUS)
        painter.setPen(self._ink)
        self._wrapped.paint(painter, style.NOTE_PADDING, style.NOTE_PADDING)
        if self.isSelected():
            painter.setPen(QPen(style.SELECTION, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(body.adjusted(-2.5, -2.5, 2.5, 2.5), _RADIUS + 2, _RADIUS + 2)
