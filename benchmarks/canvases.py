"""Generated canvases of any size for the benchmarks: realistic note lengths, colours, tags and positions."""

from __future__ import annotations

import random

from editor.fileformat import default_template
from editor.model import PALETTE, Canvas, Note

WORDS = [
    "customers",
    "partners",
    "revenue",
    "channel",
    "platform",
    "creators",
    "brands",
    "ads",
    "data",
    "growth",
    "subscription",
    "community",
    "support",
    "app",
    "store",
    "video",
    "content",
    "algorithm",
    "cost",
    "marketing",
    "events",
    "value",
    "trust",
    "speed",
    "quality",
    "price",
]


def generated_canvas(notes: int, seed: int = 1) -> Canvas:
    """A canvas with `notes` notes of about 85 characters, spread over the blocks."""
    rng = random.Random(seed)
    template = default_template()
    blocks: dict[str, list[Note]] = {block_id: [] for block_id in template.block_ids}
    colors = list(PALETTE)
    for number in range(notes):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 80:
            words.append(rng.choice(WORDS))
        note = Note(
            f"{number} " + " ".join(words),
            color=rng.choice(colors),
            tags=tuple(rng.sample(WORDS, 2)) if number % 3 == 0 else (),
            votes=number % 4,
            position=(round(rng.random(), 4), round(rng.random(), 4)) if number % 5 == 0 else None,
        )
        blocks[template.block_ids[number % len(template.block_ids)]].append(note)
    return Canvas(template, title=f"Generated, {notes} notes", blocks=blocks)
