"""Random editing sessions (hypothesis): after every step, undo-all gives back the opened canvas, the modified
flag says exactly whether the canvas differs from the last saved file, and the board mirrors the document."""

from __future__ import annotations

import tempfile
from pathlib import Path

from driving import (
    CTRL,
    activate,
    assert_board_mirrors,
    at,
    block_point,
    click,
    double_click,
    drag,
    keys,
    note_center,
    type_text,
)
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor import paths
from editor.fileformat import load_canvas
from editor.gui.app import open_window
from editor.model import PALETTE

BLOCKS = [block.id for block in load_canvas(paths.tiktok_example()).template.blocks]
TEXT = st.text(st.characters(categories=("L", "N", "P", "Zs"), max_codepoint=0x2FFF), min_size=1, max_size=24)
FRACTION = st.floats(0.15, 0.85)


class EditingSession(RuleBasedStateMachine):
    """A person at the board with mouse and keys, on the TikTok example, saving now and then."""

    def __init__(self) -> None:
        super().__init__()
        self.window = open_window(None)
        self.window.resize(1400, 900)
        QTest.qWaitForWindowExposed(self.window)
        activate(self.window)
        self.canvas = self.window.document.canvas
        self.opened = self.canvas.content()
        self.saved = self.opened
        self.folder = Path(tempfile.mkdtemp(prefix="canvas-session-"))

    def teardown(self) -> None:
        self.window.maybe_save = lambda: True  # type: ignore[method-assign]
        self.window.close()
        QApplication.processEvents()

    def note_ids(self) -> list[int]:
        return [note.id for _, note in self.canvas.all_notes()]

    def pick(self, index: int) -> int:
        ids = self.note_ids()
        return ids[index % len(ids)]

    def on_screen(self, point: QPointF) -> QPointF:
        """The scene point that a mouse event at the pixel nearest `point` reaches."""
        return self.window.view.mapToScene(at(self.window, point))

    def has_notes(self) -> bool:
        return bool(self.note_ids())

    # Changes

    @rule(block_id=st.sampled_from(BLOCKS), fx=FRACTION, fy=FRACTION, text=TEXT)
    def add_by_double_click(self, block_id: str, fx: float, fy: float, text: str) -> None:
        count = len(self.note_ids())
        point = self.on_screen(block_point(self.window, block_id, fx, fy))
        if self.window.board.note_at(point) is not None:
            return  # a double-click on a note edits it: that is edit_text
        double_click(self.window, point)
        assert self.window.board.editor is not None
        type_text(self.window, text)
        keys(self.window, Qt.Key.Key_Return)
        assert self.window.board.editor is None
        assert len(self.note_ids()) == count + (1 if text.strip() else 0)

    @precondition(has_notes)
    @rule(index=st.integers(0, 10_000), text=TEXT)
    def edit_text(self, index: int, text: str) -> None:
        note_id = self.pick(index)
        click(self.window, note_center(self.window, note_id))
        if self.window.board.selected_ids() != [note_id]:  # another note lies on top of it
            return
        keys(self.window, Qt.Key.Key_F2)
        keys(self.window, Qt.Key.Key_A, CTRL)
        type_text(self.window, text)
        keys(self.window, Qt.Key.Key_Return)
        if text.strip():
            assert self.canvas.note(note_id).text == text.strip()
        else:
            assert note_id not in self.note_ids()

    @precondition(has_notes)
    @rule(index=st.integers(0, 10_000), color=st.sampled_from(list(PALETTE)))
    def recolour(self, index: int, color: str) -> None:
        note_id = self.pick(index)
        self.window.board.select_ids([note_id])
        next(a for a in self.window.actions_.toolbar.actions() if a.text() == color.title()).trigger()
        assert self.canvas.note(note_id).color == color

    @precondition(has_notes)
    @rule(index=st.integers(0, 10_000), block_id=st.sampled_from(BLOCKS), fx=FRACTION, fy=FRACTION)
    def drag_to(self, index: int, block_id: str, fx: float, fy: float) -> None:
        note_id = self.pick(index)
        self.window.board.clearSelection()
        start = note_center(self.window, note_id)
        if self.window.view.itemAt(at(self.window, start)) is not self.window.board.notes[note_id]:
            return  # covered by another note
        end = block_point(self.window, block_id, fx, fy)
        if at(self.window, start) == at(self.window, end):
            return  # no move at all: nothing to undo
        steps, before = self.window.document.stack.index(), self.canvas.content()
        drag(self.window, start, end)
        assert self.canvas.block_of(note_id) == block_id
        # One undo step for a drop that changed the canvas; none for one that put the note back where it was (a
        # note already against a block's edge, dragged further out, stays where it is).
        changed = self.canvas.content() != before
        assert self.window.document.stack.index() == steps + (1 if changed else 0)

    @precondition(has_notes)
    @rule(index=st.integers(0, 10_000))
    def delete(self, index: int) -> None:
        note_id = self.pick(index)
        self.window.board.select_ids([note_id])
        keys(self.window, Qt.Key.Key_Delete)
        assert note_id not in self.note_ids()

    @rule()
    def undo(self) -> None:
        keys(self.window, Qt.Key.Key_Z, CTRL)

    @rule()
    def redo(self) -> None:
        keys(self.window, Qt.Key.Key_Y, CTRL)

    @rule()
    def save(self) -> None:
        path = self.folder / "session.yaml"
        assert self.window._save_to(path)
        self.saved = load_canvas(path).content()
        assert self.saved == self.canvas.content()

    # What must hold after every step

    @invariant()
    def modified_exactly_when_different_from_the_saved_file(self) -> None:
        differs = self.canvas.content() != self.saved
        assert self.window.document.modified == differs
        assert self.window.isWindowModified() == differs

    @invariant()
    def undoing_everything_gives_back_the_opened_canvas(self) -> None:
        stack = self.window.document.stack
        now, index = self.canvas.content(), stack.index()
        stack.setIndex(0)
        assert self.canvas.content() == self.opened
        stack.setIndex(index)
        assert self.canvas.content() == now

    @invariant()
    def board_mirrors_the_document(self) -> None:
        assert_board_mirrors(self.window.board)


def test_random_editing_sessions(qapp: QApplication) -> None:
    run_state_machine_as_test(
        EditingSession,
        settings=settings(
            max_examples=50,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
