"""Ballots: the dots of a shared voting round. Each participant writes only their own ballot (their dots, by note),
and only once the round's counts may show; the host alone adds them into the notes' votes, each dot once, so that
dots placed at once by many people never overwrite each other (a note's votes is one number, and of two peers who
write a number at once, one wins).

    doc["ballots"]  Map: "ROUND.VOTER" -> Map of note id -> dots
    doc["tallied"]  Map: "ROUND.VOTER" -> Map of note id -> the dots of that ballot already in the note's votes

What has been added is kept in the document with the votes, in the same transaction, so a host that restarts adds
nothing twice; and ballots stay for the session (a few bytes a participant a round), so that one that comes late
is still counted once, never twice. Ballots are read with care: a count that is no whole number, or a ballot with
more dots than the round gives, is left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pycrdt import Doc, Map

from editor.model.limits import MAX_DOTS
from editor.model.note import NoteId, valid_note_id
from editor.shared.doc_shape import MAX_VOTES, NOTES

BALLOTS, TALLIED = "ballots", "tallied"
TALLY = "tally"  # the origin of the host's tallies, which no one undoes
_KEY = re.compile(r"([0-9]{1,7})\.([0-9a-f]{8,32})")


def ballot_key(round_number: int, voter: str) -> str:
    return f"{round_number}.{voter}"


def valid_ballot(key: object, ballot: object) -> bool:
    """Whether a ballot of the document could be one (a server checks peers' with it)."""
    if not isinstance(key, str) or not _KEY.fullmatch(key) or not isinstance(ballot, Map):
        return False
    return _dots(ballot) is not None


def cast(doc: Doc[Any], round_number: int, voter: str, dots: Mapping[NoteId, int], origin: str) -> None:
    """This participant's ballot as it is now (the whole of it), written where it differs."""
    with doc.transaction(origin=origin):
        ballots = doc.get(BALLOTS, type=Map)
        key = ballot_key(round_number, voter)
        wanted = {note_id: count for note_id, count in dots.items() if count > 0}
        ballot = ballots.get(key)
        if not isinstance(ballot, Map):
            ballots[key] = Map(wanted)
            return
        for note_id, count in wanted.items():
            if ballot.get(note_id) != count:
                ballot[note_id] = count
        for note_id in [note_id for note_id in ballot.keys() if note_id not in wanted]:  # noqa: SIM118 (a Map)
            del ballot[note_id]


def tally(doc: Doc[Any], rounds: Mapping[int, int]) -> int:
    """Add into the notes' votes what the ballots of the `rounds` (number -> dots each participant has) hold that
    is not in them yet (the host, after each change of the ballots); a dot taken back is taken off. A ballot can
    come after its round ended (a hidden round's, which everyone sends at the end). Returns how many notes' votes
    changed."""
    changed: set[NoteId] = set()
    with doc.transaction(origin=TALLY):
        notes, ballots, tallied = doc.get(NOTES, type=Map), doc.get(BALLOTS, type=Map), doc.get(TALLIED, type=Map)
        for key in list(ballots.keys()):
            ballot = ballots[key]
            match = _KEY.fullmatch(key)
            limit = rounds.get(int(match[1])) if match is not None else None
            if limit is None or not isinstance(ballot, Map):
                continue
            dots = _dots(ballot)
            if dots is None or sum(dots.values()) > limit:
                continue
            done = tallied.get(key)
            if not isinstance(done, Map):
                tallied[key] = done = Map()
            for note_id in set(dots) | set(done.keys()):
                counted = _count(done.get(note_id, 0)) or 0
                delta = dots.get(note_id, 0) - counted
                entry = notes.get(note_id)
                if not delta or not isinstance(entry, Map):
                    continue
                votes = _count(entry.get("votes", 0), MAX_VOTES) or 0
                entry["votes"] = max(0, min(MAX_VOTES, votes + delta))
                done[note_id] = dots.get(note_id, 0)
                changed.add(note_id)
    return len(changed)


def _dots(ballot: Map[Any]) -> dict[NoteId, int] | None:
    """A ballot's dots by note, or None when it holds anything a ballot cannot."""
    dots = {}
    for note_id, value in ballot.items():
        count = _count(value)
        if count is None or not valid_note_id(note_id):
            return None
        dots[note_id] = count
    return dots


def _count(value: object, most: int = MAX_DOTS) -> int | None:
    """A whole number from 0 to `most` (a JavaScript peer sends 2 as 2.0)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return None
    if not 0 <= value <= most or value != int(value):
        return None
    return int(value)
