"""Writing template files, as the shipped ones are written: Save as Template's file."""

from __future__ import annotations

from pathlib import Path

from editor.errors import CanvasFileError
from editor.fileformat.atomic import write_atomically
from editor.fileformat.templates import written_template
from editor.fileformat.yaml_text import dump, flow
from editor.model import Template


def save_template(template: Template, path: Path) -> None:
    """Write a template file, as the shipped ones are written (its folder made if need be). Raises CanvasFileError."""
    data = written_template(template, carried=True)
    head = "# A canvas template, made with Canvas Editor: edit it by hand, and 'canvas-editor validate' checks it.\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CanvasFileError.whole(str(path.parent), f"cannot make the folder: {error.strerror}.") from None
    write_atomically(path, (head + dump(flow(data))).encode("utf-8"))
