"""RecoveryDialog: the canvases a crashed editor left unsaved, to restore, discard or keep for later."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.errors import shown
from editor.gui.recovery import RecoveredCopy

ROLE = Qt.ItemDataRole.UserRole
STATUS = {
    "untitled": "Never saved",
    "unchanged": "Unchanged",
    "changed": "⚠ Changed since",
    "missing": "⚠ Gone",
}
WARNINGS = {
    "changed": "⚠ Changed since: the file was saved by someone (or something) else after this canvas was opened "
    "or last saved. Restoring does not touch the file, and saving asks before replacing it.",
    "missing": "⚠ Gone: the file was moved or deleted. Saving the restored canvas writes it there again.",
}


class RecoveryDialog(QDialog):
    """Lists the copies with title, file, time of the last change and the state of the file on disk.

    Restore and Discard act on the selected rows; Decide Later closes and leaves every copy where it is, so
    the next start offers them again. Nothing is deleted without a choice (Discard asks once more).
    """

    def __init__(
        self,
        copies: list[RecoveredCopy],
        restore: Callable[[RecoveredCopy], object],
        discard: Callable[[RecoveredCopy], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle("Recover Unsaved Canvases")
        self._restore = restore
        self._discard = discard
        self._copies = list(copies)  # a row keeps its copy's index in ROLE

        heading = QLabel("Canvas Editor stopped before these canvases were saved.")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        explanation = QLabel(
            "Restore opens each selected canvas as it was at its last change, unsaved. "
            "Nothing is deleted until you choose: Decide Later keeps the copies for the next start."
        )
        explanation.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("recoveryList")
        self.tree.setHeaderLabels(["Canvas", "File", "Last change", "On disk"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setWordWrap(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        statuses = [copy.original_status() for copy in copies]
        for index, (copy, status) in enumerate(zip(copies, statuses, strict=True)):
            self._add_row(index, copy, status)
        self.tree.selectAll()
        warnings = QLabel("\n".join(text for status, text in WARNINGS.items() if status in statuses))
        warnings.setObjectName("recoveryWarnings")
        warnings.setWordWrap(True)
        warnings.setVisible(bool(warnings.text()))

        buttons = QDialogButtonBox()
        self.restore_button = self._button(buttons, "Restore", "restoreButton", QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = self._button(
            buttons, "Discard…", "discardButton", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = self._button(buttons, "Decide Later", "laterButton", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda item: self._act([item], self._restore_one))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addWidget(self.tree, 1)
        layout.addWidget(warnings)
        layout.addWidget(buttons)
        rows = self.tree.sizeHintForRow(0) * min(len(copies), 10)
        self.resize(1000, self.sizeHint().height() - self.tree.sizeHint().height() + rows + 48)

    def restore_selected(self) -> None:
        self._act(self.tree.selectedItems(), self._restore_one)

    def discard_selected(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        count = "this canvas" if len(items) == 1 else f"these {len(items)} canvases"
        answer = QMessageBox.warning(
            self,
            "Discard Recovery Copies",
            f"Discard the recovery copies of {count}? Their unsaved changes will be lost.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._act(items, self._discard)

    def remaining(self) -> list[RecoveredCopy]:
        items = (self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount()))
        return [self._copy(item) for item in items if item is not None]

    # Internals

    def _restore_one(self, copy: RecoveredCopy) -> None:
        self._restore(copy)

    def _act(self, items: list[QTreeWidgetItem], action: Callable[[RecoveredCopy], None]) -> None:
        failures: list[str] = []
        for item in items:
            copy = self._copy(item)
            try:
                action(copy)
            except OSError as error:
                failures.append(shown(f"{copy.path}: {error.strerror or error}"))
                continue
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        if failures:
            QMessageBox.warning(self, "Recover Unsaved Canvases", "\n".join(failures))
        if self.tree.topLevelItemCount() == 0:
            self.accept()
        else:
            self.tree.selectAll()

    def _copy(self, item: QTreeWidgetItem) -> RecoveredCopy:
        return self._copies[int(item.data(0, ROLE))]

    def _add_row(self, index: int, copy: RecoveredCopy, status: str) -> None:
        original = copy.info.original
        item = QTreeWidgetItem(
            [
                shown(copy.canvas.title) or "Untitled",
                shown(str(original)) if original else "Untitled (never saved)",
                _when(copy.info.changed),
                STATUS[status],
            ]
        )
        item.setToolTip(1, shown(str(original)) if original else "")
        item.setToolTip(3, WARNINGS.get(status, ""))
        if status in ("changed", "missing"):
            item.setForeground(3, Qt.GlobalColor.darkRed)
        item.setData(0, ROLE, index)
        self.tree.addTopLevelItem(item)

    def _button(self, box: QDialogButtonBox, text: str, name: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = box.addButton(text, role)
        button.setObjectName(name)
        return button

    def _update_buttons(self) -> None:
        selected = bool(self.tree.selectedItems())
        self.restore_button.setEnabled(selected)
        self.discard_button.setEnabled(selected)


def _when(seconds: float) -> str:
    """'14:03:12 today (3 min ago)', or the date for older changes."""
    age = max(0.0, time.time() - seconds)
    moment = time.localtime(seconds)
    today = time.localtime()
    if (moment.tm_year, moment.tm_yday) == (today.tm_year, today.tm_yday):
        stamp = time.strftime("%H:%M:%S today", moment)
    else:
        stamp = time.strftime("%Y-%m-%d %H:%M", moment)
    if age < 60:
        return f"{stamp} (just now)"
    if age < 3600:
        return f"{stamp} ({int(age // 60)} min ago)"
    return stamp
