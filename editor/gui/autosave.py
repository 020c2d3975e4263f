"""Autosaver: keeps a recovery copy of one document while it has unsaved changes, written off the GUI thread."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal

from editor.gui.document import Document
from editor.gui.recovery import CopyInfo, Session

if TYPE_CHECKING:
    from concurrent.futures import Future

DELAY_MS = 1500  # the copy is at most this much (plus the time to write it) behind the last change


class Autosaver(QObject):
    """Writes the copy a moment after a change (never to the person's own file) and removes it when the document
    is saved, back at its saved state, or closed cleanly. The copy is a snapshot taken on the GUI thread (a few ms
    for 5,000 notes); turning it into YAML and writing it happen on the session's worker thread.
    """

    failed = Signal(str)  # a sentence, when a copy could not be written

    def __init__(self, document: Document, session: Session, copy_id: str | None = None) -> None:
        super().__init__(document)
        _gui_thread()  # made here, on the GUI thread, before the worker needs it
        self.document = document
        self.session = session
        self.copy_id = copy_id or session.new_copy_id()
        self.last_change = time.time()
        self._has_copy = copy_id is not None
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.write_now)
        document.stack.indexChanged.connect(self._changed)
        document.changed_elsewhere.connect(self._changed)
        document.modified_changed.connect(self._modified_changed)

    def write_now(self) -> Future[None] | None:
        """Write the copy now if the document has unsaved changes (the timer does this by itself)."""
        self._timer.stop()
        if self._stopped or not self.document.modified:
            return None
        info = CopyInfo(self.document.path, self.last_change, self.document.disk_state)
        future = self.session.write(self.copy_id, self.document.canvas.content(), info)
        self._has_copy = True
        future.add_done_callback(self._report)
        return future

    def stop(self) -> None:
        """The document is closed cleanly (saved or discarded by the person): its copy goes."""
        self._stopped = True
        self._timer.stop()
        self._remove()

    def _changed(self) -> None:
        self.last_change = time.time()
        if self.document.modified and not self._timer.isActive() and not self._stopped:
            self._timer.start()

    def _modified_changed(self, modified: bool) -> None:
        if modified:
            self._changed()
        else:
            self._timer.stop()
            self._remove()

    def _remove(self) -> None:
        if self._has_copy:
            self.session.remove(self.copy_id)
            self._has_copy = False

    def _report(self, future: Future[None]) -> None:
        # On the worker thread, where this object may be deleted at any moment: hand over to the GUI thread.
        error = future.exception()
        if error is not None:
            _gui_thread().call.emit(lambda: self._failed(str(error)))

    def _failed(self, message: str) -> None:
        if shiboken6.isValid(self):
            self.failed.emit(f"The recovery copy could not be written: {message}")


class _GuiThread(QObject):
    """Runs callables on the GUI thread, posted from the recovery worker thread."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def _run(self, function: Callable[[], None]) -> None:
        function()


_relay: _GuiThread | None = None


def _gui_thread() -> _GuiThread:
    global _relay
    if _relay is None:
        _relay = _GuiThread()
    return _relay
