"""Marks of a comparison on a board, large enough to read from a projector: a frame and a label on each note that
changed ("New", "Edited", "From Channels", "Yellow → Blue", "Votes 1 → 4"), ghosts of the notes removed where they
were, and the notes that did not change faded. The board's own items are left as they were when the marks go."""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from editor.board import style
from editor.board.board_scene import BoardScene
from editor.model import Canvas
from editor.model.compare import ADDED, EDITED, MOVED, RECOLOURED, TAGS, VOTES, CanvasDiff, NoteChange, block_title

ADDED_COLOR = QColor("#2e7d32")  # green: 5.1:1 under white type
CHANGED_COLOR = QColor("#b45309")  # amber, dark enough for white type (5.0:1)
MOVED_COLOR = QColor("#1565c0")  # blue
REMOVED_COLOR = QColor("#c62828")  # red
FADED = 0.3  # the opacity of a note that did not change
_GHOST_Z = 5.0
_MARK_Z = 20.0


def label_of(change: NoteChange, old: Canvas) -> str:
    """What a change's label says, shortest first: 'New', 'Removed', 'From Channels · Edited', 'Votes 1 → 4'."""
    if change.old is None:
        return "New"
    if change.new is None:
        return "Removed"
    words = []
    for aspect in change.aspects:
        if aspect == MOVED:
            words.append(f"From {block_title(old, change.old.block_id)}")
        elif aspect == EDITED:
            words.append("Edited")
        elif aspect == RECOLOURED:
            words.append(f"{change.old.note.color.title()} → {change.new.note.color.title()}")
        elif aspect == VOTES:
            words.append(f"Votes {change.old.note.votes} → {change.new.note.votes}")
        elif aspect == TAGS:
            words.append("Tags")
    return " · ".join(words)


def color_of(change: NoteChange) -> QColor:
    if ADDED in change.aspects:
        return ADDED_COLOR
    if change.new is None:
        return REMOVED_COLOR
    return MOVED_COLOR if change.aspects[0] == MOVED else CHANGED_COLOR


class ChangeMark(QGraphicsItem):
    """A frame around a note's paper and a label above it; a child of the note's item, so it goes where it goes."""

    def __init__(
        self, parent: QGraphicsItem, body: QRectF, label: str, color: QColor, tip: str, inside: bool = False
    ) -> None:
        super().__init__(parent)
        self.color, self.body = color, QRectF(body)
        self.setZValue(_MARK_Z)
        self.setToolTip(tip)
        self.tag = Tag(label, body, color, inside)
        self._pen = max(2.0, body.height() * 0.05)

    def boundingRect(self) -> QRectF:
        margin = self._pen
        return self.body.adjusted(-margin, -margin, margin, margin).united(self.tag.rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.tag.inside:  # a note's frame (the header's label needs none)
            painter.setPen(QPen(self.color, self._pen))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            inset = self._pen / 2
            painter.drawRoundedRect(self.body.adjusted(-inset, -inset, inset, inset), 4, 4)
        self.tag.paint(painter)


class Tag:
    """A label in white on a colour, over the top-left corner of a note: as tall as a quarter of the note, so that a
    room reads it from the back; as wide as its words, up to twice the note's width. `inside`: at the left of the
    rect, halfway down (the header's room right of its title)."""

    def __init__(self, label: str, body: QRectF, color: QColor, inside: bool = False) -> None:
        self.label, self.color, self.inside = label, color, inside
        self.font = QFont(style.font(12, bold=True))
        self.font.setPixelSize(max(9, round(body.height() * 0.22)))
        metrics = QFontMetricsF(self.font)
        pad = metrics.height() * 0.2
        width = min(math.ceil(metrics.horizontalAdvance(label)) + 2 * pad + 2, max(body.width() * 2.0, 40.0))
        height = metrics.height() + 2 * pad
        top = body.center().y() - height / 2 if inside else body.top() - height * 0.8
        self.rect = QRectF(body.left() + (pad if inside else 0), top, width, height)
        self.shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - 2 * pad)

    def paint(self, painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.color)
        painter.drawRoundedRect(self.rect, 3, 3)
        painter.setPen(QColor("white"))
        painter.setFont(self.font)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.shown)


