"""NoteEditor: the temporary in-place editor for one note's text, drawn as the note it edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QWidget

from editor.board import style
from editor.model.colors import color_hex, is_dark
from editor.model.limits import MAX_TEXT

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent
    from PySide6.QtWidgets import QStyleOptionGraphicsItem


class NoteEditor(QGraphicsTextItem):
    """Enter or a click elsewhere commits, Escape cancels, Shift+Enter breaks the line.

    `finished(commit)` is called exactly once, with True to keep the text and False to drop the edit. Text typed or
    pasted past MAX_TEXT characters is cut off at once, before it is laid out, and `said` tells the person.
    """

    def __init__(
        self,
        text: str,
        color: str,
        font: QFont,
        width: float,
        min_height: float,
        finished: Callable[[bool], None],
        said: Callable[[str], None] = lambda message: None,
    ) -> None:
        super().__init__()
        self._finished = finished
        self._said = said
        self._done = False
        self._fill = QColor(color_hex(color))
        self._min_height = min_height
        self.setFont(font)  # the note's own type, so the text wraps as it will on the note
        self.setDefaultTextColor(style.NOTE_TEXT_ON_DARK if is_dark(color) else style.NOTE_TEXT)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.document().setDocumentMargin(style.NOTE_PADDING)
        option = self.document().defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.setTextWidth(width)
        self.setPlainText(text)
        self.document().contentsChange.connect(self._keep_within_limit)
        self.setZValue(1000.0)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    @property
    def text(self) -> str:
        # toPlainText() would turn no-break spaces into plain ones; the raw text keeps every character typed.
        return self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")

    def _keep_within_limit(self, position: int, _removed: int, added: int) -> None:
        """Cut what was just typed or pasted back to MAX_TEXT characters, as part of that same edit (one Undo takes
        back both). Qt counts positions in UTF-16 units, a canvas counts characters: an emoji is one character."""
        document = self.document()
        units = document.characterCount() - 1  # Qt counts the paragraph separator every document ends with
        if added <= 0 or units <= MAX_TEXT:  # no text has more characters than UTF-16 units
            return
        excess = len(self.text) - MAX_TEXT
        if excess <= 0:
            return
        end = min(position + added, units)  # a change that replaced all the text counts that separator too
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        inserted = cursor.selectedText()
        kept = inserted[: max(0, len(inserted) - excess)]  # whole characters: never half an emoji
        cursor.setPosition(position + len(kept.encode("utf-16-le")) // 2)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.joinPreviousEditBlock()
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self._said(f"A note holds at most {MAX_TEXT:,} characters: the rest was left out.")

    def finish(self, commit: bool) -> None:
        if not self._done:
            self._done = True
            self._finished(commit)

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        return rect.adjusted(0, 0, 0, max(0.0, self._min_height - rect.height()))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setBrush(self._fill)
        painter.setPen(QPen(style.EDITOR_BORDER, 2.0))
        painter.drawRoundedRect(self.boundingRect().adjusted(1, 1, -1, -1), 3.0, 3.0)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt allows no widget

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.finish(False)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
            else:
                self.finish(True)
        else:
            super().keyPressEvent(event)
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # a context menu keeps the edit open
            self.finish(True)
