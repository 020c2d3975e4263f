"""The command line: open the window on a canvas, print the version, or validate files without a window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from editor import __version__


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "validate":
        return validate(args[1:])
    parser = argparse.ArgumentParser(
        prog="canvas-editor",
        description="Design business models on the Business Model Canvas.",
        epilog="commands:\n  validate FILE...  check canvas files without opening a window;"
        " prints FILE:LINE:COL: message for each problem",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", type=Path, help="canvas to open (default: the TikTok example)")
    parser.add_argument("--version", action="version", version=f"canvas-editor {__version__}")
    options = parser.parse_args(args)
    from editor.gui.app import run  # Qt is imported only when a window is wanted

    return run(options.file)


def validate(argv: Sequence[str]) -> int:
    """Exit 0 when every file is a valid canvas, 1 when any is not (each problem printed), 2 for usage errors."""
    parser = argparse.ArgumentParser(prog="canvas-editor validate", description="Check canvas files.")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    options = parser.parse_args(argv)
    from editor.fileformat import CanvasFileError, load_canvas

    failed = 0
    for path in options.files:
        try:
            canvas = load_canvas(path)
        except CanvasFileError as error:
            failed += 1
            print(error, file=sys.stdout)
            continue
        print(f"{path}: ok ({canvas.note_count()} notes)")
    return 1 if failed else 0
