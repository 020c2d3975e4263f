"""The colour legend: named in the Canvas Details panel, shown on the board, and a filter when one of its colours
is clicked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import click, keys
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from editor.board.frame_items import FADED
from editor.fileformat import load_canvas
from editor.gui.commands import SetLegend, UpdateNotes
from editor.gui.main_window import MainWindow
from editor.model import Note

OpenApp = Callable[[Path | None], MainWindow]


def legend_entry(window: MainWindow, color: str) -> QPointF:
    """The scene point at the middle of a legend entry, where a person clicks."""
    footer = window.board.footer
    box = dict(footer.legend_boxes())[color]
    return footer.mapToScene(box.center())


def opacities(window: MainWindow) -> dict[str, set[float]]:
    """The opacities the notes of each colour show with."""
    shown: dict[str, set[float]] = {}
    for _, note in window.document.canvas.all_notes():
        shown.setdefault(note.color, set()).add(round(window.board.notes[note.id].opacity(), 2))
    return shown


def test_clicking_a_legend_colour_brings_out_its_notes_and_fades_the_rest(open_app: OpenApp) -> None:
    window = open_app(None)
    assert list(window.document.canvas.legend) == ["yellow", "pink", "blue", "green"]
    click(window, legend_entry(window, "blue"))
    assert window.board.color_filter == "blue"
    shown = opacities(window)
    assert shown.pop("blue") == {1.0}
    assert all(values == {FADED} for values in shown.values()) and shown
    assert not window.document.modified and not window.document.stack.canUndo()  # a way of looking, not a change

    # A note added meanwhile follows the filter.
    window.document.canvas.add_note("channels", Note("Podcasts", color="yellow"))
    assert window.board.notes[window.document.canvas.notes("channels")[-1].id].opacity() == FADED

    click(window, legend_entry(window, "pink"))  # another colour
    assert opacities(window)["pink"] == {1.0} and opacities(window)["blue"] == {FADED}
    click(window, legend_entry(window, "pink"))  # the same colour again: all notes as they are
    assert window.board.color_filter is None
    assert all(values == {1.0} for values in opacities(window).values())

    click(window, legend_entry(window, "green"))
    keys(window, Qt.Key.Key_Escape)
    assert window.board.color_filter is None


def test_the_legend_is_named_in_the_details_panel_in_one_undo_step_and_saved(open_app: OpenApp, tmp_path: Path) -> None:
    window = open_app(None)
    window.details_dock.show()
    edit = window.panels.header_panel.findChild(QLineEdit, "legend-orange")
    assert edit.text() == "" and window.panels.header_panel.findChild(QLineEdit, "legend-blue").text() == (
        "Brands and advertisers"
    )
    edit.setFocus()
    QTest.keyClicks(edit, "Schools and teachers")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    canvas = window.document.canvas
    assert canvas.legend["orange"] == "Schools and teachers"
    assert list(canvas.legend)[-1] == "orange"  # a new entry goes last
    assert "orange" in dict(window.board.footer.legend_boxes())  # on the board at once
    assert window.document.stack.undoText() == "Edit Colour Legend"

    blue = window.panels.header_panel.findChild(QLineEdit, "legend-blue")
    blue.setFocus()
    blue.selectAll()
    QTest.keyClick(blue, Qt.Key.Key_Delete)
    QTest.keyClick(blue, Qt.Key.Key_Return)
    assert "blue" not in canvas.legend

    path = tmp_path / "legend.yaml"
    window.document.save(path)
    assert load_canvas(path).legend == canvas.legend
    window.document.stack.undo()
    window.document.stack.undo()
    assert "orange" not in canvas.legend and canvas.legend["blue"] == "Brands and advertisers"
    assert edit.text() == ""


def test_the_filter_follows_recoloured_notes_and_ends_when_its_colour_leaves_the_legend(open_app: OpenApp) -> None:
    window = open_app(None)
    canvas = window.document.canvas
    click(window, legend_entry(window, "blue"))
    note = next(note for _, note in canvas.all_notes() if note.color == "yellow")
    window.document.push(UpdateNotes(canvas, {note.id: {"color": "blue"}}, "Colour"))
    assert window.board.notes[note.id].opacity() == 1.0  # now one of the notes brought out
    window.document.push(SetLegend(canvas, {c: m for c, m in canvas.legend.items() if c != "blue"}))
    assert window.board.color_filter is None
    assert all(values == {1.0} for values in opacities(window).values())  # nothing is left faded
