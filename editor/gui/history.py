"""A canvas's history in its window: File > Compare With (another file, the file as last saved, a saved version, a
git revision, a recovery copy), File > Save Version, and the Versions panel, which lists the saved versions and the
git commits that changed the file, compares any two or one with now, opens one as an untitled copy and deletes one
(an undo puts it back)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import CanvasFileError
from editor.fileformat import load_canvas
from editor.fileformat.versions import (
    Version,
    delete_version,
    list_versions,
    restore_version,
    save_version,
    versions_folder,
)
from editor.gui.comparing import Comparison, Revision, git_canvas, git_revisions, pick
from editor.gui.document import Document

if TYPE_CHECKING:
    from editor.gui.board_view import BoardView
    from editor.gui.recovery import Session
    from editor.gui.workspace import Messages, Workspace
    from editor.model import Canvas

FILE, SAVED, VERSION, GIT, RECOVERY = "file", "saved", "version", "git", "recovery"  # File > Compare With's sources


class Window(Protocol):
    """A window of the app's, as a copy opened from the history is: it says things, and has a history of its own."""

    def say(self, message: str, ms: int = ...) -> None: ...

    @property
    def history(self) -> History: ...


NewWindow = Callable[..., Window]  # new_window(document=...): a window of its own on a document
ENTRY = Qt.ItemDataRole.UserRole


class History(QObject):
    def __init__(
        self,
        window: QMainWindow,
        workspace: Workspace,
        view: BoardView,
        messages: Messages,
        session: Session,
        folder: Callable[[], Path],
        new_window: NewWindow,
    ) -> None:
        super().__init__(window)
        self.window, self.workspace, self.view, self.messages = window, workspace, view, messages
        self.session, self.folder, self.new_window = session, folder, new_window
        self.comparison: Comparison | None = None
        self.panel: VersionsPanel | None = None
        workspace.shown.connect(self._refresh)

    @property
    def path(self) -> Path | None:
        return self.workspace.document.path

    # Comparing

    def compare_with(self, source: str) -> None:
        """File > Compare With: the open canvas against an older one, its changes marked, until Escape."""
        self.workspace.board.finish_editing()
        try:
            older = self._older(source)
        except CanvasFileError as error:
            self.messages.show_error("Canvas Editor could not read the canvas to compare with.", error)
            return
        if older is not None:
            self.show_comparison(*older)

    def show_comparison(self, old: Canvas, name: str) -> Comparison:
        if self.comparison is not None:
            self.comparison.end()
        self.comparison = Comparison(self.window, self.workspace, self.view, self.messages, old, name)
        self.comparison.ended.connect(self._ended)
        return self.comparison

    def _ended(self) -> None:
        self.comparison = None

    def _older(self, source: str) -> tuple[Canvas, str] | None:
        """The older canvas of a comparison and its name; None when the person cancels or there is none (they are
        told why). Raises CanvasFileError."""
        if source == FILE:
            from editor.gui.file_dialogs import ask_open_path

            chosen = ask_open_path(self.window, self.folder(), "Compare With")
            return (load_canvas(chosen), chosen.name) if chosen is not None else None
        path = self.path
        if path is None:
            self.messages.say("This canvas has no file yet: save it, and it can be compared with its earlier states.")
            return None
        if source == SAVED:
            return load_canvas(path), f"{path.name} as last saved"
        if source == RECOVERY:
            return self._ask_recovery(path)
        lines: list[tuple[str, Version | Revision]]
        if source == VERSION:
            lines = [(_version_line(version), version) for version in list_versions(path)]
            empty = "This canvas has no saved versions: File > Save Version keeps one."
            title, label = "Compare With a Version", "Saved versions:"
        else:
            lines = [(revision.line, revision) for revision in git_revisions(path)]
            empty = f"No git commit has changed {path.name} (or git is not installed)."
            title, label = "Compare With a Git Revision", f"Commits that changed {path.name}:"
        if not lines:
            self.messages.say(empty)
            return None
        picked = pick(self.window, title, label, lines)
        return self.read(picked) if picked is not None else None

    def read(self, entry: Version | Revision) -> tuple[Canvas, str]:
        """A saved version or a git revision of the canvas's file, and its name. Raises CanvasFileError."""
        if isinstance(entry, Version):
            return load_canvas(entry.path), f"the version {entry.name}"
        assert self.path is not None  # a revision is of the file
        return git_canvas(self.path, entry.commit), f"{self.path.name} at {entry.commit[:7]}"

    def _ask_recovery(self, path: Path) -> tuple[Canvas, str] | None:
        copies = self.session.copies_of(path)
        if not copies:
            self.messages.say("There is no recovery copy of this canvas.")
            return None
        choices = [(f"Changed {datetime.fromtimestamp(copy.info.changed):%Y-%m-%d %H:%M}", copy) for copy in copies]
        label = "Recovery copies of this canvas (kept while it is edited, and after a crash):"
        chosen = pick(self.window, "Compare With a Recovery Copy", label, choices)
        return (chosen.canvas, "the recovery copy") if chosen is not None else None

    def open_copy(self, canvas: Canvas, name: str) -> Window:
        """A canvas (a version, a revision) as an untitled copy in a window of its own: no file is ever written. It
        counts as modified once edited, as the example does: closing an untouched copy loses nothing, so it asks
        nothing."""
        window = self.new_window(document=Document(canvas))
        window.say(f"A copy of {name}: Save As keeps it as a file of its own.", 0)
        return window

    # Versions

    def save_version(self) -> Version | None:
        """File > Save Version: the canvas as it is now, kept under a name beside its file (not written to it)."""
        if self.path is None:
            self.messages.say("Save the canvas first: its versions are kept beside its file.")
            return None
        self.workspace.board.finish_editing()
        name, ok = QInputDialog.getText(
            self.window, "Save Version", "A name for this version, such as \u201cAfter session 1\u201d:"
        )
        if not ok:
            return None
        try:
            version = save_version(self.workspace.canvas, self.path, name)
        except CanvasFileError as error:
            self.messages.show_error("The version could not be saved.", error)
            return None
        self.messages.say(f"Saved the version \u201c{version.name}\u201d; the canvas's file is as it was.")
        self._refresh()
        return version

    def show_panel(self) -> VersionsPanel:
        if self.panel is None:
            self.panel = VersionsPanel(self)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.refresh()
        self.panel.show()
        self.panel.raise_()
        return self.panel

    def delete(self, version: Version) -> None:
        """Delete a version, as an undo step of the canvas's (Ctrl+Z puts it back)."""
        self.workspace.document.push(DeleteVersion(self, version))

    def _refresh(self) -> None:
        if self.panel is not None and self.panel.isVisible():  # (showing it refreshes it: git log takes a while)
            self.panel.refresh()


