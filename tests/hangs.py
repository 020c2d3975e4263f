"""A guard against a hang for the tests: speed is the benchmarks' to measure, never a test's to assert."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

HANG_SECONDS = 60  # far beyond any machine's slowness, far below CI's own timeout


class HangError(AssertionError):
    """What a test raises when the code it watches has not returned within HANG_SECONDS."""


@contextmanager
def never_hangs(what: str, seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Fail with `what` if the block is still running after `seconds` (a blocked system call is interrupted)."""

    def interrupt(_signal: int, _frame: FrameType | None) -> None:
        raise HangError(f"{what}: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
