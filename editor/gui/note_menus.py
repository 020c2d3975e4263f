"""The colour and tags of notes, as menus and dialogs: a swatch with the legend's meaning beside each palette colour,
a tick on the notes' colour, a custom colour from Qt's colour dialog, and a note's tags edited in a line of text."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QLineEdit, QMenu, QWidget

from editor.board import style
from editor.model import PALETTE


def colour_text(name: str, legend: Mapping[str, str]) -> str:
    """'Pink — Celebrities and influencers': a palette colour and, when the legend names it, what it means."""
    meaning = legend.get(name)
    return f"{name.title()} — {meaning}" if meaning else name.title()


def fill_colour_menu(
    menu: QMenu, current: str | None, legend: Mapping[str, str], recolor: Callable[[str], None], parent: QWidget
) -> None:
    """The palette as swatches with their meanings, the notes' colour ticked (`current`: None when they differ),
    then Custom Colour… for any #rrggbb."""
    menu.clear()
    for name, hex_value in PALETTE.items():
        action = menu.addAction(style.swatch(hex_value, ticked=name == current), colour_text(name, legend))
        action.setCheckable(True)
        action.setChecked(name == current)
        action.setObjectName(f"colour-{name}")
        action.triggered.connect(lambda _=False, name=name: recolor(name))
    menu.addSeparator()
    custom = menu.addAction("Custom Colour…")
    custom.setObjectName("customColour")
    if current is not None and current not in PALETTE:
        custom.setIcon(style.swatch(current, ticked=True))
        custom.setCheckable(True)
        custom.setChecked(True)
    custom.triggered.connect(lambda _=False: pick_custom_colour(current, recolor, parent))


def pick_custom_colour(current: str | None, recolor: Callable[[str], None], parent: QWidget) -> None:
    start = QColor(current if current is not None and current.startswith("#") else PALETTE["yellow"])
    chosen = QColorDialog.getColor(start, parent, "Note Colour")
    if chosen.isValid():
        recolor(chosen.name().lower())


def ask_tags(tags: tuple[str, ...], parent: QWidget) -> tuple[str, ...] | None:
    """The tags of a note as a line of words separated by commas; None when the person cancels."""
    text, accepted = QInputDialog.getText(
        parent,
        "Note Tags",
        "Tags, separated by commas (such as pricing, q3):",
        QLineEdit.EchoMode.Normal,
        ", ".join(tags),
    )
    if not accepted:
        return None
    return parse_tags(text)


def parse_tags(text: str) -> tuple[str, ...]:
    """'pricing, q3,, pricing' -> ('pricing', 'q3'): trimmed, no empty ones, each once, in order."""
    seen: dict[str, None] = {}
    for tag in text.split(","):
        if tag.strip():
            seen.setdefault(tag.strip())
    return tuple(seen)
