"""YAML text for the canvas writer: values and notes as libyaml writes them, and the line arithmetic that moves
written text to another column or finds a comment at the end of a line."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from editor.fileformat.layout import note_values

if TYPE_CHECKING:
    import yaml

# PyYAML is imported at the first save, not at start-up (see yamlsafe).

# Line breaks YAML would normalise inside a block scalar; text holding them is written double-quoted.
_ODD_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


class Flow(list[Any]):
    """A short list written on one line: `at: [0.25, 0.5]`, `tags: [a, b]`."""


@functools.cache
def _dumper(blocks: bool = True) -> type[yaml.SafeDumper]:
    """libyaml's emitter when PyYAML has it, never writing anchors or aliases, with our ways to write text and lists.
    Without `blocks`, text of several lines is double-quoted on one line instead of written as a '|' block."""
    import yaml

    base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class CanvasDumper(base):  # type: ignore[valid-type,misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True  # never write anchors or aliases, even for shared objects

    CanvasDumper.add_representer(str, _represent_str if blocks else _represent_str_quoted)
    CanvasDumper.add_representer(Flow, _represent_flow)
    return CanvasDumper


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # A block ("|") for lines of text; not for text ending in blank lines, which would be written "|+", a block that
    # would take in the blank lines a file has after it.
    if "\n" in text and not text.endswith("\n\n") and not any(mark in text for mark in _ODD_BREAKS):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    return _represent_str_quoted(dumper, text)


def _represent_str_quoted(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # Other text of several lines is double-quoted, with its breaks as '\n' on one line, not folded over several.
    if "\n" in text or any(mark in text for mark in _ODD_BREAKS):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
    return dumper.represent_str(text)


def _represent_flow(dumper: yaml.SafeDumper, items: Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


def dump(data: Any, blocks: bool = True) -> str:
    """YAML text for `data` in the canvas file's ways: one note a line, text as written, no anchors (without
    `blocks`, text of several lines double-quoted)."""
    import yaml

    text: str = yaml.dump(
        data,
        Dumper=_dumper(blocks),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,  # one note, one line: clean diffs
        indent=2,
    )
    # A document ending in a block scalar that keeps its line breaks ends with a '...' line of its own.
    return text[: -len("...\n")] if text.endswith("\n...\n") else text


def trailing_comment(text: str) -> str:
    """'  # a comment' at the end of an entry of one line, as written; '' when it has none."""
    if "#" not in text or text.count("\n") > 1:
        return ""
    import yaml

    try:
        events = list(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.YAMLError:
        return ""
    kinds = (yaml.ScalarEvent, yaml.SequenceEndEvent, yaml.MappingEndEvent)
    marks = [event.end_mark for event in events if isinstance(event, kinds)]
    ends = [mark.column for mark in marks if mark is not None and mark.line == 0]
    rest = text.rstrip("\r\n")[max(ends) :] if ends else ""
    return rest if rest.strip().startswith("#") else ""


def shift(text: str, by: int) -> str:
    """Lines moved right by `by` columns; a block of YAML lines stays the same YAML. Empty lines stay empty."""
    pad = " " * by
    return "".join(line if line in ("\n", "\r\n") else pad + line for line in text.splitlines(keepends=True))


def items(text: str) -> list[str]:
    """The items of a dumped list, each as its text (an item starts at a '- ' in the first column)."""
    items: list[list[str]] = []
    for line in text.splitlines(keepends=True):
        if line.startswith("- ") or line.rstrip("\n") == "-":
            items.append([line])
        else:
            items[-1].append(line)
    return ["".join(item) for item in items]


def flow(value: Any) -> Any:
    """A value to dump: its tuples written on one line (`[0, 0, 2, 2]`), its lists and mappings as lines."""
    if isinstance(value, tuple):
        return Flow(value)
    if isinstance(value, dict):
        return {key: flow(item) for key, item in value.items()}
    if isinstance(value, list):
        return [flow(item) for item in value]
    return value


def note_data(content: tuple[Any, ...]) -> str | dict[str, Any]:
    values = note_values(content)
    if len(values) == 1:
        return str(values["text"])
    return {key: flow(value) for key, value in values.items()}
