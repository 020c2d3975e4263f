"""add_action: a menu item or toolbar button of the window, with its shortcuts (which work also while the menus are
hidden), its tooltip and an object name that tests find it by."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def add_action(
    window: QWidget,
    menu: QMenu | None,
    text: str,
    slot: Callable[[], object],
    *shortcuts: Shortcut,
    tip: str = "",
    name: str = "",
    bar: QToolBar | None = None,
) -> QAction:
    """An action of `window`'s in `menu` (and on `bar`), with its shortcuts, tooltip and object name (tests find it
    by it)."""
    action = QAction(text, window)
    action.setObjectName(name)
    if tip:
        action.setToolTip(tip)
    if bar is not None:
        bar.addAction(action)
    if shortcuts:
        # A standard key may be unbound on a platform (Quit on Windows) or equal a key given beside it.
        sequences: list[QKeySequence] = []
        for shortcut in shortcuts:
            keys = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else []
            for sequence in keys or [QKeySequence(shortcut)]:
                if not sequence.isEmpty() and sequence not in sequences:
                    sequences.append(sequence)
        action.setShortcuts(sequences)
    action.triggered.connect(lambda _=False: slot())
    if menu is not None:
        menu.addAction(action)
    window.addAction(action)  # its shortcut works also while the menu bar is hidden (presentation mode)
    return action
