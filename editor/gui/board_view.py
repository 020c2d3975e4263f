"""BoardView: shows the board fitted to the window, re-fitted on resize until the person zooms; Ctrl+wheel zooms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from editor.board.geometry import board_width_for
from editor.gui.board_editing import EditableBoard
from editor.gui.pan import Pan

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QWheelEvent

ZOOM_STEP = 1.15
MIN_ZOOM = 0.1
MAX_ZOOM = 8.0
BLOCK_MARGIN = 16.0  # scene units of board shown around a focused block


class BoardView(QGraphicsView):
    def __init__(self, board: EditableBoard, parent: QWidget | None = None) -> None:
        super().__init__(board, parent)
        self.board = board
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Where the mouse is matters with no button held (N adds a note to the block under it, zoom keys keep the
        # point under it still): hear its moves, which Qt's view only does while some item wants hover events.
        self.viewport().setMouseTracking(True)
        # Zooming keeps the point under the mouse in place itself (see zoom_by): Qt's AnchorUnderMouse reads the
        # global cursor, which keyboard zooms and some platforms do not keep.
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.fitting = True  # fit the board to the window until the person zooms
        self.focus_block: str | None = None  # a block to fit instead of the whole board (the guided walk's)
        self._bands: dict[str, int] = {}  # the heights asked for the band above the board
        self._side = 0  # the width asked for the band right of the board (the join code)
        self.panning = Pan(self)
        self._mouse: QPointF | None = None  # where the mouse is over the viewport, None when it is elsewhere

    @property
    def zoom(self) -> float:
        return float(self.transform().m11())

    def fit(self) -> None:
        """Show the whole board (or the focus block), shaped like the window and as large as it allows; keep doing
        so on resize."""
        self.fitting = True
        viewport = self.viewport().size()
        if self.isVisible() and viewport.height() > 0:  # a hidden view's size means nothing yet
            self.board.set_board_width(board_width_for(viewport.width() / viewport.height()))
        # The walk's block takes the window's shape, at each resize too (a window going full screen).
        self.board.set_focus(self.focus_block, viewport.width() / max(1, viewport.height()))
        if self.focus_block is not None and self.focus_block in self.board.blocks:
            margin = BLOCK_MARGIN
            target = self.board.focus_rect().adjusted(-margin, -margin, margin, margin)
            # The view scrolls over the block alone: centred, with no scroll bars (its margin lies outside the
            # board, where a view of the whole board cannot scroll).
            self.setSceneRect(target)
        else:
            target = self.board.sceneRect()
            self.setSceneRect(QRectF())  # the whole board again, following its size
        self.fitInView(target, Qt.AspectRatioMode.KeepAspectRatio)

    def focus_on(self, block_id: str | None) -> None:
        """Fit one block, alone over the grid, and the legend below it to the window (None: the whole board)."""
        self.focus_block = block_id
        self.fit()

    def reserve_top(self, owner: str, height: int) -> None:
        """A band above the board for the walk's banner and the countdown (0: none), so that neither covers the
        board: the band is as tall as the tallest that asks."""
        self._bands[owner] = height
        self.setViewportMargins(0, self.top_band(), self._side, 0)

    def top_band(self) -> int:
        return max(self._bands.values(), default=0)

    def reserve_side(self, width: int) -> None:
        """A band right of the board for the session's join code (0: none), so that the code covers no note."""
        self._side = width
        self.setViewportMargins(0, self.top_band(), width, 0)

    def set_board(self, board: EditableBoard) -> None:
        """Show another board (another canvas), fitted."""
        self.board = board
        self.focus_block = None
        self.setScene(board)
        self.fit()

    def mouse_scene_point(self) -> QPointF | None:
        """The scene point under the mouse, or None when the mouse is not over the board."""
        return self.mapToScene(self._mouse.toPoint()) if self._mouse is not None else None

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom keeping the board point at `anchor` (viewport pixels; default: the mouse, else the centre) still.

        Zooming stops fitting the board to the window.
        """
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom * factor))
        if target == self.zoom:
            return
        self.fitting = False
        if anchor is None:
            anchor = self._mouse if self._mouse is not None else QPointF(self.viewport().rect().center())
        fixed = self.mapToScene(anchor.toPoint())
        self.scale(target / self.zoom, target / self.zoom)
        moved = self.mapFromScene(fixed) - anchor.toPoint()
        self.pan_by(-moved.x(), -moved.y())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.fit()

    # Panning (middle-drag, or Space held while dragging with the left button) comes first.

    def pan_by(self, dx: float, dy: float) -> None:
        self.panning.by(dx, dy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.board.editor is not None or not self.panning.key_press(event):  # Space is typed into a note
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if not self.panning.key_release(event):
            super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.panning.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._mouse = event.position()
        if not self.panning.move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self.panning.release(event):
            super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._mouse = None
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(ZOOM_STEP**steps, event.position())
            event.accept()
            return
        super().wheelEvent(event)
