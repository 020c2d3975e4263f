"""The export formats, in one registry that the command line, the Export menu and the file dialog read; and what an
export is asked for (its options) and how it fails. A new format is one writer and one entry here. No Qt: the Qt
writers (editor.export.render) are imported when a format that needs them is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.errors import CanvasFileError
from editor.fileformat.atomic import write_atomically
from editor.model import Canvas

PAGES = ("A4", "A3", "A2", "A1", "A0", "Letter")  # PDF and print pages, all landscape

Progress = Callable[[str], bool]  # told each step's name; returns False to cancel


class ExportError(Exception):
    """An export could not be made; the message is one line that says why."""


class ExportCancelledError(Exception):
    """The person cancelled the export; nothing was written."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    page: str = "A3"  # PDF and print page, and the physical size a PNG's dpi refers to
    dpi: int = 150
    width: int | None = None  # a PNG's width in pixels, instead of page and dpi
    transparent: bool = False  # PNG background

    def __post_init__(self) -> None:
        if self.page not in PAGES:
            raise ExportError(f"unknown page size '{self.page}'; choose one of {', '.join(PAGES)}")
        if not 10 <= self.dpi <= 2400:
            raise ExportError(f"a resolution of {self.dpi} dpi is out of range (10 to 2400)")
        if self.width is not None and not 16 <= self.width <= 20_000:
            raise ExportError(f"a width of {self.width} pixels is out of range (16 to 20000)")


Writer = Callable[[Canvas, ExportOptions, "Progress | None"], bytes]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    id: str  # also the file extension, and the command line's --format
    label: str  # "PDF", "PNG Image": in "Export as ..." and the menu
    description: str  # the file dialog's filter
    write: Writer
    menu: str  # the Export menu's entry, with its mnemonic
    shortcut: str = ""
    needs_qt: bool = True  # drawn with Qt: the command line starts an offscreen application first
    asks: str = ""  # what the Export dialog asks first: "page" (a page size), "picture" (a size in pixels or dpi)
    aliases: tuple[str, ...] = ()  # other names --format and file extensions may use

    @property
    def dialog_filter(self) -> str:
        return f"{self.description} (*.{self.id})"


def _drawn(kind: str) -> Writer:
    def write(canvas: Canvas, options: ExportOptions, progress: Progress | None) -> bytes:
        from editor.export import render  # Qt, when a picture is made

        return render.drawn_bytes(canvas, kind, options, progress)

    return write


def _markdown(canvas: Canvas, options: ExportOptions, progress: Progress | None) -> bytes:
    from editor.export.markdown import canvas_markdown

    return canvas_markdown(canvas).encode("utf-8")


FORMATS: dict[str, ExportFormat] = {
    fmt.id: fmt
    for fmt in (
        ExportFormat("pdf", "PDF", "PDF document", _drawn("pdf"), "&PDF…", shortcut="Ctrl+E", asks="page"),
        ExportFormat("png", "PNG Image", "PNG image", _drawn("png"), "P&NG Image…", asks="picture"),
        ExportFormat("svg", "SVG Image", "SVG image", _drawn("svg"), "&SVG Image…"),
        ExportFormat("md", "Markdown", "Markdown", _markdown, "&Markdown…", needs_qt=False, aliases=("markdown",)),
    )
}


def format_for(path: Path | None, given: str | None = None) -> ExportFormat:
    """The export format: given, or told by the file name's extension."""
    name = (given or (path.suffix.lstrip(".") if path else "")).lower()
    for fmt in FORMATS.values():
        if name == fmt.id or name in fmt.aliases:
            return fmt
    told = f"'{given}'" if given else f"the name {path.name}" if path else "nothing"
    *others, last = FORMATS
    raise ExportError(f"cannot export to {told}: the formats are {', '.join(others)} and {last}")


def export_canvas(
    canvas: Canvas, path: Path, fmt: ExportFormat, options: ExportOptions, progress: Progress | None = None
) -> None:
    """Write the canvas to `path` in one step (a half-written export never replaces a good one).

    Raises ExportError with a one-line reason, or ExportCancelledError."""
    data = fmt.write(canvas, options, progress)
    step(progress, "Saving")
    try:
        write_atomically(path, data)
    except CanvasFileError as error:
        raise ExportError(error.first.message) from None


def step(progress: Progress | None, name: str) -> None:
    if progress is not None and not progress(name):
        raise ExportCancelledError()
