"""JoinCode: a shared session's join code beside the board: a QR code of the participants' page and its short
address, large enough to scan and read from the back of a room (in presentation mode too), in a band of its own
right of the board, so that it covers no note."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from editor.board import style
from editor.gui.board_view import BoardView
from editor.shared.page import on_this_computer

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks, so that phones find its edge
SHARE = 0.27  # of the window's width the band takes, at most
MOST, LEAST = 560, 240  # pixels wide


class JoinCode(QWidget):
    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self.setObjectName("joinCode")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.view = view
        self.address = ""  # the short address, as people type it
        self.modules: list[list[bool]] = []  # the QR code's dark modules, row by row
        self.people = 0  # how many take part, besides the host
        self.here_only = False  # the session is on this computer only: no phone can reach it
        view.installEventFilter(self)
        self.hide()

    def show_code(self, link: str, address: str) -> None:
        """Show the code of `link` and, under it, `address` to type (the same page)."""
        import segno  # with the first session: start-up does without it

        code = segno.make(link, error="m", boost_error=False)
        self.modules = [[bool(module) for module in row] for row in code.matrix]
        self.address = address
        self.here_only = on_this_computer(link)
        self.setToolTip(link)
        self.show()
        self._place()

    def hide_code(self) -> None:
        self.hide()
        self.view.reserve_side(0)

    def set_people(self, count: int) -> None:
        self.people = count
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        view = self.view
        width = max(LEAST, min(MOST, int(view.width() * SHARE)))
        view.reserve_side(width)
        top = view.top_band()
        self.setGeometry(view.width() - width, top, width, view.height() - top)
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.BANNER_BACKGROUND)
        margin = self.width() // 16
        side = self.width() - 2 * margin
        heading, text = max(16, side // 13), max(14, side // 15)
        # The whole in the middle of the band's height: heading, code, address and (when any) who takes part.
        tall = heading * 2.6 + margin + side + text * 3.4 + (margin / 2 + text * 1.6 if self.people else 0)
        painter.setPen(style.BANNER_TEXT)
        painter.setFont(style.font(heading, bold=True))
        title = QRectF(margin, max(margin, (self.height() - tall) / 2), side, heading * 2.6)
        says = (
            ("On this computer only", "Other windows here open:")
            if self.here_only
            else ("Join from your phone", "Scan the code, or open:")
        )
        painter.drawText(title, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, says[0])
        code = QRectF(margin, title.bottom() + margin / 2, side, side)
        self._draw_code(painter, code)
        painter.setPen(style.BANNER_TEXT)
        painter.setFont(style.font(text * 0.8))
        below = QRectF(margin, code.bottom() + margin / 2, side, text * 1.6)
        painter.drawText(below, Qt.AlignmentFlag.AlignCenter, says[1])
        typed_font = style.font(text, bold=True)
        wide = QFontMetricsF(typed_font).horizontalAdvance(self.address)
        if wide > side:  # on one line, smaller, rather than broken in the middle of the key
            typed_font = style.font(max(10.0, text * side / wide), bold=True)
        painter.setFont(typed_font)
        typed = QRectF(margin, below.bottom(), side, text * 1.8)
        painter.drawText(typed, Qt.AlignmentFlag.AlignCenter, self.address)
        if self.people:
            painter.setFont(style.font(text * 0.8))
            here = QRectF(margin, typed.bottom() + margin / 2, side, text * 1.6)
            painter.drawText(here, Qt.AlignmentFlag.AlignCenter, f"{self.people} taking part")
        painter.end()

    def _draw_code(self, painter: QPainter, area: QRectF) -> None:
        """The modules as whole-pixel squares on white, so that the edges stay crisp at any size."""
        painter.fillRect(area, QColor("#ffffff"))
        count = len(self.modules) + 2 * QUIET_ZONE
        if not self.modules:
            return
        module = int(area.width() // count)
        offset = (area.width() - module * count) / 2 + QUIET_ZONE * module
        left, top = int(area.left() + offset), int(area.top() + offset)
        for y, row in enumerate(self.modules):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(left + x * module, top + y * module, module, module, Qt.GlobalColor.black)
