"""Guarded YAML reading: bytes to a small tree of string scalars, lists and mappings that remember their lines.

Why not `yaml.safe_load`: it turns `no`, `1:30` and `2024-03-05` into a bool, a number and a date, keeps the
last of duplicate keys silently, expands aliases (an alias bomb), and libyaml's composer recurses in C, so deep
nesting kills the process. Here we walk the parser's event stream ourselves (libyaml's when present, which does
not recurse), keep every scalar a string, and stop at the first tag, anchor, alias, duplicate key or level
deeper than the caller allows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from editor.errors import QUOTED, CanvasFileError, quote

if TYPE_CHECKING:
    import yaml

# PyYAML is imported where a file is first parsed, not with this module.

MAX_BYTES = 32 * 1024 * 1024

_HINTS = {
    "mapping values are not allowed here": "Is there a ': ' inside unquoted text? Put that text in quotes.",
    "mapping values are not allowed in this context": "Is there a ': ' inside unquoted text? Put it in quotes.",
    "found character that cannot start any token": "Put text that starts with this character in quotes.",
    "could not find expected ':'": "A key is missing its ':', or a quote was left open.",
    "did not find expected key": "Check the indentation of this line against the lines above.",
    "did not find expected '-' indicator": (
        "Check the indentation of this line: in a list, a line starts with '- ' or lines up under the text above it."
    ),
    "found unexpected end of stream": "A quote or bracket was opened and never closed.",
    "did not find expected ',' or ']'": "Items in [brackets] need commas; put text holding ':' in quotes.",
    "did not find expected ',' or '}'": "Entries in {braces} need commas; put text holding ':' in quotes.",
    "found undefined tag handle": "Tags (words starting with '!') are not allowed in canvas files.",
}


@dataclass(slots=True)
class Scalar:
    """A YAML scalar as written: its text and where it starts (lines and columns from 1)."""

    value: str
    plain: bool  # unquoted: only plain scalars may be read as numbers
    line: int
    column: int
    last: int  # the line it ends on (a block scalar ends on its last line, blank or not)


@dataclass(slots=True)
class Sequence:
    """A YAML list, where it starts and the line it ends on."""

    line: int
    column: int
    last: int
    flow: bool  # written [a, b] rather than as '- ' lines
    items: list[Node] = field(default_factory=list)


@dataclass(slots=True)
class Mapping:
    """A YAML mapping, where it starts and the line it ends on; each key maps to its key scalar and its value."""

    line: int
    column: int
    last: int
    flow: bool  # written {a: b} rather than as 'key: value' lines
    items: dict[str, tuple[Scalar, Node]] = field(default_factory=dict)


Node = Scalar | Sequence | Mapping


def decode(data: bytes, source: str) -> str:
    """UTF-8 bytes to text, or an error that says where the first bad byte is."""
    if len(data) > MAX_BYTES:
        raise too_large(len(data), source)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    wide = _wide_encoding(data)
    if wide:
        raise CanvasFileError.whole(source, f"this is {wide} text; canvas files are UTF-8. Save the file as UTF-8.")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _line_col(data[:nul].decode("utf-8", "replace"))
        raise CanvasFileError.at(
            source, line, column, "this is a binary file, not a canvas; canvas files are YAML text."
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_col(data[: error.start].decode("utf-8", "replace"))
        raise CanvasFileError.at(
            source,
            line,
            column,
            f"byte 0x{data[error.start]:02x} is not UTF-8 text; save the file as UTF-8.",
        ) from None
    import yaml

    # What YAML 1.1 allows in a stream, as a search for the first offender: PyYAML's own pattern, already compiled.
    non_printable: re.Pattern[str] = yaml.reader.Reader.NON_PRINTABLE
    bad = non_printable.search(text)
    if bad:
        line, column = _line_col(text[: bad.start()])
        what = "binary data" if bad.group() == "\x00" else f"the control character U+{ord(bad.group()):04X}"
        raise CanvasFileError.at(source, line, column, f"the file holds {what}; canvas files are YAML text.")
    return text


def too_large(size: int, source: str) -> CanvasFileError:
    return CanvasFileError.whole(
        source, f"the file is {size / 2**20:.1f} MiB; canvas files may be at most {MAX_BYTES // 2**20} MiB."
    )


def parse(data: bytes, source: str, max_depth: int, max_values: int = 0) -> Node | None:
    """A YAML file's bytes as nodes (`decode`, then `compose`). `max_values`, when not 0, is the most values
    (scalars, lists and mappings) the file may hold."""
    return compose(decode(data, source), source, max_depth, max_values)


def compose(text: str, source: str, max_depth: int, max_values: int = 0) -> Node | None:
    """Parse one YAML document into nodes; None when the document is empty.

    Raises CanvasFileError for syntax errors, for every construct a canvas file has no use for, and at the first
    value past `max_values` (when not 0): reading stops there, so a file of millions of values costs no more.
    """
    import yaml

    loader = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    try:
        return _compose_events(loader, source, max_depth, max_values)
    except yaml.MarkedYAMLError as error:
        if error.problem == _LIBYAML_TOO_DEEP and error.problem_mark is not None:
            raise _too_deep(text[: error.problem_mark.index], source, max_depth) from None
        raise _syntax_error(error, text, source) from None
    except yaml.YAMLError as error:
        raise CanvasFileError.at(source, 1, 1, f"the YAML cannot be read: {error}") from None
    finally:
        loader.dispose()


def _compose_events(
    loader: yaml.SafeLoader | yaml.CSafeLoader, source: str, max_depth: int, max_values: int = 0
) -> Node | None:
    import yaml

    values_left = max_values + 1 if max_values else -1  # counted down to 0 at the first one too many
    # A frame is [container, pending key]; the key is only used by mappings.
    stack: list[tuple[Sequence | Mapping, list[Scalar | None]]] = []
    root: Node | None = None
    documents = 0
    # PyYAML's stubs type events loosely; these are its own event classes, checked by type below.
    get_event: Callable[[], Any] = loader.get_event

    def fail(mark: Any, message: str) -> CanvasFileError:
        return _fail(source, mark, message)

    def attach(node: Node, mark: Any) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        container, pending = stack[-1]
        container.last = node.last  # children come in order: the last attached ends the container so far
        if isinstance(container, Sequence):
            container.items.append(node)
            return
        key = pending[0]
        if key is None:
            if not isinstance(node, Scalar):
                raise fail(mark, "a key must be plain text, not a list or a mapping.")
            if node.value in container.items:
                first = container.items[node.value][0]
                raise fail(mark, f"the key {quote(node.value)} appears twice; the first is on line {first.line}.")
            pending[0] = node
        else:
            container.items[key.value] = (key, node)
            pending[0] = None

    while True:
        event = get_event()
        kind = type(event)
        if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            values_left -= 1
            if values_left == 0:
                raise fail(event.start_mark, f"the file holds more than {max_values:,} values; {_TOO_MANY}")
        if kind is yaml.ScalarEvent:
            _check_plain(event, source)
            mark, end = event.start_mark, event.end_mark
            # A block scalar's end is the start of the line after it: it ends on the line before.
            last = end.line if end.column == 0 and end.line > mark.line else end.line + 1
            attach(Scalar(event.value, event.implicit[0], mark.line + 1, mark.column + 1, last), mark)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            _check_plain(event, source)
            mark = event.start_mark
            if len(stack) >= max_depth:
                raise fail(mark, _deeper(max_depth))
            if stack and isinstance(stack[-1][0], Mapping) and stack[-1][1][0] is None:
                raise fail(mark, "a key must be plain text, not a list or a mapping.")
            line, column, flow = mark.line + 1, mark.column + 1, bool(event.flow_style)
            container: Sequence | Mapping = (
                Mapping(line, column, line, flow)
                if kind is yaml.MappingStartEvent
                else Sequence(line, column, line, flow)
            )
            stack.append((container, [None]))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            finished, _ = stack.pop()
            if finished.flow:  # ends at its closing bracket
                finished.last = max(finished.last, event.end_mark.line + 1)
            attach(finished, event.start_mark)
        elif kind is yaml.AliasEvent:
            raise fail(event.start_mark, "aliases ('*name') are not allowed in canvas files; write the text out.")
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise fail(event.start_mark, "the file holds more than one YAML document ('---'); keep one.")
        elif kind is yaml.StreamEndEvent:
            return root


# libyaml 0.2.6 (bundled since PyYAML 6.0.4) refuses more than 1,000 levels while scanning ahead, before the events
# that would reach our own, lower limit; older libyaml and the pure-Python parser have no such limit.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"


def _too_deep(prefix: str, source: str, max_depth: int) -> CanvasFileError:
    """Our own sentence, at the place our own check names, for a file libyaml found too deep. The text up to its
    error holds a thousand levels, so walking it with the Python parser, which has no limit of its own and does not
    recurse, meets our limit within a few events."""
    import yaml

    loader = yaml.SafeLoader(prefix)
    try:
        _compose_events(loader, source, max_depth)
    except CanvasFileError as error:
        if error.first.message.startswith(_DEEPER):
            return error
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    line, column = _line_col(prefix)
    return CanvasFileError.at(source, line, column, _deeper(max_depth))


_TOO_MANY = "a canvas never needs so many (lists, texts and numbers together)."
_DEEPER = "the file nests deeper than a canvas ever needs"


def _deeper(max_depth: int) -> str:
    return f"{_DEEPER} ({max_depth} levels)."


def _fail(source: str, mark: Any, message: str) -> CanvasFileError:
    return CanvasFileError.at(source, mark.line + 1, mark.column + 1, message)


def _check_plain(event: Any, source: str) -> None:
    """Anchors and tags have no meaning in a canvas file, and both are how YAML attacks start."""
    if event.anchor is not None:
        raise _fail(source, event.start_mark, f"anchors ({quote('&' + event.anchor)}) are not allowed in canvas files.")
    if event.tag is not None and event.tag != "!":
        raise _fail(source, event.start_mark, f"tags ({quote(event.tag)}) are not allowed in canvas files.")


def _syntax_error(error: yaml.MarkedYAMLError, text: str, source: str) -> CanvasFileError:
    mark = error.problem_mark or error.context_mark
    problem = (error.problem or "the YAML is malformed").strip()
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        mark = error.context_mark  # where the quote opened, not the end of the file
        return CanvasFileError.at(
            source,
            mark.line + 1,
            mark.column + 1,
            "YAML syntax error: this quote is never closed. Add the closing quote.",
        )
    message = f"YAML syntax error: {problem}"
    if error.context:
        message += f" ({error.context.strip()})"
    message += "."
    hint = _HINTS.get(problem)
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        hint = "YAML is indented with spaces, not tabs."
    if hint:
        message += " " + hint
    if mark is None:
        return CanvasFileError.at(source, 1, 1, message)
    return CanvasFileError.at(source, mark.line + 1, mark.column + 1, message)


_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_col(prefix: str) -> tuple[int, int]:
    """The line and column after `prefix`, lines ending as YAML ends them (CR LF, CR alone, LF and the rest)."""
    breaks = list(_BREAKS.finditer(prefix))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(prefix) - start + 1


def _wide_encoding(data: bytes) -> str:
    """'UTF-16' or 'UTF-32' for a file in one of them (by its byte order mark, or ASCII text with zero bytes between
    its letters); '' otherwise."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:64]
    if len(head) >= 8 and head[1::4].count(0) + head[2::4].count(0) + head[3::4].count(0) == 3 * (len(head) // 4):
        return "UTF-32"
    if len(head) >= 4 and (head[1::2].count(0) == len(head) // 2 or head[0::2].count(0) == len(head) // 2):
        return "UTF-16"
    return ""


def describe(node: Node) -> str:
    """A few words a person recognises for what the node is, for error messages."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return f"the text {quote(node.value)}" if len(node.value) <= QUOTED else "a text"
