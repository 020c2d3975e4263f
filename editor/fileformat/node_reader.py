"""Typed reading of YAML nodes: each check names the line and column, and problems are collected for one report."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from editor.errors import CanvasFileError, Problem, quote
from editor.fileformat.yamlsafe import Mapping, Node, Scalar, Sequence, describe
from editor.model.limits import MAX_TEXT, too_long

_INTEGER = re.compile(r"[+-]?[0-9]+")
_MOST_DIGITS = 18  # a whole number this long is no canvas's count of anything
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


# Problems a report lists one by one; past these it says how many more there are.
MAX_PROBLEMS = 20


class Reader:
    """Reads nodes into Python values. A value of the wrong type or shape is a problem noted, read as nothing (an
    empty text, list or mapping), so that reading goes on and finds the next; only what leaves nothing to read
    further (a file that is not a mapping, a missing key the rest depends on) stops at once.

    Either way every problem seen ends up in one CanvasFileError, raised by `finish()` or at the stop, in the
    order of the file, at most MAX_PROBLEMS of them and then how many more there are.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def problem(self, node: Node, message: str) -> None:
        self.problems.append(Problem(node.line, node.column, message))

    def stop(self, node: Node, message: str) -> CanvasFileError:
        self.problem(node, message)
        return self.error()

    def finish(self) -> None:
        if self.problems:
            raise self.error()

    def error(self) -> CanvasFileError:
        problems = sorted(self.problems, key=lambda problem: (problem.line, problem.column))
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            problems = [*problems[:MAX_PROBLEMS], Problem(0, 0, f"and {more} more problem{'s' if more > 1 else ''}.")]
        return CanvasFileError(self.source, problems)

    # Shapes

    def mapping(self, node: Node | None, what: str, *, whole: bool = False) -> Mapping:
        """A mapping; anything else is a problem, read as an empty mapping (with `whole`, the file itself: a stop)."""
        if node is None:
            raise CanvasFileError(
                self.source, [*self.problems, Problem(0, 0, f"the file is empty; {what} is missing.")]
            )
        if not isinstance(node, Mapping):
            message = f"{what} must be a mapping of 'key: value' lines, not {describe(node)}."
            if whole:
                raise self.stop(node, message)
            self.problem(node, message)
            return Mapping(node.line, node.column, node.last, False)
        return node

    def sequence(self, node: Node, what: str) -> list[Node]:
        if isinstance(node, Sequence):
            return node.items
        if isinstance(node, Scalar) and node.plain and node.value == "":
            return []  # `key:` with nothing after it: an empty list
        self.problem(node, f"{what} must be a list of '- item' lines, not {describe(node)}.")
        return []

    def keys(self, mapping: Mapping, allowed: Iterable[str], what: str = "here") -> None:
        allowed = list(allowed)
        for key, (key_node, _) in mapping.items.items():
            if key not in allowed:
                self.problem(key_node, f"unknown key {quote(key)} {what}.{did_you_mean(key, allowed)}")

    def required(self, mapping: Mapping, key: str) -> Node:
        if key not in mapping.items:
            raise self.stop(mapping, f"the key {quote(key)} is missing here.")
        return mapping.items[key][1]

    def optional(self, mapping: Mapping, key: str) -> Node | None:
        entry = mapping.items.get(key)
        return None if entry is None else entry[1]

    def items(self, mapping: Mapping, key: str) -> list[Node]:
        node = self.optional(mapping, key)
        return [] if node is None else self.sequence(node, f"'{key}'")

    # Scalars

    def text(self, node: Node, what: str) -> str:
        if not isinstance(node, Scalar):
            self.problem(node, f"{what} must be text, not {describe(node)}.")
            return ""
        if len(node.value) > MAX_TEXT:
            self.problem(node, too_long(len(node.value), what))
            return ""
        return node.value

    def integer(self, node: Node, what: str, minimum: int = 0) -> int:
        """A whole number; anything else is a problem, read as `minimum`."""
        if not isinstance(node, Scalar):
            self.problem(node, f"{what} must be a whole number, not {describe(node)}.")
            return minimum
        value = node.value
        if not _INTEGER.fullmatch(value):
            self.problem(node, f"{what} must be a whole number, not {quote(value)}.")
            return minimum
        if len(value) > _MOST_DIGITS:  # Python refuses to read numbers of thousands of digits; none is a count
            self.problem(node, f"{what} is a number of {len(value):,} digits; a canvas needs no number that long.")
            return minimum
        number = int(value)
        if number < minimum:
            self.problem(node, f"{what} must be at least {minimum}, not {number}.")
            return minimum
        return number

    def number(self, node: Node, what: str) -> float | None:
        """A number; anything else is a problem, read as None."""
        if not isinstance(node, Scalar):
            self.problem(node, f"{what} must be a number, not {describe(node)}.")
            return None
        value = node.value
        number = float(value) if _NUMBER.fullmatch(value) else math.nan
        if not math.isfinite(number):
            self.problem(node, f"{what} must be a number, not {quote(value)}.")
            return None
        return number


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean 'x'?' for the closest choice, or a list of what is allowed when nothing is close."""
    import difflib  # only when a file has a mistake: not at start-up

    choices = list(choices)
    longest = max(map(len, choices), default=0)
    # A word far longer than every choice is close to none (and comparing a huge one would take seconds).
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6) if len(word) <= 2 * longest + 8 else []
    if close:
        return f" Did you mean '{close[0]}'?"
    return " Allowed: " + ", ".join(choices) + "."
