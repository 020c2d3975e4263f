"""Canvas templates from their files: the shipped ones (resources/templates) by id, any other by its path."""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path
from typing import Any

from editor import paths
from editor.errors import CanvasFileError, quote
from editor.fileformat import yamlsafe
from editor.fileformat.node_reader import Reader
from editor.fileformat.yamlsafe import Mapping, Node
from editor.model import PARKING_LOT, BlockSpec, HeaderField, Template
from editor.model.limits import MAX_VALUES

# The template of a canvas file that names none, and of a new canvas.
DEFAULT_TEMPLATE = "business-model-canvas"
MAX_GRID = 100  # columns, and rows
# A canvas file: document > blocks > a block's list > a note > its tags or position: five levels; one more for slack.
MAX_DEPTH = 6
MAX_BLOCKS = 100
# A canvas file's own top-level keys, which no header field may take (and a shared canvas's 'template_carried').
CANVAS_KEYS = frozenset({"format", "template", "title", "legend", "blocks", "parking_lot", "template_carried"})
# Ids become a canvas file's keys (YAML takes keys up to 1,024 characters) and file names: 64 characters at most.
IDENTIFIER = re.compile(r"[a-z][a-z0-9_]{0,63}")
TEMPLATE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def default_template() -> Template:
    return load_template(DEFAULT_TEMPLATE)


@functools.cache
def shipped_templates() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in paths.templates_dir().glob("*.yaml")))


def available_templates() -> list[str]:
    """The ids of every template this program has: the shipped ones, then the person's own."""
    return [*shipped_templates(), *(template.id for template in user_templates()[0])]


def user_templates() -> tuple[list[Template], list[CanvasFileError]]:
    """The templates in the person's template folder, in the order of their names, and the files that are not
    templates (with what is wrong). A template whose id a shipped one has is left out, with a problem."""
    folder = paths.user_templates_dir()
    try:
        files = sorted(path for path in folder.iterdir() if path.suffix in (".yaml", ".yml") and path.is_file())
    except OSError:  # no folder yet, or one that cannot be read
        return [], []
    templates: list[Template] = []
    problems: list[CanvasFileError] = []
    for path in files:
        try:
            template = _read_user_template(path, path.stat().st_mtime_ns)
        except OSError as error:
            problems.append(CanvasFileError.whole(str(path), f"cannot read the template: {error.strerror}."))
            continue
        except CanvasFileError as error:
            problems.append(error)
            continue
        if template.id in shipped_templates() or template.id in {other.id for other in templates}:
            problems.append(CanvasFileError.whole(str(path), f"another template has the id {quote(template.id)}."))
            continue
        templates.append(template)
    return templates, problems


@functools.lru_cache(maxsize=256)
def _read_user_template(path: Path, _mtime_ns: int) -> Template:
    """A template file of the person's, read again when it changes."""
    return read_template(path)


def is_shipped(template: Template) -> bool:
    """Whether a template is one this program ships, as shipped: a canvas file then names it by its id alone."""
    return template.id in shipped_templates() and _shipped_template(template.id) == template


def written_template(template: Template, carried: bool = False) -> str | dict[str, Any]:
    """What a canvas file says under 'template': a shipped template's id, or any other template whole (as its
    template file says it), so that a colleague without that template sees the same board; `carried`: whole."""
    if is_shipped(template) and not carried:
        return template.id
    data: dict[str, Any] = {"id": template.id, "name": template.name, "credit": template.credit}
    if template.description:
        data["description"] = template.description
    data |= {"columns": template.columns, "rows": template.rows}
    if template.header:
        data["header"] = [{"id": field.id, "label": field.label} for field in template.header]
    data["blocks"] = [_block_data(block) for block in template.blocks]
    data["fill_order"] = list(template.fill_order)
    return data


def _block_data(block: BlockSpec) -> dict[str, Any]:
    data: dict[str, Any] = {"id": block.id, "title": block.title}
    if block.meaning:
        data["meaning"] = block.meaning
    data["grid"] = (block.column, block.row, block.column_span, block.row_span)  # a tuple: written [c, r, w, h]
    if block.questions:
        data["questions"] = list(block.questions)
    return data


