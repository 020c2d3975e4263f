"""Toast: a short message over the board's bottom-left corner for a few seconds, where the status line is hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from editor.board import style

SHOWN_MS = 4000


class Toast(QLabel):
    """In presentation mode the status line is hidden; what a click did (a dot placed, none left) shows here."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._over = parent
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def say(self, message: str) -> None:
        size = max(18, self._over.height() // 40)
        self.setStyleSheet(
            f"QLabel#toast {{ background: {style.BANNER_BACKGROUND.name()}; color: {style.BANNER_TEXT.name()};"
            f" font-size: {size}px; padding: {size // 2}px {size}px; border-radius: {size // 3}px; }}"
        )
        self.setText(message)
        self.adjustSize()
        margin = max(8, self._over.height() // 60)
        self.move(margin, self._over.height() - self.height() - margin)
        self.show()
        self.raise_()
        self._timer.start()
