"""Guard: whether an update a peer sent would leave the shared canvas one a file could hold, tried on a shadow copy
of the document before the document itself takes it.

The shadow follows the document (every transaction of the document is applied to it too; an update applied twice
changes nothing), so that trying an update costs what the update holds, not what the canvas holds. An update that
is refused may have changed the shadow: it is then made again from the document, with what peers sent that waits
in the document for changes not yet sent (a copy of the document leaves that out), so that it is checked when it
takes effect.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pycrdt import Doc, Map, TransactionEvent, merge_updates

from editor.model.limits import MAX_NOTES
from editor.shared.ballots import BALLOTS, TALLIED, valid_ballot
from editor.shared.doc_shape import (
    CANVAS,
    CARRIED,
    NOTES,
    BadValueError,
    read_legend,
    read_note,
    read_text,
    touched_keys,
)

KIND_KEYS = ("template", CARRIED)


class Guard:
    def __init__(self, doc: Doc[Any], block_ids: Collection[str], field_ids: Collection[str]) -> None:
        self.doc = doc
        self.block_ids, self.field_ids = tuple(block_ids), tuple(field_ids)
        self._touched: set[str] = set()  # the notes the update tried changes
        self._ballots_touched: set[str] = set()
        self._header_touched = self._tally_touched = False
        self._waiting: bytes | None = None  # what peers sent that has not taken effect (see check)
        header = doc.get(CANVAS, type=Map).to_py() or {}
        self._kind = {key: header.get(key) for key in KIND_KEYS}  # the template, which no peer may change
        self._shadow = self._make_shadow()
        doc.observe(self._follow)

    def check(self, update: bytes, read_only: bool = False, paused: bool = False) -> str:
        """What is wrong with the canvas the document would hold after a peer's `update` ('' when nothing is): a
        value no canvas file could hold in a note or the header it touches, more notes than a canvas holds, a
        ballot no round could hold, a change of what only the host writes (the tally of votes; the canvas itself
        while it is `read_only`; a new note while adding is `paused`), or bytes that are no update."""
        self._touched, self._ballots_touched = set(), set()
        self._header_touched = self._tally_touched = False
        state = self._shadow.get_state()
        try:
            self._shadow.apply_update(update)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:
            problem = "what it sent is not a Yjs update."
        else:
            problem = self._problem(read_only, paused)
        if problem:
            self._shadow = self._make_shadow()
        elif self._shadow.get_state() == state and not (self._touched or self._ballots_touched):
            # Nothing it holds took effect: it was known already, or it builds on changes not yet sent, and then
            # waits in the document, to take effect when they come. Kept, so that a shadow made again holds it
            # waiting too, and checks it then.
            self._waiting = update if self._waiting is None else merge_updates(self._waiting, update)
        return problem

    def _problem(self, read_only: bool, paused: bool) -> str:
        shadow = self._shadow
        notes, header, ballots = (
            shadow.get(NOTES, type=Map),
            shadow.get(CANVAS, type=Map),
            shadow.get(BALLOTS, type=Map),
        )
        if self._tally_touched:
            return "it changed the tally of votes, which only the host keeps."
        if read_only and (self._touched or self._header_touched):
            return "it changed the canvas while the host had made it read-only."
        known = self.doc.get(NOTES, type=Map)  # the notes before the update (the document has not taken it yet)
        if paused and any(note_id in notes and note_id not in known for note_id in self._touched):
            return "it added a note while the host had paused adding notes."
        for key in self._ballots_touched:
            if key in ballots and not valid_ballot(key, ballots[key]):
                return "it sent a ballot that no voting round could hold."
        try:
            for note_id in self._touched:
                entry = notes.get(note_id)
                if entry is not None:
                    read_note(note_id, entry, self.block_ids)
            if self._touched and len(notes) > MAX_NOTES:
                return f"it would make the canvas hold more than {MAX_NOTES:,} notes."
            if self._header_touched:
                values = header.to_py() or {}
                if any(values.get(key) != self._kind.get(key) for key in KIND_KEYS):
                    return "the canvas's kind is the host's to choose: it cannot change in a session."
                for name in ("title", *self.field_ids):
                    read_text(values.get(name, ""), f"'{name}'")
                read_legend(values.get("legend", []))
        except BadValueError as error:
            return str(error)
        return ""

    def _make_shadow(self) -> Doc[Any]:
        """A copy of the document, watched: what an update touches in it is noted for `check`. (Its maps are kept:
        an observer lasts as long as the Python object of the map it watches.)"""
        shadow: Doc[Any] = Doc()
        shadow.apply_update(self.doc.get_update())
        if self._waiting is not None:
            shadow.apply_update(self._waiting)
        self._watched = [shadow.get(name, type=Map) for name in (NOTES, CANVAS, BALLOTS, TALLIED)]
        notes, header, ballots, tallied = self._watched
        notes.observe_deep(lambda events: self._touched.update(touched_keys(events)))
        header.observe_deep(lambda events: setattr(self, "_header_touched", True))
        ballots.observe_deep(lambda events: self._ballots_touched.update(touched_keys(events)))
        tallied.observe_deep(lambda events: setattr(self, "_tally_touched", True))
        return shadow

    def _follow(self, event: TransactionEvent) -> None:
        """What the document took (a peer's checked update again, or the host's own change), into the shadow."""
        self._shadow.apply_update(event.update)
