"""What changed between two canvases, in words: plain text for the command line (`canvas-editor diff`), and a
Markdown report for the minutes. Block by block in the newer canvas's order, then the header and the legend."""

from __future__ import annotations

from collections.abc import Iterator

from editor.export.markdown import inline
from editor.model import Canvas
from editor.model.compare import (
    ADDED,
    EDITED,
    MOVED,
    RECOLOURED,
    REMOVED,
    TAGS,
    VOTES,
    CanvasDiff,
    NoteChange,
    block_title,
)

SIGNS = {ADDED: "+", REMOVED: "-"}  # any other change: "~"


def summary(diff: CanvasDiff) -> str:
    """'2 added, 1 removed, 3 changed, 40 the same.' (or 'No changes.')"""
    if diff.same:
        return "No changes."
    added, removed = diff.count(ADDED), diff.count(REMOVED)
    parts = [f"{added} added", f"{removed} removed", f"{len(diff.notes) - added - removed} changed"]
    if diff.header:
        parts.append(f"{len(diff.header)} in the header and legend")
    return ", ".join(parts) + f"; {diff.unchanged} notes the same."


def changes_text(diff: CanvasDiff, old: Canvas, new: Canvas) -> str:
    """The changes as lines a terminal shows: a block's title, then a line per note ('+', '-' or '~')."""
    lines: list[str] = []
    for title, changes in _blocks(diff, old, new):
        lines.append(title)
        lines += [f"  {SIGNS.get(change.aspects[0], '~')} {_line(change, old)}" for change in changes]
    if diff.header:
        lines.append("Header and legend")
        lines += [f"  ~ {change.what}: {_quoted(change.old)} -> {_quoted(change.new)}" for change in diff.header]
    lines.append(summary(diff))
    return "\n".join(lines) + "\n"


def changes_markdown(diff: CanvasDiff, old: Canvas, new: Canvas, old_name: str, new_name: str) -> str:
    """The changes as a Markdown report: a heading naming both sides, the count, then a list per block."""
    lines = [f"# What changed: {inline(old_name)} → {inline(new_name)}", "", f"*{summary(diff)}*", ""]
    for title, changes in _blocks(diff, old, new):
        lines += [f"## {inline(title)}", ""]
        lines += [f"- **{_verb(change)}** {inline(_line(change, old))}" for change in changes]
        lines.append("")
    if diff.header:
        lines += ["## Header and legend", "", "| | before | after |", "| --- | --- | --- |"]
        lines += [f"| {inline(change.what)} | {_cell(change.old)} | {_cell(change.new)} |" for change in diff.header]
        lines.append("")
    return "\n".join(lines)


def _blocks(diff: CanvasDiff, old: Canvas, new: Canvas) -> Iterator[tuple[str, list[NoteChange]]]:
    current: list[NoteChange] = []
    for change in diff.notes:
        if current and current[0].block_id != change.block_id:
            yield _title(current[0], old, new), current
            current = []
        current.append(change)
    if current:
        yield _title(current[0], old, new), current


def _title(change: NoteChange, old: Canvas, new: Canvas) -> str:
    return block_title(new if change.new is not None else old, change.block_id)


def _line(change: NoteChange, old: Canvas) -> str:
    """A note's change in a line: its text (as it is now), then what else changed, in brackets."""
    placed = change.new or change.old
    assert placed is not None
    text = " ".join(placed.note.text.split())
    if change.old is None or change.new is None:
        return text
    before, after = change.old, change.new
    said = []
    if MOVED in change.aspects:
        said.append(f"from {block_title(old, before.block_id)}")  # after "Moved", "moved from" said it twice
    if EDITED in change.aspects:
        said.append(f"was: {' '.join(before.note.text.split())}")
    if RECOLOURED in change.aspects:
        said.append(f"{before.note.color} → {after.note.color}")
    if VOTES in change.aspects:
        said.append(f"votes {before.note.votes} → {after.note.votes}")
    if TAGS in change.aspects:
        said.append(f"tags {', '.join(before.note.tags) or 'none'} → {', '.join(after.note.tags) or 'none'}")
    return f"{text} ({'; '.join(said)})"


def _verb(change: NoteChange) -> str:
    first = change.aspects[0]
    return {ADDED: "Added", REMOVED: "Removed", MOVED: "Moved", EDITED: "Edited"}.get(first, "Changed")


def _quoted(text: str) -> str:
    return f'"{text}"' if text else "(empty)"


def _cell(text: str) -> str:
    return inline(text).replace("\n", "<br>") if text else "*(empty)*"
