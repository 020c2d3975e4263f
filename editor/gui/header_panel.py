"""HeaderPanel: the canvas's title and header fields as a small form; each change is one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from editor.gui.commands import SetHeader
from editor.gui.document import Document
from editor.model import Event, HeaderChanged, Reset


class HeaderPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.fields: dict[str, QLineEdit] = {}
        self._form = QFormLayout(self)

    def set_document(self, document: Document) -> None:
        if self.document is not None:
            self.document.canvas.unsubscribe(self._on_event)
        self.document = document
        while self._form.rowCount():
            self._form.removeRow(0)
        self.fields = {}
        rows = [("title", "Title"), *((f.id, f.label) for f in document.canvas.template.header)]
        for name, label in rows:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.editingFinished.connect(self._committer(name, label, edit))
            self._form.addRow(label, edit)
            self.fields[name] = edit
        document.canvas.subscribe(self._on_event)
        self._refresh()

    def _committer(self, name: str, label: str, edit: QLineEdit) -> Callable[[], None]:
        def commit() -> None:
            if self.document is None:
                return
            canvas = self.document.canvas
            current = canvas.title if name == "title" else canvas.fields[name]
            if edit.text() != current:
                self.document.push(SetHeader(canvas, name, edit.text(), label))

        return commit

    def _on_event(self, event: Event) -> None:
        if isinstance(event, HeaderChanged | Reset):
            self._refresh()

    def _refresh(self) -> None:
        if self.document is None:
            return
        canvas = self.document.canvas
        for name, edit in self.fields.items():
            value = canvas.title if name == "title" else canvas.fields[name]
            if edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)  # show the start of a long value, not its end
