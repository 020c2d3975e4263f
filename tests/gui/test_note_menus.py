"""A note's colour menu shows swatches with the legend's meaning and a tick on its colour, and a custom colour; its
tags are added and removed from the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from driving import click, context_menu, keys, note_center
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu

from editor.gui.main_window import MainWindow
from editor.gui.note_menus import parse_tags

OpenApp = Callable[[Path | None], MainWindow]


def test_the_colour_menu_names_what_each_colour_means_and_ticks_the_notes_colour(
    open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    pink = next(note for _, note in canvas.all_notes() if note.color == "pink")
    seen: dict[str, tuple[bool, bool]] = {}
    marked: dict[str, bool] = {}  # a check mark drawn on the swatch: dark ink on a light colour

    def look(menu: QMenu) -> None:
        colour = next(a for a in menu.actions() if a.text() == "Colour").menu()
        for action in colour.actions():
            if action.text():
                seen[action.text()] = (action.isChecked(), action.icon().isNull())
                picture = action.icon().pixmap(18, 18).toImage()
                marked[action.text()] = any(
                    picture.pixelColor(x, y).lightness() < 100 for x in range(18) for y in range(18)
                )
        monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#123456"))
        next(a for a in colour.actions() if a.text() == "Custom Colour…").trigger()

    context_menu(window, pink.id, look)
    assert seen["Pink — Celebrities and influencers"] == (True, False)  # ticked, with its swatch
    assert seen["Orange"] == (False, False)  # no meaning in the legend: its name alone
    assert seen["Yellow — Users and content creators"][0] is False
    # Seen in a review: Fusion showed the checked swatch as a faint frame only, so the swatch carries the tick.
    assert marked["Pink — Celebrities and influencers"] and not marked["Orange"] and not marked["White"]
    assert canvas.note(pink.id).color == "#123456"
    assert window.document.stack.undoText() == "Recolour Note"


def test_tags_are_added_and_removed_from_the_window(open_app: OpenApp, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    note_id = canvas.notes("channels")[0].id
    click(window, note_center(window, note_id))
    answers = iter([("pricing, q3,, pricing ", True), ("q3", True), ("anything", False)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kw: next(answers))
    keys(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert canvas.note(note_id).tags == ("pricing", "q3")
    assert window.document.stack.undoText() == "Edit Tags"
    context_menu(window, note_id, lambda menu: next(a for a in menu.actions() if a.text() == "Tags…").trigger())
    assert canvas.note(note_id).tags == ("q3",)  # one taken off
    keys(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert canvas.note(note_id).tags == ("q3",)  # cancelled: unchanged
    window.document.stack.undo()
    assert canvas.note(note_id).tags == ("pricing", "q3")


def test_tags_typed_are_trimmed_and_each_kept_once() -> None:
    assert parse_tags(" pricing, q3,,pricing , ") == ("pricing", "q3")
    assert parse_tags("") == ()
