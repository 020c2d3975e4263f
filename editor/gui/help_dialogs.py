"""The Help menu's windows: About, the keyboard shortcut sheet (made from the window's own actions, so it cannot
drift from them) and the file format's description (shipped beside the templates, the README's own section)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QMenuBar, QTextBrowser, QVBoxLayout, QWidget

from editor import __version__, paths


def shortcut_rows(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, its shortcuts) for every action of the menus that has a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, title: str, prefix: str = "") -> None:
        for action in menu.actions():
            submenu = action.menu()
            if isinstance(submenu, QMenu):  # its items under the menu's heading: "Export > PDF"
                walk(submenu, title, f"{prefix}{_plain(submenu.title())} > ")
            elif action.shortcuts() and not action.isSeparator():
                typed = [key for key in action.shortcuts() if _on_a_keyboard(key)]
                keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in typed)
                if keys:
                    rows.append((title, prefix + _plain(action.text()), keys))

    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(menu.title()))
    return rows


def _on_a_keyboard(sequence: QKeySequence) -> bool:
    """On the keyboards people have: not a media key (the 'Save' or 'Open' key that Qt binds to the standard actions
    too), nor F13 and beyond (the Undo and Copy keys of old Sun keyboards)."""
    if sequence.count() == 0:
        return False
    key = sequence[0].key().value  # type: ignore[index]
    return key < Qt.Key.Key_Back.value and not Qt.Key.Key_F13.value <= key <= Qt.Key.Key_F35.value


def _plain(text: str) -> str:
    """A menu text as read: without its '&' letter marks and the '…' of an item that opens a dialog."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


class ShortcutSheet(QDialog):
    """Every shortcut, by menu, in a sheet a person can keep open beside the board."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle("Keyboard Shortcuts")
        self.rows = shortcut_rows(bar)
        html = ["<table cellspacing='0' cellpadding='4'>"]
        current = ""
        for menu, name, keys in self.rows:
            if menu != current:
                current = menu
                html.append(f"<tr><td colspan='2'><br><b>{escape(menu)}</b></td></tr>")
            html.append(f"<tr><td>{escape(name)}</td><td><b>{escape(keys)}</b></td></tr>")
        html.append("</table>")
        html.append(
            "<p>On the board: double-click a block to add a note there, double-click a note (or Enter) to edit it, "
            "arrow keys nudge the selected notes, Delete removes them, Escape clears the selection.</p>"
        )
        _fill(self, "\n".join(html), 560, 640)


class FileFormatHelp(QDialog):
    """The file format's description, as the README gives it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileFormatHelp")
        self.setWindowTitle("The Canvas File Format")
        self.browser = _fill(self, "", 820, 700)
        self.browser.setMarkdown((paths.help_dir() / "file-format.md").read_text(encoding="utf-8"))


def about_text(credit: str) -> str:
    return (
        f"<h2>Canvas Editor {escape(__version__)}</h2>"
        "<p>A desktop editor for business models on canvases, saved as YAML files that people also write, read and "
        "diff by hand.</p>"
        "<p>Licence: MIT.</p>"
        f"<p>This canvas: {escape(credit)}</p>"
    )


class AboutBox(QDialog):
    def __init__(self, credit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutBox")
        self.setWindowTitle("About Canvas Editor")
        layout = QVBoxLayout(self)
        self.label = QLabel(about_text(credit), self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setMinimumWidth(440)
        layout.addWidget(self.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def _fill(dialog: QDialog, html: str, width: int, height: int) -> QTextBrowser:
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser(dialog)
    browser.setOpenExternalLinks(True)
    browser.setHtml(html)
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(width, height)
    return browser
