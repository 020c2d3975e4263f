"""SidePanels: the window's two docks, Canvas Details (title, header fields, legend) and Undo History, each made
when it is first shown (start-up does without both) and following the document the window shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QUndoView

    from editor.gui.document import Document
    from editor.gui.header_panel import HeaderPanel
    from editor.gui.workspace import Messages


class SidePanels:
    def __init__(self, window: QMainWindow, document: Document, messages: Messages) -> None:
        self.window = window
        self.document = document
        self.messages = messages
        self._header_panel: HeaderPanel | None = None
        self._undo_view: QUndoView | None = None
        self.details = self._dock("Canvas Details", lambda: self.header_panel)
        self.history = self._dock("Undo History", lambda: self.undo_view)

    def docks(self) -> list[QDockWidget]:
        return [self.details, self.history]

    @property
    def header_panel(self) -> HeaderPanel:
        if self._header_panel is None:
            from editor.gui.header_panel import HeaderPanel  # imported with the panel: start-up does without both

            self._header_panel = HeaderPanel(self.window)
            self._header_panel.said.connect(lambda message: self.messages.say(message, 15_000))
            self._header_panel.set_document(self.document)
            self.details.setWidget(self._header_panel)
        return self._header_panel

    @property
    def undo_view(self) -> QUndoView:
        if self._undo_view is None:
            from PySide6.QtWidgets import QUndoView  # with the panel: its item view classes take ~2 ms to load

            self._undo_view = QUndoView(self.document.stack, self.window)
            self._undo_view.setEmptyLabel("Opened")
            self.history.setWidget(self._undo_view)
            self._read_only_changed()
        return self._undo_view

    def follow(self, document: Document) -> None:
        """Show this document's header and history from now on (in the panels made already)."""
        self.document = document
        if self._header_panel is not None:
            self._header_panel.set_document(document)
        if self._undo_view is not None:
            self._undo_view.setStack(document.stack)
        document.read_only_changed.connect(self._read_only_changed)
        self._read_only_changed()

    def _read_only_changed(self) -> None:
        """A read-only canvas's history is shown, not stepped through (a click in it would undo, unasked)."""
        if self._undo_view is not None:
            self._undo_view.setEnabled(not self.document.read_only)
        if self._header_panel is not None:
            self._header_panel.setEnabled(not self.document.read_only)

    def show_details(self, field: str = "title") -> None:
        """Show the Canvas Details panel with the title (or a header field) ready to type into."""
        self.details.show()
        self.details.raise_()
        edit = self.header_panel.fields.get(field, self.header_panel.fields["title"])
        edit.setFocus()
        edit.selectAll()

    def _dock(self, title: str, content: Callable[[], QWidget]) -> QDockWidget:
        """A hidden dock on the right that gets its content (`content()` makes it) when it is first shown."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(title.replace(" ", ""))
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        dock.visibilityChanged.connect(lambda visible: visible and content())
        return dock
