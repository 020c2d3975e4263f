"""The command line: open the window on a canvas, or validate and export canvas files without a window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor import __version__

if TYPE_CHECKING:
    from editor.export.formats import ExportFormat
    from editor.export.options import ExportOptions
    from editor.model import Template


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "validate":
        return validate(args[1:])
    if args and args[0] == "export":
        return export(args[1:])
    if args and args[0] == "new":
        return new(args[1:])
    if args and args[0] == "diff":
        return diff(args[1:])
    if args and args[0] == "serve":
        return serve(args[1:])
    if args and args[0] == "join":
        return join(args[1:])
    parser = argparse.ArgumentParser(
        prog="canvas-editor",
        description="Design business models on canvases such as the Business Model Canvas.",
        epilog="commands (each has --help):\n"
        "  new FILE --template ID  make an empty canvas file of a kind (lean-canvas, ...)\n"
        "  diff OLD NEW            what changed between two canvases, block by block\n"
        "  validate FILE...        check canvas and template files without opening a window;\n"
        "                          prints FILE:LINE:COL: message for each problem\n"
        "  export FILE... -o OUT   export canvases to PDF, PNG and other formats without a window\n"
        "  serve FILE              share a canvas with the people who have its link, without a window\n"
        "  join LINK               take part in a shared canvas, in a window",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", nargs="?", type=Path, help="canvas to open (default: the last one open, or the TikTok example)"
    )
    parser.add_argument("--version", action="version", version=f"canvas-editor {__version__}")
    options = parser.parse_args(args)
    if not can_open_a_window():
        return 1
    from editor.gui.app import run  # Qt is imported only when a window is wanted

    return run(options.file)


def serve(argv: Sequence[str]) -> int:
    """Share a canvas file until Ctrl+C or SIGTERM; exit 1 when the file or the address cannot be used."""
    parser = argparse.ArgumentParser(
        prog="canvas-editor serve",
        description="Share a canvas with no window: peers join with the link it prints, and what they change is "
        "written to the file after a moment of quiet. Ctrl+C saves and ends the session.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--host", default="0.0.0.0", help="the address to listen on (default: every one, the local network)"
    )
    parser.add_argument("--port", type=int, default=8765, help="the port to listen on (default: 8765; 0: any free)")
    options = parser.parse_args(argv)
    from editor.headless_host import serve as serve_file

    return serve_file(options.file, options.host, options.port)


def join(argv: Sequence[str]) -> int:
    """Open a window on the shared canvas at LINK."""
    parser = argparse.ArgumentParser(
        prog="canvas-editor join",
        description="Take part in a shared canvas: LINK is what the host's Share Canvas window or "
        "'canvas-editor serve' shows (ws://ADDRESS:PORT/ROOM?k=KEY).",
    )
    parser.add_argument("link", metavar="LINK")
    options = parser.parse_args(argv)
    if not can_open_a_window():
        return 1
    from editor.gui.app import run_joined

    return run_joined(options.link)


def can_open_a_window() -> bool:
    """Whether a window can open here; when not, why is printed."""
    missing = no_display()
    if missing:
        print(f"canvas-editor: {missing}", file=sys.stderr)
    return not missing


def no_display() -> str:
    """Why no window can open here, in one sentence (Qt would abort with a core dump); empty when one can."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    display = os.environ.get("DISPLAY", "")
    if not display:
        return (
            "there is no display to open a window on (DISPLAY is not set). Without one, use "
            "'canvas-editor validate' or 'canvas-editor export', or run the window under xvfb-run."
        )
    host, _, number = display.partition(":")
    number = number.split(".")[0]
    if host in ("", "unix") and number.isdigit() and not Path(f"/tmp/.X11-unix/X{number}").exists():
        return f"the display {display} is not there (no X server answers on it)."
    return ""