def carried_text(template: Template) -> str:
    """A template that is not shipped, as the text a shared canvas carries it in (the JSON of its file); '' for a
    shipped one, which every peer has."""
    return "" if is_shipped(template) else json.dumps(written_template(template, carried=True), ensure_ascii=False)


def read_carried(text: str) -> Template:
    """A template from the text a shared canvas carries (a peer's: anything). Raises ValueError with what is wrong."""
    source = "the shared canvas's template"
    try:
        reader = Reader(source)
        top = reader.mapping(_parsed(text.encode("utf-8"), source), "the template", whole=True)
        template = template_from(reader, top)
        reader.finish()
    except CanvasFileError as error:
        raise ValueError(str(error).splitlines()[0]) from None
    return template


def plain_grid(
    template_id: str,
    name: str,
    blocks: list[tuple[str, str]],
    header: tuple[HeaderField, ...] = (),
    description: str = "",
) -> Template:
    """A template of these (id, title) blocks on a plain, nearly square grid, in this order, filled in this order:
    for a canvas whose own template is not here, or the groups of an imported file."""
    columns = max(1, math.ceil(math.sqrt(len(blocks))))
    specs = tuple(
        BlockSpec(block_id, title, (), index % columns, index // columns, 1, 1)
        for index, (block_id, title) in enumerate(blocks)
    )
    rows = max(1, math.ceil(len(blocks) / columns))
    return Template(
        template_id, name, "", columns, rows, header, specs, tuple(block_id for block_id, _ in blocks), description
    )


def is_template(data: bytes) -> bool:
    """Whether a file's bytes are a template rather than a canvas: a mapping with 'columns' and no 'format'."""
    try:
        root = _parsed(data, "<template?>")
    except CanvasFileError:
        return False
    return isinstance(root, Mapping) and "columns" in root.items and "format" not in root.items


def template_library() -> list[Template]:
    """Every template this program has, the Business Model Canvas first."""
    shipped = sorted(shipped_templates(), key=lambda template_id: template_id != DEFAULT_TEMPLATE)
    return [*(_shipped_template(template_id) for template_id in shipped), *user_templates()[0]]  # one folder scan


def load_template(template_id: str) -> Template:
    """The template with this id: a shipped one, else one of the person's own. Raises KeyError for an unknown id."""
    if template_id in shipped_templates():
        return _shipped_template(template_id)
    for template in user_templates()[0]:
        if template.id == template_id:
            return template
    raise KeyError(template_id)


@functools.cache
def _shipped_template(template_id: str) -> Template:
    return read_template(paths.templates_dir() / f"{template_id}.yaml")


def read_template(path: Path) -> Template:
    """A template file. Raises CanvasFileError with every problem and where it is."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CanvasFileError.whole(source, f"cannot read the template: {error.strerror}.") from None
    return parse_template(data, source)


def parse_template(data: bytes, source: str) -> Template:
    """A template from a file's bytes. Raises CanvasFileError with every problem and where it is."""
    reader = Reader(source)
    template = template_from(reader, reader.mapping(_parsed(data, source), "the template", whole=True))
    reader.finish()
    return template


def _parsed(data: bytes, source: str) -> Node | None:
    """YAML as a template is read, within a canvas file's limits (a file of a million values is refused early)."""
    return yamlsafe.parse(data, source, MAX_DEPTH, MAX_VALUES)


def template_from(reader: Reader, top: Mapping) -> Template:
    """A template from its mapping, in a template file or a canvas file that carries its template; problems are
    noted on `reader`, which the caller finishes."""
    reader.keys(top, ["id", "name", "credit", "description", "columns", "rows", "header", "blocks", "fill_order"])
    columns = reader.integer(reader.required(top, "columns"), "columns", minimum=1)
    rows = reader.integer(reader.required(top, "rows"), "rows", minimum=1)
    if columns > MAX_GRID or rows > MAX_GRID:
        reader.problem(top, f"a template's grid has at most {MAX_GRID} columns and {MAX_GRID} rows.")
    header: list[HeaderField] = []
    for node in reader.items(top, "header"):
        item = reader.mapping(node, "a header field")
        reader.keys(item, ["id", "label"])
        field_id = _identifier(reader, reader.required(item, "id"), "a header field's id")
        if field_id in CANVAS_KEYS or field_id in {field.id for field in header}:
            reader.problem(node, f"{quote(field_id)} cannot name a header field: a canvas file uses it already.")
            continue
        header.append(HeaderField(field_id, reader.text(reader.required(item, "label"), "label")))
    blocks: list[BlockSpec] = []
    block_nodes = reader.items(top, "blocks")
    if not block_nodes:
        reader.problem(top, "a template has at least one block.")
    if len(block_nodes) > MAX_BLOCKS:
        reader.problem(top.items["blocks"][1], f"a template has at most {MAX_BLOCKS} blocks.")
    for node in block_nodes[:MAX_BLOCKS]:
        block = _block(reader, node, columns, rows)
        if block is not None and block.id in {other.id for other in blocks}:
            reader.problem(node, f"two blocks have the id {quote(block.id)}.")
        elif block is not None:
            blocks.append(block)
    fill_order = tuple(reader.text(node, "fill_order") for node in reader.items(top, "fill_order"))
    ids = [block.id for block in blocks]
    if "fill_order" in top.items and sorted(fill_order) != sorted(ids):
        reader.problem(top.items["fill_order"][1], "fill_order must name every block exactly once.")
    return Template(
        id=_template_id(reader, reader.required(top, "id")),
        name=reader.text(reader.required(top, "name"), "name"),
        credit=reader.text(reader.required(top, "credit"), "credit"),
        columns=columns,
        rows=rows,
        header=tuple(header),
        blocks=tuple(blocks),
        fill_order=fill_order or tuple(ids),
        description=_optional_text(reader, top, "description"),
    )


def _block(reader: Reader, node: Node, columns: int, rows: int) -> BlockSpec | None:
    item = reader.mapping(node, "a block")
    reader.keys(item, ["id", "title", "meaning", "grid", "questions"])
    grid_node = reader.required(item, "grid")
    grid = [reader.integer(cell, "grid", minimum=0) for cell in reader.sequence(grid_node, "grid")]
    if len(grid) != 4 or grid[0] + grid[2] > columns or grid[1] + grid[3] > rows or 0 in grid[2:]:
        reader.problem(grid_node, "grid is [column, row, column span, row span] inside the template's grid.")
        return None
    meaning = reader.optional(item, "meaning")
    return BlockSpec(
        id=_identifier(reader, reader.required(item, "id"), "a block's id"),
        title=reader.text(reader.required(item, "title"), "title"),
        questions=tuple(reader.text(q, "a question") for q in reader.items(item, "questions")),
        column=grid[0],
        row=grid[1],
        column_span=grid[2],
        row_span=grid[3],
        meaning="" if meaning is None else _identifier(reader, meaning, "a block's meaning"),
    )


def _identifier(reader: Reader, node: Node, what: str) -> str:
    """A block's or field's id: it becomes a key of canvas files, so lower case, digits and underscores."""
    value = reader.text(node, what)
    if value == PARKING_LOT:
        reader.problem(node, f"{quote(value)} is the parking lot's: a block or a field needs another id.")
    elif not IDENTIFIER.fullmatch(value):
        shape = "up to 64 lower-case letters, digits and '_', from a letter on"
        reader.problem(node, f"{what} is {shape}: not {quote(value)}.")
    return value


def _template_id(reader: Reader, node: Node) -> str:
    value = reader.text(node, "id")
    if not TEMPLATE_ID.fullmatch(value):
        reader.problem(node, f"a template's id is up to 64 lower-case letters, digits and '-': not {quote(value)}.")
    return value


def _optional_text(reader: Reader, mapping: Mapping, key: str) -> str:
    node = reader.optional(mapping, key)
    return "" if node is None else reader.text(node, key)
