"""Changing a canvas's kind: its notes on another template, each in the block of the same meaning, the rest parked."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from editor.model.canvas import Canvas
from editor.model.note import PARKING_LOT, PARKING_LOT_TITLE, Note
from editor.model.template import Template


class Went(NamedTuple):
    """How many notes went from one block of the old canvas to where on the new one (titles, as a person reads)."""

    from_title: str
    to_title: str
    notes: int


def block_map(old: Template, new: Template) -> dict[str, str]:
    """Where the notes of each block of `old` go on `new`: the block with the same meaning (by the templates'
    `meaning`, or the same id), else the parking lot. The parking lot stays the parking lot."""
    by_sense = {block.sense: block.id for block in new.blocks}
    places = {block.id: by_sense.get(block.sense, PARKING_LOT) for block in old.blocks}
    places[PARKING_LOT] = PARKING_LOT
    return places


def changed_kind(canvas: Canvas, template: Template) -> tuple[Canvas, list[Went]]:
    """The canvas on `template`, and what went where. Every note is kept, with its id and values (a note that goes
    to another block is laid out with its new neighbours, not at its old place); notes already in the parking lot
    come first there, then the notes no block of the new template takes, in the old board's order.
    The title and the legend are kept, and so are the header fields: those the new template lacks become notes in
    the parking lot ("Designed for: ..."), so that no text is lost."""
    places = block_map(canvas.template, template)
    blocks: dict[str, list[Note]] = {block_id: [] for block_id in (*template.block_ids, PARKING_LOT)}
    went: list[Went] = []
    for block_id in (PARKING_LOT, *canvas.template.block_ids):
        notes = canvas.notes(block_id)
        # A place is a share of its block: in another block, notes placed alike would lie on top of one another.
        moved = places[block_id] != block_id
        blocks[places[block_id]].extend(replace(note, position=None) if moved else note for note in notes)
        if notes:
            went.append(Went(_title(canvas.template, block_id), _title(template, places[block_id]), len(notes)))
    fields = {key: value for key, value in canvas.fields.items() if key in template.header_ids}
    homeless = [field for field in canvas.template.header if canvas.fields[field.id] and field.id not in fields]
    blocks[PARKING_LOT].extend(Note(f"{field.label}: {canvas.fields[field.id]}") for field in homeless)
    if homeless:
        went.append(Went("the header", PARKING_LOT_TITLE, len(homeless)))
    changed = Canvas(template, title=canvas.title, fields=fields, legend=canvas.legend, blocks=blocks)
    return changed, went


def relabelled(canvas: Canvas, template: Template) -> str:
    """A sentence on the header values the new kind keeps under another name ("In the header, Product is now
    Team."), so that no value changes its meaning unsaid; "" when none does."""
    old = {field.id: field.label for field in canvas.template.header}
    renamed = [
        f"{old[field.id]} is now {field.label}"
        for field in template.header
        if field.id in old and old[field.id] != field.label and canvas.fields.get(field.id)
    ]
    return f"In the header, {_listed(renamed)}." if renamed else ""


def in_short(went: list[Went]) -> str:
    """What went where in one sentence, for a status line: how many notes went to the parking lot, or stay there."""
    parked = sum(w.notes for w in went if w.to_title == PARKING_LOT_TITLE != w.from_title)
    stay = sum(w.notes for w in went if w.from_title == PARKING_LOT_TITLE)
    if parked:
        return f"{_notes(parked)} went to the parking lot."
    return f"The parking lot keeps its {_notes(stay)}." if stay else "Every note kept a block."


def _title(template: Template, block_id: str) -> str:
    return template.title_of(block_id)


def summary(went: list[Went]) -> str:
    """What went where, in a sentence or three: "Value Propositions go to Unique Value Proposition (11 notes). ..."."""
    if not went:
        return "The canvas has no notes to move."
    stay = [w for w in went if w.from_title == PARKING_LOT_TITLE]  # no block of either kind
    went = [w for w in went if w.from_title != PARKING_LOT_TITLE]
    same = [w for w in went if w.from_title == w.to_title]
    renamed = [w for w in went if w.from_title != w.to_title and w.to_title != PARKING_LOT_TITLE]
    parked = [w for w in went if w.to_title == PARKING_LOT_TITLE]
    sentences = []
    if same:
        sentences.append(f"{_listed([w.from_title for w in same])} keep their {_notes(sum(w.notes for w in same))}.")
    sentences += [f"{w.from_title} goes to {w.to_title} ({_notes(w.notes)})." for w in renamed]
    if parked:
        listed = _listed([f"{w.from_title} ({w.notes})" for w in parked])
        sentences.append(f"To the parking lot: {_notes(sum(w.notes for w in parked))}, from {listed}.")
    if stay:
        sentences.append(f"The parking lot keeps its {_notes(stay[0].notes)}: drag them to where they belong.")
    return " ".join(sentences)


def _notes(count: int) -> str:
    return f"{count} note" if count == 1 else f"{count} notes"


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
