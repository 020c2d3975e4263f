"""Who takes part in a session, from the awareness states the peers send (Yjs awareness: not part of the canvas, gone
when a peer goes): each peer's name and colour, read with care, since any peer can send anything there."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from editor.model.colors import is_valid_color
from editor.model.note import valid_note_id, valid_text

MAX_NAME = 40  # characters of a participant's name shown
UNNAMED = "Someone"
NEUTRAL = "#9aa3ad"  # the colour of a participant whose colour cannot be used


# Participants' colours: strong ones, unlike the notes' pastels, so that a frame around a note and a name tag stand
# out on any note and read with white type.
COLORS = ("#1e88e5", "#d81b60", "#43a047", "#f4511e", "#8e24aa", "#00897b", "#3949ab", "#6d4c41")
MAX_MARKED = 200  # notes one participant may be shown at (moving a selection)


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    color: str  # #rrggbb
    you: bool = False
    editing: str | None = None  # the note they are typing in
    moving: tuple[str, ...] = ()  # the notes they are dragging
    client: int = 0  # their awareness client id (how the host removes them)
    voted: tuple[int, int] | None = None  # in a voting round: its number, and how many dots they have placed


def presence(
    name: str,
    color: str,
    editing: str | None = None,
    moving: tuple[str, ...] | list[str] = (),
    voted: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """This peer's awareness state, in the shape Yjs clients use ({"user": {"name", "color"}}), the notes it is
    at (awareness, not the canvas: positions reach the canvas on the drop), and in a voting round how many dots it
    has placed (so that the host sees who has voted; where they are stays on the voter's device)."""
    state = {"user": {"name": name, "color": color}, "editing": editing, "moving": list(moving)}
    return state if voted is None else {**state, "voted": list(voted)}


def participants(states: Mapping[int, Any], own: int | None = None) -> list[Participant]:
    """Everyone with a state, in the order of their names (`own`: this peer's client id)."""
    found = []
    for client_id, state in states.items():
        user = state.get("user") if isinstance(state, dict) else None
        if not isinstance(user, dict):
            continue
        editing = state.get("editing")
        moving = state.get("moving")
        found.append(
            Participant(
                _name(user.get("name")),
                _color(user.get("color")),
                client_id == own,
                editing if isinstance(editing, str) and valid_note_id(editing) else None,
                _ids(moving),
                client_id,
                _voted(state.get("voted")),
            )
        )
    return sorted(found, key=lambda participant: (not participant.you, participant.name.casefold()))


def _ids(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value[:MAX_MARKED] if isinstance(item, str) and valid_note_id(item))


def _voted(value: object) -> tuple[int, int] | None:
    """A participant's [round, dots placed] (how many, never where), as the page and the app send it."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    numbers = [item for item in value if isinstance(item, int | float) and not isinstance(item, bool)]
    if len(numbers) != 2 or not all(0 <= number <= 1_000_000 and number == int(number) for number in numbers):
        return None
    return int(numbers[0]), int(numbers[1])


def _name(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        return UNNAMED
    name = " ".join(valid_text(value).split())
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def _color(value: object) -> str:
    if isinstance(value, str) and value.startswith("#") and len(value) == 7 and is_valid_color(value):
        return value.lower()
    return NEUTRAL
