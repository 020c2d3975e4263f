"""HelpWindows: the Help menu's windows of one main window, made when first asked for (their module is imported
then, not at start-up), beside the board rather than modal, and brought to the front when asked for again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QWidget

    from editor.model import Canvas


class HelpWindows:
    def __init__(self, window: QWidget, menus: QMenuBar, canvas: Callable[[], Canvas]) -> None:
        """The windows of `window`: the shortcut sheet lists `menus`, About credits the template of `canvas()`."""
        self.window = window
        self.menus = menus
        self.canvas = canvas
        self._shown: dict[str, QDialog] = {}

    def _show(self, name: str, make: Callable[[], QDialog]) -> QDialog:
        dialog = self._shown.get(name)
        if dialog is None or not shiboken6.isValid(dialog):
            dialog = self._shown[name] = make()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def shortcuts(self) -> QDialog:
        from editor.gui.help_dialogs import ShortcutSheet

        return self._show("shortcuts", lambda: ShortcutSheet(self.menus, self.window))

    def file_format(self) -> QDialog:
        from editor.gui.help_dialogs import FileFormatHelp

        return self._show("format", lambda: FileFormatHelp(self.window))

    def about(self) -> QDialog:
        from editor.gui.help_dialogs import AboutBox

        credit = self.canvas().template.credit
        self._shown.pop("about", None)  # made anew: it names the canvas shown now
        return self._show("about", lambda: AboutBox(credit, self.window))
