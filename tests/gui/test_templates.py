"""Every shipped canvas kind, as a person meets it: chosen in the New gallery, filled, walked and exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from driving import at, block_point, click, keys, on_next_modal, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from editor.export.formats import FORMATS, export_canvas
from editor.export.options import ExportOptions
from editor.fileformat import available_templates, load_template
from editor.gui.main_window import MainWindow
from editor.gui.new_gallery import TEMPLATE_ID, NewCanvasGallery
from editor.model import PARKING_LOT, Canvas

CTRL = Qt.KeyboardModifier.ControlModifier
OpenApp = Callable[..., MainWindow]


def choose_in_gallery(window: MainWindow, template_id: str) -> list[QWidget]:
    """File > New: double-click the template's picture in the gallery."""

    def pick(gallery: QWidget) -> None:
        assert isinstance(gallery, NewCanvasGallery)
        choices = gallery.choices
        item = next(
            choices.item(row) for row in range(choices.count()) if choices.item(row).data(TEMPLATE_ID) == template_id
        )
        point = choices.visualItemRect(item).center()
        QTest.mouseClick(choices.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
        QTest.mouseDClick(choices.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

    seen = on_next_modal(pick)
    keys(window, Qt.Key.Key_N, CTRL)
    back_to(window)
    return seen


def back_to(window: QWidget) -> None:
    """Activate the window once the modal dialog has gone: offscreen Qt has no window manager to do it."""
    for _ in range(100):
        window.activateWindow()
        if QApplication.activeWindow() is window:
            return
        QTest.qWait(10)
    raise AssertionError(f"{window} never became the active window")


def add_note(window: MainWindow, block_id: str, text: str) -> None:
    point = block_point(window, block_id, 0.5, 0.8)
    click(window, point)  # on the block's paper: no note stays selected
    QTest.mouseMove(window.view.viewport(), at(window, point))  # N adds where the mouse rests
    keys(window, Qt.Key.Key_N)
    type_text(window, text)
    keys(window, Qt.Key.Key_Return)


@pytest.mark.parametrize("template_id", sorted(available_templates()))
def test_a_canvas_of_every_template_is_made_in_the_gallery_filled_walked_and_exported(
    open_app: OpenApp, template_id: str, tmp_path: Path
) -> None:
    window = open_app(None)
    seen = choose_in_gallery(window, template_id)
    assert seen, "File > New opened no gallery"
    template = load_template(template_id)
    canvas = window.document.canvas
    assert canvas.template == template and canvas.note_count() == 0
    assert set(window.board.blocks) == set(template.block_ids)
    for block in template.blocks:
        add_note(window, block.id, f"On {block.title}")
    assert [[note.text for note in canvas.notes(block.id)] for block in template.blocks] == [
        [f"On {block.title}"] for block in template.blocks
    ]
    keys(window, Qt.Key.Key_G, CTRL)  # the guided walk, in the template's own fill order, from the whole board
    assert window.view.focus_block is None
    walked = []
    for _ in template.fill_order:
        keys(window, Qt.Key.Key_Right)
        walked.append(window.view.focus_block)
    assert walked == list(template.fill_order)
    keys(window, Qt.Key.Key_Escape)

    for fmt in FORMATS.values():
        path = tmp_path / f"{template_id}.{fmt.id}"
        export_canvas(canvas, path, fmt, ExportOptions(width=1600))
        read_back(path, canvas)


def read_back(path: Path, canvas: Canvas) -> None:
    """Each export, read as its own kind of file, says every note (pictures: their size and proportions)."""
    texts = {note.text for _, note in canvas.all_notes()}
    data = path.read_bytes()
    kind = path.suffix.lstrip(".")
    if kind == "pdf":
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    elif kind == "png":
        image = QImage.fromData(data, "PNG")
        assert image.width() == 1600 and 0.4 < image.height() / image.width() < 0.9
    elif kind == "svg":
        root = ElementTree.fromstring(data)
        found = {"".join(element.itertext()).strip() for element in root.iter() if element.tag.endswith("text")}
        assert any(text in " ".join(found) for text in texts)
        assert canvas.template.credit in ElementTree.tostring(root, encoding="unicode")
    elif kind == "md":
        markdown = data.decode("utf-8")
        assert all(f"- {text}" in markdown for text in texts)
        assert all(block.title in markdown for block in canvas.template.blocks)
    else:
        raise AssertionError(f"no reader for {kind}")


def test_change_canvas_kind_to_the_lean_canvas_and_back_in_one_undo_step_each(open_app: OpenApp) -> None:
    window = open_app(None)  # the TikTok example, a Business Model Canvas
    canvas = window.document.canvas
    before = {note.id: (block_id, note.content()) for block_id, note in canvas.all_notes()}
    propositions = [note.id for note in canvas.notes("value_propositions")]
    steps = window.document.stack.count()
    told: list[str] = []

    def choose_lean(gallery: QWidget) -> None:
        assert isinstance(gallery, NewCanvasGallery) and gallery.objectName() == "changeKindGallery"
        ids = [gallery.choices.item(row).data(TEMPLATE_ID) for row in range(gallery.choices.count())]
        assert "business-model-canvas" not in ids and "lean-canvas" in ids  # the other kinds
        item = gallery.choices.item(ids.index("lean-canvas"))
        gallery.choices.setCurrentItem(item)
        told.append(gallery.details.text())
        QTest.keyClick(gallery.choices, Qt.Key.Key_Return)

    on_next_modal(choose_lean)
    window.findChild(QAction, "changeKind").trigger()
    assert "Value Propositions goes to Unique Value Proposition" in told[0] and "To the parking lot" in told[0]
    assert canvas.template.id == "lean-canvas"
    assert set(window.board.blocks) == {*canvas.template.block_ids, PARKING_LOT}  # the parked notes show
    assert [note.id for note in canvas.notes("unique_value_proposition")] == propositions
    assert {note.id for _, note in canvas.all_notes()} == set(before)  # nothing lost
    assert set(window.board.notes) == set(before)  # and every note is on the board
    assert window.document.stack.count() == steps + 1
    assert window.statusBar().currentMessage().startswith("Now a Lean Canvas.")
    back_to(window)
    keys(window, Qt.Key.Key_Z, CTRL)
    assert canvas.template.id == "business-model-canvas"
    assert {note.id: (block_id, note.content()) for block_id, note in canvas.all_notes()} == before
    assert set(window.board.blocks) == set(canvas.template.block_ids)
