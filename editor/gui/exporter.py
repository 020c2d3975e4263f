"""Exporter: File ▸ Export, Print and Copy as Image for one window, with remembered folder and options."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QProgressDialog

from editor.export.formats import FORMATS, ExportFormat
from editor.gui import settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from editor.export.options import ExportOptions
    from editor.gui.workspace import Messages, Workspace

# The export machinery (QtSvg, QtPrintSupport, the PDF writer) is imported when it is first used, not at start-up.

CLIPBOARD_WIDTH = 2400  # pixels: sharp on a slide, small enough for any clipboard
STEPS = 3


class Exporter(QObject):
    def __init__(self, workspace: Workspace, parent: QWidget, messages: Messages) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.parent_widget = parent  # of the dialogs
        self.messages = messages

    def export(self, format_id: str) -> Path | None:
        """Ask for the options (the page of a PDF, a PNG's size) and the file, then export with progress; the file
        written, or None."""
        from editor.gui.export_dialog import ExportOptionsDialog

        fmt = FORMATS[format_id]
        self.workspace.board.finish_editing()
        options = self._remembered()
        if fmt.asks:
            dialog = ExportOptionsDialog(fmt, options, self.parent_widget)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            options = dialog.options()
            settings.set_export_options(options.page, options.dpi, options.width, options.transparent)
        document = self.workspace.document
        folder = settings.export_folder(document.path.parent if document.path is not None else None)
        suggested = folder / f"{document.file_stem}.{fmt.id}"
        chosen, _ = QFileDialog.getSaveFileName(self.parent_widget, "Export", str(suggested), fmt.dialog_filter)
        if not chosen:
            return None
        path = Path(chosen) if Path(chosen).suffix.lower() == f".{fmt.id}" else Path(f"{chosen}.{fmt.id}")
        settings.set_export_folder(path.parent)
        return path if self._run(path, fmt, options) else None

    def print_canvas(self) -> bool:
        """The standard print dialog, then the same page as the PDF export."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from editor.export.options import ExportError
        from editor.export.render import board_scene, page_layout, paint_pages, paper_aspect

        self.workspace.board.finish_editing()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self._remembered().page))
        printer.setDocName(self.workspace.canvas.title or "Canvas")
        dialog = QPrintDialog(printer, self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            with board_scene(self.workspace.canvas, paper_aspect(printer.pageLayout())) as scene:
                paint_pages(printer, scene)
        except ExportError as error:
            self.messages.show_error("Canvas Editor could not print the canvas.", str(error))
            return False
        return True

    def copy_image(self) -> None:
        """The canvas as a picture on the clipboard, for a slide or a chat."""
        from editor.export.options import ExportOptions
        from editor.export.render import board_scene, picture

        self.workspace.board.finish_editing()
        with board_scene(self.workspace.canvas) as scene:
            image = picture(scene, ExportOptions(width=CLIPBOARD_WIDTH))
        QApplication.clipboard().setImage(image)
        self.messages.say("The canvas is on the clipboard as a picture.", 8000)

    # Internals

    def _run(self, path: Path, fmt: ExportFormat, options: ExportOptions) -> bool:
        from editor.export.formats import export_canvas
        from editor.export.options import ExportCancelledError, ExportError

        progress = QProgressDialog("Exporting…", "Cancel", 0, STEPS, self.parent_widget)
        progress.setObjectName("exportProgress")
        progress.setWindowTitle("Export")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # a quick export shows no dialog at all
        done = [0]

        def step(name: str) -> bool:
            progress.setLabelText(f"{name}…")
            progress.setValue(done[0])
            done[0] += 1
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            export_canvas(self.workspace.canvas, path, fmt, options, step)
        except ExportCancelledError:
            self.messages.say("Export cancelled; nothing was written.", 8000)
            return False
        except ExportError as error:
            self.messages.show_error(f"Canvas Editor could not export {path.name}.", str(error))
            return False
        finally:
            progress.reset()
            progress.deleteLater()
        self.messages.say(f"Exported to {path}", 8000)
        return True

    def _remembered(self) -> ExportOptions:
        from editor.export.options import ExportError, ExportOptions

        try:
            return ExportOptions(**settings.export_options())  # type: ignore[arg-type]
        except (ExportError, TypeError):
            return ExportOptions()
