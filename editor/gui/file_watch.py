"""FileWatcher: notices when the open file is changed on disk by someone else, also when it is replaced by rename."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from editor.fileformat import FileState
from editor.gui.document import Document

SETTLE_MS = 300  # writers write in pieces and sync tools rename in steps: look once the burst is over


class FileWatcher(QObject):
    """Watches the document's file and its folder; the folder catches a file replaced by rename (git, sync tools,
    most editors), after which the file itself is watched again. Reports a change of content once (`changed`),
    and a file that is gone once (`vanished`); a touch that keeps the bytes, or the editor's own save, is no change.
    """

    changed = Signal(object)  # the FileState now on disk
    vanished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._soon)
        self._watcher.directoryChanged.connect(self._soon)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._reported: FileState | None = None
        self._gone_reported = False

    def watch(self, document: Document) -> None:
        """Watch this document's file (nothing for an untitled document); call again after Save As."""
        self.document = document
        self._reported = None
        self._gone_reported = False
        self._settle.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        if document.path is not None:
            self._watcher.addPath(str(document.path.parent))
            self._follow(document.path)

    def check(self) -> None:
        """Compare the file on disk with what the document last read or wrote, and report a difference once."""
        document = self.document
        if document is None or document.path is None:
            return
        path = document.path
        self._follow(path)
        known = document.disk_state
        if not path.exists():
            if not self._gone_reported:
                self._gone_reported = True
                self.vanished.emit()
            return
        self._gone_reported = False
        now = FileState.now(path) if known is None else known.changed_content(path)
        if now is None:
            return  # nothing happened, a touch, or our own save
        if self._reported is not None and self._reported.same_content(now):
            return  # already said
        self._reported = now
        self.changed.emit(now)

    def _soon(self) -> None:
        self._settle.start()

    def _follow(self, path: Path) -> None:
        # A file replaced by rename is a new file: the watcher dropped the old one, so add the path again.
        if str(path) not in self._watcher.files() and path.exists():
            self._watcher.addPath(str(path))
