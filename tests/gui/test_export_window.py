"""File ▸ Export, Print and Copy as Image in the window: options remembered, folder remembered, problems said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from driving import CTRL, FileDialogs, keys, on_next_modal
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QMenu,
    QProgressDialog,
    QSpinBox,
    QWidget,
)

from editor.export.formats import FORMATS
from editor.gui import settings
from editor.gui.export_dialog import WIDTH_CHOICE, ExportOptionsDialog
from editor.gui.main_window import MainWindow
from editor.gui.problems_dialog import ProblemsDialog

OpenApp = Callable[..., MainWindow]


def choose(**values: object) -> Callable[[QWidget], None]:
    """Set the options dialog's fields by object name, then press Export."""

    def act(widget: QWidget) -> None:
        assert isinstance(widget, ExportOptionsDialog)
        for name, value in values.items():
            field = widget.findChild(QWidget, name)
            if isinstance(field, QComboBox):
                field.setCurrentText(str(value))
            elif isinstance(field, QCheckBox):
                field.setChecked(bool(value))
            else:
                field.setValue(value)  # type: ignore[attr-defined]
        widget.accept()

    return act


def export_action(window: MainWindow, text: str) -> None:
    menu = window.findChild(QMenu, "exportMenu")
    assert menu is not None
    [action] = [a for a in menu.actions() if a.text().replace("&", "") == text]
    action.trigger()


def test_the_first_export_offers_the_canvas_s_own_folder(
    open_app: OpenApp, dialogs: FileDialogs, canvas_file: Path
) -> None:
    """Seen in a review: with a canvas opened from the command line, the first export's dialog opened in the home
    folder."""
    window = open_app(canvas_file)
    on_next_modal(choose())
    export_action(window, "PDF…")
    assert dialogs.suggested == [canvas_file.parent / f"{canvas_file.stem}.pdf"]


def test_export_pdf_asks_the_page_size_then_the_file_and_remembers_both(
    open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path
) -> None:
    window = open_app(None)
    dialogs.answers.append(tmp_path / "poster")  # the extension is added
    seen = on_next_modal(choose(pageSize="A0"))
    keys(window, Qt.Key.Key_E, CTRL)
    assert seen and dialogs.asked == ["Export"]
    reader = PdfReader(tmp_path / "poster.pdf")
    assert round(float(reader.pages[0].mediabox.width) * 25.4 / 72) == 1189  # A0, landscape
    assert "Endless entertaining short videos" in " ".join(reader.pages[0].extract_text().split())
    assert settings.export_folder() == tmp_path
    assert settings.export_options()["page"] == "A0"
    assert window.statusBar().currentMessage() == f"Exported to {tmp_path / 'poster.pdf'}"
    # Next time the dialog starts from the last choices.
    dialog = ExportOptionsDialog(FORMATS["pdf"], window.exporter._remembered(), window)
    assert dialog.findChild(QComboBox, "pageSize").currentText() == "A0"


def test_export_png_by_width_with_a_transparent_background(
    open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path
) -> None:
    window = open_app(None)
    dialogs.answers.append(tmp_path / "slide.png")
    on_next_modal(choose(pictureSize=WIDTH_CHOICE, pictureWidth=1200, transparent=True))
    export_action(window, "PNG Image…")
    image = QImage(str(tmp_path / "slide.png"))
    assert image.width() == 1200 and image.pixelColor(0, 0).alpha() == 0
    assert settings.export_options() == {"page": "A3", "dpi": 150, "width": 1200, "transparent": True}