def validate(argv: Sequence[str]) -> int:
    """Exit 0 when every file is a valid canvas or template, 1 when any is not (each problem printed), 2 for usage
    errors."""
    parser = argparse.ArgumentParser(
        prog="canvas-editor validate",
        description="Check canvas files, and template files (a file with 'columns' and no 'format' is a template).",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    options = parser.parse_args(argv)
    from editor.fileformat import CanvasFileError, parse_canvas
    from editor.fileformat.reader import file_bytes
    from editor.fileformat.templates import is_template, parse_template

    failed = 0
    for path in options.files:
        try:
            data = file_bytes(path)  # once, with a canvas file's checks: a regular file, not too large
            if is_template(data):
                template = parse_template(data, str(path))
                print(f"{path}: ok (the template {template.name}, {len(template.blocks)} blocks)")
            else:
                print(f"{path}: ok ({parse_canvas(data, str(path)).note_count()} notes)")
        except CanvasFileError as error:
            failed += 1
            print(error, file=sys.stdout)
    return 1 if failed else 0


def diff(argv: Sequence[str]) -> int:
    """Print what changed; exit 0 when the canvases are the same, 1 when they differ, 2 for trouble (as diff does).
    Called by git as a diff driver (seven arguments), it exits 0 when it could compare, as git expects."""
    parser = argparse.ArgumentParser(
        prog="canvas-editor diff",
        description="What changed between two canvas files: notes added, removed, edited, moved, recoloured and "
        "re-voted, block by block, then the header and the legend.",
        epilog="As git's diff driver for canvas files (see the README):\n"
        "  git config diff.canvas.command 'canvas-editor diff'\n"
        "  echo '*.yaml diff=canvas' >> .gitattributes",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", metavar="OLD NEW", help="two canvas files (or git's seven arguments)")
    parser.add_argument("--format", choices=["text", "md"], default="text", help="text (default) or Markdown")
    options = parser.parse_args(argv)
    from editor.export.changes import changes_markdown, changes_text
    from editor.fileformat import CanvasFileError, load_canvas
    from editor.model.compare import compare

    files: list[str] = options.files
    as_git = len(files) == 7  # path, old file, old hash, old mode, new file, new hash, new mode
    if len(files) != 2 and not as_git:
        parser.error("give two canvas files, OLD and NEW")
    old_path, new_path = (files[1], files[4]) if as_git else (files[0], files[1])
    old_name, new_name = (f"a/{files[0]}", f"b/{files[0]}") if as_git else (old_path, new_path)
    try:
        old = None if old_path == os.devnull else load_canvas(old_path)  # git's side of a file added or deleted
        new = None if new_path == os.devnull else load_canvas(new_path)
    except CanvasFileError as error:
        if as_git:  # a file that is no canvas (a CI config, a canvas half edited): its lines, as git shows them
            print(_lines_diff(old_path, new_path, old_name, new_name), end="")
            return 0
        print(error, file=sys.stderr)
        return 2
    from editor.model import Canvas

    old = old or Canvas(new.template if new else _default_template())
    new = new or Canvas(old.template)
    changes = compare(old, new)
    if as_git:
        print(f"canvas-editor diff {old_name} {new_name}")
    if options.format == "md":
        print(changes_markdown(changes, old, new, old_name, new_name), end="")
    else:
        print(changes_text(changes, old, new), end="")
    return 0 if as_git or changes.same else 1


def _lines_diff(old_path: str, new_path: str, old_name: str, new_name: str) -> str:
    """A unified diff of two text files' lines: what git's driver shows for a file it cannot read as a canvas."""
    import difflib

    def lines(path: str) -> list[str]:
        try:
            return Path(path).read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        except OSError:
            return []

    return "".join(difflib.unified_diff(lines(old_path), lines(new_path), old_name, new_name))


def _default_template() -> Template:
    from editor.fileformat import default_template

    return default_template()


def new(argv: Sequence[str]) -> int:
    """Write an empty canvas of a template; exit 1 when the file exists or the template is not there."""
    from editor.fileformat.templates import DEFAULT_TEMPLATE, available_templates

    parser = argparse.ArgumentParser(
        prog="canvas-editor new",
        description="Make an empty canvas file of a kind, to fill in the window or by hand.",
        epilog="example:\n  canvas-editor new --template lean-canvas plan.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--template",
        default=DEFAULT_TEMPLATE,
        metavar="TEMPLATE",
        help=f"a template's id ({', '.join(available_templates())}) or a template file (default: {DEFAULT_TEMPLATE})",
    )
    options = parser.parse_args(argv)
    from editor.fileformat import CanvasFileError, save_canvas
    from editor.fileformat.templates import load_template, read_template
    from editor.model import Canvas

    path: Path = options.file
    if path.exists():
        print(f"canvas-editor new: {path} exists already; choose another name.", file=sys.stderr)
        return 1
    try:
        if options.template in available_templates():
            template = load_template(options.template)
        elif Path(options.template).is_file():
            template = read_template(Path(options.template))
        else:
            known = ", ".join(available_templates())
            print(f"canvas-editor new: no template {options.template!r}; there are {known}.", file=sys.stderr)
            return 1
        save_canvas(Canvas(template), path)
    except CanvasFileError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{path}: a new {template.name}")
    return 0


def export(argv: Sequence[str]) -> int:
    """Exit 0 when every file was exported, 1 when any was not (one line each), 2 for usage errors."""
    from editor.export.formats import FORMATS, format_for
    from editor.export.options import PAGES, ExportError, ExportOptions

    labels = [fmt.label for fmt in FORMATS.values()]
    parser = argparse.ArgumentParser(
        prog="canvas-editor export",
        description=f"Export canvas files as {', '.join(labels[:-1])} or {labels[-1]}, without a window.",
        epilog="examples:\n"
        "  canvas-editor export tiktok.yaml -o tiktok.pdf --page A0\n"
        "  canvas-editor export tiktok.yaml -o tiktok.png --dpi 300\n"
        "  canvas-editor export *.yaml -o exports/ --format md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="canvas files to export")
    parser.add_argument(
        "-o",
        "--output",
        help="the file to write (its extension tells the format), or a folder for several files "
        "(default: beside each canvas file)",
    )
    names = [name for fmt in FORMATS.values() for name in (fmt.id, *fmt.aliases)]
    parser.add_argument("--format", choices=names, help="the format, when OUT does not tell it")
    parser.add_argument("--page", default="A3", help=f"PDF page size: {', '.join(PAGES)} (default A3)")
    parser.add_argument("--dpi", type=int, default=150, help="PNG resolution on the page size (default 150)")
    parser.add_argument("--width", type=int, help="PNG width in pixels, instead of --dpi")
    parser.add_argument("--transparent", action="store_true", help="PNG with a transparent background")
    options = parser.parse_args(argv)

    several = len(options.files) > 1
    # Read as written: Path drops the trailing '/' that says "a folder".
    to_folder = options.output is not None and (Path(options.output).is_dir() or options.output.endswith(("/", "\\")))
    options.output = None if options.output is None else Path(options.output)
    if several and options.output is not None and not to_folder:
        parser.error(f"several files go to a folder: {options.output} is not one")
    if to_folder and options.output is not None:
        try:
            options.output.mkdir(parents=True, exist_ok=True)  # -o DIR/ makes the folder, as --help says
        except OSError as error:
            parser.error(f"cannot make the folder {options.output}: {error.strerror}")
    try:
        settings = ExportOptions(options.page, options.dpi, options.width, options.transparent)
        fmt = format_for(options.output, options.format) if options.output and not to_folder else None
    except ExportError as error:
        parser.error(str(error))
    failed = 0
    for path in options.files:
        file_format = fmt or format_for(None, options.format or "pdf")
        if options.output is None:
            target = path.with_suffix(f".{file_format.id}")
        elif to_folder:
            target = options.output / f"{path.stem}.{file_format.id}"
        else:
            target = options.output
        if not _export_one(path, target, file_format, settings):
            failed += 1
    return 1 if failed else 0


def _export_one(path: Path, target: Path, fmt: ExportFormat, settings: ExportOptions) -> bool:
    from editor.export.formats import export_canvas
    from editor.export.options import ExportError
    from editor.fileformat import CanvasFileError, load_canvas

    try:
        canvas = load_canvas(path)
        if fmt.needs_qt:
            _offscreen_application()
        export_canvas(canvas, target, fmt, settings)
    except CanvasFileError as error:
        more = len(error.problems) - 1
        print(
            str(error).splitlines()[0] + (f" (and {more} more problem{'s' * (more > 1)})" if more else ""),
            file=sys.stderr,
        )
        return False
    except ExportError as error:
        print(f"{target}: {error}", file=sys.stderr)
        return False
    print(f"{path} -> {target}")
    return True


def _offscreen_application() -> None:
    """Export draws with Qt, which needs an application; with no display it draws offscreen by itself."""
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        global _application
        _application = QApplication(sys.argv[:1])


_application: Any = None
