"""What an export is asked for (its options and a way to follow and cancel it) and how it fails; no Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

PAGES = ("A4", "A3", "A2", "A1", "A0", "Letter")  # PDF and print pages, all landscape

Progress = Callable[[str], bool]  # told each step's name; returns False to cancel


class ExportError(Exception):
    """An export could not be made; the message is one line that says why."""


class ExportCancelledError(Exception):
    """The person cancelled the export; nothing was written."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    page: str = "A3"  # PDF and print page, and the physical size a PNG's dpi refers to
    dpi: int = 150
    width: int | None = None  # a PNG's width in pixels, instead of page and dpi
    transparent: bool = False  # PNG background

    def __post_init__(self) -> None:
        if self.page not in PAGES:
            raise ExportError(f"unknown page size '{self.page}'; choose one of {', '.join(PAGES)}")
        if not 10 <= self.dpi <= 2400:
            raise ExportError(f"a resolution of {self.dpi} dpi is out of range (10 to 2400)")
        if self.width is not None and not 16 <= self.width <= 20_000:
            raise ExportError(f"a width of {self.width} pixels is out of range (16 to 20000)")


def step(progress: Progress | None, name: str) -> None:
    if progress is not None and not progress(name):
        raise ExportCancelledError()
