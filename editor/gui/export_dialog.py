"""ExportOptionsDialog: the page size of a PDF, and the size and background of a PNG, before the file is chosen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from editor.export.formats import ExportFormat
from editor.export.options import PAGES, ExportOptions

RESOLUTIONS = {"150 dpi (screens, slides)": 150, "300 dpi (print)": 300, "600 dpi (large print)": 600}
WIDTH_CHOICE = "Width in pixels"


class ExportOptionsDialog(QDialog):
    """Starts from the last options used; `options()` gives what the person chose."""

    def __init__(self, export_format: ExportFormat, options: ExportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptionsDialog")
        self.setWindowTitle(f"Export as {export_format.label}")
        self.picture = picture = export_format.asks == "picture"  # a size in pixels; else a page
        form = QFormLayout(self)

        self.page = QComboBox()
        self.page.setObjectName("pageSize")
        self.page.addItems(list(PAGES))
        self.page.setCurrentText(options.page)
        form.addRow("For a page of:" if picture else "Page size (landscape):", self.page)

        self.size_choice = QComboBox()
        self.size_choice.setObjectName("pictureSize")
        self.size_choice.addItems([*RESOLUTIONS, WIDTH_CHOICE])
        self.pixel_width = QSpinBox()
        self.pixel_width.setObjectName("pictureWidth")
        self.pixel_width.setMinimum(16)
        self.pixel_width.setSuffix(" px")
        self.pixel_width.setValue(options.width or 2400)
        self._typed_width = self.pixel_width.value()  # kept while the field shows what a dpi gives
        self.transparent = QCheckBox("Transparent background")
        self.transparent.setObjectName("transparent")
        self.transparent.setChecked(options.transparent)
        if picture:
            by_dpi = {dpi: text for text, dpi in RESOLUTIONS.items()}
            self.size_choice.setCurrentText(
                WIDTH_CHOICE if options.width else by_dpi.get(options.dpi, next(iter(RESOLUTIONS)))
            )
            form.insertRow(0, "Size:", self.size_choice)
            form.addRow("Width:", self.pixel_width)
            form.addRow("", self.transparent)
            self.size_choice.currentTextChanged.connect(self._update)
            self.page.currentTextChanged.connect(self._update)
            self.pixel_width.valueChanged.connect(self._remember_width)
            self._update()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> ExportOptions:
        by_width = self.picture and self.size_choice.currentText() == WIDTH_CHOICE
        return ExportOptions(
            page=self.page.currentText(),
            dpi=RESOLUTIONS.get(self.size_choice.currentText(), 150),
            width=self.pixel_width.value() if by_width else None,
            transparent=self.picture and self.transparent.isChecked(),
        )

    def _update(self) -> None:
        """By dpi, the width field shows (greyed) how wide the picture of that page comes out."""
        from editor.export.render import picture_width

        by_width = self.size_choice.currentText() == WIDTH_CHOICE
        self.pixel_width.setEnabled(by_width)
        self.page.setEnabled(not by_width)
        self.pixel_width.setMaximum(20_000 if by_width else 1_000_000)  # an A0 at 600 dpi is 28,086: said, not cut
        self.pixel_width.setValue(self._typed_width if by_width else picture_width(self.options()))

    def _remember_width(self, value: int) -> None:
        if self.pixel_width.isEnabled():
            self._typed_width = value
