"""DiskChanges: how a window answers its file changed or removed by someone else, never overwriting a side silently."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from editor.errors import CanvasFileError
from editor.fileformat import FileState, open_canvas
from editor.gui.file_watch import FileWatcher

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from editor.gui.workspace import Messages, Workspace


class DiskChanges(QObject):
    """Without local edits a changed file is reloaded, as one undoable step; with local edits the person is asked
    (Reload keeps their edits in the undo history). A removed file leaves the canvas open and unsaved. A save over
    a file that changed since it was read asks first.
    """

    def __init__(self, workspace: Workspace, parent: QWidget, messages: Messages) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.parent_widget = parent  # of the questions it asks
        self.messages = messages
        self.watcher = FileWatcher(self)
        self.watcher.changed.connect(self._changed)
        self.watcher.vanished.connect(self._vanished)
        self.question: QMessageBox | None = None

    def watch(self) -> None:
        """Follow the window's document and its current file (after opening, Save As or a restore)."""
        self.watcher.watch(self.workspace.document)

    def may_replace(self) -> bool | None:
        """Before a save to the document's own file: True to go on, False to cancel, None to save elsewhere."""
        document = self.workspace.document
        if document.path is None or document.disk_state is None:
            return True
        if document.disk_state.differs(document.path) is None:  # the bytes decide, not the size and time
            return True
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.parent_widget.windowTitle(),
            f"{document.path.name} was changed on disk since it was opened or last saved here.",
            buttons.Cancel,
            self.parent_widget,
        )
        box.setObjectName("replaceChangedFileBox")
        box.setInformativeText(
            "Replace it with the canvas shown here, or save this canvas under another name to keep both."
        )
        replace = box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole)
        elsewhere = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        elsewhere.setObjectName("saveAsButton")
        box.setDefaultButton(elsewhere)
        box.exec()
        if box.clickedButton() is replace:
            return True
        return None if box.clickedButton() is elsewhere else False

    # Reactions

    def _changed(self, state: FileState) -> None:
        if self.question is not None:
            return  # the open question covers it; the answer looks again
        self.workspace.board.finish_editing()
        if self.workspace.document.modified:
            self._ask(state)
        else:
            self._reload()

    def _reload(self) -> None:
        document = self.workspace.document
        assert document.path is not None
        try:
            canvas, state, layout = open_canvas(document.path)
        except CanvasFileError as error:
            self.messages.show_error(
                f"{document.path.name} was changed on disk, but cannot be read. The canvas shown here is unchanged.",
                error,
            )
            return
        document.reload(canvas, state, layout)
        self.messages.say(
            f"Reloaded {document.path.name}: it was changed on disk. Undo brings back what was shown before.", 15_000
        )

    def _ask(self, state: FileState) -> None:
        document = self.workspace.document
        assert document.path is not None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.parent_widget.windowTitle(),
            f"{document.path.name} was changed on disk, and you have unsaved changes here.",
            QMessageBox.StandardButton.NoButton,
            self.parent_widget,
        )
        box.setObjectName("diskChangedBox")
        box.setInformativeText(
            "Reload from Disk shows the file's version; your changes stay in the undo history, and Undo brings "
            "them back.\n\nKeep My Changes leaves the file alone; saving will then replace it."
        )
        reload = box.addButton("Reload from Disk", QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton("Keep My Changes", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            self.question = None
            if box.clickedButton() is reload:
                self._reload()
            else:
                document.disk_state = state  # this version is seen: saving replaces it without asking again
            self.watcher.check()  # it may have changed again while the question was open

        box.finished.connect(answered)
        self.question = box
        box.open()

    def _vanished(self) -> None:
        document = self.workspace.document
        assert document.path is not None
        document.mark_unsaved()  # closing now asks to save, and the recovery copy covers a crash
        self.messages.say(
            f"{document.path.name} was moved or deleted on disk. The canvas is still open here: save it to keep it.", 0
        )
