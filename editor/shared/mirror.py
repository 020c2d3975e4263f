"""SharedCanvas: a Canvas and the Yjs document its peers share, kept in step both ways.

What this program changes in the canvas is written to the document, one transaction per canvas event, under this
peer's origin. What other peers change arrives as document changes; each note they touch is made to match the
document again, after the checks a file gets: a value a canvas could not hold is refused (and reported, so that a
server can drop the peer who sent it), and the note keeps what it had. Undo and redo are the document's and take
back only this peer's own changes: what another peer changed since is kept.

Each block's notes are in the order of their keys (equal keys, from two peers adding at one place at once, by note
id) on every peer. A local change gives the notes it places keys between their neighbours'; where neighbours share a
key, the notes after it in the block get new keys too, so that this peer's order is the order its keys say.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from typing import Any

from fractional_indexing import generate_n_keys_between
from pycrdt import Doc, Map, Subscription, UndoManager

from editor.model import PARKING_LOT, Canvas, Note, NoteId, Template
from editor.model.events import Event, HeaderChanged, Move, NoteAdded, NoteChanged, NoteRemoved, NotesMoved, Reset
from editor.model.limits import MAX_NOTES
from editor.shared.doc_shape import (
    CANVAS,
    CARRIED,
    NOTES,
    BadValueError,
    doc_value,
    legend_value,
    note_fields,
    read_legend,
    read_note,
    read_text,
    touched_keys,
)

SHARED = "shared"  # the origin of canvas changes that come from the shared document
LOADING = "loading"  # the origin of a document's first content, which no one undoes


class SharedCanvas:
    def __init__(
        self, canvas: Canvas, doc: Doc[Any], origin: str, orders: dict[NoteId, str], refused: Callable[[str], None]
    ) -> None:
        """Keep `canvas` and `doc`, which hold the same canvas already, in step (see host and join)."""
        self.canvas = canvas
        self.doc = doc
        self.origin = origin
        self.refused = refused
        self._orders = orders
        self._notes = doc.get(NOTES, type=Map)
        self._header = doc.get(CANVAS, type=Map)
        self.undo_manager = UndoManager(scopes=[self._notes, self._header], capture_timeout_millis=0)
        self.undo_manager.include_origin(origin)
        canvas.subscribe(self._on_canvas)
        self._watching: list[tuple[Map[Any], Subscription]] = [
            (self._notes, self._notes.observe_deep(self._notes_changed)),
            (self._header, self._header.observe_deep(self._header_changed)),
        ]

    @classmethod
    def host(
        cls, canvas: Canvas, origin: str, refused: Callable[[str], None] = lambda _: None, carried: str = ""
    ) -> SharedCanvas:
        """A new shared document holding `canvas`; `carried`: its template as a text the peers read it from (one that
        is not shipped: each peer may not have it)."""
        doc: Doc[Any] = Doc()
        orders: dict[NoteId, str] = {}
        notes, header = doc.get(NOTES, type=Map), doc.get(CANVAS, type=Map)
        with doc.transaction(origin=LOADING):
            header["template"] = canvas.template.id
            if carried:
                header[CARRIED] = carried
            header["title"] = canvas.title
            for field_id, value in canvas.fields.items():
                header[field_id] = value
            header["legend"] = legend_value(canvas.legend)
            for block_id in canvas.block_ids:
                block = canvas.notes(block_id)
                for note, order in zip(block, generate_n_keys_between(None, None, len(block)), strict=True):
                    orders[note.id] = order
                    notes[note.id] = Map(note_fields(note, block_id, order))
        return cls(canvas, doc, origin, orders, refused)

    @classmethod
    def join(
        cls,
        doc: Doc[Any],
        template_for: Callable[[str], Template],
        origin: str,
        refused: Callable[[str], None] = lambda _: None,
        carried: Callable[[str], Template] | None = None,
    ) -> SharedCanvas:
        """The canvas a shared document holds (synced from a host), in step with it from now on. What cannot be
        read is refused and left out. The template is the one the document carries (read with `carried`), else the
        one its id names (`template_for`). Raises BadValueError when there is neither."""
        header = doc.get(CANVAS, type=Map).to_py() or {}
        template_id = header.get("template")
        if not isinstance(template_id, str):
            raise BadValueError("the shared canvas names no template.")
        text = header.get(CARRIED)
        try:
            template = template_for(template_id) if carried is None or not isinstance(text, str) else carried(text)
        except (KeyError, ValueError, OSError) as error:
            raise BadValueError(f"the shared canvas is a {template_id!r}, which this program does not have.") from error
        # The notes in one go, each block in the order of its keys: a canvas built whole, not note by note.
        orders: dict[NoteId, str] = {}
        placed: dict[str, list[tuple[str, NoteId, Note]]] = {}
        for note_id, entry in json.loads(str(doc.get(NOTES, type=Map))).items():  # one read (JSON) for them all
            try:
                read = read_note(note_id, entry, (*template.block_ids, PARKING_LOT))
            except BadValueError as error:
                refused(f"A note of the shared canvas was left out: {error}")
                continue
            if len(orders) == MAX_NOTES:
                refused(f"The shared canvas holds more than {MAX_NOTES:,} notes: the rest were left out.")
                break
            orders[note_id] = read.order
            placed.setdefault(read.block_id, []).append((read.order, note_id, read.note))
        blocks = {block_id: [note for *_, note in sorted(notes)] for block_id, notes in placed.items()}
        shared = cls(Canvas(template, blocks=blocks), doc, origin, orders, refused)
        shared._header_changed([])
        return shared

    @classmethod
    def resume(
        cls,
        canvas: Canvas,
        doc: Doc[Any],
        template_for: Callable[[str], Template],
        origin: str,
        refused: Callable[[str], None] = lambda _: None,
        carried: Callable[[str], Template] | None = None,
    ) -> SharedCanvas:
        """`canvas` (a host's, after a crash) and the document of its session as stored, in step again: the canvas
        takes what the document holds, the session having seen every change since (its own and the others'), as
        one change from the shared document. Raises BadValueError as `join` does."""
        stored = cls.join(doc, template_for, origin, refused, carried)
        stored.close()
        canvas.replace_with(stored.canvas, origin=SHARED)
        return cls(canvas, doc, origin, stored._orders, refused)

    def close(self) -> None:
        """Stop keeping the two in step (the session ended, or this peer left); once is enough."""
        if not self._watching:
            return
        self.canvas.unsubscribe(self._on_canvas)
        for shared_type, subscription in self._watching:
            shared_type.unobserve(subscription)
        self._watching = []

    @contextmanager
    def change(self) -> Iterator[None]:
        """Canvas changes made inside are one transaction of the document, and so one undo step."""
        with self.doc.transaction(origin=self.origin):
            yield

    def undo(self) -> bool:
        return bool(self.undo_manager.undo())

    def redo(self) -> bool:
        return bool(self.undo_manager.redo())

    def order_of(self, note_id: NoteId) -> str:
        return self._orders[note_id]

    # This peer's changes, to the document

    def _on_canvas(self, event: Event) -> None:
        if event.origin == SHARED:
            return
        with self.doc.transaction(origin=self.origin):
            if isinstance(event, NoteAdded):
                self._place(event.block_id, {event.note.id}, new=True)
            elif isinstance(event, NoteRemoved):
                self._orders.pop(event.note.id, None)
                self._notes.pop(event.note.id, None)
            elif isinstance(event, NoteChanged):
                self._write_fields(event.note.id, event.fields)
            elif isinstance(event, NotesMoved):
                moved = {moved.note.id for moved in event.moves}
                for block_id in {moved.to_block for moved in event.moves}:
                    self._place(block_id, moved)
            elif isinstance(event, HeaderChanged):
                self._write_header(event.name)
            elif isinstance(event, Reset):
                self._write_everything()

    def _place(self, block_id: str, placed: set[NoteId], new: bool = False) -> None:
        """Order keys for the notes `placed` in the block, and new ones for any after them whose key would not sort
        after its neighbour's, so that the keys run as the block does. A `new` note is written whole; the others
        have their block, key and position set, field by field, so that what another peer changes in them at the
        same time (their text, say) is kept."""
        notes = self.canvas.notes(block_id)
        kept: list[int] = []  # the indexes of notes whose keys stay, rising
        for index, note in enumerate(notes):
            key = self._orders.get(note.id)
            if note.id not in placed and key is not None and (not kept or key > self._orders[notes[kept[-1]].id]):
                kept.append(index)
        bounds = [-1, *kept, len(notes)]
        for left, right in pairwise(bounds):
            run = notes[left + 1 : right]
            if not run:
                continue
            low = self._orders[notes[left].id] if left >= 0 else None
            high = self._orders[notes[right].id] if right < len(notes) else None
            for note, key in zip(run, generate_n_keys_between(low, high, len(run)), strict=True):
                self._orders[note.id] = key
                entry = self._notes.get(note.id)
                if (new and note.id in placed) or not isinstance(entry, Map):
                    self._notes[note.id] = Map(note_fields(note, block_id, key))
                    continue
                entry["block"], entry["order"] = block_id, key
                if note.id in placed:
                    self._write_fields(note.id, ["position"])

    def _write_fields(self, note_id: NoteId, fields: Iterable[str]) -> None:
        entry = self._notes.get(note_id)
        if not isinstance(entry, Map):  # gone from the document (or spoilt by a peer): the whole note again
            self._place(self.canvas.block_of(note_id), {note_id}, new=True)
            return
        note = self.canvas.note(note_id)
        for name in fields:
            key, value = ("at", note.position) if name == "position" else (name, getattr(note, name))
            if value is None:
                entry.pop(key, None)
            else:
                entry[key] = doc_value(name, value)

    def _write_header(self, name: str) -> None:
        if name == "legend":
            self._header["legend"] = legend_value(self.canvas.legend)
        else:
            self._header[name] = self.canvas.header(name)

    def _write_everything(self) -> None:
        """After a reload: the document says what the canvas does now."""
        for name in ("title", *self.canvas.fields, "legend"):
            self._write_header(name)
        present = {note.id for _, note in self.canvas.all_notes()}
        for note_id in [note_id for note_id in self._notes if note_id not in present]:
            del self._notes[note_id]
            self._orders.pop(note_id, None)
        for block_id in self.canvas.block_ids:
            self._place(block_id, {note.id for note in self.canvas.notes(block_id)}, new=True)

    # Other peers' changes (and undo's), to the canvas

    def _ours(self, events: list[Any]) -> bool:
        return bool(events) and events[0].transaction.origin == self.origin

    def _notes_changed(self, events: list[Any]) -> None:
        if self._ours(events):
            return
        self._reconcile(sorted(touched_keys(events)))

    def _reconcile(self, note_ids: Iterable[str]) -> None:
        canvas = self.canvas
        for note_id in note_ids:
            entry = self._notes.get(note_id)
            if entry is None:
                if canvas.has_note(note_id):
                    canvas.remove_note(note_id, origin=SHARED)
                self._orders.pop(note_id, None)
                continue
            try:
                read = read_note(note_id, entry, canvas.block_ids)
            except BadValueError as error:
                self.refused(f"A change from another participant was not taken: {error}")
                continue
            if not canvas.has_note(note_id):
                if canvas.note_count() >= MAX_NOTES:
                    self.refused(f"A note from another participant was not added: a canvas holds {MAX_NOTES:,}.")
                    continue
                index = self._index_for(read.block_id, note_id, read.order)
                self._orders[note_id] = read.order
                canvas.add_note(read.block_id, read.note, index, origin=SHARED)
                continue
            note = canvas.note(note_id)
            values = ("text", "color", "tags", "votes")
            changed = {
                name: getattr(read.note, name) for name in values if getattr(note, name) != getattr(read.note, name)
            }
            if changed:
                canvas.update_note(note_id, origin=SHARED, **changed)
            place = (read.block_id, read.order, read.note.position)
            if place != (canvas.block_of(note_id), self._orders[note_id], note.position):
                index = self._index_for(read.block_id, note_id, read.order)
                self._orders[note_id] = read.order
                canvas.move_notes([Move(note_id, read.block_id, index, read.note.position)], origin=SHARED)

    def _index_for(self, block_id: str, note_id: NoteId, order: str) -> int:
        """Where a note with this key goes in its block, once it is there: after every other note whose key (then
        id) sorts before its own."""
        canvas = self.canvas
        notes = canvas.notes(block_id)
        index = bisect_left(notes, (order, note_id), key=lambda note: (self._orders[note.id], note.id))
        if canvas.has_note(note_id) and canvas.block_of(note_id) == block_id and canvas.index_of(note_id) < index:
            index -= 1  # it sorts before itself where it is now: it leaves that place as it moves
        return index

    def _header_changed(self, events: list[Any]) -> None:
        if self._ours(events):
            return
        header, canvas = self._header.to_py() or {}, self.canvas
        try:
            title = read_text(header.get("title", ""), "the title")
            fields = {field_id: read_text(header.get(field_id, ""), f"'{field_id}'") for field_id in canvas.fields}
            legend = read_legend(header.get("legend", []))
        except BadValueError as error:
            self.refused(f"A change from another participant was not taken: {error}")
            return
        if title != canvas.title:
            canvas.set_title(title, origin=SHARED)
        for field_id, value in fields.items():
            if value != canvas.fields[field_id]:
                canvas.set_field(field_id, value, origin=SHARED)
        if legend != dict(canvas.legend):
            canvas.set_legend(legend, origin=SHARED)
