"""check_update: whether an update a peer sent would leave the shared canvas one a file could hold, tried on a copy
of the document before the document itself takes it."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pycrdt import Doc, Map

from editor.model.limits import MAX_NOTES
from editor.shared.ballots import BALLOTS, TALLIED, valid_ballot
from editor.shared.doc_shape import CANVAS, NOTES, BadValueError, read_legend, read_note, read_text, touched_keys


def check_update(
    doc: Doc[Any], update: bytes, block_ids: Collection[str], field_ids: Collection[str], read_only: bool = False
) -> str:
    """What is wrong with the canvas `doc` would hold after a peer's `update` ('' when nothing is): a value no canvas
    file could hold in a note or the header it touches, more notes than a canvas holds, a ballot no round could
    hold, a change of what only the host writes (the tally of votes; the canvas itself while it is `read_only`), or
    bytes that are no update."""
    trial: Doc[Any] = Doc()
    trial.apply_update(doc.get_update())
    notes, header = trial.get(NOTES, type=Map), trial.get(CANVAS, type=Map)
    ballots, tallied = trial.get(BALLOTS, type=Map), trial.get(TALLIED, type=Map)
    touched: set[str] = set()
    header_touched: list[bool] = []
    ballots_touched: set[str] = set()
    tally_touched: list[bool] = []

    notes.observe_deep(lambda events: touched.update(touched_keys(events)))
    header.observe_deep(lambda events: header_touched.append(True))
    ballots.observe_deep(lambda events: ballots_touched.update(touched_keys(events)))
    tallied.observe_deep(lambda events: tally_touched.append(True))
    try:
        trial.apply_update(update)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return "what it sent is not a Yjs update."
    if tally_touched:
        return "it changed the tally of votes, which only the host keeps."
    if read_only and (touched or header_touched):
        return "it changed the canvas while the host had made it read-only."
    for key in ballots_touched:
        if key in ballots and not valid_ballot(key, ballots[key]):
            return "it sent a ballot that no voting round could hold."
    try:
        for note_id in touched:
            entry = notes.get(note_id)
            if entry is not None:
                read_note(note_id, entry, block_ids)
        if len(notes) > MAX_NOTES:
            return f"it would make the canvas hold more than {MAX_NOTES:,} notes."
        if header_touched:
            values = header.to_py() or {}
            for name in ("title", *field_ids):
                read_text(values.get(name, ""), f"'{name}'")
            read_legend(values.get("legend", []))
    except BadValueError as error:
        return str(error)
    return ""
