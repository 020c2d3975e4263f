"""The one error type that file reading and writing raise: problems located by file, line and column."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a file. Line and column count from 1; 0 means "the file as a whole"."""

    line: int
    column: int
    message: str

    def located(self, source: str) -> str:
        if self.line <= 0:
            return f"{source}: {self.message}"
        return f"{source}:{self.line}:{self.column}: {self.message}"


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
