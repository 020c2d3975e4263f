"""Wrapped plain text prepared once and painted cheaply: QStaticText with the wrapping a note needs."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QPainter, QStaticText, QTextOption

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# The most characters laid out: more than a note shows, since a note taller than its block is cut (at the board's
# narrowest note, 1,500 characters are some 60 lines). A note may hold MAX_TEXT; its editor shows all of them.
MOST_SHOWN = 1_500
_LONG_RUN = 48  # characters without a place to break a line, after which one is made
_RUN = re.compile(rf"\S{{{_LONG_RUN}}}(?=\S)")


def breakable(text: str) -> str:
    """Text with a zero-width space after every _LONG_RUN characters of a run that has no space (a URL, a pasted
    hash), except before a combining mark. Qt looks for a word's end before it breaks a word anywhere, line after
    line, so laying out one long word takes time that grows as its square (100,000 letters: 2.4 s); with a break
    within every _LONG_RUN characters it grows as the text does."""
    if len(text) <= _LONG_RUN:
        return text
    return _RUN.sub(_break_after, text)


def _break_after(match: re.Match[str]) -> str:
    following = match.string[match.end()]
    joined = unicodedata.combining(following) or following in "\u200d\ufe0f"  # a mark, a joiner, an emoji's selector
    return match.group() if joined else match.group() + "\u200b"


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
        shown = text if len(text) <= MOST_SHOWN else text[:MOST_SHOWN] + "\u2026"
        self._static = QStaticText(breakable(drawable(shown.replace("\r\n", "\n"))).replace("\n", "\u2028"))
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
