"""The one error type that file reading and writing raise: problems located by file, line and column."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a file. Line and column count from 1; 0 means "the file as a whole"."""

    line: int
    column: int
    message: str

    def located(self, source: str) -> str:
        """`FILE:LINE:COL: message`, with any control character from the file shown escaped (\x1b), so that a file
        can neither clear a terminal, retitle it nor print a fake line."""
        where = shown(source) if self.line <= 0 else f"{shown(source)}:{self.line}:{self.column}"
        return f"{where}: {shown(self.message)}"


def shown(text: str) -> str:
    """Text with its control characters (C0, DEL, C1) escaped as \x1b, \x7f or \x85, to print or show safely."""
    return "".join(f"\\x{ord(char):02x}" if ord(char) < 32 or 127 <= ord(char) < 160 else char for char in text)


QUOTED = 40  # characters of a value a message quotes; past that it says how long the value is


def quote(value: str) -> str:
    """'value' for a message: whole when short, else its start and its length (a key of 30 MiB would make a message
    no one reads, and a dialog that takes half a minute to lay it out)."""
    if len(value) <= QUOTED:
        return f"'{value}'"
    return f"'{value[:QUOTED]}…' ({len(value):,} characters)"


class CanvasFileError(Exception):
    """A canvas or template file could not be read or written.

    `problems` holds every problem found (at least one); `str()` gives them one per line as
    `FILE:LINE:COL: message`, the form compilers use, so editors and terminals can jump to them.
    """

    def __init__(self, source: str, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("CanvasFileError needs at least one problem")
        self.source = source
        self.problems = list(problems)
        super().__init__("\n".join(p.located(source) for p in self.problems))

    @classmethod
    def at(cls, source: str, line: int, column: int, message: str) -> CanvasFileError:
        return cls(source, [Problem(line, column, message)])

    @classmethod
    def whole(cls, source: str, message: str) -> CanvasFileError:
        return cls(source, [Problem(0, 0, message)])

    @property
    def first(self) -> Problem:
        return self.problems[0]


class UnknownTemplateError(CanvasFileError):
    """A canvas file names a template this program does not have, and does not carry it: its notes can still be
    read on a plain grid of its blocks (editor.fileformat.reader.read_on_plain_grid)."""

    def __init__(self, source: str, problems: list[Problem], template_id: str) -> None:
        super().__init__(source, problems)
        self.template_id = template_id
