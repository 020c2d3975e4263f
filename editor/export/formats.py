"""The export formats, in one registry that the command line, the Export menu and the file dialog read. A new format
is one writer and one entry here. No Qt: the Qt writers (editor.export.render) are imported when a format that
needs them is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.errors import CanvasFileError
from editor.export.options import ExportError, ExportOptions, Progress, step
from editor.fileformat.atomic import write_atomically
from editor.model import Canvas

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


def _json_canvas(canvas: Canvas, options: ExportOptions, progress: Progress | None) -> bytes:
    from editor.export.json_canvas import canvas_json

    return canvas_json(canvas).encode("utf-8")


def _csv(canvas: Canvas, options: ExportOptions, progress: Progress | None) -> bytes:
    from editor.export.csv_table import canvas_csv

    return canvas_csv(canvas).encode("utf-8")


FORMATS: dict[str, ExportFormat] = {
    fmt.id: fmt
    for fmt in (
        ExportFormat("pdf", "PDF", "PDF document", _drawn("pdf"), "&PDF…", shortcut="Ctrl+E", asks="page"),
        ExportFormat("png", "PNG Image", "PNG image", _drawn("png"), "P&NG Image…", asks="picture"),
        ExportFormat("svg", "SVG Image", "SVG image", _drawn("svg"), "&SVG Image…"),
        ExportFormat("md", "Markdown", "Markdown", _markdown, "&Markdown…", needs_qt=False, aliases=("markdown",)),
        ExportFormat(
            "canvas", "JSON Canvas", "JSON Canvas", _json_canvas, "&JSON Canvas…", needs_qt=False, aliases=("json",)
        ),
        ExportFormat("csv", "CSV Table", "CSV table", _csv, "&CSV Table…", needs_qt=False),
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
