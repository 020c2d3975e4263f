"""Who takes part in a session, from the awareness states the peers send (Yjs awareness: not part of the canvas, gone
when a peer goes): each peer's name and colour, read with care, since any peer can send anything there."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from editor.model.colors import is_valid_color
from editor.model.note import valid_text

MAX_NAME = 40  # characters of a participant's name shown
UNNAMED = "Someone"
NEUTRAL = "#9aa3ad"  # the colour of a participant whose colour cannot be used


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    color: str  # #rrggbb
    you: bool = False


def presence(name: str, color: str) -> dict[str, Any]:
    """This peer's awareness state, in the shape Yjs clients use ({"user": {"name", "color"}})."""
    return {"user": {"name": name, "color": color}}


def participants(states: Mapping[int, Any], own: int | None = None) -> list[Participant]:
    """Everyone with a state, in the order of their names (`own`: this peer's client id)."""
    found = []
    for client_id, state in states.items():
        user = state.get("user") if isinstance(state, dict) else None
        if not isinstance(user, dict):
            continue
        found.append(Participant(_name(user.get("name")), _color(user.get("color")), client_id == own))
    return sorted(found, key=lambda participant: (not participant.you, participant.name.casefold()))


def _name(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        return UNNAMED
    name = " ".join(valid_text(value).split())
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def _color(value: object) -> str:
    if isinstance(value, str) and value.startswith("#") and len(value) == 7 and is_valid_color(value):
        return value.lower()
    return NEUTRAL
