"""Reading canvas files (YAML, format 1) into Canvas documents, with every problem located by line and column."""

from __future__ import annotations

import os

from editor.errors import CanvasFileError, Problem, UnknownTemplateError, quote
from editor.fileformat import yamlsafe
from editor.fileformat.disk import FileState, NotAFileError, read_regular
from editor.fileformat.layout import Layout, build
from editor.fileformat.node_reader import Reader, did_you_mean
from editor.fileformat.templates import (
    CANVAS_KEYS,
    DEFAULT_TEMPLATE,
    IDENTIFIER,
    MAX_BLOCKS,
    MAX_DEPTH,
    TEMPLATE_ID,
    available_templates,
    load_template,
    plain_grid,
    template_from,
)
from editor.fileformat.yamlsafe import Mapping, Node, Scalar, Sequence
from editor.model import DEFAULT_COLOR, PALETTE, PARKING_LOT, Canvas, HeaderField, Note, Template
from editor.model.colors import is_valid_color, normalize_color
from editor.model.limits import MAX_LEGEND, MAX_NOTES, MAX_TAGS, MAX_VALUES, too_many_notes
from editor.model.note import valid_note_id

FORMAT_VERSION = 1
NOTE_KEYS = ("text", "color", "tags", "votes", "at", "id")


def load_canvas(path: str | os.PathLike[str]) -> Canvas:
    """Read a canvas file. Raises CanvasFileError, and nothing else, for any file."""
    return parse_canvas(_read(path)[0], str(path))


def open_canvas(path: str | os.PathLike[str]) -> tuple[Canvas, FileState, Layout]:
    """Read a canvas file, with the state of the file it came from and the layout of its text, over which it is saved
    again. Raises CanvasFileError, and nothing else."""
    data, info = _read(path)
    # The size and time from before the read, with the hash of what was read: a write while it is read then shows as
    # a change (the other way round, the new size and time would vouch for the old bytes for ever).
    state = FileState.from_stat(info, data)
    canvas, layout = read_canvas(data, str(path))
    return canvas, state, layout


def read_canvas(data: bytes, source: str = "<canvas>") -> tuple[Canvas, Layout]:
    """Read canvas file bytes, with the layout of their text. Raises CanvasFileError, and nothing else."""
    canvas, root = _guarded(data, source)
    return canvas, _layout(data, root, canvas)


def layout_for(data: bytes, canvas: Canvas, source: str = "<canvas>") -> Layout | None:
    """The layout of canvas file bytes for `canvas`, which says what they say under note ids of its own (a shared
    session's canvas, resumed over the file it last saved), so that a save keeps the file's lines; None when the
    canvas says something else. Raises CanvasFileError."""
    read, root = _guarded(data, source)
    return _layout(data, root, canvas) if read == canvas else None


def _layout(data: bytes, root: Mapping, canvas: Canvas) -> Layout:
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    layout = build(root, data.decode("utf-8")[len(bom) :], canvas)
    layout.bom = bom
    return layout


def file_bytes(path: str | os.PathLike[str]) -> bytes:
    """A file's bytes, read as a canvas file is: a regular file, not too large. Raises CanvasFileError."""
    return _read(path)[0]


