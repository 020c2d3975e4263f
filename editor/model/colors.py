"""Sticky-note colours: the named palette and `#rrggbb`, checked and resolved to hex."""

from __future__ import annotations

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


def is_dark(value: str) -> bool:
    """True when light text reads better than dark text on this colour (relative luminance below ~0.4)."""
    hex_value = color_hex(value)
    r, g, b = (int(hex_value[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45
