"""Document: a canvas with its file path and undo stack, and whether it differs from what was last saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from editor import paths
from editor.fileformat import FileState, Layout, load_canvas, open_canvas, save_canvas
from editor.gui.commands import AddNotes, RemoveNotes, ReplaceCanvas
from editor.model import LOCAL, Canvas, Event


class Document(QObject):
    """Modified means: the canvas differs from the file last opened or saved (or from a new canvas).

    Undoing back to that state makes the document unmodified again, and so does editing back to it by hand.
    """

    modified_changed = Signal(bool)
    changed_elsewhere = Signal()  # the canvas changed other than through the stack: a shared session's peers
    refused = Signal(str)  # a change not made while the canvas is read-only: why, in a sentence
    read_only_changed = Signal()
    saved = Signal()  # written to its file (the file's hash is in disk_state)

    def __init__(
        self,
        canvas: Canvas,
        path: Path | None = None,
        parent: QObject | None = None,
        disk_state: FileState | None = None,
        layout: Layout | None = None,
    ) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.path = path
        self.disk_state = disk_state  # the file as this canvas last read or wrote it
        self.layout = layout  # that file's text, over which the next save writes only what changed
        self.stack = QUndoStack(self)
        self._saved: tuple[Any, ...] | None = canvas.content()
        self._modified = False
        self._elsewhere = False  # changed by others since it was saved (their changes are on no undo stack here)
        self._read_only: dict[str, str] = {}  # why this window may not change the canvas now, by who says so
        self.paused = ""  # why this window may not add notes now ('': it may)
        self.stack.indexChanged.connect(self._check_modified)
        canvas.subscribe(self._on_canvas)
        self.destroyed.connect(lambda: canvas.unsubscribe(self._on_canvas))

    @classmethod
    def open(cls, path: Path) -> Document:
        """Read a file; an example comes as an untitled copy so that it is never overwritten. Raises CanvasFileError."""
        if is_example(path):
            return cls(load_canvas(path))
        canvas, state, layout = open_canvas(path)
        return cls(canvas, path, disk_state=state, layout=layout)

    @property
    def modified(self) -> bool:
        return self._modified

    @property
    def name(self) -> str:
        if self.path is not None:
            return self.path.name
        return self.canvas.title or "Untitled"

    @property
    def file_stem(self) -> str:
        """A name for files made from this canvas: its file's, or its title with no character a path cannot hold."""
        if self.path is not None:
            return self.path.stem
        title = self.canvas.title
        return "".join(c if c.isalnum() or c in " -_.,()" else "_" for c in title).strip(" .") or "Untitled"

    @property
    def read_only(self) -> str:
        """Why this window may not change the canvas now (the latest reason given); '' when it may."""
        return next(reversed(self._read_only.values()), "")

    def read_only_by(self, owner: str) -> bool:
        return owner in self._read_only

    def set_read_only(self, owner: str, why: str) -> None:
        """Refuse every change from this window while `owner` (a comparison, the host of a session) says `why`; ''
        lifts that owner's refusal, and only its own: the canvas is editable again once no owner refuses."""
        before = self.read_only
        if why:
            self._read_only[owner] = why
        else:
            self._read_only.pop(owner, None)
        if self.read_only != before:
            self.read_only_changed.emit()

    def set_paused(self, why: str) -> None:
        """Refuse every change that adds a note, saying `why` ('': take them again)."""
        self.paused = why

    def push(self, command: QUndoCommand) -> None:
        if self.may_change(isinstance(command, AddNotes)):
            self.stack.push(command)

    def undo(self) -> None:
        last = self.stack.command(self.stack.index() - 1)
        if self.may_change(isinstance(last, RemoveNotes)):
            self.stack.undo()

    def redo(self) -> None:
        following = self.stack.command(self.stack.index())
        if self.may_change(isinstance(following, AddNotes)):
            self.stack.redo()

    def _may_add(self, adds: bool) -> bool:
        if adds and self.paused:
            self.refused.emit(self.paused)
        return not (adds and self.paused)

    def may_change(self, adding: bool = False) -> bool:
        """Whether this window may change the canvas now (`adding`: add notes to it); if not, `refused` says why."""
        if self.read_only:
            self.refused.emit(self.read_only)
            return False
        return self._may_add(adding)

    def save(self, path: Path | None = None) -> None:
        """Save to `path` (or the current path). Raises CanvasFileError; the document then stays modified."""
        target = path or self.path
        if target is None:
            raise ValueError("an untitled document needs a path to be saved")
        state, self.layout = save_canvas(self.canvas, target, self.layout)
        self.path = target
        self._now_saved(state)

    def mark_unsaved(self) -> None:
        """Modified until saved, whatever is undone: a restored canvas, or one whose file vanished from disk."""
        self._saved = None
        self.stack.resetClean()
        self._check_modified()

    def reload(self, canvas: Canvas, state: FileState, layout: Layout) -> None:
        """Take the file's new content as one undoable step; undoing it brings back what was shown before."""
        self.stack.push(ReplaceCanvas(self.canvas, canvas, "Reload from Disk"))
        self.layout = layout
        self._now_saved(state)

    def _now_saved(self, state: FileState) -> None:
        """What is shown is what the file holds (just saved, or just read again)."""
        self.disk_state = state
        self._elsewhere = False
        self._saved = self.canvas.content()
        self.stack.setClean()
        self._check_modified()
        self.saved.emit()

    def _on_canvas(self, event: Event) -> None:
        """Others' changes make the document modified too: saving and recovery copies must keep them."""
        if event.origin == LOCAL:
            return
        self._elsewhere = True
        if not self._modified:
            self._check_modified()
        self.changed_elsewhere.emit()

    def _check_modified(self) -> None:
        # A clean stack is the saved state exactly, unless others changed the canvas; otherwise compare, since two
        # edits can cancel out.
        modified = (self._elsewhere or not self.stack.isClean()) and self.canvas.content() != self._saved
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)


def is_example(path: Path) -> bool:
    try:
        return path.resolve().parent == paths.examples_dir().resolve()
    except OSError:
        return False
