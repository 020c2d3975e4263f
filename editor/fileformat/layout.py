"""Where each part of a canvas file stands in its text: the text of every key and note, to save only what changed.

A file is a `Section` of top-level `Entry`s; `blocks`, each block, the parking lot and the legend are sections of
their own. An entry holds its own text and what it says (`value`), so the writer keeps the text of whatever still
says the same, byte for byte, and writes anew only what changed. Text that belongs to no entry (blank lines,
comments) is an entry's `gap`, the lines above it; the writer never drops or moves it. A note written as
'key: value' lines is cut into its keys only when it changes (`note_keys`), so that a big file's layout costs one
string a note. Nothing here knows Qt, nor the canvas's meaning beyond its shape.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from collections.abc import Sequence as Seq
from typing import Any

from editor.fileformat.templates import written_template
from editor.fileformat.yamlsafe import Mapping, Node, Scalar, Sequence
from editor.model import DEFAULT_COLOR, PARKING_LOT, Canvas

# Plain classes with slots rather than dataclasses: defining three dataclasses took ~1.5 ms of start-up.


class Entry:
    """A key of a mapping or an item of a list, as the file has it: whole lines, from its key's (or dash's) line on.

    With a `section`, `text` is only its lines above its first child (a block's key line; nothing for a note whose
    first key shares the dash's line), and the section holds the rest. `keyed`: a note written as 'key: value' lines.
    """

    __slots__ = ("gap", "key", "keyed", "section", "text", "value")

    def __init__(
        self,
        key: Hashable,  # a key's name; for a note, its id
        value: Any,  # what its text says, to tell whether that changed
        text: str,
        gap: str = "",
        section: Section | None = None,
        keyed: bool = False,
    ) -> None:
        self.key, self.value, self.text, self.gap, self.section, self.keyed = key, value, text, gap, section, keyed

    def pieces(self) -> Iterator[str]:
        yield self.gap
        yield self.text
        if self.section is not None:
            yield from self.section.pieces()

    def own_text(self) -> str:
        """Its text with its section's, without the gap above it."""
        return "".join(self.pieces())[len(self.gap) :]


class Section:
    """The entries of a mapping written as 'key: value' lines, or of a list written as '- item' lines: `column` is
    where their keys (or dashes) start, from 0; `tail`, the lines after the last entry that belong to none."""

    __slots__ = ("column", "entries", "tail")

    def __init__(self, column: int, entries: list[Entry], tail: str = "") -> None:
        self.column, self.entries, self.tail = column, entries, tail

    def pieces(self) -> Iterator[str]:
        for entry in self.entries:
            yield from entry.pieces()
        yield self.tail


class Layout:
    """A canvas file's text as entries. `note_entry` finds a note's entry by id wherever it is, so that a note moved
    to another block keeps its text; `block_column` and `item_indent` are how far this file indents a block's key,
    and a block's dashes past its key; `bom`, a byte order mark the file starts with; `unterminated`, the file's last
    line, where the file does not end it with a line break. `whole`: a file not cut into entries (its top level
    written {format: 1, ...}, or indented), what it says as Canvas.content() gives it; the writer keeps its text
    while the canvas says the same, and else writes it anew."""

    __slots__ = ("block_column", "bom", "item_indent", "newline", "notes", "top", "unterminated", "whole")

    def __init__(
        self,
        top: Section,
        newline: str = "\n",
        block_column: int = 2,
        item_indent: int = 2,
        bom: str = "",
        unterminated: str | None = None,
        whole: tuple[Any, ...] | None = None,
    ) -> None:
        self.top, self.newline, self.block_column, self.item_indent = top, newline, block_column, item_indent
        self.bom, self.unterminated, self.whole = bom, unterminated, whole
        self.notes: dict[Hashable, Entry] | None = None

    def text(self) -> str:
        text = self.bom + "".join(self.top.pieces())
        if self.unterminated is not None and text.endswith(self.unterminated):
            text = text[: -len(self.newline)]  # still its last line: still without the line break
        return text

    def note_entry(self, note_id: Hashable) -> Entry | None:
        if self.notes is None:
            self.notes = {entry.key: entry for entry in self._note_entries()}
        return self.notes.get(note_id)

    def _note_entries(self) -> Iterator[Entry]:
        for top in self.top.entries:
            if top.key == PARKING_LOT and top.section is not None:
                yield from top.section.entries
            elif top.key == "blocks" and top.section is not None:
                for block in top.section.entries:
                    if block.section is not None:
                        yield from block.section.entries


def build(root: Mapping, text: str, canvas: Canvas) -> Layout:
    """The layout of a canvas file's text (decoded, without its byte order mark), read into `canvas` from `root`."""
    first_break = _BREAK.search(text)
    newline = "\r\n" if first_break is not None and first_break.group() == "\r\n" else "\n"
    unterminated = None
    if text and text[-1] not in "\n\r\x85\u2028\u2029":
        unterminated = text[text.rfind("\n") + 1 :] + newline
        text += newline
    if root.flow or root.column != 1:
        return Layout(Section(0, [], text), newline, whole=canvas.content())
    cut = _Cutter(text)
    top = cut.section(root, _TopMaker(cut, canvas), 0, cut.line_count)
    layout = Layout(top, newline, unterminated=unterminated)
    for entry in top.entries:
        if entry.key == "blocks" and entry.section is not None and entry.section.entries:
            layout.block_column = entry.section.column
            for block in entry.section.entries:
                if block.section is not None:
                    layout.item_indent = block.section.column - layout.block_column
                    break
    return layout


def note_keys(entry: Entry, column: int) -> Section | None:
    """The keys of a note written as 'key: value' lines at `column`, each an entry of its own (None when its text is
    not such a mapping after all), so that changing a note's colour rewrites its colour line only."""
    from editor.errors import CanvasFileError
    from editor.fileformat import yamlsafe

    try:
        node = yamlsafe.compose(entry.text, "<note>", 3)
    except CanvasFileError:
        return None
    if not isinstance(node, Sequence) or len(node.items) != 1 or node.column - 1 != column:
        return None
    item = node.items[0]
    if not isinstance(item, Mapping) or item.flow:
        return None
    cut = _Cutter(entry.text)
    values = note_values(entry.value)
    first = next(iter(item.items.values()))[0].line - 1
    keys = cut.section(item, lambda key, _node, start, stop: cut.leaf(key, values.get(key), start, stop), first, None)
    head = cut.join(0, first)  # '-' alone on its line, when the first key is on the next
    return Section(keys.column, keys.entries, keys.tail) if not head else _with_head(keys, head)


def _with_head(keys: Section, head: str) -> Section:
    first = keys.entries[0]
    keys.entries[0] = Entry(first.key, first.value, first.text, head + first.gap)
    return keys


# What YAML counts as a line break, as libyaml and str.splitlines do for the characters a canvas file may hold.
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


class _Cutter:
    """Cuts a text along its node tree, in whole lines (lines and columns count from 1 in nodes, from 0 here)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(found.end() for found in _BREAK.finditer(text))]  # where each line starts
        if self.starts[-1] == len(text):
            self.starts.pop()
        self.starts.append(len(text))
        self.line_count = len(self.starts) - 1

    def join(self, start: int, stop: int) -> str:
        """Lines `start` to `stop` (not included)."""
        return self.text[self.starts[start] : self.starts[stop]]

    def line(self, number: int) -> str:
        return self.join(number, number + 1)

    def section(self, node: Mapping, make: Any, start: int, end: int | None) -> Section:
        """A section for a block mapping, each child made by `make(key, value node, first line, line after)`."""
        spans = [(key, value, key_node.line - 1, self.end_of(value)) for key, (key_node, value) in node.items.items()]
        return self._cut(node.column - 1, spans, make, start, end)

    def list_section(self, node: Sequence, make: Any, start: int, end: int) -> Section:
        column = node.column - 1
        spans = [
            (index, item, self.dash_line(item, column), self.end_of(item)) for index, item in enumerate(node.items)
        ]
        return self._cut(column, spans, make, start, end)

    def _cut(
        self, column: int, spans: Seq[tuple[Any, Node, int, int]], make: Any, start: int, end: int | None
    ) -> Section:
        entries = []
        for key, value, first, stop in spans:
            entry = make(key, value, first, stop)
            if first > start:
                entry.gap = self.join(start, first)
            entries.append(entry)
            start = stop
        return Section(column, entries, self.join(start, self.line_count if end is None else end))

    def dash_line(self, item: Node, column: int) -> int:
        """The line of the '-' that starts a list item: the item's own line, or one above (`-` alone on its line)."""
        line = item.line - 1
        while line > 0 and self.line(line)[column : column + 1] != "-":
            line -= 1
        return line

    def end_of(self, node: Node) -> int:
        """The line after a node's last: a block scalar's trailing blank lines are not its own unless it keeps them."""
        stop = node.last
        last: Node = node
        while not isinstance(last, Scalar):
            if last.flow or not last.items:
                return stop
            last = last.items[-1] if isinstance(last, Sequence) else list(last.items.values())[-1][1]
        # Blank lines a block scanned past are its own only if its text ends in them (kept, '|+'), or in spaces.
        if last.last > last.line and not last.value.endswith("\n\n") and last.value.rstrip("\n") == last.value.rstrip():
            while stop - 1 > last.line - 1 and not self.line(stop - 1).strip():
                stop -= 1
        return stop

    def leaf(self, key: Hashable, value: Any, first: int, stop: int) -> Entry:
        return Entry(key, value, self.join(first, stop))


class _TopMaker:
    """Makes the entries of a canvas file's top level, each with what it says of the canvas just read."""

    def __init__(self, cut: _Cutter, canvas: Canvas) -> None:
        self.cut = cut
        self.canvas = canvas
        # What each block says, made once: the blocks' own entries and the 'blocks' entry share it.
        self.values = {
            block_id: tuple((note.id, note.content()) for note in canvas.notes(block_id))
            for block_id in canvas.block_ids
        }

    def __call__(self, key: str, node: Node, first: int, stop: int) -> Entry:
        cut, canvas = self.cut, self.canvas
        if key == "blocks" and isinstance(node, Mapping) and not node.flow and node.items:
            children = _first_line(node)
            value = tuple((block_id, self.values[block_id]) for block_id in canvas.template.block_ids)
            entry = Entry(key, value, cut.join(first, children))
            entry.section = cut.section(node, self.notes, children, stop)
            return entry
        if key == PARKING_LOT:
            return self.notes(key, node, first, stop)
        legend = canvas.legend
        if key == "legend" and isinstance(node, Mapping) and not node.flow and len(node.items) == len(legend) > 0:
            children = _first_line(node)
            entry = Entry(key, tuple(legend.items()), cut.join(first, children))
            colours = iter(legend.items())  # in the file's order, normalised ('Blue' is 'blue')

            def colour(_key: str, _node: Node, first: int, stop: int) -> Entry:
                name, meaning = next(colours)
                return cut.leaf(name, meaning, first, stop)

            entry.section = cut.section(node, colour, children, stop)
            return entry
        if key == "template" and isinstance(node, Scalar):  # its id: kept while the template is a shipped one
            return cut.leaf(key, node.value, first, stop)
        return cut.leaf(key, top_value(canvas, key), first, stop)

    def notes(self, block_id: str, node: Node, first: int, stop: int) -> Entry:
        cut = self.cut
        value = self.values[block_id]
        if not isinstance(node, Sequence) or node.flow:
            return cut.leaf(block_id, value, first, stop)
        children = cut.dash_line(node.items[0], node.column - 1)
        entry = Entry(block_id, value, cut.join(first, children))

        def note(index: int, item: Node, first: int, stop: int) -> Entry:
            keyed = isinstance(item, Mapping) and not item.flow
            note_id, content = value[index]
            return Entry(note_id, content, cut.join(first, stop), keyed=keyed)

        entry.section = cut.list_section(node, note, children, stop)
        return entry


def _first_line(node: Mapping) -> int:
    return next(iter(node.items.values()))[0].line - 1


def top_value(canvas: Canvas, key: str) -> Any:
    """What a top-level key's text says of `canvas`, as the writer compares it."""
    if key == "format":
        return None  # the reader accepts only the version it writes
    if key == "template":
        return written_template(canvas.template)
    if key == "title":
        return canvas.title
    if key == "legend":
        return tuple(canvas.legend.items())
    if key == "blocks":  # written {} or empty: what the canvas's blocks hold
        return tuple(
            (block_id, tuple((note.id, note.content()) for note in canvas.notes(block_id)))
            for block_id in canvas.template.block_ids
        )
    return canvas.fields[key]  # the parking lot's entry is made by _TopMaker.notes


def note_values(content: tuple[Any, ...]) -> dict[str, Any]:
    """A note's keys as the file writes them, with what each says; default values are left out."""
    text, color, tags, votes, position, kept_id = content
    values: dict[str, Any] = {"text": text}
    if color != DEFAULT_COLOR:
        values["color"] = color
    if tags:
        values["tags"] = tags
    if votes:
        values["votes"] = votes
    if position is not None:
        values["at"] = position
    if kept_id is not None:
        values["id"] = kept_id
    return values
