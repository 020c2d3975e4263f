"""The board's right-click menu and the colour and tags of notes: a swatch with the legend's meaning beside each
palette colour, a tick on the notes' colour, a custom colour from Qt's colour dialog, and a note's tags edited in
a line of text."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QLineEdit, QMenu, QWidget

from editor.board import style
from editor.gui.commands import counted
from editor.model import PALETTE

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF

    from editor.board.note_item import NoteItem
    from editor.gui.board_editing import EditableBoard


def board_menu(board: EditableBoard, item: NoteItem | None, block_id: str, point: QPointF) -> QMenu:
    """On a note: edit, colour, tags, duplicate, delete (the note is selected first, unless it is already). On empty
    space in a block: add a note there. Both: tidy the block."""
    menu = QMenu()
    if item is not None:
        if not item.isSelected():
            board.select_ids([item.note_id])
        one = len(board.selected_ids()) == 1
        menu.addAction("Edit Note", partial(board.edit_note, item.note_id)).setEnabled(one)
        colours = menu.addMenu("Colour")
        colours.setObjectName("noteColourMenu")
        fill_colour_menu(colours, board.selected_colour(), board.canvas.legend, board.recolor_selected, menu)
        menu.addAction("Tags…", partial(board.edit_tags, item.note_id)).setEnabled(one)
        count = len(board.selected_ids())
        menu.addAction(counted("Duplicate", count), board.duplicate_selected)
        menu.addAction(counted("Delete", count), board.delete_selected)
    else:
        menu.addAction("Add Note Here", partial(board.add_note, block_id, point))
    menu.addSeparator()
    menu.addAction(f"Tidy {board.blocks[block_id].title}", partial(board.tidy, [block_id]))
    return menu


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
        action = menu.addAction(style.swatch(hex_value), colour_text(name, legend))
        action.setCheckable(True)
        action.setChecked(name == current)
        action.setObjectName(f"colour-{name}")
        action.triggered.connect(lambda _=False, name=name: recolor(name))
    menu.addSeparator()
    custom = menu.addAction("Custom Colour…")
    custom.setObjectName("customColour")
    if current is not None and current not in PALETTE:
        custom.setIcon(style.swatch(current))
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