def test_export_png_by_dpi_shows_the_width_the_picture_will_have(
    open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path
) -> None:
    """Seen in a review: by dpi, the greyed width said 2400 px (the last width typed) and the file came out 2481."""
    window = open_app(None)
    dialogs.answers.append(tmp_path / "poster.png")
    shown: list[str] = []

    def look(widget: QWidget) -> None:
        size, page = widget.findChild(QComboBox, "pictureSize"), widget.findChild(QComboBox, "pageSize")
        width = widget.findChild(QSpinBox, "pictureWidth")
        size.setCurrentText(WIDTH_CHOICE)
        width.setValue(1000)
        size.setCurrentText("300 dpi (print)")
        page.setCurrentText("A4")
        shown.append(width.text())
        size.setCurrentText(WIDTH_CHOICE)
        shown.append(width.text())  # the width typed comes back
        size.setCurrentText("600 dpi (large print)")
        page.setCurrentText("A0")
        shown.append(width.text())  # more than a width may be typed as, and said as it is (the export refuses it)
        page.setCurrentText("A4")
        size.setCurrentText("300 dpi (print)")
        assert isinstance(widget, QDialog)
        widget.accept()

    on_next_modal(look)
    export_action(window, "PNG Image…")
    image = QImage(str(tmp_path / "poster.png"))
    assert shown == [f"{image.width()} px", "1000 px", "28086 px"] and image.width() == 3507  # A4: 11.69 in


def test_svg_and_markdown_go_straight_to_the_file(open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path) -> None:
    window = open_app(None)
    dialogs.answers += [tmp_path / "board.svg", tmp_path / "board.md"]
    export_action(window, "SVG Image…")
    export_action(window, "Markdown…")
    assert b"<svg" in (tmp_path / "board.svg").read_bytes()
    assert (tmp_path / "board.md").read_text(encoding="utf-8").startswith("# TikTok\n")
    assert dialogs.asked == ["Export", "Export"]


def test_cancelling_the_options_or_the_file_writes_nothing(
    open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path
) -> None:
    window = open_app(None)
    on_next_modal(lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    export_action(window, "PDF…")
    assert dialogs.asked == []
    export_action(window, "Markdown…")  # the file dialog answers with nothing: cancelled
    assert dialogs.asked == ["Export"] and list(tmp_path.iterdir()) == []


def test_a_failed_export_says_why(open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path) -> None:
    window = open_app(None)
    blocked = tmp_path / "a file"
    blocked.write_text("")
    dialogs.answers.append(blocked / "out.svg")
    export_action(window, "SVG Image…")
    box = window.findChild(ProblemsDialog, "errorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "Canvas Editor could not export out.svg."
    assert "a part of the path is not a folder" in box.details


def test_print_uses_the_print_dialog_and_prints_the_same_page(
    open_app: OpenApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_app(None)
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        assert printer.pageLayout().orientation() == printer.pageLayout().Orientation.Landscape
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    keys(window, Qt.Key.Key_P, CTRL)
    text = " ".join(PdfReader(printed).pages[0].extract_text().split())
    assert "TikTok" in text and "Recommendation algorithm" in text


def test_copy_canvas_as_image_puts_a_picture_on_the_clipboard(open_app: OpenApp) -> None:
    window = open_app(None)
    QApplication.clipboard().clear()
    keys(window, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    image = QApplication.clipboard().image()
    assert not image.isNull() and image.width() == 2400
    assert window.statusBar().currentMessage() == "The canvas is on the clipboard as a picture."


def test_a_long_export_shows_progress_and_cancel_stops_it_without_writing(
    open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_app(None)
    shown: list[str] = []

    def cancelled(dialog: QProgressDialog) -> bool:
        shown.append(dialog.labelText())
        return dialog.labelText().startswith("Drawing")  # the person clicks Cancel while it draws

    monkeypatch.setattr(QProgressDialog, "wasCanceled", cancelled)
    dialogs.answers.append(tmp_path / "big.svg")
    export_action(window, "SVG Image…")
    assert shown == ["Laying out the notes…", "Drawing…"]
    assert not (tmp_path / "big.svg").exists()
    assert window.statusBar().currentMessage() == "Export cancelled; nothing was written."


def test_an_export_shows_no_selection_though_the_board_does(
    open_app: OpenApp, dialogs: FileDialogs, tmp_path: Path
) -> None:
    from editor.board import style

    window = open_app(None)
    keys(window, Qt.Key.Key_A, CTRL)  # every note selected: outlined in blue on the board
    blue = style.SELECTION.name()
    picture = window.view.grab().toImage()
    assert any(picture.pixelColor(x, y).name() == blue for x in range(0, picture.width(), 2) for y in range(0, 400, 2))
    dialogs.answers.append(tmp_path / "board.svg")
    export_action(window, "SVG Image…")
    assert blue not in (tmp_path / "board.svg").read_text(encoding="utf-8").lower()