def _read(path: str | os.PathLike[str]) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes and its stat from before they were read. A device (/dev/zero) or a pipe is refused at
    once: reading one may never end."""
    try:
        data, info = read_regular(path)
    except NotAFileError:
        raise CanvasFileError.whole(
            str(path), "this is a device, a pipe or a socket, not a file; canvases are read from files."
        ) from None
    except OSError as error:
        raise CanvasFileError.whole(str(path), _read_failure(error)) from None
    if max(info.st_size, len(data)) > yamlsafe.MAX_BYTES:
        raise yamlsafe.too_large(max(info.st_size, len(data)), str(path))
    return data, info


def parse_canvas(data: bytes, source: str = "<canvas>") -> Canvas:
    """Read canvas file bytes. Raises CanvasFileError, and nothing else, for any bytes."""
    return _guarded(data, source)[0]


def read_on_plain_grid(data: bytes, source: str = "<canvas>") -> Canvas:
    """A canvas whose template this program lacks (UnknownTemplateError), on a plain grid of the blocks its file
    names, in the file's order, titled from their ids; its other top-level texts are header fields, so that nothing
    it says is lost. Raises CanvasFileError for a file that is not a canvas file otherwise."""
    parse_notes(data, source)  # first: a file that is no canvas says so, as any file does
    root = yamlsafe.parse(data, source, MAX_DEPTH, MAX_VALUES)
    assert isinstance(root, Mapping)  # parse_notes read it as one
    named = root.items.get("template", (None, None))[1]
    name = named.value if isinstance(named, Scalar) else "unknown"
    written = root.items.get("blocks", (None, None))[1]  # every block the file names, an empty one too
    named_blocks = list(written.items) if isinstance(written, Mapping) else []
    block_ids = [block_id for block_id in dict.fromkeys(named_blocks) if block_id != PARKING_LOT]
    block_ids = [block_id for block_id in block_ids if IDENTIFIER.fullmatch(block_id)] or ["notes"]
    if len(block_ids) > MAX_BLOCKS:
        raise CanvasFileError.whole(source, f"it names {len(block_ids):,} blocks; a canvas has at most {MAX_BLOCKS}.")
    fields = [
        key
        for key, (_, value) in root.items.items()
        if isinstance(value, Scalar) and key not in CANVAS_KEYS and IDENTIFIER.fullmatch(key)
    ]
    template = plain_grid(
        name if TEMPLATE_ID.fullmatch(name) else "unknown",
        f"{name} (its blocks on a plain grid)",
        [(block_id, block_id.replace("_", " ").title()) for block_id in block_ids],
        tuple(HeaderField(key, key.replace("_", " ").capitalize()) for key in fields),
    )
    return _guarded(data, source, template)[0]


def _guarded(data: bytes, source: str, template: Template | None = None) -> tuple[Canvas, Mapping]:
    try:
        return _parse(data, source, template)
    except CanvasFileError:
        raise
    except (RecursionError, MemoryError):
        raise CanvasFileError.whole(source, "the file is too large or too deeply nested to read.") from None
    except Exception as error:  # a last guard: the loader's promise is one error type for any input
        raise CanvasFileError.whole(source, f"the file cannot be read ({type(error).__name__}: {error}).") from None


def _parse(data: bytes, source: str, template: Template | None = None) -> tuple[Canvas, Mapping]:
    root = yamlsafe.parse(data, source, MAX_DEPTH, MAX_VALUES)
    if root is None:
        raise CanvasFileError.at(source, 1, 1, "the file is empty; a canvas file starts with 'format: 1'.")
    reader = Reader(source)
    ids: dict[str, Node] = {}
    top = reader.mapping(root, "a canvas file", whole=True)
    _check_format(reader, top)
    template = template or _template(reader, top)
    reader.keys(
        top, ["format", "template", "title", *template.header_ids, "legend", "blocks", PARKING_LOT], "at the top"
    )
    title_node = reader.optional(top, "title")
    title = "" if title_node is None else reader.text(title_node, "the title")
    fields = {}
    for field_id in template.header_ids:
        node = reader.optional(top, field_id)
        if node is not None:
            fields[field_id] = reader.text(node, f"'{field_id}'")
    legend = _legend(reader, reader.optional(top, "legend"))
    parked = reader.optional(top, PARKING_LOT)
    _count_notes(reader, reader.optional(top, "blocks"), parked)
    blocks = _blocks(reader, reader.optional(top, "blocks"), template, ids)
    if parked is not None and not _empty(parked):
        notes = [_note(reader, item, ids) for item in reader.sequence(parked, "the notes of the parking lot")]
        blocks[PARKING_LOT] = [note for note in notes if note is not None]
    reader.finish()
    return Canvas(template, title=title, fields=fields, legend=legend, blocks=blocks), top


def parse_notes(data: bytes, source: str = "<notes>") -> list[tuple[str, Note]]:
    """The notes in canvas file bytes, each with the id of the block it is in, whatever the file's template: notes
    copied from a canvas of another kind, whose blocks the reader need not know. Raises CanvasFileError, and nothing
    else, for any bytes; checks the notes as a canvas file's are."""
    try:
        root = yamlsafe.parse(data, source, MAX_DEPTH, MAX_VALUES)
        reader = Reader(source)
        ids: dict[str, Node] = {}
        top = reader.mapping(root, "a canvas file", whole=True)
        _check_format(reader, top)
        blocks, parked = reader.optional(top, "blocks"), reader.optional(top, PARKING_LOT)
        _count_notes(reader, blocks, parked)
        lists = [] if _empty(blocks) else list(reader.mapping(blocks, "'blocks'").items.items())
        if not _empty(parked):
            assert parked is not None
            lists.append((PARKING_LOT, (top.items[PARKING_LOT][0], parked)))
        notes = [
            (block_id, note)
            for block_id, (_, value) in lists
            for note in (_note(reader, item, ids) for item in reader.sequence(value, f"the notes of {quote(block_id)}"))
            if note is not None
        ]
        reader.finish()
    except (RecursionError, MemoryError):
        raise CanvasFileError.whole(source, "the notes are too many or too deeply nested to read.") from None
    return notes


