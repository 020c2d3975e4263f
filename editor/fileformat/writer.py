"""Writing Canvas documents as canvas files (YAML, format 1): stable, diff-friendly text, saved atomically."""

from __future__ import annotations

import os
from typing import Any

import yaml

from editor.fileformat.atomic import write_atomically
from editor.fileformat.reader import FORMAT_VERSION
from editor.model import DEFAULT_COLOR, Canvas, Note

_BaseDumper: type[yaml.SafeDumper] | type[yaml.CSafeDumper]
try:
    _BaseDumper = yaml.CSafeDumper
except AttributeError:  # PyYAML built without libyaml
    _BaseDumper = yaml.SafeDumper

# Line breaks YAML would normalise inside a block scalar; text holding them is written double-quoted.
_ODD_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


class _Flow(list[Any]):
    """A short list written on one line: `at: [0.25, 0.5]`, `tags: [a, b]`."""


class _CanvasDumper(_BaseDumper):  # type: ignore[misc,valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        return True  # never write anchors or aliases, even for shared objects


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    if "\n" in text and not any(mark in text for mark in _ODD_BREAKS):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return dumper.represent_str(text)


def _represent_flow(dumper: yaml.SafeDumper, items: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


_CanvasDumper.add_representer(str, _represent_str)
_CanvasDumper.add_representer(_Flow, _represent_flow)


def dump_canvas(canvas: Canvas) -> str:
    """The file text for a canvas. Loading it gives an equal canvas; dumping that gives the same text."""
    document: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "template": canvas.template.id,
        "title": canvas.title,
    }
    document.update(canvas.fields)
    if canvas.legend:
        document["legend"] = dict(canvas.legend)
    document["blocks"] = {
        block_id: [_note_data(note) for note in canvas.notes(block_id)] for block_id in canvas.template.block_ids
    }
    text: str = yaml.dump(
        document,
        Dumper=_CanvasDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,  # one note, one line: clean diffs
        indent=2,
    )
    return text


def save_canvas(canvas: Canvas, path: str | os.PathLike[str]) -> None:
    """Write the canvas to `path` atomically. Raises CanvasFileError; the old file is then untouched."""
    write_atomically(path, dump_canvas(canvas).encode("utf-8"))


def _note_data(note: Note) -> str | dict[str, Any]:
    if note.color == DEFAULT_COLOR and not note.tags and not note.votes and note.position is None:
        return note.text
    data: dict[str, Any] = {"text": note.text}
    if note.color != DEFAULT_COLOR:
        data["color"] = note.color
    if note.tags:
        data["tags"] = _Flow(note.tags)
    if note.votes:
        data["votes"] = note.votes
    if note.position is not None:
        data["at"] = _Flow(note.position)
    return data
