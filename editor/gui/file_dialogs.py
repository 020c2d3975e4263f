"""The questions the file workflow asks the person: which canvas to open, where to save it, and whether to save
changes before they would be lost. Imported when first asked (its dialogs' Qt types take a few ms to load)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILE_FILTER = "Canvas files (*.yaml *.yml);;All files (*)"
IMPORT_FILTER = "JSON Canvas (*.canvas);;All files (*)"


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_open_path(
    parent: QWidget, folder: Path, title: str = "Open Canvas", file_filter: str = FILE_FILTER
) -> Path | None:
    """A file to read (a canvas, unless `file_filter` says otherwise); None when the person cancels."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), file_filter)
    return Path(name) if name else None


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save; a name given without .yaml or .yml gets .yaml."""
    name, _ = QFileDialog.getSaveFileName(parent, "Save Canvas As", str(suggested), FILE_FILTER)
    if not name:
        return None
    return Path(name) if Path(name).suffix in (".yaml", ".yml") else Path(name + ".yaml")


def ask_save_changes(parent: QWidget, title: str, name: str) -> Answer:
    """Save, Discard or Cancel, for the changes to the canvas called `name`."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title,
        f"Do you want to save the changes to {name}?",
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    box.setObjectName("saveChangesBox")
    discard = box.button(buttons.Discard)
    if discard is not None:
        discard.setText("&Discard")  # Alt+D, as Save and Cancel have their letters
    box.setInformativeText("Your changes will be lost if you don't save them.")
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    if answer == buttons.Save:
        return Answer.SAVE
    return Answer.DISCARD if answer == buttons.Discard else Answer.CANCEL
