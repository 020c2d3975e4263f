"""Writing Canvas documents as canvas files (YAML, format 1): stable, diff-friendly text, saved atomically."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from editor.errors import CanvasFileError
from editor.fileformat.atomic import write_atomically
from editor.fileformat.disk import FileState
from editor.fileformat.reader import FORMAT_VERSION
from editor.model import DEFAULT_COLOR, PARKING_LOT, Canvas, Position

if TYPE_CHECKING:
    import yaml

# PyYAML is imported at the first save, not at start-up (see yamlsafe).

# Line breaks YAML would normalise inside a block scalar; text holding them is written double-quoted.
_ODD_BREAKS = ("\r", "\x85", "\u2028", "\u2029")
CHUNK = 200  # notes per piece of text (see dump_in_pieces)


class _Flow(list[Any]):
    """A short list written on one line: `at: [0.25, 0.5]`, `tags: [a, b]`."""


@functools.cache
def _dumper() -> type[yaml.SafeDumper]:
    """libyaml's emitter when PyYAML has it, never writing anchors or aliases, with our ways to write text and lists."""
    import yaml

    base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class CanvasDumper(base):  # type: ignore[valid-type,misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True  # never write anchors or aliases, even for shared objects

    CanvasDumper.add_representer(str, _represent_str)
    CanvasDumper.add_representer(_Flow, _represent_flow)
    return CanvasDumper


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if "\n" in text and not any(mark in text for mark in _ODD_BREAKS):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return dumper.represent_str(text)


def _represent_flow(dumper: yaml.SafeDumper, items: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


def dump_canvas(canvas: Canvas) -> str:
    """The file text for a canvas. Loading it gives an equal canvas; dumping that gives the same text."""
    return dump_content(canvas.content())


def dump_content(content: tuple[Any, ...]) -> str:
    """The file text for a snapshot from Canvas.content(): safe to call from another thread while editing goes on."""
    return _dump(_document(content, with_blocks=True))


def dump_in_pieces(content: tuple[Any, ...], pause: Callable[[], None]) -> str:
    """A canvas file text for a snapshot, made in pieces of at most CHUNK notes with `pause` called between them.

    libyaml's emitter holds Python's lock for as long as it writes; a background writer (the recovery copy) that
    pauses with sleep(0) between pieces never keeps the window waiting for long. The text reads back as the same
    canvas as dump_content's; it may differ from it in where a "..." line stands after a note whose text ends in
    blank lines, so it is not what Save writes."""
    blocks, parked = _split(content[4])
    pieces = [_dump(_document(content, with_blocks=False)), "blocks:\n" if blocks else "blocks: {}\n"]
    for block_id, notes in blocks:
        if not notes:
            pieces.append(_dump({"blocks": {block_id: []}}).split("\n", 1)[1])
        pieces += _note_pieces(("blocks", block_id), notes, pause)
    pieces += _note_pieces((PARKING_LOT,), parked, pause)
    # A piece holding a block scalar that keeps its final line breaks ("|+") ends its own document with a "..."
    # line; inside the whole text the next piece ends that scalar instead.
    return "".join(piece.removesuffix("\n...\n") + "\n" if piece.endswith("\n...\n") else piece for piece in pieces)


def _note_pieces(keys: tuple[str, ...], notes: tuple[Any, ...], pause: Callable[[], None]) -> list[str]:
    """The text of the notes under `keys` (("blocks", block_id) or ("parking_lot",)), CHUNK notes a piece, each
    without the key lines the text before it already has (its outer keys; after the first piece, all of them)."""
    pieces = []
    for start in range(0, len(notes), CHUNK):
        pause()
        data: Any = [_note_data(*note) for note in notes[start : start + CHUNK]]
        for key in reversed(keys):
            data = {key: data}
        known = len(keys) - 1 + (1 if start else 0)  # key lines written already
        text = _dump(data)
        pieces.append(text.split("\n", known)[-1] if known else text)
    return pieces


def _document(content: tuple[Any, ...], with_blocks: bool) -> dict[str, Any]:
    template_id, title, fields, legend, all_blocks = content
    document: dict[str, Any] = {"format": FORMAT_VERSION, "template": template_id, "title": title}
    document.update(fields)
    if legend:
        document["legend"] = dict(legend)
    if with_blocks:
        blocks, parked = _split(all_blocks)
        document["blocks"] = {block_id: [_note_data(*note) for note in notes] for block_id, notes in blocks}
        if parked:  # written only when it holds notes: a canvas without one reads as before
            document[PARKING_LOT] = [_note_data(*note) for note in parked]
    return document


def _split(blocks: tuple[tuple[str, tuple[Any, ...]], ...]) -> tuple[list[tuple[str, Any]], tuple[Any, ...]]:
    """The template's blocks of a content snapshot, and the parking lot's notes (written after them, on its own)."""
    parked: tuple[Any, ...] = ()
    kept = []
    for block_id, notes in blocks:
        if block_id == PARKING_LOT:
            parked = notes
        else:
            kept.append((block_id, notes))
    return kept, parked


def _dump(data: dict[str, Any]) -> str:
    import yaml

    text: str = yaml.dump(
        data,
        Dumper=_dumper(),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,  # one note, one line: clean diffs
        indent=2,
    )
    return text


def save_canvas(canvas: Canvas, path: str | os.PathLike[str]) -> FileState:
    """Write the canvas to `path` atomically, and say what is on disk now. Raises CanvasFileError; the old file is
    then untouched."""
    data = dump_canvas(canvas).encode("utf-8")
    write_atomically(path, data)
    try:
        return FileState.of(path, data)
    except OSError as error:  # gone again already: saved, but no one can say what is there now
        raise CanvasFileError.whole(str(path), f"the file was saved but then vanished ({error.strerror}).") from None


def _note_data(
    text: str, color: str, tags: tuple[str, ...], votes: int, position: Position | None
) -> str | dict[str, Any]:
    if color == DEFAULT_COLOR and not tags and not votes and position is None:
        return text
    data: dict[str, Any] = {"text": text}
    if color != DEFAULT_COLOR:
        data["color"] = color
    if tags:
        data["tags"] = _Flow(tags)
    if votes:
        data["votes"] = votes
    if position is not None:
        data["at"] = _Flow(position)
    return data
