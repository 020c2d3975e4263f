"""CommandBoard: the board's edits of its document, each one undo command (delete, recolour, tags, duplicate,
nudge, tidy, on the selected notes or the blocks asked for), the selection they work on, the colour filter and how
votes show. The gestures that ask for these (editor.gui.board_editing) sit above it.

The items never change the document themselves: a command changes it, and the document's events then put every
item in its place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Signal

from editor.board.board_scene import BoardScene
from editor.board.frame_items import FADED
from editor.board.geometry import BOARD_WIDTH, NOTE_WIDTH, keep_inside, position_in
from editor.board.note_item import NoteItem
from editor.gui.commands import NUDGE_ID, AddNotes, MoveNotes, RemoveNotes, UpdateNotes, counted
from editor.gui.document import Document
from editor.model import (
    Event,
    HeaderChanged,
    Move,
    Note,
    NoteAdded,
    NoteChanged,
    NoteId,
    NoteRemoved,
    Position,
    Reset,
)
from editor.model.limits import MAX_NOTES, MAX_TAGS, MAX_TEXT

if TYPE_CHECKING:
    from editor.board.peer_marks import PeerMark


class CommandBoard(BoardScene):
    header_edit_requested = Signal(str)  # "title" or a header field's id
    parking_toggled = Signal(bool)  # the parking lot appeared (True) or went
    said = Signal(str)  # a passing message for the person (an edit that went past a limit)
    busy_changed = Signal()  # the note this person edits in place, or the notes they drag, came or went

    def __init__(self, document: Document, board_width: float = BOARD_WIDTH) -> None:
        super().__init__(document.canvas, board_width)
        self.document = document
        self._found: set[NoteId] | None = None  # the notes Find brings out, while it is on
        self._marks: dict[NoteId, PeerMark] = {}  # who else is at which note, on a shared canvas

    def parking_changed(self, shown: bool) -> None:
        self.parking_toggled.emit(shown)

    # The colour filter: a click on a legend colour brings out its notes and fades the rest

    @property
    def color_filter(self) -> str | None:
        return self.footer.filter

    def filter_color(self, color: str | None) -> None:
        """Bring out the notes of this colour (None: all notes as they are)."""
        self.footer.set_filter(color)
        self._apply_filter()

    def restyle(self) -> None:
        """Lay the whole board out again in the type of the moment (Larger Text on or off)."""
        for block in self.blocks.values():
            block.set_rect(block.rect)
        self._on_event(Reset())

    def bring_out(self, note_ids: set[NoteId] | None) -> None:
        """Find's matches stand out and the other notes fade (None: as the colour filter has them again)."""
        self._found = note_ids
        self._apply_filter()

    def _apply_filter(self) -> None:
        for _, note in self.canvas.all_notes():  # not canvas.note(id): that looks the note up in its block
            self._fade(note)

    def _fade(self, note: Note) -> None:
        found = self._found
        shown = note.id in found if found is not None else self.footer.filter in (None, note.color)
        self.notes[note.id].setOpacity(1.0 if shown else FADED)

    # Votes

    def show_votes(self, shown: bool) -> None:
        """Dots on the notes, the highest counts ranked; or no dots at all (a round whose counts are hidden until the
        reveal)."""
        self.votes_shown = shown
        self.rank_votes()

    def _on_event(self, event: Event) -> None:
        super()._on_event(event)
        votes_changed = isinstance(event, NoteChanged) and "votes" in event.fields
        if votes_changed or (isinstance(event, NoteAdded | NoteRemoved) and event.note.votes):
            self.rank_votes()  # a Reset ranked them as it built the notes
        elif isinstance(event, NoteAdded):  # no votes: no rank, but hidden like the others while counts are
            self.notes[event.note.id].show_votes(self.votes_shown, None)
        # The colour filter: every note when it changed or the notes were rebuilt; else only a note added or
        # recoloured (walking thousands of notes at every event would slow each edit on a big board).
        shown_before = self.footer.filter
        if isinstance(event, Reset | HeaderChanged) and self.footer.filter not in self.canvas.legend:
            self.footer.set_filter(None)  # its colour left the legend: every note shows again
        if self.footer.filter != shown_before or isinstance(event, Reset):
            self._apply_filter()
        elif self.footer.filter is not None and isinstance(event, NoteAdded | NoteChanged):
            self._fade(event.note)

    # Selection

    def selected_ids(self) -> list[NoteId]:
        """The selected notes, in the document's order."""
        selected = {item.note_id for item in self.selectedItems() if isinstance(item, NoteItem)}
        return [note.id for _, note in self.canvas.all_notes() if note.id in selected]

    def select_ids(self, note_ids: list[NoteId]) -> None:
        self.clearSelection()
        for note_id in note_ids:
            if note_id in self.notes:
                self.notes[note_id].setSelected(True)

    def select_all(self) -> None:
        self.select_ids(list(self.notes))

    def target_block(self, scene_point: QPointF | None = None) -> str:
        """Where new notes go: the block under the point, else the selection's block, else the first to fill."""
        if scene_point is not None:
            block_id = self.block_id_at(scene_point)
            if block_id is not None:
                return block_id
        selected = self.selected_ids()
        if selected:
            return self.canvas.block_of(selected[0])
        return self.canvas.template.fill_order[0]

    def block_id_at(self, scene_point: QPointF) -> str | None:
        """The block under a scene point, or None over the header, the footer or outside the board."""
        x, y = scene_point.x(), scene_point.y()
        shown = (item for item in self.blocks.items() if item[1].isVisible())  # the walk's block alone, on a walk
        return next((block_id for block_id, block in shown if block.rect.contains(x, y)), None)

    # Commands on the selection

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.document.push(RemoveNotes(self.canvas, ids))

    def selected_colour(self) -> str | None:
        """The colour of the selected notes, when they share one."""
        colours = {self.canvas.note(note_id).color for note_id in self.selected_ids()}
        return colours.pop() if len(colours) == 1 else None

    def edit_tags(self, note_id: NoteId) -> None:
        """Ask for a note's tags and set them, as one undo step."""
        from editor.gui.note_menus import ask_tags

        views = self.views()
        tags = ask_tags(self.canvas.note(note_id).tags, views[0] if views else None)  # type: ignore[arg-type]
        if tags is not None and (len(tags) > MAX_TAGS or any(len(tag) > MAX_TEXT for tag in tags)):
            self.said.emit(f"A note has at most {MAX_TAGS} tags of up to {MAX_TEXT:,} characters: tags not changed.")
        elif tags is not None and tags != self.canvas.note(note_id).tags:
            self.document.push(UpdateNotes(self.canvas, {note_id: {"tags": tags}}, "Edit Tags"))

    def recolor_selected(self, color: str) -> None:
        ids = [note_id for note_id in self.selected_ids() if self.canvas.note(note_id).color != color]
        if ids:
            changes = {note_id: {"color": color} for note_id in ids}
            self.document.push(UpdateNotes(self.canvas, changes, counted("Recolour", len(ids))))

    def duplicate_selected(self) -> None:
        """Copies right after their originals; pinned copies sit a little below and to the right."""
        placed: list[tuple[str, int, Note]] = []
        for note_id in self.selected_ids():
            copy = self.canvas.note(note_id).copy()
            if copy.position is not None:
                copy.position = (min(1.0, copy.position[0] + 0.03), min(1.0, copy.position[1] + 0.03))
            placed.append((self.canvas.block_of(note_id), self.canvas.index_of(note_id) + 1 + len(placed), copy))
        if placed and self.room_for(len(placed)):
            self.document.push(AddNotes(self.canvas, placed, "Duplicate"))
            self.select_ids([note.id for _, _, note in placed])

    def room_for(self, count: int) -> bool:
        """Whether `count` more notes fit in the canvas (MAX_NOTES); when not, the person is told why nothing came."""
        room = MAX_NOTES - self.canvas.note_count()
        if count <= room:
            return True
        self.said.emit(self.full_message(count))
        return False

    def full_message(self, count: int) -> str:
        notes = "the note" if count == 1 else f"the {count:,} notes"
        held = f"A canvas holds at most {MAX_NOTES:,} notes and this one has {self.canvas.note_count():,}"
        return f"{held}: {notes} could not be added."

    def nudge_selected(self, dx: float, dy: float) -> None:
        """Move the selected notes a step; they stay pinned where they are put. Repeated nudges undo as one."""
        changes = {}
        for note_id in self.selected_ids():
            item = self.notes[note_id]
            point = item.pos() + QPointF(dx, dy)
            changes[note_id] = {"position": self.position_for(item, self.canvas.block_of(note_id), point)}
        if changes:
            self.document.push(UpdateNotes(self.canvas, changes, counted("Nudge", len(changes)), NUDGE_ID))

    def tidy(self, block_ids: list[str]) -> None:
        """Lay the blocks' notes out in a neat grid, in the order they are seen (top to bottom, left to right)."""
        moves: list[Move] = []
        for block_id in block_ids:
            notes = sorted(
                self.canvas.notes(block_id),
                key=lambda note: (round(self.notes[note.id].y() / 20.0), self.notes[note.id].x()),
            )
            moves += [Move(note.id, block_id, index, None) for index, note in enumerate(notes)]
        if self.canvas.moves_change(moves):
            label = "Tidy All Blocks" if len(block_ids) > 1 else f"Tidy {self.blocks[block_ids[0]].title}"
            self.document.push(MoveNotes(self.canvas, moves, label))

    # Others at notes, on a shared canvas

    def mark_peers(self, marks: dict[NoteId, tuple[str, str, str]]) -> None:
        """Show who else is at which note: (name, colour, "editing" or "moving") by note; the other marks go."""
        from editor.board.peer_marks import PeerMark  # with the first session: start-up does without it

        for note_id in [note_id for note_id in self._marks if note_id not in marks or note_id not in self.notes]:
            self.removeItem(self._marks.pop(note_id))
        for note_id, (name, color, doing) in marks.items():
            item = self.notes.get(note_id)
            old = self._marks.get(note_id)
            if item is None or (old is not None and (old.text, old.color.name()) == (f"{name} · {doing}", color)):
                continue
            if old is not None:
                self.removeItem(old)
            self._marks[note_id] = PeerMark(item, item.body_rect(), name, color, doing)

    # Where things are on the board

    def note_at(self, point: QPointF) -> NoteItem | None:
        for item in self.items(point):
            if isinstance(item, NoteItem) and item.isVisible():
                return item
        return None

    def more_at(self, point: QPointF) -> str | None:
        """The full block whose "+12 more" button is under a scene point."""
        for block_id, block in self.blocks.items():
            button = block.more_rect()
            if button is not None and button.contains(block.mapFromScene(point)):
                return block_id
        return None

    def note_width(self, block_id: str) -> float:
        notes = self.canvas.notes(block_id)
        return self.notes[notes[0].id].size[0] if notes else NOTE_WIDTH

    def centred_at(self, block_id: str, point: QPointF, width: float, height: float) -> tuple[QPointF, Position]:
        """Where a note of this size centred on a point goes, whole inside the block: its top-left on the board,
        and as a position in the block."""
        rect = self.blocks[block_id].rect
        x, y = keep_inside(rect, point.x() - width / 2, point.y() - height / 2, width, height)
        return QPointF(x, y), position_in(rect, x, y)

    def position_for(self, item: NoteItem, block_id: str, point: QPointF) -> Position:
        """Where the note's top-left goes, as fractions of the block, keeping the whole note inside it."""
        rect = self.blocks[block_id].rect
        width, height = (size * item.scale() for size in item.size)
        return position_in(rect, *keep_inside(rect, point.x(), point.y(), width, height))
