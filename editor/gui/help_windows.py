"""HelpWindows: the Help menu's windows of one main window, made when first asked for (their module is imported
then, not at start-up), beside the board rather than modal, and brought to the front when asked for again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from editor.gui.main_window import MainWindow


class HelpWindows:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
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

        return self._show("shortcuts", lambda: ShortcutSheet(self.window.menuBar(), self.window))

    def file_format(self) -> QDialog:
        from editor.gui.help_dialogs import FileFormatHelp

        return self._show("format", lambda: FileFormatHelp(self.window))

    def about(self) -> QDialog:
        from editor.gui.help_dialogs import AboutBox

        credit = self.window.document.canvas.template.credit
        self._shown.pop("about", None)  # made anew: it names the canvas shown now
        return self._show("about", lambda: AboutBox(credit, self.window))
