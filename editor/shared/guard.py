"""check_update: whether an update a peer sent would leave the shared canvas one a file could hold, tried on a copy
of the document before the document itself takes it."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from pycrdt import Doc, Map

from editor.model.limits import MAX_NOTES
from editor.shared.doc_shape import CANVAS, NOTES, BadValueError, read_legend, read_note, read_text


def check_update(doc: Doc[Any], update: bytes, block_ids: Collection[str], field_ids: Collection[str]) -> str:
    """What is wrong with the canvas `doc` would hold after `update` ('' when nothing is): a value no canvas file
    could hold in a note or the header it touches, more notes than a canvas holds, or bytes that are no update."""
    trial: Doc[Any] = Doc()
    trial.apply_update(doc.get_update())
    notes, header = trial.get(NOTES, type=Map), trial.get(CANVAS, type=Map)
    touched: set[str] = set()
    header_touched: list[bool] = []

    def on_notes(events: list[Any]) -> None:
        for event in events:
            if event.path:  # inside a note's entry
                touched.add(str(event.path[0]))
            else:  # entries added, replaced or taken out
                touched.update(str(key) for key in event.keys)

    notes.observe_deep(on_notes)
    header.observe_deep(lambda events: header_touched.append(True))
    try:
        trial.apply_update(update)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        return "what it sent is not a Yjs update."
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
