"""The parking lot: beside the canvas, notes added straight into it and dragged in and out, saved and exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from canvases import BMC
from driving import block_point, double_click, drag, keys, note_center, type_text
from PySide6.QtCore import Qt

from editor.export.markdown import canvas_markdown
from editor.fileformat import load_canvas, save_canvas
from editor.gui.main_window import MainWindow
from editor.model import PARKING_LOT, Canvas, Note

OpenApp = Callable[[Path | None], MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_l_shows_the_parking_lot_beside_the_canvas_and_notes_go_straight_into_it(open_app: OpenApp) -> None:
    window = open_app(None)
    board = window.board
    assert not board.parking_shown()
    segments_before = board.blocks["customer_segments"].sceneBoundingRect()
    keys(window, Qt.Key.Key_L, CTRL)
    assert board.parking_shown() and window.actions_.parking.isChecked()
    lot = board.blocks[PARKING_LOT].sceneBoundingRect()
    segments = board.blocks["customer_segments"].sceneBoundingRect()
    assert segments.right() < lot.left() and segments.right() < segments_before.right()  # beside, not over
    assert lot.top() == segments.top() and lot.bottom() >= board.blocks["cost_structure"].sceneBoundingRect().bottom()

    double_click(window, block_point(window, PARKING_LOT, 0.5, 0.5))
    type_text(window, "Pricing for schools?")
    keys(window, Qt.Key.Key_Return)
    parked = window.document.canvas.notes(PARKING_LOT)
    assert [note.text for note in parked] == ["Pricing for schools?"]
    assert lot.contains(board.notes[parked[0].id].sceneBoundingRect().center())


def test_notes_drag_into_the_parking_lot_and_out_again_each_in_one_undo_step(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    keys(window, Qt.Key.Key_L, CTRL)
    note_id = canvas.notes("channels")[0].id
    drag(window, note_center(window, note_id), block_point(window, PARKING_LOT, 0.5, 0.3))
    assert canvas.block_of(note_id) == PARKING_LOT
    assert window.document.stack.undoText() == "Move Note"
    drag(window, note_center(window, note_id), block_point(window, "customer_segments", 0.5, 0.8))
    assert canvas.block_of(note_id) == "customer_segments"
    window.document.stack.undo()
    assert canvas.block_of(note_id) == PARKING_LOT
    window.document.stack.undo()
    assert canvas.block_of(note_id) == "channels"


def test_the_parking_lot_stays_while_it_holds_notes_and_comes_back_with_the_file(
    open_app: OpenApp, tmp_path: Path
) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    canvas.add_note(PARKING_LOT, Note("Offline stores", color="grey"))
    assert window.board.parking_shown() and window.actions_.parking.isChecked()  # came with its first note
    keys(window, Qt.Key.Key_L, CTRL)  # asked to hide: it holds a note, so it stays
    assert window.board.parking_shown() and window.actions_.parking.isChecked()
    assert "holds notes" in window.statusBar().currentMessage()

    path = tmp_path / "parked.yaml"
    window.document.save(path)
    assert [note.text for note in load_canvas(path).notes(PARKING_LOT)] == ["Offline stores"]
    second = open_app(path)
    assert second.board.parking_shown()
    assert second.document.canvas.notes(PARKING_LOT)[0].color == "grey"

    canvas.remove_note(canvas.notes(PARKING_LOT)[0].id)  # its last note gone, and not wanted: it goes
    assert not window.board.parking_shown() and not window.actions_.parking.isChecked()


def test_exports_show_the_parking_lot_and_markdown_lists_it_under_its_own_heading(tmp_path: Path, qapp: object) -> None:
    from pypdf import PdfReader

    from editor.export.formats import FORMATS, export_canvas
    from editor.export.options import ExportOptions

    canvas = Canvas(BMC, title="Parked", blocks={"channels": [Note("Ads")], PARKING_LOT: [Note("Radio jingles")]})
    path = tmp_path / "parked.pdf"
    export_canvas(canvas, path, FORMATS["pdf"], ExportOptions())
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "Parking Lot" in text and "Radio jingles" in text

    markdown = canvas_markdown(canvas)
    assert "## Parking Lot" in markdown
    section = markdown.split("## Parking Lot", 1)[1]
    assert "Radio jingles" in section and "Ads" not in section
    assert "Parking Lot" not in canvas_markdown(Canvas(BMC, title="Nothing parked"))


def test_a_canvas_with_a_parking_lot_saved_by_hand_opens_with_it(open_app: OpenApp, tmp_path: Path) -> None:
    path = tmp_path / "hand.yaml"
    path.write_text("format: 1\ntitle: By hand\nparking_lot:\n  - Maybe a podcast\n", encoding="utf-8")
    window = open_app(path)
    assert window.board.parking_shown()
    assert [window.board.notes[n.id].isVisible() for n in window.document.canvas.notes(PARKING_LOT)] == [True]
    save_canvas(window.document.canvas, path)
    assert "parking_lot:\n  - Maybe a podcast\n" in path.read_text(encoding="utf-8")
