"""Notes in and out of the board by the clipboard or a drop: copied in both the app's form and as plain text, and
whatever comes in read with the checks a file gets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from editor.errors import CanvasFileError
from editor.fileformat.clipboard import MIME_TYPE, notes_from_text, notes_from_yaml, notes_to_text, notes_to_yaml

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF

    from editor.gui.board_editing import EditableBoard
    from editor.gui.workspace import Messages


def copy_notes(board: EditableBoard) -> bool:
    """The selected notes on the clipboard; False when none is selected."""
    ids = board.selected_ids()
    if not ids:
        return False
    notes = [(board.canvas.block_of(i), board.canvas.note(i)) for i in ids]
    data = QMimeData()
    data.setData(MIME_TYPE, notes_to_yaml(board.canvas.template, notes).encode("utf-8"))
    data.setText(notes_to_text([note for _, note in notes]))
    QApplication.clipboard().setMimeData(data)
    return True


def add_notes_from(
    board: EditableBoard, data: QMimeData, point: QPointF | None, source: str, messages: Messages
) -> bool:
    """Add the notes that pasted or dropped data holds: notes copied in Canvas Editor, or a note per line of text.
    What cannot be read is said in the error box, and nothing is added. False when the data holds neither."""
    try:
        if data.hasFormat(MIME_TYPE):
            notes = notes_from_yaml(bytes(data.data(MIME_TYPE).data()), source)
            board.paste_notes([(block_id, note) for block_id, note in notes], point)
        elif data.hasText():
            block_id = board.target_block(point)
            board.paste_notes([(block_id, note) for note in notes_from_text(data.text(), source)])
        else:
            return False
    except CanvasFileError as error:
        messages.show_error(f"The notes on {source} cannot be added.", error)
    return True
