"""NoteItem: one sticky note on the board, a light item that paints prepared text; it mirrors a model Note."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QWidget

from editor.board import style
from editor.board.geometry import NOTE_WIDTH
from editor.board.text import WrappedText
from editor.model import Note
from editor.model.colors import color_hex, is_dark
from editor.model.votes import ordinal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

_SHADOW_OFFSET = 3.0
_DOT = 18.0  # a vote dot's diameter
# What a note draws outside its paper: the selection outline and the shadow (_OUTLINE); with votes, the dots on the
# bottom edge and the rank badge on the top-left corner too (_VOTED). Its bounds are no wider than that: on a big
# board each note keeps a picture of itself as large as its bounds while a drag lasts (~20% less memory than with
# room for dots).
_OUTLINE = 5.0
_VOTED = _DOT / 2 + 2.0
_MOST_DOTS = 6  # drawn one by one; more are drawn as one dot and a number
_BADGE_WIDTH = 2.6 * _DOT - 1.0  # a rank's tab ("1st"), on the top-left corner
_RADIUS = 3.0
_SMALLEST_TYPE = 0.75  # a long word shrinks a note's type this far before it is broken across lines
_DETAILED = 0.5  # the scale on screen from which a note has its shadow, border and rounded corners
_DOTS_SEEN = 0.25  # the scale from which its vote dots are drawn: 4.5 pixels or more, as a laptop shows a board

# Why a note is not shown, as bits: a note shows when none is set.
PAGED = 1  # its block is full and shows another page of notes
STORY = 2  # the story has not reached it yet
EDITED = 4  # the editor lies over it
FOCUS = 8  # the guided walk shows another block


def use_large_text(on: bool) -> None:
    """Larger notes and key questions (style.set_large_text), and the measures taken in the old type forgotten."""
    style.set_large_text(on)
    _full_size_metrics.cache_clear()
    _word_width.cache_clear()


@cache
def _full_size_metrics() -> QFontMetricsF:
    return QFontMetricsF(style.font(style.NOTE_FONT_SIZE))


@lru_cache(maxsize=65536)
def _word_width(word: str) -> float:
    return _full_size_metrics().horizontalAdvance(word)


def longest_word(text: str) -> float:
    """The width of the text's longest word in full-size note type (words measured once, then remembered).

    Words are taken longest first; once a word could not be wider than the widest so far even if every letter were
    the font's widest, neither can the shorter ones, and they are not measured."""
    widest_letter = _full_size_metrics().maxWidth()
    best = 0.0
    for word in sorted(set(text.split()), key=len, reverse=True):
        if len(word) * widest_letter <= best:
            break
        best = max(best, _word_width(word))
    return best


@cache
def _note_font(pixel_size: int) -> QFont:
    return style.font(pixel_size)


@cache
def _dot_font() -> QFont:
    return style.font(13, bold=True)


def note_font(text: str, width: float, longest: float | None = None) -> QFont:
    """The note's type: full size, or smaller so that its longest word fits on a line rather than breaking."""
    room = width - 2 * style.NOTE_PADDING
    longest = longest_word(text) if longest is None else longest
    if longest > room > 0:
        smallest = round(style.NOTE_FONT_SIZE * _SMALLEST_TYPE)
        return _note_font(max(smallest, int(style.NOTE_FONT_SIZE * room / longest)))
    return _note_font(style.NOTE_FONT_SIZE)


def note_height(text: str, width: float, longest: float | None = None) -> float:
    """The height a note of this width needs to show all of its text."""
    return _height_of(_wrap(text, width, longest))


def _wrap(text: str, width: float, longest: float | None) -> WrappedText:
    return WrappedText(text, note_font(text, width, longest), width - 2 * style.NOTE_PADDING)


def _height_of(wrapped: WrappedText) -> float:
    return max(style.NOTE_MIN_HEIGHT, wrapped.height + 2 * style.NOTE_PADDING)


