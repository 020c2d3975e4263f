"""Sticky-note colours: the named palette and `#rrggbb`, checked and resolved to hex."""

from __future__ import annotations

import functools
import re

# Pastel sticky-note colours; dark text reads on every one of them, also on a washed-out projector.
PALETTE: dict[str, str] = {
    "yellow": "#fff59d",
    "orange": "#ffcc80",
    "pink": "#f8bbd0",
    "purple": "#d1c4e9",
    "blue": "#b3e5fc",
    "green": "#c5e1a5",
    "grey": "#e0e0e0",
    "white": "#ffffff",
}
DEFAULT_COLOR = "yellow"

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def is_valid_color(value: str) -> bool:
    return value in PALETTE or _HEX.fullmatch(value) is not None


def normalize_color(value: str) -> str:
    """The form a colour is stored in: a palette name, or lower-case `#rrggbb`."""
    return value if value in PALETTE else value.lower()


def color_hex(value: str) -> str:
    """`#rrggbb` for a valid colour name or hex string."""
    return PALETTE.get(value, value.lower())


# The ink notes are written in: near-black, or white on a colour dark enough that white reads better.
DARK_INK = "#1f1f1f"
LIGHT_INK = "#ffffff"


def luminance(value: str) -> float:
    """WCAG 2's relative luminance of a colour, from 0 (black) to 1 (white)."""
    hex_value = color_hex(value)
    channels = [int(hex_value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 to 21; text needs 4.5 (AA)."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@functools.lru_cache(maxsize=1024)  # asked for every note a board shows, of a handful of colours
def is_dark(value: str) -> bool:
    """True when light ink reads better than dark ink on this colour (the higher contrast wins)."""
    return contrast(LIGHT_INK, value) > contrast(DARK_INK, value)
