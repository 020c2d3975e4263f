"""The Help menu: the shortcut sheet lists every shortcut the window's actions have, About names the version, the
licence and the canvas's credit, and the file format's description is the README's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from driving import CTRL, keys
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from editor import __version__
from editor.gui.help_dialogs import AboutBox, FileFormatHelp, ShortcutSheet
from editor.gui.main_window import MainWindow

OpenApp = Callable[[Path | None], MainWindow]


def test_f1_and_ctrl_slash_open_a_sheet_of_every_shortcut_from_the_actions_themselves(open_app: OpenApp) -> None:
    window = open_app(None)
    keys(window, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutSheet, "shortcutSheet")
    assert sheet is not None and sheet.isVisible()
    rows = {(menu, name): shortcut for menu, name, shortcut in sheet.rows}
    assert rows["File", "Export > PDF"] == "Ctrl+E"
    assert rows["File", "Save"] == QKeySequence("Ctrl+S").toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Workshop", "Present"] == "F5" and rows["Edit", "Add Note"] == "N, Ins"
    assert rows["Help", "Keyboard Shortcuts"] == "F1, Ctrl+/"
    # Every action of the window that has a shortcut is on the sheet: it cannot drift from them.
    listed = {name.split(" > ")[-1] for _, name, _ in sheet.rows}
    with_keys = {a.text().replace("&", "").removesuffix("…") for a in window.actions() if a.shortcuts()}
    assert with_keys <= listed
    sheet.close()
    keys(window, Qt.Key.Key_Slash, CTRL)
    assert sheet.isVisible()  # the same sheet again, not a second one
    assert len(window.findChildren(ShortcutSheet)) == 1
    sheet.close()


def test_about_names_the_version_the_licence_and_the_credit_of_the_canvas_shown(open_app: OpenApp) -> None:
    window = open_app(None)
    next(a for a in window.actions_.help_menu.actions() if a.objectName() == "about").trigger()
    about = window.findChild(AboutBox, "aboutBox")
    assert about is not None and about.isVisible()
    text = about.label.text()
    assert __version__ in text and "MIT" in text
    assert "Strategyzer AG" in text and "CC BY-SA 3.0" in text
    about.close()


def test_the_file_format_is_described_in_the_window(open_app: OpenApp) -> None:
    window = open_app(None)
    next(a for a in window.actions_.help_menu.actions() if a.objectName() == "fileFormat").trigger()
    help_window = window.findChild(FileFormatHelp, "fileFormatHelp")
    assert help_window is not None and help_window.isVisible()
    shown = help_window.browser.toPlainText()
    assert "Saving changes only what you changed." in shown and "format: 1" in shown
    help_window.close()
    QApplication.processEvents()


def test_no_two_actions_share_a_shortcut(open_app: OpenApp) -> None:
    window = open_app(None)
    owners: dict[str, str] = {}
    for action in window.actions():
        for key in action.shortcuts():
            name = key.toString()
            assert name not in owners, f"{name}: {owners.get(name)} and {action.text()}"  # Qt would run neither
            owners[name] = action.text()


def test_ctrl_d_duplicates_the_selected_note(open_app: OpenApp) -> None:
    from driving import click, note_center

    window = open_app(None)
    canvas = window.document.canvas
    note = canvas.notes("channels")[0]
    click(window, note_center(window, note.id))
    keys(window, Qt.Key.Key_D, CTRL)
    assert [n.text for n in canvas.notes("channels")].count(note.text) == 2