class NoteItem(QGraphicsRectItem):
    """Paints a note: shadow, coloured paper, wrapped text. The note grows to show all of its text."""

    def __init__(self, note: Note, width: float = NOTE_WIDTH) -> None:
        super().__init__()
        self.note_id = note.id
        self._text = note.text
        self._longest = longest_word(note.text)
        self._color = note.color
        self._votes = note.votes
        self.votes_shown = True  # a voting round with hidden counts turns the dots off
        self.rank: int | None = None  # 1, 2, 3 for the most-voted notes once the votes are shown
        self.hidden_for = 0  # PAGED, STORY, EDITED: why it is not shown
        self._width = width
        self._fill = QColor()
        self._ink = QColor()
        self._layouts: dict[float, WrappedText] = {}  # the text laid out at the widths asked for lately
        self.setPen(Qt.PenStyle.NoPen)  # the rectangle is the note's bounds (Qt's own boundingRect), not drawn
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
            self._layouts.clear()
        if note.text != self._text or note.color != self._color:
            self._text, self._color = note.text, note.color
            self._prepare()
        if note.votes != self._votes:
            had_votes, self._votes = bool(self._votes), note.votes
            if had_votes != bool(self._votes):
                self._set_bounds()  # repaints
            else:
                self.update()

    def hide_for(self, reason: int, hidden: bool) -> None:
        """Hide the note for this reason, or no longer for it; it shows when nothing hides it."""
        self.hidden_for = self.hidden_for | reason if hidden else self.hidden_for & ~reason
        if self.isVisible() == bool(self.hidden_for):
            self.setVisible(not self.hidden_for)

    def show_votes(self, shown: bool, rank: int | None) -> None:
        if (shown, rank) != (self.votes_shown, self.rank):
            self.votes_shown, self.rank = shown, rank
            self.update()

    def set_size(self, width: float, height: float = 0.0) -> None:
        """Lay the note out at `width`, at least `height` tall (to line up with its row), taller if its text needs."""
        layout = self._layout(width)
        self._layouts = {width: layout}  # the trial widths of the block's layout are done with: free them
        self._resize(width, max(height, _height_of(layout)))  # a new size repaints (setRect); the same size need not

    def height_for(self, width: float) -> float:
        """The height this note's text needs at `width` (the layout is kept: the board asks again to place it)."""
        return _height_of(self._layout(width))

    @property
    def font(self) -> QFont:
        """The type the note is drawn in (its editor uses the same); a copy, since the type is shared."""
        return QFont(self._layout(self._width).font)

    def _layout(self, width: float) -> WrappedText:
        layout = self._layouts.get(width)
        if layout is None:
            if len(self._layouts) >= 4:  # a few widths: the current one, and the trials of a block's layout
                self._layouts = {w: t for w, t in self._layouts.items() if w == self._width}
            layout = self._layouts[width] = _wrap(self._text, width, self._longest)
        return layout

    @property
    def size(self) -> tuple[float, float]:
        if not self._height:  # not placed by a board yet: as tall as its text at its width
            self._resize(self._width, _height_of(self._layout(self._width)))
        return self._width, self._height

    def _resize(self, width: float, height: float) -> None:
        if (width, height) != (self._width, self._height):
            self._width, self._height = width, height
            self._set_bounds()

    def _set_bounds(self) -> None:
        margin = _VOTED if self._votes else _OUTLINE
        self.setRect(QRectF(-margin, -margin, self._width + _SHADOW_OFFSET + 2 * margin, self._height + 2 * margin))

    def _prepare(self) -> None:
        """Colours now; the text is laid out when the note is sized or painted."""
        self._fill = QColor(color_hex(self._color))
        self._ink = style.NOTE_TEXT_ON_DARK if is_dark(self._color) else style.NOTE_TEXT
        self.update()

    # Painting

    # boundingRect is QGraphicsRectItem's, in C++ (setRect tells the scene of a change): the scene asks for it
    # thousands of times a frame, and as a Python method it made a drag frame among 5,000 notes 16 ms, not 5.6.

    def body_rect(self) -> QRectF:
        return QRectF(0.0, 0.0, self._width, self._height)

    def shape(self) -> QPainterPath:
        # Clicks hit the paper only, not the shadow or outline margin that may lie over a neighbouring note.
        path = QPainterPath()
        path.addRect(self.body_rect())
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        body = self.body_rect()
        # Shadow, border and rounded corners are only worth drawing when they are a pixel or more on screen: a
        # crowded board seen whole draws hundreds of notes a frame, and plain paper draws several times faster.
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        detailed = detail >= _DETAILED
        if detailed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.NOTE_SHADOW)
            painter.drawRoundedRect(body.translated(_SHADOW_OFFSET * 0.5, _SHADOW_OFFSET), _RADIUS, _RADIUS)
            painter.setBrush(self._fill)
            painter.setPen(QPen(style.NOTE_BORDER, 1.0))
            painter.drawRoundedRect(body, _RADIUS, _RADIUS)
        else:
            style.fill(painter, body, self._fill)  # not fillRect: see style.fill (~1 µs more a note)
        painter.setPen(self._ink)
        self._layout(self._width).paint(painter, style.NOTE_PADDING, style.NOTE_PADDING)
        if self.isSelected():
            painter.setPen(QPen(style.SELECTION, 3.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            outline = body.adjusted(-2.5, -2.5, 2.5, 2.5)
            if detailed:
                painter.drawRoundedRect(outline, _RADIUS + 2, _RADIUS + 2)
            else:
                painter.drawRect(outline)
        if self.votes_shown and self._votes and detail >= _DOTS_SEEN:  # seen from far off, dots would be specks
            self._paint_votes(painter, body)

    def _paint_votes(self, painter: QPainter, body: QRectF) -> None:
        """Dot stickers along the bottom edge, from the right (a number beside one dot past six); the most voted get
        a gold frame and their rank on the top-left corner, clear of the dots of a voted note just above (on the
        top-right corner, the two met across the gap between the notes)."""
        if self.rank is not None:
            painter.setPen(QPen(style.TOP_VOTED, 4.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(body.adjusted(-1.0, -1.0, 1.0, 1.0), _RADIUS + 1, _RADIUS + 1)
            # The rank as a word ("1st") on a gold tab, square where the dots are round: never read as a count.
            badge = QRectF(-_VOTED, -_VOTED, _BADGE_WIDTH, 1.25 * _DOT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.TOP_VOTED)
            painter.drawRoundedRect(badge, 2.0, 2.0)
            painter.setPen(style.NOTE_TEXT)
            painter.setFont(_dot_font())
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, ordinal(self.rank))
        right = body.right() - 6.0
        # One by one while they stay right of where a rank badge's corner reaches (on a narrow note, that of the note
        # below would meet them); else one dot and the count.
        room = int((right - (_BADGE_WIDTH - _VOTED)) // (_DOT + 2.0))
        one_by_one = self._votes <= min(_MOST_DOTS, room)
        painter.setPen(QPen(style.PAPER, 1.5))
        painter.setBrush(style.DOT)
        for index in range(self._votes if one_by_one else 1):
            painter.drawEllipse(QRectF(right - (index + 1) * (_DOT + 2.0), body.bottom() - _DOT / 2, _DOT, _DOT))
        if not one_by_one:
            label = QRectF(right - _DOT - 2.0 - 3 * _DOT, body.bottom() - _DOT / 2, 3 * _DOT - 2.0, _DOT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.DOT)
            painter.drawRoundedRect(label, _DOT / 2, _DOT / 2)
            painter.setPen(style.PAPER)
            painter.setFont(_dot_font())
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, f"{self._votes}")
