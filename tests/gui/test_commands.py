"""Every undo command, redone then undone on a real document and board: the canvas and the board come back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from driving import assert_board_mirrors
from PySide6.QtGui import QUndoCommand

from editor.gui.board_editing import EditableBoard
from editor.gui.commands import NUDGE_ID, AddNotes, MoveNotes, RemoveNotes, SetHeader, SetLegend, UpdateNotes
from editor.gui.document import Document
from editor.model import Canvas, Move, Note

Factory = Callable[[Canvas], QUndoCommand]


@pytest.fixture
def board(tiktok_path: Path, qapp: object) -> Iterator[EditableBoard]:
    board = EditableBoard(Document.open(tiktok_path))
    yield board
    board.detach()


def first(canvas: Canvas, block_id: str, count: int = 1) -> list[int]:
    return [note.id for note in canvas.notes(block_id)[:count]]


def move_between_blocks(canvas: Canvas) -> QUndoCommand:
    moving = first(canvas, "channels", 2)
    moves = [Move(moving[0], "customer_segments", 0, (0.2, 0.4)), Move(moving[1], "customer_segments", 1, None)]
    return MoveNotes(canvas, moves, "Move 2 Notes")


def reorder(canvas: Canvas) -> QUndoCommand:
    backwards = first(canvas, "channels", 99)[::-1]
    return MoveNotes(canvas, [Move(n, "channels", i, None) for i, n in enumerate(backwards)], "Tidy Channels")


COMMANDS: dict[str, Factory] = {
    "add at the end": lambda c: AddNotes(c, [("key_partners", None, Note("Music labels", color="green"))]),
    "add at an index": lambda c: AddNotes(c, [("channels", 1, Note("Smart TVs")), ("channels", 0, Note("Radio"))]),
    "remove": lambda c: RemoveNotes(c, first(c, "channels", 1) + first(c, "key_resources", 3)),
    "edit text": lambda c: UpdateNotes(c, {first(c, "channels")[0]: {"text": "App stores"}}, "Edit Note"),
    "recolour": lambda c: UpdateNotes(c, {n: {"color": "pink"} for n in first(c, "cost_structure", 3)}, "Recolour"),
    "pin": lambda c: UpdateNotes(c, {first(c, "channels")[0]: {"position": (0.5, 0.5)}}, "Move Note"),
    "move between blocks": move_between_blocks,
    "reorder": reorder,
    "title": lambda c: SetHeader(c, "title", "TikTok 2027", "Title"),
    "header field": lambda c: SetHeader(c, "version", "2.0", "Version"),
}


@pytest.mark.parametrize("make", COMMANDS.values(), ids=COMMANDS.keys())
def test_redo_then_undo_gives_back_the_canvas_and_the_board(board: EditableBoard, make: Factory) -> None:
    stack, canvas = board.document.stack, board.canvas
    before = canvas.content()
    stack.push(make(canvas))  # push runs redo
    after = canvas.content()
    assert after != before and board.document.modified
    assert_board_mirrors(board)
    stack.undo()
    assert canvas.content() == before and not board.document.modified
    assert_board_mirrors(board)
    stack.redo()
    assert canvas.content() == after
    assert_board_mirrors(board)
    stack.undo()
    assert canvas.content() == before


def test_nudges_of_the_same_notes_merge_into_one_step(board: EditableBoard) -> None:
    canvas, stack = board.canvas, board.document.stack
    note_id = first(canvas, "channels")[0]
    for x in (0.1, 0.2, 0.3):
        stack.push(UpdateNotes(canvas, {note_id: {"position": (x, 0.5)}}, "Move Note", NUDGE_ID))
    assert stack.count() == 1 and canvas.note(note_id).position == (0.3, 0.5)
    other = first(canvas, "channels", 2)[1]
    stack.push(UpdateNotes(canvas, {other: {"position": (0.6, 0.5)}}, "Move Note", NUDGE_ID))
    assert stack.count() == 2  # other notes: a new step
    stack.undo()
    stack.undo()
    assert canvas.note(note_id).position is None and canvas.note(other).position is None


def test_commands_name_what_they_undo(board: EditableBoard) -> None:
    names = [make(board.canvas).text() for make in COMMANDS.values()]
    assert names[:3] == ["Add Note", "Add 2 Notes", "Delete 4 Notes"]
    assert names[-2:] == ["Edit Title", "Edit Version"]


# Undo after a change from another origin (a peer on a shared canvas, later): only this change is taken back.

PEER = "peer"


def test_undo_takes_back_its_own_field_and_leaves_a_peers_change_to_another(board: EditableBoard) -> None:
    canvas = board.canvas
    (note_id,) = first(canvas, "channels")
    text = canvas.note(note_id).text
    board.document.push(UpdateNotes(canvas, {note_id: {"text": "Ours"}}, "Edit Note"))
    canvas.update_note(note_id, origin=PEER, color="blue")
    board.document.stack.undo()
    assert (canvas.note(note_id).text, canvas.note(note_id).color) == (text, "blue")
    assert_board_mirrors(board)


def test_undo_leaves_a_field_a_peer_changed_since(board: EditableBoard) -> None:
    canvas = board.canvas
    (note_id,) = first(canvas, "channels")
    board.document.push(UpdateNotes(canvas, {note_id: {"text": "Ours", "votes": 2}}, "Edit Note"))
    canvas.update_note(note_id, origin=PEER, text="Theirs")
    board.document.stack.undo()
    assert (canvas.note(note_id).text, canvas.note(note_id).votes) == ("Theirs", 0)  # our votes undone, not theirs
    board.document.stack.redo()
    assert canvas.note(note_id).votes == 2


def test_undoing_a_move_leaves_notes_a_peer_moved_since_and_puts_back_the_rest(board: EditableBoard) -> None:
    canvas = board.canvas
    mine, theirs = first(canvas, "channels", 2)
    moves = [Move(mine, "key_partners", 5, (0.5, 0.5)), Move(theirs, "key_partners", 6, (0.5, 0.5))]
    board.document.push(MoveNotes(canvas, moves, "Move 2 Notes"))
    canvas.move_notes([Move(theirs, "customer_segments", 0, None)], origin=PEER)
    canvas.add_note("channels", Note("A peer's new note"), 0, origin=PEER)
    board.document.stack.undo()
    assert canvas.block_of(mine) == "channels" and canvas.note(mine).position is None
    assert canvas.block_of(theirs) == "customer_segments"  # where the peer put it
    assert [n.text for n in canvas.notes("channels")][:2] == [canvas.note(mine).text, "A peer's new note"]
    assert_board_mirrors(board)


def test_undo_of_an_add_or_delete_copes_with_a_peer_who_deleted_the_same_note(board: EditableBoard) -> None:
    canvas = board.canvas
    note = Note("Ours")
    board.document.push(AddNotes(canvas, [("channels", None, note)]))
    canvas.remove_note(note.id, origin=PEER)
    board.document.stack.undo()  # nothing left to take back, and no error
    assert not canvas.has_note(note.id)
    (gone,) = first(canvas, "key_partners")
    board.document.push(RemoveNotes(canvas, [gone]))
    board.document.stack.undo()
    assert canvas.has_note(gone)
    assert_board_mirrors(board)


def test_undo_of_a_header_edit_leaves_a_title_a_peer_wrote_since(board: EditableBoard) -> None:
    canvas = board.canvas
    board.document.push(SetHeader(canvas, "title", "Ours", "Title"))
    canvas.set_title("Theirs", origin=PEER)
    board.document.stack.undo()
    assert canvas.title == "Theirs"


@pytest.mark.parametrize(
    "make",
    [
        lambda canvas: UpdateNotes(canvas, {10**9: {"text": "x"}}, "Edit Note"),
        lambda canvas: UpdateNotes(canvas, {first(canvas, "channels")[0]: {"color": "mauve"}}, "Recolour"),
        lambda canvas: RemoveNotes(canvas, [10**9]),
        lambda canvas: SetHeader(canvas, "designed_four", "x", "Designed Four"),
        lambda canvas: MoveNotes(canvas, [Move(first(canvas, "channels")[0], "no_such_block", 0, None)], "Move"),
    ],
    ids=["no such note", "no such colour", "delete no such note", "no such field", "a move to no block"],
)
def test_a_command_with_bad_input_is_refused_when_made_and_changes_nothing(
    board: EditableBoard, make: Callable[[Canvas], QUndoCommand]
) -> None:
    before = board.canvas.content()
    with pytest.raises((KeyError, ValueError, TypeError)):
        make(board.canvas)
    assert board.canvas.content() == before


def test_undo_knows_a_header_or_legend_entry_again_as_the_canvas_keeps_it(board: EditableBoard) -> None:
    canvas = board.canvas
    legend, title = dict(canvas.legend), canvas.title
    board.document.push(SetLegend(canvas, {**legend, "#FFAA00": "Ideas"}))  # kept as #ffaa00
    board.document.push(SetHeader(canvas, "title", "a\ud800b", "Title"))  # kept with U+FFFD
    board.document.stack.undo()
    board.document.stack.undo()
    assert (canvas.title, canvas.legend) == (title, legend)
    with pytest.raises(ValueError):
        SetLegend(canvas, {"nocolour": "x"})


def test_a_detached_board_is_freed_at_once_not_left_to_the_garbage_collector(tiktok_path: Path, qapp: object) -> None:
    """Nothing the board holds holds it back: a scene left in a reference cycle is deleted whenever the garbage
    collector runs, items and all, which crashed Qt in the middle of laying out the next board."""
    import gc
    import weakref

    from editor.gui.voting import VoteMode

    gc.disable()
    try:

        class Round:
            def vote(self, note_id: str, delta: int) -> None: ...

        voting = Round()
        board = EditableBoard(Document.open(tiktok_path))
        board.set_mode(VoteMode(voting.vote))
        gone = weakref.ref(board)
        board.detach()
        del board
        assert gone() is None
    finally:
        gc.enable()
