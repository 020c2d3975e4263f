"""HeaderPanel: the canvas's title, header fields and colour legend as a small form; each change is one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from editor.board import style
from editor.gui.commands import SetHeader, SetLegend
from editor.gui.document import Document
from editor.model import PALETTE, Event, HeaderChanged, Reset
from editor.model.limits import MAX_TEXT


class HeaderPanel(QWidget):
    said = Signal(str)  # a passing message for the person (a text cut at the limit)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.fields: dict[str, QLineEdit] = {}
        self.legend: dict[str, QLineEdit] = {}  # what each palette colour means, by colour name
        self._form = QFormLayout(self)
        self.setMinimumWidth(340)  # room to read a legend entry such as "Brands and advertisers" whole

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
            edit.setMaxLength(2 * MAX_TEXT)  # UTF-16 units, room for MAX_TEXT characters of any kind; see _within
            edit.setObjectName(name)
            edit.editingFinished.connect(self._committer(name, label, edit))
            self._form.addRow(label, edit)
            self.fields[name] = edit
        heading = QLabel("<b>Colour legend</b> (what each note colour means: one per customer segment or per person)")
        heading.setWordWrap(True)
        self._form.addRow(heading)
        self.legend = {}
        for color, hex_value in PALETTE.items():
            edit = QLineEdit(self)
            edit.setMaxLength(2 * MAX_TEXT)
            edit.setObjectName(f"legend-{color}")
            edit.setPlaceholderText("not used")
            edit.addAction(style.swatch(hex_value), QLineEdit.ActionPosition.LeadingPosition)
            edit.editingFinished.connect(self._commit_legend)
            self._form.addRow(color.title(), edit)
            self.legend[color] = edit
        document.canvas.subscribe(self._on_event)
        self._refresh()

    def _committer(self, name: str, label: str, edit: QLineEdit) -> Callable[[], None]:
        def commit() -> None:
            if self.document is None:
                return
            canvas = self.document.canvas
            current = canvas.title if name == "title" else canvas.fields[name]
            text = self._within(edit, label)
            if text != current:
                self.document.push(SetHeader(canvas, name, text, label))

        return commit

    def _within(self, edit: QLineEdit, label: str) -> str:
        """The field's text, cut to MAX_TEXT characters (the field counts UTF-16 units, two for an emoji)."""
        text = edit.text()
        if len(text) <= MAX_TEXT:
            return text
        edit.setText(text[:MAX_TEXT])
        self.said.emit(f"{label} holds at most {MAX_TEXT:,} characters: the rest was left out.")
        return text[:MAX_TEXT]

    def _commit_legend(self) -> None:
        """The legend as the form says, in its order (entries the form does not show, such as #hex colours from a
        file, are kept); one undo step when it changed."""
        if self.document is None:
            return
        canvas = self.document.canvas
        wanted = {color: self._within(edit, color.title()).strip() for color, edit in self.legend.items()}
        legend: dict[str, str] = {}
        for color, meaning in canvas.legend.items():  # the legend's own order
            if color not in wanted:
                legend[color] = meaning
            elif wanted[color]:
                legend[color] = wanted[color]
        legend.update((color, meaning) for color, meaning in wanted.items() if meaning and color not in legend)
        if legend != canvas.legend:
            self.document.push(SetLegend(canvas, legend))

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
        for color, edit in self.legend.items():
            meaning = canvas.legend.get(color, "")
            if edit.text() != meaning:
                edit.setText(meaning)
                edit.setCursorPosition(0)
