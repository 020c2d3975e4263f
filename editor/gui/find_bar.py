"""FindBar: Ctrl+F over the board. Typing brings out the notes whose text or tags hold the words (the others fade,
as the legend's filter does), Enter and Shift+Enter go through them one by one, Escape ends. It lies over the board,
so it works in presentation mode too, where the menus and toolbars are hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from editor.board import style
from editor.board.note_item import STORY
from editor.model import NoteId

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor.gui.board_view import BoardView
    from editor.gui.workspace import Workspace


def matches(text: str, tags: tuple[str, ...], query: str) -> bool:
    """Every word of the query is in the note's text or tags, whatever the case."""
    words = query.casefold().split()
    haystack = " ".join((text, *tags)).casefold()
    return bool(words) and all(word in haystack for word in words)


class FindBar(QWidget):
    """Over `view`, on the workspace's canvas; `go_to` shows a note found (selected, on its block's page, in view)."""

    def __init__(self, workspace: Workspace, view: BoardView, go_to: Callable[[NoteId], None]) -> None:
        super().__init__(view)
        self.workspace = workspace
        self.view = view
        self.go_to = go_to
        workspace.leaving.connect(self._leaving)
        self.setObjectName("findBar")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findText")
        self.edit.setPlaceholderText("Find notes: Enter for the next, Shift+Enter the one before, Esc to end")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        self.setStyleSheet(
            f"QWidget#findBar {{ background: {style.BANNER_BACKGROUND.name()}; border-radius: 6px; }}"
            f" QLabel#findCount {{ color: {style.BANNER_TEXT.name()}; font-size: 15px; }}"
            " QLineEdit#findText { font-size: 16px; padding: 4px; }"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        self.found: list[NoteId] = []
        self.current = -1
        self.hide()

    def start(self) -> None:
        """Show the bar over the board's top, the words typed last selected for a new search."""
        self._place()
        self.show()
        self.raise_()
        self.edit.setFocus()
        self.edit.selectAll()
        self._search()

    def end(self) -> None:
        self.hide()
        self.found, self.current = [], -1
        self.workspace.board.bring_out(None)
        self.view.setFocus()

    def _leaving(self) -> None:
        if self.isVisible():
            self.end()  # its matches are the old canvas's

    def _place(self) -> None:
        view = self.view
        width = min(640, max(360, view.width() // 2))
        self.resize(width, self.sizeHint().height())
        top = view.viewport().geometry().top() + 8
        self.move((view.width() - width) // 2, top)

    def _search(self) -> None:
        query = self.edit.text()
        board, canvas = self.workspace.board, self.workspace.canvas
        # In the board's order: block after block, each block's notes in order.
        # Not the notes the story has yet to tell: they are not to be seen yet.
        self.found = [
            note.id
            for block_id in board.blocks
            for note in canvas.notes(block_id)
            if matches(note.text, note.tags, query) and not board.notes[note.id].hidden_for & STORY
        ]
        self.current = -1
        board.bring_out(set(self.found) if query.strip() else None)
        if not query.strip():
            self.count.setText("")
        elif not self.found:
            self.count.setText("no note")
        else:
            self.step(1)

    def step(self, by: int) -> None:
        """To the next (1) or previous (-1) note found: selected, on its block's page, in view."""
        if not self.found:
            return
        self.current = (self.current + by) % len(self.found)
        note_id = self.found[self.current]
        self.count.setText(f"{self.current + 1} of {len(self.found)}")
        self.go_to(note_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if key == Qt.Key.Key_Escape:
                self.end()
                return True
        return False
