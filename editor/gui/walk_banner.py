"""Banner: the guided walk's step over the board: its block's title and key questions, and the colour legend, in
type the back of the room can read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from editor.board import style


class Banner(QLabel):
    """The current step's block title and key questions, in type the back of the room can read, above the board."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("walkBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_step(
        self, heading: str, questions: str, width: int, height: int, legend: list[tuple[str, str]] | None = None
    ) -> int:
        """Show the text across `width` in type sized for a window `height` tall, and the colour legend (hex colour,
        meaning) under it, since the walk shows the block alone; returns the banner's height."""
        import html  # here, not at start-up: importing it (and its table of entities) takes ~3 ms

        title_px = max(22, height // 26)
        question_px = max(16, height // 40)
        padding = question_px
        self.setStyleSheet(
            f"QLabel#walkBanner {{ background: {style.BANNER_BACKGROUND.name()}; padding: {padding}px; }}"
        )
        self.setText(
            f"<div style='color:{style.BANNER_TEXT.name()}; font-size:{title_px}px; font-weight:bold'>"
            f"{html.escape(heading)}</div>"
            f"<div style='color:{style.BANNER_QUESTIONS.name()}; font-size:{question_px}px'>"
            f"{html.escape(questions)}</div>" + _legend_html(legend or [], question_px)
        )
        banner_height = self.heightForWidth(width)
        self.setGeometry(0, 0, width, banner_height)
        self.show()
        self.raise_()
        return banner_height


def _legend_html(legend: list[tuple[str, str]], size: int) -> str:
    """The colour legend as a line of swatches and meanings, in the banner's type."""
    import html

    if not legend:
        return ""
    entries = "&nbsp;&nbsp;&nbsp;".join(
        f"<span style='background:{color}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{html.escape(meaning)}"
        for color, meaning in legend
    )
    return (
        f"<div style='color:{style.BANNER_TEXT.name()}; font-size:{size}px; margin-top:{size // 2}px'>{entries}</div>"
    )