def _check_format(reader: Reader, top: Mapping) -> None:
    if "format" not in top.items:
        raise reader.stop(top, f"the line 'format: {FORMAT_VERSION}' is missing; every canvas file starts with it.")
    node = top.items["format"][1]
    version = reader.integer(node, "'format'", minimum=1)
    if version > FORMAT_VERSION:
        raise reader.stop(
            node,
            f"this canvas was saved in format {version} by a newer Canvas Editor; "
            f"this version reads format {FORMAT_VERSION}. Update Canvas Editor to open it.",
        )


def _template(reader: Reader, top: Mapping) -> Template:
    """The canvas's template: named by its id (a shipped template), or carried whole in the file."""
    node = reader.optional(top, "template")
    if node is None:
        return load_template(DEFAULT_TEMPLATE)
    if isinstance(node, Mapping):
        template = template_from(reader, node)
        if reader.problems:
            raise reader.error()  # the rest of the file is read against its blocks
        return template
    name = reader.text(node, "'template'")
    if reader.problems:  # not a name (too long, not text): that is what is wrong
        raise reader.error()
    try:
        return load_template(name)
    except KeyError:
        raise UnknownTemplateError(reader.source, [Problem(node.line, node.column, _unknown(name))], name) from None


def _unknown(name: str) -> str:
    return f"unknown template {quote(name)}, and the file does not carry it.{did_you_mean(name, available_templates())}"


def _legend(reader: Reader, node: Node | None) -> dict[str, str]:
    if _empty(node):
        return {}
    legend = {}
    entries = reader.mapping(node, "'legend'").items
    if len(entries) > MAX_LEGEND:
        key_node = list(entries.values())[MAX_LEGEND][0]
        reader.problem(key_node, f"the legend explains at most {MAX_LEGEND} colours; this is its {MAX_LEGEND + 1}st.")
    for color, (key_node, value_node) in list(entries.items())[:MAX_LEGEND]:
        if _check_color(reader, key_node, color):
            legend[normalize_color(color)] = reader.text(value_node, f"the meaning of {quote(color)}")
    return legend


def _blocks(reader: Reader, node: Node | None, template: Template, ids: dict[str, Node]) -> dict[str, list[Note]]:
    blocks: dict[str, list[Note]] = {}
    if _empty(node):
        return blocks
    for block_id, (key_node, value_node) in reader.mapping(node, "'blocks'").items.items():
        if block_id not in template.block_ids:
            reader.problem(
                key_node,
                f"{quote(block_id)} is not a block of the {template.name}.{did_you_mean(block_id, template.block_ids)}",
            )
            continue
        notes = [_note(reader, item, ids) for item in reader.sequence(value_node, f"the notes of '{block_id}'")]
        blocks[block_id] = [note for note in notes if note is not None]
    return blocks


