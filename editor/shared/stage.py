"""Stage: what the host shows everyone in a session (the walk's step, the countdown, a voting round, the story's
hidden notes, and what the others may do), as the host's awareness state carries it, and how a peer reads it back
with care: it is not part of the canvas.

    state["stage"] = {"step": 3 | None, "countdown": [seconds left, running, seconds set] | None,
                      "round": [number, dots, hidden, revealed] | None, "read_only": bool,
                      "paused": bool (no one adds notes), "edit_any": bool (the page's participants may edit
                      anyone's notes, not only their own), "story": [ids of the notes still hidden] | None}

The host renews it at each change and each second of a running countdown, so a newcomer sees the clock as it is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from editor.model.limits import MAX_DOTS, MAX_NOTES
from editor.model.note import valid_note_id

STAGE = "stage"
MAX_STEP = 100  # walk steps: a template's blocks, with room to spare
MAX_SECONDS = 24 * 3600.0  # a countdown of a day at most
MAX_ROUND = 1_000_000


@dataclass(frozen=True, slots=True)
class Round:
    """A voting round: its number (the ballots of one round are told from another's by it), the dots each
    participant has, whether counts are hidden, and whether the host has revealed them."""

    number: int
    dots: int
    hidden: bool
    revealed: bool = False

    @property
    def visible(self) -> bool:
        """Whether dots may reach the shared canvas as they are placed."""
        return not self.hidden or self.revealed


@dataclass(frozen=True, slots=True)
class Countdown:
    left: float  # seconds
    running: bool
    duration: float


@dataclass(frozen=True, slots=True)
class Stage:
    step: int | None = None  # the walk's step (0: the whole canvas); None: no walk
    countdown: Countdown | None = None  # None: no countdown shown
    round: Round | None = None  # None: no voting round
    read_only: bool = False  # only the host changes the canvas
    paused: bool = False  # no one but the host adds notes
    edit_any: bool = False  # the participants' page lets anyone edit anyone's notes (else only their own)
    story: tuple[str, ...] | None = None  # the notes the story still hides, in the order it shows them; None: none


def stage_value(stage: Stage) -> dict[str, Any]:
    """The stage as the host's awareness state carries it (JSON)."""
    countdown, voting = stage.countdown, stage.round
    return {
        "step": stage.step,
        "countdown": None if countdown is None else [countdown.left, countdown.running, countdown.duration],
        "round": None if voting is None else [voting.number, voting.dots, voting.hidden, voting.revealed],
        "read_only": stage.read_only,
        "paused": stage.paused,
        "edit_any": stage.edit_any,
        "story": None if stage.story is None else list(stage.story),
    }


def read_stage(value: object) -> Stage | None:
    """A stage from a peer's state, or None when it holds none that can be read: each part is read on its own, and
    one that cannot be read is left out."""
    if not isinstance(value, dict):
        return None
    step = value.get("step")
    return Stage(
        int(step) if _whole(step) and 0 <= step <= MAX_STEP else None,  # type: ignore[operator, arg-type]
        _countdown(value.get("countdown")),
        _round(value.get("round")),
        value.get("read_only") is True,
        value.get("paused") is True,
        value.get("edit_any") is True,
        _story(value.get("story")),
    )


def hosts_stage(states: Mapping[int, Any]) -> Stage | None:
    """The stage among the peers' states: the host's. A session's server lets no one else send one; through a plain
    y-websocket server, anyone with the link could, and the lowest client id's is taken, the same on every peer."""
    for _, state in sorted(states.items(), key=lambda item: item[0]):
        stage = read_stage(state.get(STAGE)) if isinstance(state, dict) else None
        if stage is not None:
            return stage
    return None


def _whole(value: object) -> bool:
    """A whole number, also as a JavaScript peer sends it (2.0)."""
    return (
        not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value) and value == int(value)
    )


def _countdown(value: object) -> Countdown | None:
    if not isinstance(value, list) or len(value) != 3:
        return None
    left, running, duration = value
    numbers = (left, duration)
    if not all(isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n) for n in numbers):
        return None
    if not (0 <= left <= MAX_SECONDS and 1 <= duration <= MAX_SECONDS) or not isinstance(running, bool):
        return None
    return Countdown(float(left), running, float(duration))


def _round(value: object) -> Round | None:
    if not isinstance(value, list) or len(value) != 4:
        return None
    number, dots, hidden, revealed = value
    if not (_whole(number) and 1 <= number <= MAX_ROUND and _whole(dots) and 1 <= dots <= MAX_DOTS):
        return None
    if not (isinstance(hidden, bool) and isinstance(revealed, bool)):
        return None
    return Round(int(number), int(dots), hidden, revealed)


def _story(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        return None
    return tuple(item for item in value[:MAX_NOTES] if isinstance(item, str) and valid_note_id(item))
