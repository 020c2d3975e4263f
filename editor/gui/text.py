"""Wrapped plain text prepared once and painted cheaply: QStaticText with the wrapping a note needs."""

from __future__ import annotations

import re

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QPainter, QStaticText, QTextOption

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def drawable(text: str) -> str:
    """Text with its control characters but line breaks and tabs as U+FFFD: what is drawn, and what an SVG holds."""
    return _CONTROL.sub("\ufffd", text) if _CONTROL.search(text) else text


class WrappedText:
    """Plain text (never rich text: a note saying '<b>' shows '<b>') wrapped to a width, laid out once.

    A width of None lays the text out on one line (per line break), at its natural width.
    """

    __slots__ = ("_static", "_text", "font")

    def __init__(
        self,
        text: str,
        font: QFont,
        width: float | None,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        self.font = font
        self._text = text
        # QStaticText breaks lines only at U+2028 (it ignores "\n"), so a note's line breaks are given as that. A
        # control character (a file may hold one through an escape, "\x01") is drawn as U+FFFD: drawn as itself it
        # would show as nothing on the board and make an SVG export that is not XML.
        self._static = QStaticText(drawable(text.replace("\r\n", "\n")).replace("\n", "\u2028"))
        self._static.setTextFormat(Qt.TextFormat.PlainText)
        option = QTextOption(alignment)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._static.setTextOption(option)
        if width is not None:
            self._static.setTextWidth(max(1.0, width))
        self._static.prepare(font=font)

    @property
    def text(self) -> str:
        return self._text

    @property
    def height(self) -> float:
        return float(self._static.size().height())

    @property
    def width(self) -> float:
        return float(self._static.size().width())

    def paint(self, painter: QPainter, x: float, y: float) -> None:
        painter.setFont(self.font)
        painter.drawStaticText(QPointF(x, y), self._static)
