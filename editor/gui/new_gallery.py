"""The New Canvas gallery: every template as a picture of its empty board, with its name, when to use it and its
credit; Enter or a double-click makes the canvas."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape
from typing import NamedTuple

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor import paths
from editor.export.options import ExportOptions
from editor.export.render import board_scene, picture
from editor.fileformat.templates import user_templates
from editor.model import Canvas, Template


class Purpose(NamedTuple):
    name: str  # the dialog's object name
    title: str
    intro: str
    button: str


NEW = Purpose(
    "newCanvasGallery", "New Canvas", "Choose a canvas. You can change its kind later, and no note is lost.", "&Create"
)
CHANGE = Purpose(
    "changeKindGallery",
    "Change Canvas Kind",
    "Choose the canvas kind to move the notes to. Notes go to the block of the same meaning; every other note goes "
    "to the parking lot. Undo brings the canvas back as it was.",
    "&Change",
)
THUMBNAIL = QSize(280, 180)  # a board's picture in the gallery, in the screen's own pixels
TEMPLATE_ID = Qt.ItemDataRole.UserRole


def board_picture(template: Template, size: QSize, pixel_ratio: float = 1.0) -> QPixmap:
    """The empty board of a template, drawn by the board's own renderer, fitted into `size`."""
    width = round(size.width() * pixel_ratio)
    with board_scene(Canvas(template, title=template.name)) as scene:
        image = picture(scene, ExportOptions(width=width))
    pixmap = QPixmap.fromImage(image)
    if pixmap.height() > size.height() * pixel_ratio:
        pixmap = pixmap.scaledToHeight(round(size.height() * pixel_ratio), Qt.TransformationMode.SmoothTransformation)
    pixmap.setDevicePixelRatio(pixel_ratio)
    return pixmap


class NewCanvasGallery(QDialog):
    """Choose a template: for a new canvas, or (with `purpose` CHANGE) for the open one, each described with what
    `describe` says would happen; `chosen` is the template selected at first."""

    def __init__(
        self,
        parent: QWidget | None,
        templates: Sequence[Template],
        chosen: str = "",
        purpose: Purpose | None = None,
        describe: Callable[[Template], str] | None = None,
    ) -> None:
        super().__init__(parent)
        purpose = purpose or NEW
        self.setObjectName(purpose.name)
        self.setWindowTitle(purpose.title)
        self._templates = {template.id: template for template in templates}
        self._describe = describe
        layout = QVBoxLayout(self)
        intro = QLabel(purpose.intro, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = self._choices(templates)
        layout.addWidget(self.choices, 1)
        self.details = QLabel(self)
        self.details.setObjectName("templateDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        layout.addWidget(self.details)
        if purpose is NEW:
            layout.addWidget(self._own_templates())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = buttons.addButton(purpose.button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choices.currentItemChanged.connect(lambda item, _: self._show_details(item))
        self.choices.itemActivated.connect(lambda _: self.accept())  # Enter, or a double-click
        rows = [self.choices.item(row) for row in range(self.choices.count())]
        if rows:
            self.choices.setCurrentItem(next((item for item in rows if item.data(TEMPLATE_ID) == chosen), rows[0]))
        self.choices.setFocus()

    def template(self) -> Template:
        """The template chosen."""
        return self._templates[self.choices.currentItem().data(TEMPLATE_ID)]

    def _choices(self, templates: Sequence[Template]) -> QListWidget:
        choices = QListWidget(self)
        choices.setObjectName("templateChoices")
        choices.setViewMode(QListView.ViewMode.IconMode)
        choices.setMovement(QListView.Movement.Static)
        choices.setResizeMode(QListView.ResizeMode.Adjust)
        choices.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        choices.setIconSize(THUMBNAIL)
        choices.setWordWrap(True)
        line = self.fontMetrics().lineSpacing()
        cell = QSize(THUMBNAIL.width() + 2 * line, THUMBNAIL.height() + 3 * line)
        choices.setGridSize(cell)
        columns = max(1, math.ceil(math.sqrt(len(templates))))  # four make two rows of two
        rows = -(-len(templates) // columns) or 1
        frame = 2 * choices.frameWidth() + line
        choices.setMinimumSize(columns * cell.width() + frame + line, min(rows, 2) * cell.height() + frame)
        ratio = self.devicePixelRatioF()
        for template in templates:
            item = QListWidgetItem(QIcon(board_picture(template, THUMBNAIL, ratio)), template.name, choices)
            item.setData(TEMPLATE_ID, template.id)
            item.setToolTip(template.description or template.name)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        return choices

    def _own_templates(self) -> QLabel:
        """Where a person's own templates are read from, as a link that opens the folder, and any file there that
        is not a template, with its first problem."""
        folder = paths.user_templates_dir()
        text = (
            f"Your own templates are the template files in <a href='{QUrl.fromLocalFile(str(folder)).toString()}'>"
            f"{escape(str(folder))}</a>; File &gt; Save as Template puts one there."
        )
        problems = user_templates()[1]
        if problems:
            first = str(problems[0]).splitlines()[0]
            more = f" (and {len(problems) - 1} more file{'s' * (len(problems) > 2)})" if len(problems) > 1 else ""
            text += f"<br>Not a template{more}: {escape(first)}"
        label = QLabel(f"<small>{text}</small>", self)
        label.setObjectName("ownTemplates")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setOpenExternalLinks(True)
        return label

    def _show_details(self, item: QListWidgetItem | None) -> None:
        self.create_button.setEnabled(item is not None)
        if item is None:
            self.details.clear()
            return
        template = self._templates[item.data(TEMPLATE_ID)]
        blocks = len(template.blocks)
        self.details.setText(
            f"<b>{escape(template.name)}</b>: {blocks} blocks. {escape(template.description)}"
            f"<br><small>{escape(template.credit)}</small>"
            + (f"<p>{escape(self._describe(template))}</p>" if self._describe else "")
        )


def ask_template(
    parent: QWidget | None,
    templates: Sequence[Template],
    chosen: str,
    purpose: Purpose | None = None,
    describe: Callable[[Template], str] | None = None,
) -> Template | None:
    """The template a person chooses, or None when they cancel."""
    gallery = NewCanvasGallery(parent, templates, chosen, purpose, describe)
    try:
        return gallery.template() if gallery.exec() == QDialog.DialogCode.Accepted else None
    finally:
        gallery.deleteLater()
