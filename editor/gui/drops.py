"""Drops onto the window: canvas files open (after asking to save changes), notes and text become notes where they
fall, each read with the checks a file gets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, QTimer

from editor.fileformat.clipboard import MIME_TYPE
from editor.gui.note_transfer import add_notes_from

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QDropEvent
    from PySide6.QtWidgets import QGraphicsView, QWidget

    from editor.gui.workspace import Messages, Workspace


def dropped_files(data: QMimeData) -> list[Path]:
    """The local files that dropped data names (a file manager's drag), in its order."""
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()] if data.hasUrls() else []


def _copy(data: QMimeData) -> QMimeData:
    """The notes and text of dropped data, in data of our own."""
    kept = QMimeData()
    if data.hasFormat(MIME_TYPE):
        kept.setData(MIME_TYPE, data.data(MIME_TYPE))
    if data.hasText():
        kept.setText(data.text())
    return kept


class Drops(QObject):
    """Hears drag and drop events on the window (files only) and on the board's viewport (files, notes and text):
    notes and text go onto the workspace's board, files to `open_files`."""

    def __init__(
        self,
        window: QWidget,
        view: QGraphicsView,
        workspace: Workspace,
        messages: Messages,
        open_files: Callable[[list[Path]], None],
    ) -> None:
        super().__init__(window)
        self.view = view
        self.workspace = workspace
        self.messages = messages
        self.open_files = open_files
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        drop: QDropEvent = event  # type: ignore[assignment]  # a QDragEnterEvent or QDragMoveEvent is one too
        data = drop.mimeData()
        on_board = watched is self.view.viewport()
        if on_board and self._over_editor(drop):
            return False  # text dropped into the note being edited goes into it, as in any text field
        if not (dropped_files(data) or (on_board and (data.hasFormat(MIME_TYPE) or data.hasText()))):
            return False
        drop.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            point = self.view.mapToScene(drop.position().toPoint()) if on_board else None
            files, kept = dropped_files(data), _copy(data)  # the drag's own data goes with the drag
            # After the drop has returned: asking to save first must not hold the program the drag came from.
            QTimer.singleShot(0, lambda: self._take(files, kept, point))
        return True

    def _over_editor(self, drop: QDropEvent) -> bool:
        editor = self.workspace.board.editor
        point = self.view.mapToScene(drop.position().toPoint())
        return editor is not None and editor.isVisible() and editor.sceneBoundingRect().contains(point)

    def _take(self, files: list[Path], data: QMimeData, point: QPointF | None) -> None:
        if files:
            self.open_files(files)
        else:
            add_notes_from(self.workspace.board, data, point, "the dropped text", self.messages)
