"""The canvas file format (YAML, format 1): reading, writing and atomic saving, with no Qt and no widgets."""

from editor.errors import CanvasFileError, Problem
from editor.fileformat.disk import FileState
from editor.fileformat.layout import Layout
from editor.fileformat.reader import FORMAT_VERSION, layout_for, load_canvas, open_canvas, parse_canvas, read_canvas
from editor.fileformat.templates import available_templates, default_template, load_template
from editor.fileformat.writer import dump_canvas, dump_content, save_canvas

__all__ = [
    "FORMAT_VERSION",
    "CanvasFileError",
    "FileState",
    "Layout",
    "Problem",
    "available_templates",
    "default_template",
    "dump_canvas",
    "dump_content",
    "layout_for",
    "load_canvas",
    "load_template",
    "open_canvas",
    "parse_canvas",
    "read_canvas",
    "save_canvas",
]
