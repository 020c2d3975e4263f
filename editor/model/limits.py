"""What a canvas may hold: limits no real canvas comes near, shared by the file's reader, its writer and editing.

They bound the work a file can ask for: any file the reader accepts opens in the window in seconds and in bounded
memory, whatever its size; and the window never holds, so never writes, a canvas the reader would refuse.
"""

from __future__ import annotations

from typing import Any

MAX_NOTES = 10_000  # in a canvas, the parking lot's included; a wall of sticky notes holds a few hundred
MAX_TEXT = 10_000  # characters in a note's text, a tag, the title, a header field or a legend entry
MAX_TAGS = 10  # on one note
MAX_LEGEND = 100  # colours the legend explains
MAX_DOTS = 500  # dots one person may have in one voting round
# YAML values (texts, numbers, lists, mappings, keys) in a file: what MAX_NOTES notes need with every key (a mapping,
# 5 keys, 3 values, a position of 2 and MAX_TAGS tags in 2 lists) and a legend of MAX_LEGEND, with room for the rest
# (header fields, blocks). The reader stops at the first value past it: a file of millions costs no more.
MAX_VALUES = MAX_NOTES * (1 + 5 + 3 + 3 + 1 + MAX_TAGS) + 2 * MAX_LEGEND + 1_000


def too_long(length: int, what: str) -> str:
    """The sentence for a text of `length` characters, past MAX_TEXT."""
    return f"{what} is {length:,} characters long; a canvas holds at most {MAX_TEXT:,} in one text."


def too_many_notes() -> str:
    return f"the canvas holds more than {MAX_NOTES:,} notes, the most a canvas may hold."


def excess(content: tuple[Any, ...]) -> str:
    """What in a Canvas.content() snapshot is past a limit, in a few words ('' when nothing is)."""
    _template, title, fields, legend, blocks = content
    if sum(len(notes) for _, notes in blocks) > MAX_NOTES:
        return f"it holds more than {MAX_NOTES:,} notes"
    if len(legend) > MAX_LEGEND:
        return f"its legend explains more than {MAX_LEGEND} colours"
    texts = [title, *(value for _, value in fields), *(value for _, value in legend)]
    for _, notes in blocks:
        for text, _color, tags, *_ in notes:
            if len(tags) > MAX_TAGS:
                return f"a note has more than {MAX_TAGS} tags"
            texts.append(text)
            texts.extend(tags)
    longest = max(map(len, texts), default=0)
    return f"a text is {longest:,} characters long, more than {MAX_TEXT:,}" if longest > MAX_TEXT else ""
