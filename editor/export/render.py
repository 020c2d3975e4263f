"""Drawing a canvas as the board shows it, without selection or editing marks: PDF pages, PNG, SVG, print."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QImage,
    QImageWriter,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtSvg import QSvgGenerator

from editor.board.board_scene import BoardScene
from editor.board.geometry import BOARD_WIDTH, board_width_for
from editor.board.text import drawable
from editor.export.options import ExportError, ExportOptions, Progress, step
from editor.model import Canvas

PAGE_SIZES = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "A2": QPageSize.PageSizeId.A2,
    "A1": QPageSize.PageSizeId.A1,
    "A0": QPageSize.PageSizeId.A0,
    "Letter": QPageSize.PageSizeId.Letter,
}
MARGIN_MM = 10.0
PICTURE_MARGIN = 0.012  # of a picture's width, on every side, so that the outer lines are not cut
MAX_PIXELS = 400_000_000  # a 20,000 x 20,000 picture: beyond this the request is a typo, not a poster


def drawn_bytes(
    canvas: Canvas,
    kind: str,
    options: ExportOptions,
    progress: Progress | None = None,
    decorate: Callable[[BoardScene], object] | None = None,
) -> bytes:
    """The canvas drawn as a 'pdf', 'png' or 'svg' file's bytes (editor.export.formats names these writers);
    `decorate` adds to the board before it is drawn (a comparison's marks)."""
    step(progress, "Laying out the notes")
    aspect = paper_aspect(page_layout(options.page)) if kind == "pdf" else None
    with board_scene(canvas, aspect) as scene:
        if decorate is not None:
            decorate(scene)
        step(progress, "Drawing")
        if kind == "pdf":
            return pdf_bytes(scene, canvas.title, options.page)
        if kind == "svg":
            return svg_bytes(scene, canvas.title, canvas.template.credit)
        return png_bytes(picture(scene, options))


@contextmanager
def board_scene(canvas: Canvas, aspect: float | None = None) -> Iterator[BoardScene]:
    """The board for a canvas on a white ground, laid out once at the width `aspect` asks (the default width
    otherwise); it stops following the canvas when the export is done with it."""
    scene = BoardScene(canvas, BOARD_WIDTH if aspect is None else board_width_for(aspect))
    scene.setBackgroundBrush(QColor("white"))
    try:
        yield scene
    finally:
        scene.detach()


def paper_aspect(layout: QPageLayout) -> float:
    """Width over height of the part of a page that is printed on."""
    rect = layout.paintRect()
    return rect.width() / rect.height()


def paint_board(painter: QPainter, scene: BoardScene, target: QRectF) -> None:
    """Draw the whole board into `target`, keeping its proportions, centred."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    source = scene.sceneRect()
    scale = min(target.width() / source.width(), target.height() / source.height())
    width, height = source.width() * scale, source.height() * scale
    fitted = QRectF(
        target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2, width, height
    )
    scene.render(painter, fitted, source, Qt.AspectRatioMode.KeepAspectRatio)


def paint_pages(device: QPagedPaintDevice, scene: BoardScene) -> None:
    """One landscape page with the board fitted inside the margins (PDF and print share this)."""
    painter = QPainter()
    if not painter.begin(device):
        raise ExportError("the page could not be drawn on")
    try:
        area = device.pageLayout().paintRectPixels(device.logicalDpiX())  # the painter starts at its corner
        paint_board(painter, scene, QRectF(0, 0, area.width(), area.height()))
    finally:
        painter.end()


def pdf_bytes(scene: BoardScene, title: str, page: str) -> bytes:
    def write(buffer: QBuffer) -> None:
        writer = QPdfWriter(buffer)
        writer.setTitle(drawable(title) or "Untitled canvas")
        writer.setCreator("Canvas Editor")
        writer.setResolution(600)
        writer.setPageLayout(page_layout(page))
        paint_pages(writer, scene)
        del writer  # finishes the PDF into the buffer

    return _bytes_of(write)


def svg_bytes(scene: BoardScene, title: str, description: str) -> bytes:
    return _portable_fonts(_bytes_of(lambda buffer: _draw_svg(buffer, scene, title, description)))


def _draw_svg(buffer: QBuffer, scene: BoardScene, title: str, description: str) -> None:
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    rect = scene.sceneRect()
    margin = rect.width() * PICTURE_MARGIN
    outer = QRectF(0, 0, rect.width() + 2 * margin, rect.height() + 2 * margin)
    generator.setSize(outer.size().toSize())
    generator.setViewBox(outer)
    generator.setTitle(drawable(title) or "Untitled canvas")  # SVG is XML: no control characters in it
    generator.setDescription(drawable(description))
    painter = QPainter(generator)
    painter.fillRect(outer, QColor("white"))
    paint_board(painter, scene, outer.adjusted(margin, margin, -margin, -margin))
    painter.end()


def _portable_fonts(svg: bytes) -> bytes:
    """Qt names the family it was asked for ("Sans Serif", a fontconfig alias that browsers do not know): name
    the font it used, then the generic family, so that a browser draws text of the same width."""

    @cache
    def families(asked: bytes) -> bytes:
        name = asked.decode("utf-8")
        listed = ", ".join(f"'{family}'" for family in dict.fromkeys([QFontInfo(QFont(name)).family(), name]))
        return f'font-family="{listed}, sans-serif"'.encode()

    return re.sub(rb'font-family="([^"]*)"', lambda match: families(match.group(1)), svg)


def picture_width(options: ExportOptions) -> int:
    """How many pixels wide a picture is: `width`, or the page's long side at `dpi` (the page is landscape)."""
    if options.width is not None:
        return options.width
    return round(QPageSize(PAGE_SIZES[options.page]).size(QPageSize.Unit.Inch).height() * options.dpi)


def picture(scene: BoardScene, options: ExportOptions) -> QImage:
    """The board as a picture: `width` pixels wide, or the page's width at `dpi`; white or transparent."""
    rect = scene.sceneRect()
    width = picture_width(options)
    margin = width * PICTURE_MARGIN
    height = max(1, round((width - 2 * margin) * rect.height() / rect.width() + 2 * margin))
    if width * height > MAX_PIXELS:
        raise ExportError(f"a picture of {width} x {height} pixels is too large; choose a smaller width or dpi")
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(f"there is not enough memory for a picture of {width} x {height} pixels")
    image.fill(Qt.GlobalColor.transparent if options.transparent else Qt.GlobalColor.white)
    if options.width is None:
        dots_per_meter = round(options.dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_meter)
        image.setDotsPerMeterY(dots_per_meter)
    if options.transparent:
        scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)
    painter = QPainter(image)
    paint_board(painter, scene, QRectF(margin, margin, width - 2 * margin, height - 2 * margin))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    def write(buffer: QBuffer) -> None:
        writer = QImageWriter(buffer, QByteArray(b"png"))
        if not writer.write(image):
            raise ExportError(f"the picture could not be encoded as PNG ({writer.errorString()})")

    return _bytes_of(write)


def _bytes_of(write: Callable[[QBuffer], None]) -> bytes:
    """What `write` puts into an in-memory device (an export is made in memory, then saved in one step)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write(buffer)
    buffer.close()
    return bytes(data.data())


def page_layout(page: str) -> QPageLayout:
    """A landscape page of this size with the export's margins."""
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(
        QPageSize(PAGE_SIZES[page]), QPageLayout.Orientation.Landscape, margins, QPageLayout.Unit.Millimeter
    )
