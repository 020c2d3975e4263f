"""Writing Canvas documents as canvas files (YAML, format 1): only what changed, in one stable form, saved atomically.

A canvas read from a file is written back over that file's own text (`editor.fileformat.layout`): whatever still
says the same keeps its lines byte for byte (comments, quoting, indentation, blank lines), and only the notes, keys
and blocks that changed get new lines, written as the app writes a new file. A new canvas is written whole in that
form: keys in a fixed order, empty and default values left out, lists indented under their key, one note per line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Sequence
from typing import Any, NamedTuple

from editor.errors import CanvasFileError
from editor.fileformat.atomic import write_atomically
from editor.fileformat.disk import FileState
from editor.fileformat.layout import Entry, Layout, Section, note_keys, note_values
from editor.fileformat.reader import FORMAT_VERSION, parse_canvas
from editor.fileformat.templates import default_template, written_template
from editor.fileformat.yaml_text import dump, flow, items, note_data, shift, trailing_comment
from editor.fileformat.yamlsafe import MAX_BYTES
from editor.model import PARKING_LOT, Canvas, Template
from editor.model.limits import excess

CHUNK = 200  # notes rendered at a time; a background writer pauses between them (see dump_content)
_INDENT = 2  # a new file's indentation: blocks under 'blocks:', notes under their block


class _Want(NamedTuple):
    """What the file should say under one key, or as one list item."""

    key: Hashable
    value: Any
    empty: bool = False  # left out of the file (an empty field or block, a default value)


class _Content(NamedTuple):
    """A canvas as the writer reads it: Canvas.content()'s values, with note ids to find each note's old lines."""

    template: Template
    title: str
    fields: tuple[tuple[str, str], ...]
    legend: tuple[tuple[str, str], ...]
    blocks: tuple[tuple[str, tuple[tuple[Hashable, tuple[Any, ...]], ...]], ...]


# The interface


def dump_canvas(canvas: Canvas, layout: Layout | None = None) -> str:
    """The file text for a canvas: over `layout`'s text when it has one, else whole. Loading it gives an equal canvas;
    dumping that gives the same text."""
    return render(_of_canvas(canvas), layout)[0]


def dump_content(content: tuple[Any, ...], pause: Callable[[], None] | None = None) -> str:
    """The file text for a snapshot from Canvas.content(), as dump_canvas writes a new file; safe to call from another
    thread while editing goes on. With `pause`, libyaml's emitter, which holds Python's lock while it writes, works on
    CHUNK notes at a time with `pause` called between them, so that a background writer never keeps the window
    waiting for long."""
    template, title, fields, legend, blocks = content
    counter = iter(range(1 << 62))
    with_ids = tuple((block_id, tuple((next(counter), note) for note in notes)) for block_id, notes in blocks)
    return render(_Content(template, title, fields, legend, with_ids), None, pause)[0]


def save_canvas(canvas: Canvas, path: str | os.PathLike[str], layout: Layout | None = None) -> tuple[FileState, Layout]:
    """Write the canvas to `path` atomically (over `layout`'s text, when it was read from a file), and say what is on
    disk now and how its text is laid out. Raises CanvasFileError; the old file is then untouched."""
    content = _of_canvas(canvas)
    refuse_past_limits(canvas.content(), str(path))
    text, new_layout = render(content, layout)
    data = file_bytes(text, str(path))
    write_atomically(path, data)
    try:
        return FileState.of(path, data), new_layout
    except OSError as error:  # gone again already: saved, but no one can say what is there now
        raise CanvasFileError.whole(str(path), f"the file was saved but then vanished ({error.strerror}).") from None


def refuse_past_limits(content: tuple[Any, ...], source: str) -> None:
    """Raise CanvasFileError when the reader would refuse the canvas of a Canvas.content() snapshot for what it holds
    (editing keeps a canvas within the limits: this is the last guard)."""
    reason = excess(content)
    if reason:
        raise CanvasFileError.whole(source, f"could not save: {reason}. The file on disk was not changed.")


def file_bytes(text: str, source: str) -> bytes:
    """The text as the bytes of a file; CanvasFileError when they are more than the reader reads."""
    data = text.encode("utf-8")
    if len(data) > MAX_BYTES:
        size = f"{len(data) / 2**20:.1f} MiB"
        raise CanvasFileError.whole(
            source,
            f"could not save: the canvas would be {size}, and canvas files may be at most {MAX_BYTES // 2**20} MiB "
            "(shorten or remove long notes). The file on disk was not changed.",
        )
    return data


VERIFY = True  # the tests turn this off to see where writing over a file's text goes wrong, before it is caught


def render(content: _Content, layout: Layout | None, pause: Callable[[], None] | None = None) -> tuple[str, Layout]:
    """The text for `content` over `layout` (None: a new file), and the layout of that text.

    Text written over a file's own is read back before it is given out: should keeping a person's lines ever change
    what the file says (a comment that a new '|' block above it would take in, say), it is written again with text
    of several lines on one line each, and failing that, as a new file. The canvas is never what is given up."""
    if layout is None:
        return _render(content, None, pause, blocks=True)
    if layout.whole is not None:  # a file the writer does not cut into entries ({format: 1, ...}, or indented)
        if layout.whole == _plain(content):
            return layout.text(), layout
        return _render(content, None, pause, blocks=True)
    for blocks in (True, False):
        text, result = _render(content, layout, pause, blocks)
        if not VERIFY or _says(text, content):
            return text, result
    return _render(content, None, pause, blocks=True)


def _render(
    content: _Content, layout: Layout | None, pause: Callable[[], None] | None, blocks: bool
) -> tuple[str, Layout]:
    new = layout or Layout(Section(0, []), "\n", _INDENT, _INDENT)
    writer = _Writer(new, pause, blocks)
    top = writer.merge(new.top if layout else None, writer.top_wants(content), mapping=True, update=writer.top_entry)
    result = Layout(top, new.newline, new.block_column, new.item_indent, new.bom, new.unterminated)
    return result.text(), result


def _plain(content: _Content) -> tuple[Any, ...]:
    """Canvas.content()'s snapshot of `content`: without note ids."""
    blocks = tuple((block_id, tuple(note for _, note in notes)) for block_id, notes in content.blocks)
    return (content.template, content.title, content.fields, content.legend, blocks)


def _says(text: str, content: _Content) -> bool:
    """Whether `text` reads back as `content`."""
    try:
        return parse_canvas(text.encode("utf-8"), "<written>").content() == _plain(content)
    except CanvasFileError:
        return False


def _of_canvas(canvas: Canvas) -> _Content:
    blocks = tuple(
        (block_id, tuple((note.id, note.content()) for note in canvas.notes(block_id))) for block_id in canvas.block_ids
    )
    return _Content(canvas.template, canvas.title, tuple(canvas.fields.items()), tuple(canvas.legend.items()), blocks)


# Merging what the file says with what it should say


class _Writer:
    def __init__(self, layout: Layout, pause: Callable[[], None] | None, blocks: bool = True) -> None:
        self.layout = layout
        self.pause = pause
        self.newline = layout.newline
        self.blocks = blocks

    def top_wants(self, content: _Content) -> list[_Want]:
        blocks = [(block_id, notes) for block_id, notes in content.blocks if block_id != PARKING_LOT]
        parked = next((notes for block_id, notes in content.blocks if block_id == PARKING_LOT), ())
        return [
            _Want("format", None),
            _Want("template", written_template(content.template), content.template == default_template()),
            _Want("title", content.title, not content.title),
            *(_Want(field_id, value, not value) for field_id, value in content.fields),
            _Want("legend", content.legend, not content.legend),
            _Want("blocks", tuple(blocks), not any(notes for _, notes in blocks)),
            _Want(PARKING_LOT, parked, not parked),
        ]

    def merge(
        self,
        old: Section | None,
        wants: Sequence[_Want],
        *,
        mapping: bool,
        update: Callable[[Entry | None, _Want, int], Entry],
        column: int = 0,
        notes: bool = False,
    ) -> Section:
        """The entries `wants` names, in a section laid out as `old`: an entry that says the same is kept as it is, a
        changed one is updated in place, a new one goes after the entry before it in `wants`, and entries no longer
        wanted are dropped, leaving their gap (a person's comments) where it was, and the comments inside them too,
        but for a note's own. A mapping keeps its keys' order; a list (`mapping` off) takes the order of `wants`,
        moving as few items as it can; `notes`: its items are notes, which may come from elsewhere in the file."""
        entries = old.entries if old else []
        column = old.column if old else column
        # An empty value is left out, unless the file has it already, as it is (a block someone wrote empty).
        written = {entry.key: entry.value for entry in entries}
        wants = [want for want in wants if not want.empty or written.get(want.key, _Want) == want.value]
        wanted = {want.key: want for want in wants}
        staying = self._staying(entries, wants, wanted, mapping)
        kept: dict[Hashable, Entry] = {}
        carried = ""
        for entry in entries:
            if entry.key not in staying:
                carried += entry.gap if notes else entry.gap + _inner_comments(entry)
                continue
            want = wanted[entry.key]
            new = entry if entry.value == want.value else update(entry, want, column)
            if carried:
                new = Entry(new.key, new.value, new.text, carried + new.gap, new.section, new.keyed)
                carried = ""
            kept[entry.key] = new
        tail = carried + (old.tail if old else "")
        if mapping:
            result = list(kept.values())
            placed = list(kept)
            previous: Hashable | None = None
            for want in wants:
                if want.key not in kept:
                    at = placed.index(previous) + 1 if previous is not None else 0
                    result.insert(at, update(None, want, column))
                    placed.insert(at, want.key)
                previous = want.key
        else:
            missing = [want for want in wants if want.key not in kept]
            made = iter(self.items(missing, column) if notes else [update(None, want, column) for want in missing])
            result = [kept[want.key] if want.key in kept else next(made) for want in wants]
        return Section(column, result, tail)

    @staticmethod
    def _staying(
        entries: list[Entry], wants: Sequence[_Want], wanted: dict[Hashable, _Want], mapping: bool
    ) -> set[Any]:
        present = [entry.key for entry in entries if entry.key in wanted]
        if mapping:
            return set(present)
        order = [want.key for want in wants]
        if present == order:
            return set(present)
        # The longest run of items that kept their order stays; the others moved, and are written where they went.
        from difflib import SequenceMatcher  # only when notes moved: not at start-up

        matcher = SequenceMatcher(None, present, order, autojunk=False)
        return {key for block in matcher.get_matching_blocks() for key in present[block.a : block.a + block.size]}

    # The top level

    def top_entry(self, old: Entry | None, want: _Want, column: int) -> Entry:
        key, value = str(want.key), want.value
        if key == "blocks":
            blocks = [_Want(block_id, notes, not notes) for block_id, notes in value]
            return self.structured(old, want, f"{key}:\n", blocks, mapping=True, update=self.block_entry)
        if key == PARKING_LOT:
            return self.block_entry(old, want, 0)
        if key == "legend":  # in the canvas's order, which is the legend's
            colours = [_Want(colour, meaning) for colour, meaning in value]
            return self.structured(old, want, f"{key}:\n", colours, mapping=False, update=self.key_entry)
        if key == "format":
            return Entry(key, value, self.text(f"format: {FORMAT_VERSION}\n"), old.gap if old else "")
        return self.key_entry(old, want, column)

    def block_entry(self, old: Entry | None, want: _Want, column: int) -> Entry:
        notes = [_Want(note_id, content) for note_id, content in want.value]
        head = " " * column + f"{want.key}:\n"
        return self.structured(old, want, head, notes, mapping=False, update=self.note_entry, inner=True, notes=True)

    def structured(
        self,
        old: Entry | None,
        want: _Want,
        head: str,
        wants: list[_Want],
        *,
        mapping: bool,
        update: Callable[[Entry | None, _Want, int], Entry],
        inner: bool = False,
        notes: bool = False,
    ) -> Entry:
        """A key whose children are entries of their own: its key line kept, its children merged one by one. A key
        the file wrote otherwise (`[a, b]`, `{}`, nothing) is written anew. `inner`: a block's notes, indented past
        its key as the file indents them."""
        if old is not None and old.section is not None:
            section = self.merge(old.section, wants, mapping=mapping, update=update, notes=notes)
            return Entry(want.key, want.value, old.text, old.gap, section)
        base = len(head) - len(head.lstrip(" "))
        column = base + (self.layout.item_indent if inner else self.layout.block_column)
        section = self.merge(None, wants, mapping=mapping, update=update, column=column, notes=notes)
        head = _with_comment(head, old)
        return Entry(want.key, want.value, self.text(head), old.gap if old else "", section)

    def key_entry(self, old: Entry | None, want: _Want, column: int) -> Entry:
        """'key: value' for a scalar, a flow list or a number, at `column`; a key the file has keeps what stands before
        it on its line (the '- ' of a note's first key)."""
        first, _, rest = self.dump({want.key: flow(want.value)}).partition("\n")
        prefix = old.text[:column] if old is not None else " " * column
        text = _with_comment(prefix + first + "\n" + shift(rest, column), old)
        return Entry(want.key, want.value, self.text(text), old.gap if old else "")

    # Notes

    def note_entry(self, old: Entry | None, want: _Want, column: int) -> Entry:
        """A changed note: key by key where the file wrote it as 'key: value' lines, else written anew."""
        values = note_values(want.value)
        keys = old.section if old is not None and old.section is not None else None
        if old is not None and keys is None and old.keyed:
            keys = note_keys(old, column)
        # A note left with its text alone is written as its text ('- a'), as a new file writes it.
        if old is not None and keys is not None and keys.entries and len(values) > 1:
            wants = [_Want(key, value) for key, value in values.items()]
            section = self.merge(keys, wants, mapping=True, update=self.key_entry)
            # The first key shares the dash's line: it must stay first, or the dash would go with it.
            if section.entries and section.entries[0].key == keys.entries[0].key:
                return Entry(want.key, want.value, "", old.gap, section, keyed=True)
        entries: list[Entry | None] = [None]
        self.write_notes(entries, [(0, want)], column)
        made = entries[0]
        assert made is not None
        return Entry(made.key, made.value, _with_comment(made.text, old), old.gap if old else "", keyed=made.keyed)

    def items(self, wants: list[_Want], column: int) -> list[Entry]:
        """Entries for notes placed here: a note moved from elsewhere keeps its text (moved to this column), the rest
        are written anew."""
        entries: list[Entry | None] = []
        fresh: list[tuple[int, _Want]] = []
        for want in wants:
            moved = self.layout.note_entry(want.key)
            entry = _moved(moved, column) if moved is not None else None
            if entry is not None and entry.value != want.value:
                entry = self.note_entry(entry, want, column)
            if entry is None:
                fresh.append((len(entries), want))
            entries.append(entry)
        self.write_notes(entries, fresh, column)
        return [entry for entry in entries if entry is not None]

    def write_notes(self, entries: list[Entry | None], fresh: list[tuple[int, _Want]], column: int) -> None:
        """Writes the notes of `fresh` anew into `entries` at their indexes, CHUNK at a time."""
        for start in range(0, len(fresh), CHUNK):
            if self.pause is not None:
                self.pause()
            chunk = fresh[start : start + CHUNK]
            data = [note_data(want.value) for _, want in chunk]
            texts = items(self.dump(data))
            for (index, want), item, written in zip(chunk, texts, data, strict=True):
                entries[index] = Entry(
                    want.key, want.value, self.text(shift(item, column)), keyed=isinstance(written, dict)
                )

    # Text

    def dump(self, data: Any) -> str:
        return dump(data, self.blocks)

    def text(self, text: str) -> str:
        return text if self.newline == "\n" else text.replace("\n", self.newline)


def _moved(entry: Entry, column: int) -> Entry | None:
    """A note's entry from another place, moved to `column` (without the gap above it, which stays where it was);
    None when its lines cannot move that far left."""
    text = entry.own_text()
    here = len(text) - len(text.lstrip(" "))
    keyed = entry.keyed or entry.section is not None
    if here == column:
        return Entry(entry.key, entry.value, entry.text, "", entry.section, entry.keyed)
    if column > here:
        return Entry(entry.key, entry.value, shift(text, column - here), keyed=keyed)
    lines = text.splitlines(keepends=True)
    cut = here - column
    if any(line.strip() and not line.startswith(" " * cut) for line in lines):
        return None
    # A line of spaces alone may be text in a block ('|'): it loses as many spaces as the others, where it has them.
    moved = "".join(line[min(cut, len(line) - len(line.lstrip(" ")), len(line.rstrip("\r\n"))) :] for line in lines)
    return Entry(entry.key, entry.value, moved, keyed=keyed)


def _inner_comments(entry: Entry) -> str:
    """The comments and blank lines inside a key's text that belong to no note: what stays of it when it goes."""
    lines = entry.text.splitlines(keepends=True)[1:]
    kept = "".join(line for line in lines if not line.strip() or line.lstrip().startswith("#"))
    if entry.section is not None:
        for child in entry.section.entries:
            kept += child.gap
            if child.section is not None and not child.keyed:
                kept += _inner_comments(child)
        kept += entry.section.tail
    return kept


def _with_comment(text: str, old: Entry | None) -> str:
    """`text` of one line with the comment that ended the old entry's one line (`title: x  # the name`), if any."""
    comment = trailing_comment(old.text) if old is not None and old.section is None else ""
    if not comment or text.count("\n") != 1:
        return text
    return text.rstrip("\r\n") + comment + text[len(text.rstrip("\r\n")) :]