def _count_notes(reader: Reader, blocks: Node | None, parked: Node | None) -> None:
    """Stop at the first note past MAX_NOTES, before any note is read."""
    lists = [value for _, value in blocks.items.values()] if isinstance(blocks, Mapping) else []
    seen = 0
    for node in [*lists, parked]:
        if isinstance(node, Sequence):
            if seen + len(node.items) > MAX_NOTES:
                raise reader.stop(node.items[MAX_NOTES - seen], too_many_notes())
            seen += len(node.items)


def _empty(node: Node | None) -> bool:
    """Left out, or written with nothing after it (`legend:`)."""
    return node is None or (isinstance(node, Scalar) and node.plain and node.value == "")


def _note(reader: Reader, node: Node, ids: dict[str, Node]) -> Note | None:
    """A note, from its text alone or a mapping of its values; `ids` holds the ids the file gave notes so far."""
    if isinstance(node, Scalar):
        return Note(reader.text(node, "a note's text"))
    if not isinstance(node, Mapping):
        reader.problem(node, "a note is its text, or a mapping with 'text:' and optionally 'color:'.")
        return None
    reader.keys(node, NOTE_KEYS, "in a note")
    if "text" not in node.items:
        reader.problem(node, "this note has no 'text:'.")
        return None
    text = reader.text(node.items["text"][1], "a note's text")
    color = DEFAULT_COLOR
    color_node = reader.optional(node, "color")
    if color_node is not None:
        value = reader.text(color_node, "a note's colour")
        color = value if _check_color(reader, color_node, value) else DEFAULT_COLOR
    tag_nodes = reader.items(node, "tags")
    if len(tag_nodes) > MAX_TAGS:
        reader.problem(tag_nodes[MAX_TAGS], f"a note has at most {MAX_TAGS} tags; this is its {MAX_TAGS + 1}th.")
    tags = tuple(reader.text(tag, "a tag") for tag in tag_nodes[:MAX_TAGS])
    votes_node = reader.optional(node, "votes")
    votes = 0 if votes_node is None else reader.integer(votes_node, "'votes'", minimum=0)
    position = None
    at_node = reader.optional(node, "at")
    if at_node is not None:
        values = [reader.number(item, "a position") for item in reader.sequence(at_node, "'at'")]
        x, y = values if len(values) == 2 else (None, None)
        if x is not None and y is not None and 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0:
            position = (x, y)
        elif None not in values:  # a value that is no number is a problem of its own already
            reader.problem(at_node, "'at' is [x, y]: fractions of the block from 0 to 1, such as [0.25, 0.5].")
    note = Note(text, color=color, tags=tags, votes=votes, position=position)
    id_node = reader.optional(node, "id")
    if id_node is not None:
        _keep_id(reader, note, id_node, ids)
    return note


def _keep_id(reader: Reader, note: Note, node: Node, ids: dict[str, Node]) -> None:
    """The note takes the id its file gives it, and keeps it there: one a note before it has not, of a few letters."""
    if not isinstance(node, Scalar) or not valid_note_id(node.value):
        reader.problem(node, "a note's 'id' is 1 to 64 letters, digits, '-' or '_', such as 3f2a9c0e41b7d655.")
    elif node.value in ids:
        reader.problem(node, f"line {ids[node.value].line} gives another note this id; each note's id is its own.")
    else:
        ids[node.value] = node
        note.id, note.keep_id = node.value, True


def _check_color(reader: Reader, node: Node, value: str) -> bool:
    if is_valid_color(value):
        return True
    hint = did_you_mean(value, PALETTE) if value.isalpha() else ""
    if not hint.startswith(" Did"):
        hint = ""
    reader.problem(node, f"{quote(value)} is not a colour.{hint} Use one of {', '.join(PALETTE)}, or #rrggbb.")
    return False


def _read_failure(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "there is no such file."
    if isinstance(error, IsADirectoryError):
        return "this is a folder, not a canvas file."
    if isinstance(error, PermissionError):
        return "you do not have permission to read this file."
    return f"the file cannot be read: {error.strerror or error}."
