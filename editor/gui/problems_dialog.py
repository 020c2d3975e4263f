"""ProblemsDialog: what went wrong with a file, as a list a person reads (line:column and the sentence for each),
with the file named once, a Copy button for the located lines and a way to the file's folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.errors import CanvasFileError, shown

MIN_WIDTH = 720  # wide enough for a problem's sentence on one or two lines


class ProblemsDialog(QDialog):
    """`details` is what Copy puts on the clipboard: the problems as `FILE:LINE:COL: sentence` lines, or the text."""

    def __init__(self, parent: QWidget | None, title: str, text: str, details: str | CanvasFileError) -> None:
        super().__init__(parent)
        self.setObjectName("errorBox")
        self.setWindowTitle(title)
        self.setMinimumWidth(MIN_WIDTH)
        self._headline = text
        self.details = str(details)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        top.addWidget(icon, 0)
        headline = QLabel(f"<b>{_escape(text)}</b>", self)
        headline.setWordWrap(True)
        top.addWidget(headline, 1)
        layout.addLayout(top)
        self.folder = self._add_problems(layout, details) if isinstance(details, CanvasFileError) else None
        if not isinstance(details, CanvasFileError):
            message = QLabel(self.details, self)
            message.setObjectName("errorText")
            message.setWordWrap(True)
            message.setTextInteractionFlags(message.textInteractionFlags() | _selectable())
            layout.addWidget(message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        copy = self.add_button("&Copy", QDialogButtonBox.ButtonRole.ActionRole, "copyProblems")
        copy.setToolTip("Copy the problems as FILE:LINE:COLUMN lines, for a mail or an editor")
        copy.clicked.connect(self.copy)
        if self.folder is not None:
            opener = self.add_button("Open &Folder", QDialogButtonBox.ButtonRole.ActionRole, "openFolder")
            opener.setToolTip(str(self.folder))
            opener.clicked.connect(self.open_folder)
        layout.addWidget(self.buttons)

    def _add_problems(self, layout: QVBoxLayout, error: CanvasFileError) -> Path | None:
        """The list of problems; returns the file's folder, when there is one to open."""
        path = Path(error.source)
        count = len(error.problems)
        more = error.problems[-1].message if error.problems[-1].line <= 0 and count > 1 else ""
        listed = [problem for problem in error.problems if problem.line > 0 or not more]
        number = f"{len(listed)} problems" if len(listed) != 1 else "one problem"
        where = QLabel(f"{number} in <code>{_escape(error.source)}</code>:", self)
        where.setObjectName("problemsSource")
        where.setWordWrap(True)
        where.setTextInteractionFlags(where.textInteractionFlags() | _selectable())
        layout.addWidget(where)
        table = QTreeWidget(self)
        table.setObjectName("problemList")
        table.setColumnCount(2)
        table.setHeaderLabels(["Line:Column", "Problem"])
        table.setRootIsDecorated(False)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for problem in listed:
            place = f"{problem.line}:{problem.column}" if problem.line > 0 else "the file"
            item = QTreeWidgetItem([place, shown(problem.message)])
            item.setToolTip(1, shown(problem.message))
            table.addTopLevelItem(item)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.resizeColumnToContents(0)
        metrics = table.fontMetrics()
        table.setColumnWidth(0, max(table.columnWidth(0), metrics.horizontalAdvance("Line:Column") + 24))
        # Wide enough for the longest sentence on one line, as far as the screen allows.
        longest = max((metrics.horizontalAdvance(problem.message) for problem in listed), default=0)
        screen = self.screen().availableGeometry().width() if self.screen() is not None else 1280
        self.setMinimumWidth(min(max(MIN_WIDTH, table.columnWidth(0) + longest + 80), int(screen * 0.9)))
        rows = min(len(listed), 12)
        table.setMinimumHeight(table.header().sizeHint().height() + rows * (metrics.height() + 6) + 12)
        layout.addWidget(table, 1)
        if more:
            tail = QLabel(more[:1].upper() + more[1:], self)
            tail.setObjectName("moreProblems")
            layout.addWidget(tail)
        return path.parent if path.parent.is_dir() and str(path.parent) != "." else None

    def text(self) -> str:
        """The sentence above the problems."""
        return self._headline

    def add_button(self, text: str, role: QDialogButtonBox.ButtonRole, name: str) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setObjectName(name)
        return button

    def offer(self, text: str, name: str) -> QPushButton:
        """The button for what the person most likely does next (Save As… after a save failed), the default."""
        button = self.add_button(text, QDialogButtonBox.ButtonRole.AcceptRole, name)
        button.setDefault(True)
        return button

    def problem_rows(self) -> list[tuple[str, str]]:
        table = self.findChild(QTreeWidget, "problemList")
        if table is None:
            return []
        items = [table.topLevelItem(index) for index in range(table.topLevelItemCount())]
        return [(item.text(0), item.text(1)) for item in items if item is not None]

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details + "\n")

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


def _selectable() -> Qt.TextInteractionFlag:
    return Qt.TextInteractionFlag.TextSelectableByMouse


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
