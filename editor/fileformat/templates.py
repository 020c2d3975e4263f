"""Canvas templates from their files: the shipped ones (resources/templates) by id, any other by its path."""

from __future__ import annotations

import functools
from pathlib import Path

from editor import paths
from editor.errors import CanvasFileError
from editor.fileformat import yamlsafe
from editor.fileformat.node_reader import Reader
from editor.fileformat.yamlsafe import Mapping
from editor.model import BlockSpec, HeaderField, Template

# The template of a canvas file that names none, and of a new canvas.
DEFAULT_TEMPLATE = "business-model-canvas"


def default_template() -> Template:
    return load_template(DEFAULT_TEMPLATE)


def available_templates() -> list[str]:
    return sorted(path.stem for path in paths.templates_dir().glob("*.yaml"))


def template_library() -> list[Template]:
    """Every template this program has, the Business Model Canvas first."""
    ids = sorted(available_templates(), key=lambda template_id: template_id != DEFAULT_TEMPLATE)
    return [load_template(template_id) for template_id in ids]


@functools.cache
def load_template(template_id: str) -> Template:
    """The shipped template with this id. Raises KeyError for an unknown id."""
    path = paths.templates_dir() / f"{template_id}.yaml"
    if template_id not in available_templates():
        raise KeyError(template_id)
    return read_template(path)


def read_template(path: Path) -> Template:
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CanvasFileError.whole(source, f"cannot read the template: {error.strerror}.") from None
    root = yamlsafe.parse(data, source, max_depth=6)
    reader = Reader(source)
    top = reader.mapping(root, "the template", whole=True)
    reader.keys(top, ["id", "name", "credit", "description", "columns", "rows", "header", "blocks", "fill_order"])
    columns = reader.integer(reader.required(top, "columns"), "columns", minimum=1)
    rows = reader.integer(reader.required(top, "rows"), "rows", minimum=1)
    header = tuple(
        HeaderField(
            reader.text(reader.required(item, "id"), "id"),
            reader.text(reader.required(item, "label"), "label"),
        )
        for item in (reader.mapping(node, "a header field") for node in reader.items(top, "header"))
    )
    blocks = []
    for node in reader.items(top, "blocks"):
        item = reader.mapping(node, "a block")
        reader.keys(item, ["id", "title", "meaning", "grid", "questions"])
        grid_node = reader.required(item, "grid")
        grid = [reader.integer(cell, "grid", minimum=0) for cell in reader.sequence(grid_node, "grid")]
        if len(grid) != 4 or grid[0] + grid[2] > columns or grid[1] + grid[3] > rows or 0 in grid[2:]:
            reader.problem(grid_node, "grid is [column, row, column span, row span] inside the template's grid.")
            continue
        blocks.append(
            BlockSpec(
                id=reader.text(reader.required(item, "id"), "id"),
                title=reader.text(reader.required(item, "title"), "title"),
                questions=tuple(reader.text(q, "a question") for q in reader.items(item, "questions")),
                column=grid[0],
                row=grid[1],
                column_span=grid[2],
                row_span=grid[3],
                meaning=_optional_text(reader, item, "meaning"),
            )
        )
    fill_order = tuple(reader.text(node, "fill_order") for node in reader.items(top, "fill_order"))
    ids = {block.id for block in blocks}
    if set(fill_order) != ids and "fill_order" in top.items:
        reader.problem(top.items["fill_order"][1], "fill_order must name every block exactly once.")
    template_id = reader.text(reader.required(top, "id"), "id")
    name = reader.text(reader.required(top, "name"), "name")
    credit = reader.text(reader.required(top, "credit"), "credit")
    description = _optional_text(reader, top, "description")
    reader.finish()
    return Template(
        id=template_id,
        name=name,
        credit=credit,
        columns=columns,
        rows=rows,
        header=header,
        blocks=tuple(blocks),
        fill_order=fill_order or tuple(ids),
        description=description,
    )


def _optional_text(reader: Reader, mapping: Mapping, key: str) -> str:
    node = reader.optional(mapping, key)
    return "" if node is None else reader.text(node, key)