class DeleteVersion(QUndoCommand):
    def __init__(self, history: History, version: Version) -> None:
        super().__init__(f"Delete Version \u201c{version.name}\u201d")
        self.history, self.version = history, version
        self.data = b""

    def redo(self) -> None:
        try:
            self.data = delete_version(self.version)
        except CanvasFileError as error:
            self.setObsolete(True)
            self.history.messages.show_error("The version could not be deleted.", error)
        self.history._refresh()

    def undo(self) -> None:
        try:
            restore_version(self.version, self.data)
        except CanvasFileError as error:
            self.history.messages.show_error("The version could not be put back.", error)
        self.history._refresh()


class VersionsPanel(QDockWidget):
    """The saved versions, newest first, then the git commits that changed the file; choose one to compare it with
    now or open it, or two to compare them."""

    def __init__(self, history: History) -> None:
        super().__init__("Versions", history.window)
        self.setObjectName("versionsPanel")
        self.history = history
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.note = QLabel(body)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.entries = QListWidget(body)
        self.entries.setObjectName("versionEntries")
        self.entries.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.entries.setWordWrap(True)  # a long name wraps: the dock is narrow
        self.entries.setSpacing(3)
        self.entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.entries, 1)
        row = QHBoxLayout()
        self.compare_now = self._button(row, "Compare With &Now", self._compare_with_now, body)
        self.compare_two = self._button(row, "Compare &Two", self._compare_two, body)
        layout.addLayout(row)
        row = QHBoxLayout()
        self.open_copy = self._button(row, "&Open as Copy", self._open, body)
        self.delete = self._button(row, "&Delete", self._delete, body)
        layout.addLayout(row)
        self.setWidget(body)
        self.entries.itemSelectionChanged.connect(self._selection_changed)

    def _button(self, row: QHBoxLayout, text: str, act: Callable[[], object], parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.clicked.connect(act)
        row.addWidget(button)
        return button

    def refresh(self) -> None:
        self.entries.clear()
        path = self.history.path
        if path is None:
            self.note.setText("An untitled canvas has no versions: save it first.")
        else:
            versions = list_versions(path)
            commits = git_revisions(path)
            self.note.setText(
                f"Kept in {versions_folder(path).name} beside the file. File > Save Version adds one."
                + (" Below them, the git commits that changed the file." if commits else "")
            )
            for version in versions:
                QListWidgetItem(_version_line(version), self.entries).setData(ENTRY, version)
            for revision in commits:
                QListWidgetItem(f"git {revision.line}", self.entries).setData(ENTRY, revision)
        self._selection_changed()

    def chosen(self) -> list[Version | Revision]:
        """The selected entries, oldest first (by their dates: the list has the versions, then the commits)."""
        rows = [(self.entries.row(item), item.data(ENTRY)) for item in self.entries.selectedItems()]
        rows.sort(key=lambda row: (row[1].when, -row[0]))  # in the same minute, as the list has them
        return [entry for _, entry in rows]

    def _selection_changed(self) -> None:
        chosen = self.chosen()
        self.compare_now.setEnabled(len(chosen) == 1)
        self.open_copy.setEnabled(len(chosen) == 1)
        self.compare_two.setEnabled(len(chosen) == 2)
        self.delete.setEnabled(len(chosen) == 1 and isinstance(chosen[0], Version))

    def _compare_with_now(self) -> None:
        self._guarded(lambda: self.history.show_comparison(*self.history.read(self.chosen()[0])))

    def _compare_two(self) -> None:
        """The newer of the two opened as an untitled copy in a window of its own, compared there with the older."""

        def compare() -> None:
            older, newer = (self.history.read(entry) for entry in self.chosen())
            self.history.open_copy(*newer).history.show_comparison(*older)

        self._guarded(compare)

    def _open(self) -> None:
        self._guarded(lambda: self.history.open_copy(*self.history.read(self.chosen()[0])))

    def _delete(self) -> None:
        version = self.chosen()[0]
        if isinstance(version, Version):
            self.history.delete(version)

    def _guarded(self, act: Callable[[], object]) -> None:
        try:
            act()
        except CanvasFileError as error:
            self.history.messages.show_error("Canvas Editor could not read that version.", error)


def _version_line(version: Version) -> str:
    return f"{version.name}  \u2014  {version.when:%Y-%m-%d %H:%M}"
