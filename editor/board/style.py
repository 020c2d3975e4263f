"""The board's look in one place: fonts and colours, sized for a projector at the back of a room."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from editor.model.colors import DARK_INK, LIGHT_INK, is_dark

BOARD_BACKGROUND = QColor("#dfe3e8")
PAPER = QColor("#ffffff")
BLOCK_HIGHLIGHT = QColor("#e3f2fd")
PARKING_GROUND = QColor("#f1f3f5")  # the parking lot: beside the canvas, a shade off its white
BLOCK_BORDER = QColor("#9aa3ad")
TITLE_TEXT = QColor("#1f2933")
QUESTION_TEXT = QColor("#52606d")  # key questions: quiet, and still 6:1 on white (WCAG AA is 4.5)
LABEL_TEXT = QColor("#52606d")
NOTE_TEXT = QColor(DARK_INK)
NOTE_TEXT_ON_DARK = QColor(LIGHT_INK)
NOTE_SHADOW = QColor(0, 0, 0, 46)
NOTE_BORDER = QColor(0, 0, 0, 40)
WARNING = QColor("#c62828")
EDITOR_BORDER = QColor("#1e88e5")
SELECTION = QColor("#1e88e5")
DOT = QColor("#d32f2f")  # vote dots: the red of dot stickers
TOP_VOTED = QColor("#f9a825")  # the frame and rank badge of the most-voted notes
SHADE = QColor(15, 20, 28, 150)  # over the blocks the guided walk is not on
BANNER_BACKGROUND = QColor("#1f2933")  # the walk's banner and the timebox: light type on dark, for a projector
BANNER_TEXT = QColor("#ffffff")
BANNER_QUESTIONS = QColor("#cbd2d9")


def swatch(hex_value: str, size: int = 18, *, ticked: bool = False) -> QIcon:
    """A square of a note colour, for menus, toolbars and forms, edged so that white shows on a white menu.
    `ticked` draws a check mark on it in the ink notes of that colour get: the notes' colour in a menu (a style may
    show a checked action that has an icon as no more than a faint frame round it)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(hex_value))
    painter = QPainter(pixmap)
    painter.setPen(BLOCK_BORDER)
    painter.drawRect(0, 0, size - 1, size - 1)
    if ticked:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = NOTE_TEXT_ON_DARK if is_dark(hex_value) else NOTE_TEXT
        painter.setPen(QPen(ink, size / 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        corners = ((0.25, 0.52), (0.43, 0.7), (0.76, 0.3))
        painter.drawPolyline([QPointF(size * x, size * y) for x, y in corners])
    painter.end()
    return QIcon(pixmap)


def fill(painter: QPainter, rect: QRectF, color: QColor) -> None:
    """What `painter.fillRect(rect, color)` does, leaving no pen and this brush set; without fillRect's first call,
    for which PySide builds QGradient's Python type and enums (~4 ms, at start-up) to choose among its overloads."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRect(rect)


def font(pixel_size: float, *, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(round(pixel_size))
    result.setBold(bold)
    return result


NOTE_FONT_SIZE = 17  # these two grow with Larger Text (set_large_text), for a room at the back of a projector
NOTE_PADDING = 10.0
NOTE_MIN_HEIGHT = 54.0
BLOCK_TITLE_SIZE = 21
QUESTION_SIZE = 13
MORE_SIZE = 16  # a full block's "+12 more" button
BOARD_TITLE_SIZE = 38
HEADER_LABEL_SIZE = 12
HEADER_VALUE_SIZE = 17
FOOTER_SIZE = 14

_NORMAL = {"NOTE_FONT_SIZE": NOTE_FONT_SIZE, "QUESTION_SIZE": QUESTION_SIZE}
LARGE_TEXT = 1.3  # how much larger notes and key questions are with Larger Text


def set_large_text(on: bool) -> None:
    """Notes and key questions in larger type (boards laid out after this use it)."""
    for name, size in _NORMAL.items():
        globals()[name] = round(size * LARGE_TEXT) if on else size
