"""Markdown export: the title and header, then each block in the template's order with its notes as a list, then
the parking lot."""

from __future__ import annotations

import re

from editor.model import DEFAULT_COLOR, PARKING_LOT, PARKING_LOT_TITLE, Canvas, Note

# A note's colour is named in words, "(pink)": it reads on any wiki, in a terminal, in a plain-text diff and on
# systems whose fonts lack the newer coloured emoji. The default colour is named only where the legend gives it a
# meaning.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)([#+\-]|\d+)([.)]?)(?=\s|$)")


def canvas_markdown(canvas: Canvas) -> str:
    """The whole canvas as GitHub-flavoured Markdown, ending with the template's credit line."""
    template = canvas.template
    lines = [f"# {inline(canvas.title or 'Untitled canvas')}", ""]
    filled = [(field.label, canvas.fields.get(field.id, "")) for field in template.header]
    if any(value for _, value in filled):
        lines.append("| " + " | ".join(inline(label) for label, _ in filled) + " |")
        lines.append("|" + " --- |" * len(filled))
        lines.append("| " + " | ".join(inline(value).replace("\n", "<br>") for _, value in filled) + " |")
        lines.append("")
    if canvas.legend:
        entries = (f"{inline(color)}: {inline(meaning)}" for color, meaning in canvas.legend.items())
        lines += ["**Colours:** " + " · ".join(entries), ""]
    named = set(canvas.legend)
    for block in template.blocks:
        lines += [f"## {inline(block.title)}", ""]
        notes = canvas.notes(block.id)
        lines += [_note_line(note, named) for note in notes] if notes else ["*No notes yet.*"]
        lines.append("")
    parked = canvas.notes(PARKING_LOT)
    if parked:
        lines += [f"## {PARKING_LOT_TITLE}", "", "*Ideas that do not fit a block yet.*", ""]
        lines += [_note_line(note, named) for note in parked]
        lines.append("")
    lines += ["---", "", inline(template.credit), ""]
    return "\n".join(lines)


def _note_line(note: Note, named: set[str]) -> str:
    text = "  \n  ".join(inline(line) for line in note.text.splitlines() or [""])
    extras = []
    if note.votes:
        extras.append(f"**{note.votes} vote{'s' if note.votes != 1 else ''}**")
    extras += [f"`{tag.replace('`', '')}`" for tag in note.tags]
    suffix = (" · " + " ".join(extras)) if extras else ""
    return f"- {mark(note.color, named)}{text}{suffix}"


def mark(color: str, named: set[str]) -> str:
    """What stands before a note's text for its colour: '(pink) ', or nothing for a default note."""
    return "" if color == DEFAULT_COLOR and color not in named else f"({color}) "


def inline(text: str) -> str:
    """Text that Markdown shows as written: no emphasis, links, HTML, table cells or headings by accident."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    # "# x", "- x" and "+ x" would start a heading or a list, and so would "1. x": escape the punctuation.
    space, mark, dot = match.groups()
    if mark.isdigit():
        return f"{space}{mark}\\{dot}" if dot else match.group(0)
    return f"{space}\\{mark}{dot}"
