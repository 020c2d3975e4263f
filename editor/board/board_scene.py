"""BoardScene: builds the board's items from a Canvas and keeps them in step with the Canvas's events."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from editor.board import style
from editor.board.block_item import BlockItem
from editor.board.frame_items import FooterItem, HeaderItem
from editor.board.geometry import (
    BOARD_HEIGHT,
    BOARD_WIDTH,
    GRID_HEIGHT,
    HEADER_HEIGHT,
    NOTE_WIDTH,
    READABLE_SCALE,
    Placement,
    Rect,
    block_rects,
    fit_notes,
    footer_rect,
    header_rect,
    keep_inside,
    next_page,
    page_notes,
    point_in,
)
from editor.board.note_item import FOCUS, PAGED, NoteItem
from editor.model import (
    PARKING_LOT,
    PARKING_LOT_TITLE,
    BlockSpec,
    Canvas,
    Event,
    HeaderChanged,
    NoteAdded,
    NoteChanged,
    NoteId,
    NoteRemoved,
    NotesMoved,
    Reset,
)
from editor.model.votes import vote_ranks

PARKING_SPEC = BlockSpec(
    PARKING_LOT,
    PARKING_LOT_TITLE,
    ("Ideas that do not fit a block yet. Drag them onto the canvas when they do.",),
    column=0,
    row=0,
    column_span=0,
    row_span=0,
)


class BoardScene(QGraphicsScene):
    """The items mirror the document and hold no truth of their own: every change arrives as a Canvas event."""

    hints = False  # empty blocks say how to add a note: on the editable board on screen, not in exports

    def __init__(self, canvas: Canvas, board_width: float = BOARD_WIDTH) -> None:
        """`board_width`: the width the board is first laid out at (the window's shape, when it is known)."""
        super().__init__()
        self.canvas = canvas
        self.setBackgroundBrush(style.BOARD_BACKGROUND)
        self.board_width = board_width
        self.parking_wanted = False
        self.setSceneRect(QRectF(0.0, 0.0, board_width, BOARD_HEIGHT))
        self.blocks: dict[str, BlockItem] = {}
        self.notes: dict[NoteId, NoteItem] = {}
        # One size for every note of the board: the least a block needs to show all its notes, down to
        # READABLE_SCALE; a block whose notes do not fit even then (None in `_needed`) shows them at that least size,
        # a page of rows at a time (`pages`: each block's first row shown), and takes no size from the others.
        self.note_scale = 1.0
        self._needed: dict[str, float | None] = {}
        self.pages: dict[str, int] = {}
        self.focus: str | None = None  # the guided walk's block, shown alone in a screen's shape
        self._focus_aspect = 16 / 9
        self.votes_shown = True  # off while a voting round hides its counts
        self.header = HeaderItem(header_rect(board_width))
        self.footer = FooterItem(footer_rect(board_width))
        self.addItem(self.header)
        self.addItem(self.footer)
        self._build()
        canvas.subscribe(self._on_event)

    def detach(self) -> None:
        """Stop listening to the canvas (before the scene is dropped)."""
        self.canvas.unsubscribe(self._on_event)

    def note_items(self, block_id: str) -> list[NoteItem]:
        """The items of a block's notes, in the block's order."""
        return [self.notes[note.id] for note in self.canvas.notes(block_id)]

    def set_board_width(self, width: float) -> None:
        """Widen or narrow the board (to the window's shape): blocks follow, notes keep their size."""
        if abs(width - self.board_width) < 1.0:
            return
        self.board_width = width
        self.setSceneRect(QRectF(0.0, 0.0, width, BOARD_HEIGHT))
        self._place_blocks()
        self.header.update_from(self.canvas, header_rect(width))
        self.footer.update_from(self.canvas, footer_rect(width))

    # The parking lot: shown while it holds notes, or while the person wants it (to drop notes into it)

    def set_parking_wanted(self, wanted: bool) -> None:
        self.parking_wanted = wanted
        self._sync_parking()

    def parking_shown(self) -> bool:
        return PARKING_LOT in self.blocks

    def _sync_parking(self) -> bool:
        """Show or hide the parking lot as its notes and the person ask; True when it appeared or went."""
        shown = self._parking_due()
        if shown == self.parking_shown():
            return False
        if shown:
            self.blocks[PARKING_LOT] = BlockItem(PARKING_SPEC, Rect(0.0, 0.0, 1.0, 1.0), parking=True)
            self.addItem(self.blocks[PARKING_LOT])
        else:
            self.removeItem(self.blocks.pop(PARKING_LOT))
        self._place_blocks()
        self.parking_changed(shown)
        return True

    def _parking_due(self) -> bool:
        return self.parking_wanted or bool(self.canvas.notes(PARKING_LOT))

    def parking_changed(self, shown: bool) -> None:
        """Called when the parking lot appears or goes (the on-screen board tells its window)."""

    def set_focus(self, block_id: str | None, aspect: float = 16 / 9) -> None:
        """The guided walk's block alone, in the shape of a screen of this width:height `aspect` (within the board's
        width and the grid's height), so that the view fills the screen with it whatever its own shape (a tall
        Customer Segments, a wide Revenue Streams); the other blocks and their notes are out of sight meanwhile.
        None: every block in its place."""
        focus = block_id if block_id in self.blocks else None
        if focus is None and self.focus is None:
            return  # the shape matters only to a walk's block
        if (focus, aspect) != (self.focus, self._focus_aspect):
            self.focus, self._focus_aspect = focus, aspect
            self._place_blocks()

    def focus_rect(self) -> QRectF:
        """What the view shows of the walk's block."""
        return self.blocks[self.focus].sceneBoundingRect() if self.focus is not None else self.sceneRect()

    def _focus_block_rect(self, own: Rect) -> Rect:
        """The walk's block in the screen's shape: the smallest, down to half its own height, whose notes fit at full
        size, so that a block of few notes is seen large (the view fits the rectangle to the screen)."""
        block = self.blocks[self.focus] if self.focus is not None else None
        rect = own
        for share in (0.5, 0.65, 0.8, 1.0):
            height = own.height * share
            width = min(self.board_width, max(own.width * share, height * self._focus_aspect))
            # A wide block (Revenue Streams) grows downwards to the screen's shape, not to be seen letterboxed; no
            # further than the grid reaches.
            rect = Rect(0.0, HEADER_HEIGHT, width, max(height, min(GRID_HEIGHT, width / self._focus_aspect)))
            if block is None or share == 1.0:
                break
            block.set_rect(rect)
            # Large key questions may leave a half-height block no room for notes at all: then try taller.
            if block.notes_area().height >= style.NOTE_MIN_HEIGHT and self._needed_scale(block.block_id) == 1.0:
                break
        return rect

    def _place_blocks(self) -> None:
        rects = block_rects(self.canvas.template, self.board_width, self.parking_shown())
        for block_id, block in self.blocks.items():
            block.set_rect(rects[block_id] if block_id != self.focus else self._focus_block_rect(rects[block_id]))
            block.setVisible(self.focus in (None, block_id))
        self.header.setVisible(self.focus is None)  # the walk's banner names the block; nothing peeks above it
        self._layout_blocks(list(self.blocks))

    # Building and updating

    def _build(self) -> None:
        for item in [*self.blocks.values(), *self.notes.values()]:
            self.removeItem(item)
        self.blocks.clear()
        self.notes.clear()
        parking = self._parking_due()
        rects = block_rects(self.canvas.template, self.board_width, parking)
        for spec in (*self.canvas.template.blocks, *([PARKING_SPEC] if parking else [])):
            block = BlockItem(spec, rects[spec.id], parking=spec is PARKING_SPEC)
            self.blocks[spec.id] = block
            self.addItem(block)
        for _, note in self.canvas.all_notes():
            self.notes[note.id] = NoteItem(note)
        self._needed.clear()
        if self.focus not in self.blocks:  # a canvas of another kind: its walk starts again
            self.focus = None
        self._place_blocks()  # the walk's block, if one is walked, alone in the screen's shape
        for item in self.notes.values():  # placed first, then added: the scene indexes each note once
            self.addItem(item)
        self.header.update_from(self.canvas)
        self.footer.update_from(self.canvas)
        self.rank_votes()

    def rank_votes(self) -> None:
        """Dots on the notes, and the three highest counts framed and ranked (on the board and in every export); or
        no dots at all while `votes_shown` is off."""
        notes = [note for _, note in self.canvas.all_notes()]
        ranks = vote_ranks(notes) if self.votes_shown else {}
        for note in notes:
            self.notes[note.id].show_votes(self.votes_shown, ranks.get(note.id))

    def _on_event(self, event: Event) -> None:
        touched: set[str] = set()  # blocks whose notes changed
        if isinstance(event, NoteAdded):
            item = self.notes[event.note.id] = NoteItem(event.note)
            self.addItem(item)
            touched = {event.block_id}
        elif isinstance(event, NoteRemoved):
            self.removeItem(self.notes.pop(event.note.id))
            touched = {event.block_id}
        elif isinstance(event, NoteChanged):
            self.notes[event.note.id].update_from(event.note)
            if event.fields & {"text", "position"}:
                touched = {self.canvas.block_of(event.note.id)}
        elif isinstance(event, NotesMoved):
            touched = set(event.block_ids)
        elif isinstance(event, HeaderChanged):
            self.header.update_from(self.canvas)
            self.footer.update_from(self.canvas)
        elif isinstance(event, Reset):
            self._build()
        # The parking lot appears with its first note and goes with its last (unless wanted): every block then
        # moves, and is laid out again; else only the blocks the event touched are.
        if touched and not (PARKING_LOT in touched and self._sync_parking()):
            self._layout_blocks([block_id for block_id in self.blocks if block_id in touched])  # in board order

    def _layout_blocks(self, block_ids: list[str]) -> None:
        """Lay these blocks out again; when that changes the board's note size, every block."""
        for block_id in block_ids:
            self._needed[block_id] = self._needed_scale(block_id)
        for gone in set(self._needed) - set(self.blocks):
            del self._needed[gone]
        # When every block is full (a board of thousands of notes), they all show pages at the least size.
        sized = [self._needed.get(self.focus)] if self.focus is not None else list(self._needed.values())
        scale = min((needed for needed in sized if needed is not None), default=READABLE_SCALE)
        if abs(scale - self.note_scale) > 1e-6:
            self.note_scale = scale
            block_ids = list(self.blocks)
        for block_id in block_ids:
            self.place_notes(block_id)

    def _flowing(self, block_id: str, full: bool = False) -> list[NoteItem]:
        """The notes laid out in order: those without a position, or, in a full block, all of them (notes placed
        by hand would pile up over its pages)."""
        return [self.notes[note.id] for note in self.canvas.notes(block_id) if full or note.position is None]

    def _full(self, block_id: str) -> bool:
        return self._needed.get(block_id, 1.0) is None

    def scale_of(self, block_id: str) -> float:
        """The size of a block's notes: the board's, or in a full block the least (as many notes a page as can be;
        its "+12 more" button says why they are smaller), so that one note more never hides half a block."""
        return READABLE_SCALE if self._full(block_id) else self.note_scale

    def _needed_scale(self, block_id: str) -> float | None:
        """The size at which a block's flowing notes fit, down to READABLE_SCALE; None when they do not fit then."""
        flowing = self._flowing(block_id)
        _, scale, fits = fit_notes(
            self.blocks[block_id].notes_area(),
            len(flowing),
            lambda index, width: flowing[index].height_for(width),
            style.NOTE_MIN_HEIGHT,
            READABLE_SCALE,
        )
        return scale if fits else None

    def turn_page(self, block_id: str) -> None:
        """Show a full block's next page of notes (after the last, the first)."""
        flowing = self._flowing(block_id, self._full(block_id))
        page = page_notes(
            self.blocks[block_id].notes_area(),
            len(flowing),
            lambda index, width: flowing[index].height_for(width),
            self.scale_of(block_id),
            self.pages.get(block_id, 0),
        )
        self.pages[block_id] = next_page(page)
        self.place_notes(block_id)

    def show_note(self, note_id: NoteId) -> None:
        """Turn its block to the page that shows the note (a note found, or just added)."""
        block_id = self.canvas.block_of(note_id)
        for _ in range(len(self.canvas.notes(block_id)) + 1):
            if self.notes[note_id].hidden_for & PAGED == 0:
                return
            self.turn_page(block_id)

    def end_of_flow(self, block_id: str) -> Placement:
        """Where one note more would go at the end of a block's flow, on the page that shows it: a full block turns
        to its last page first."""
        block = self.blocks[block_id]
        flowing = self._flowing(block_id, self._full(block_id))
        heights = [item.height_for for item in flowing]

        def slot() -> Placement | None:
            page = page_notes(
                block.notes_area(),
                len(flowing) + 1,
                lambda i, w: heights[i](w) if i < len(flowing) else style.NOTE_MIN_HEIGHT,
                self.scale_of(block_id),
                self.pages.get(block_id, 0),
            )
            return page.placements[-1]

        place = slot()
        if place is None:
            self.pages[block_id] = len(flowing)
            self.place_notes(block_id)
            place = slot()
        assert place is not None, "the last page has room for one note more"
        return place

    def place_notes(self, block_id: str) -> None:
        """Place a block's notes at the board's note size: positioned ones where the document says, the rest flowed
        in order, a page at a time when they are more than the block holds."""
        block = self.blocks[block_id]
        notes = self.canvas.notes(block_id)
        full = self._full(block_id)
        flowing = self._flowing(block_id, full)
        scale = self.scale_of(block_id)
        page = page_notes(
            block.notes_area(),
            len(flowing),
            lambda index, width: flowing[index].height_for(width),
            scale,
            self.pages.get(block_id, 0),
        )
        self.pages[block_id] = page.first_row
        out_of_focus = self.focus not in (None, block_id)
        for note in notes:
            self.notes[note.id].hide_for(FOCUS, out_of_focus)
        for item, placement in zip(flowing, page.placements, strict=True):
            item.hide_for(PAGED, placement is None)
            if placement is not None:
                item.set_size(placement.width, placement.height)
                item.setScale(scale)
                item.setPos(placement.x, placement.y)
        shown = next((p for p in page.placements if p is not None), None)
        width = shown.width if shown is not None else NOTE_WIDTH
        for note in notes:
            if note.position is not None and not full:
                item = self.notes[note.id]
                item.set_size(width)
                item.setScale(scale)
                # Shown whole inside the block even when the window's shape or longer text would push it out.
                x, y = point_in(block.rect, note.position)
                note_width, note_height = (size * scale for size in item.size)
                item.setPos(*keep_inside(block.rect, x, y, note_width, note_height))
        block.set_page(page.before, page.after)
        block.set_hint(self.hints and not notes)
