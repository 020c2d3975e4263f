"""settle: once a big canvas is shown, keep its long-lived objects out of Python's later garbage collections."""

from __future__ import annotations

import gc

from editor.model import Canvas

BIG_CANVAS = 1000  # notes: from here on a full garbage collection would stall the window noticeably


def settle(canvas: Canvas) -> None:
    """For a canvas of BIG_CANVAS notes or more: collect, then keep what exists now (its thousands of notes and their
    items) out of later collections. A full collection scans them all and holds Python's lock for ~60 ms on 5,000
    notes, which stalled the window while a recovery copy was written. Objects of a canvas closed since are let
    back in first, so that they can still be collected."""
    if canvas.note_count() < BIG_CANVAS:
        return
    gc.unfreeze()
    gc.collect()
    gc.freeze()
