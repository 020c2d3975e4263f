"""Dot-vote ranks: which notes lead after a round, counted as sport does (two notes tied for first are both first,
and the next is third), so that the board frames and the status line names exactly the same notes."""

from __future__ import annotations

from collections.abc import Iterable

from editor.model.note import Note, NoteId

PLACES = 3  # the ranks that stand out


def vote_ranks(notes: Iterable[Note], places: int = PLACES) -> dict[NoteId, int]:
    """Each note with votes that ranks within `places`, by id: 1 + how many notes have more votes."""
    voted = sorted((note for note in notes if note.votes > 0), key=lambda note: -note.votes)
    ranks: dict[NoteId, int] = {}
    for index, note in enumerate(voted):
        rank = index + 1 if index == 0 or note.votes != voted[index - 1].votes else ranks[voted[index - 1].id]
        if rank > places:
            break
        ranks[note.id] = rank
    return ranks


def ordinal(rank: int) -> str:
    """1st, 2nd, 3rd, 4th: a rank in words that no one reads as a count of dots."""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"