class Ghost(QGraphicsItem):
    """A note that was removed, where it was: a dashed outline with its text, faint, and a 'Removed' label."""

    def __init__(self, rect: QRectF, text: str) -> None:
        super().__init__()
        self.rect = QRectF(rect)
        self.text = text
        self.setZValue(_GHOST_Z)
        self.setToolTip(f"Removed: {text}")
        self.font = QFont(style.font(style.NOTE_FONT_SIZE))  # as large as a note's own text: read from afar
        self.font.setStrikeOut(True)  # each line struck through, so that it reads as gone even in black and white
        self.tag = Tag("Removed", rect, REMOVED_COLOR)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2).united(self.tag.rect)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(REMOVED_COLOR, max(1.5, self.rect.height() * 0.03), Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(255, 255, 255, 170))
        painter.drawRoundedRect(self.rect, 4, 4)
        painter.setPen(QColor("#7f1d1d"))
        painter.setFont(self.font)
        inner = self.rect.adjusted(self.rect.width() * 0.06, self.rect.height() * 0.06, -self.rect.width() * 0.06, 0)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.save()
        painter.setClipRect(self.rect)  # a long text is cut at the ghost's edge; its tooltip has it whole
        painter.drawText(inner, int(flags), self.text)
        painter.restore()
        self.tag.paint(painter)


class ChangeMarks:
    """The marks of one comparison on `scene`, until `clear()`."""

    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.marks: dict[int, ChangeMark] = {}  # by the change's index in the diff
        self.ghosts: dict[int, Ghost] = {}
        self.header: ChangeMark | None = None  # over the header, when the title, a field or the legend changed
        self._faded: list[tuple[QGraphicsItem, float]] = []  # the notes faded, and how faded each was before

    def show(self, diff: CanvasDiff, old: Canvas) -> None:
        self.clear()
        scene = self.scene
        changed = {change.new.note.id for change in diff.notes if change.new is not None}
        for item_id, item in scene.notes.items():
            if item_id not in changed:
                self._faded.append((item, item.opacity()))  # (a colour filter may have faded it already)
                item.setOpacity(FADED)
        ghosts_in: dict[str, int] = {}
        for index, change in enumerate(diff.notes):
            if change.new is not None and change.new.note.id in scene.notes:
                item = scene.notes[change.new.note.id]
                tip = label_of(change, old)
                if change.old is not None and EDITED in change.aspects:
                    tip += f"\nWas: {change.old.note.text}"
                self.marks[index] = ChangeMark(item, item.body_rect(), label_of(change, old), color_of(change), tip)
            elif change.new is None and change.old is not None:
                ghost = self._ghost(change, ghosts_in)
                if ghost is not None:
                    self.ghosts[index] = ghost
        if diff.header:
            whats = [change.what for change in diff.header]
            tip = "\n".join(f"{c.what}: {c.old or '(empty)'} → {c.new or '(empty)'}" for c in diff.header)
            header = scene.header
            label = "Changed: " + ", ".join(whats)
            room = header.free_rect()  # right of the title, so that it covers none of it
            body = room if room.width() > header.boundingRect().width() * 0.15 else header.boundingRect()
            self.header = ChangeMark(header, body, label, CHANGED_COLOR, tip, inside=True)

    def _ghost(self, change: NoteChange, placed: dict[str, int]) -> Ghost | None:
        """A removed note, at the foot of the block it was in (if the board has that block), beside the others."""
        assert change.old is not None
        block = self.scene.blocks.get(change.old.block_id)
        if block is None:
            return None
        area = block.notes_area()
        sample = next(iter(self.scene.notes.values()), None)
        width = sample.body_rect().width() if sample is not None else area.width / 3
        height = sample.body_rect().height() if sample is not None else width * 0.6
        count = placed.get(change.old.block_id, 0)
        placed[change.old.block_id] = count + 1
        across = max(1, int(area.width // (width * 1.05)))
        x = area.x + (count % across) * width * 1.05
        y = area.y + area.height - height * (1 + count // across) * 1.3  # room for its tag above it
        ghost = Ghost(QRectF(x, y, width, height), change.old.note.text)
        self.scene.addItem(ghost)
        return ghost

    def item_of(self, index: int) -> QGraphicsItem | None:
        """What shows the change of this index on the board: its mark, its ghost, or nothing (a header change)."""
        return self.marks.get(index) or self.ghosts.get(index)

    def clear(self) -> None:
        for mark in self.marks.values():
            if shiboken6.isValid(mark) and mark.scene() is not None:
                mark.scene().removeItem(mark)
        if self.header is not None and shiboken6.isValid(self.header) and self.header.scene() is not None:
            self.header.scene().removeItem(self.header)
        for ghost in self.ghosts.values():
            if shiboken6.isValid(ghost) and ghost.scene() is not None:
                ghost.scene().removeItem(ghost)
        for item, opacity in self._faded:
            if shiboken6.isValid(item):  # (a note the board has let go since)
                item.setOpacity(opacity)
        self.marks, self.ghosts, self.header, self._faded = {}, {}, None, []
