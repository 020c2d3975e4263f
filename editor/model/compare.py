"""What changed between two canvases: notes matched as a person would match them, then each pair's differences, and
the header's and the legend's.

Notes are matched in rounds, each on what the earlier ones left: by id (a note that kept its id, in the same
document or in files that write ids), by exact text in the same block, by exact text in any block (a move), by
similar text in the same block (an edit), by similar text in any block (a move and an edit). Equal texts pair in
their order on the board, so duplicates stay paired as they stand. What is left was added or removed."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from editor.model.canvas import Canvas
from editor.model.note import Note

SIMILAR = 0.6  # the likeness from which two texts are one note edited ("Podcast ads" ~ "Podcasts ads": 0.78)
MAX_SIMILAR_PAIRS = 250_000  # past this many candidate pairs in one round, similar texts are looked for block by block

# What a note's change can be, in the order a person reads them.
ADDED, REMOVED, MOVED, EDITED, RECOLOURED, VOTES, TAGS = (
    "added",
    "removed",
    "moved",
    "edited",
    "recoloured",
    "votes",
    "tags",
)
ASPECTS = (ADDED, REMOVED, MOVED, EDITED, RECOLOURED, VOTES, TAGS)


@dataclass(frozen=True, slots=True)
class Placed:
    """A note where it stands on one side: its block and its index there."""

    note: Note
    block_id: str
    index: int


@dataclass(frozen=True, slots=True)
class NoteChange:
    """One note on either side, and how it changed: `old` is None for a note added, `new` for one removed."""

    old: Placed | None
    new: Placed | None
    aspects: tuple[str, ...]

    @property
    def block_id(self) -> str:
        """Where the change shows: the note's block now, or where it was."""
        placed = self.new or self.old
        assert placed is not None
        return placed.block_id


@dataclass(frozen=True, slots=True)
class HeaderChange:
    """A change of the title, a header field or a legend entry: `what` names it as a person reads it."""

    what: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class CanvasDiff:
    notes: tuple[NoteChange, ...]
    header: tuple[HeaderChange, ...]
    unchanged: int  # notes on both sides that did not change

    @property
    def same(self) -> bool:
        return not self.notes and not self.header

    def count(self, aspect: str) -> int:
        return sum(aspect in change.aspects for change in self.notes)


def compare(old: Canvas, new: Canvas) -> CanvasDiff:
    """What changed from `old` to `new`. Neither canvas changes."""
    olds, news = list(_placed(old)), list(_placed(new))
    pairs, removed, added = _match(olds, news)
    changes: list[NoteChange] = []
    unchanged = 0
    for a, b in pairs:
        aspects = _aspects(a, b)
        if aspects:
            changes.append(NoteChange(a, b, aspects))
        else:
            unchanged += 1
    changes += [NoteChange(a, None, (REMOVED,)) for a in removed]
    changes += [NoteChange(None, b, (ADDED,)) for b in added]
    # The newer canvas's blocks in its order, then those only the older has (a block on both sides keeps its rank).
    order = {block_id: rank for rank, block_id in enumerate(dict.fromkeys((*new.block_ids, *old.block_ids)))}
    changes.sort(key=lambda change: (order.get(change.block_id, len(order)), _index(change)))
    return CanvasDiff(tuple(changes), tuple(_header(old, new)), unchanged)


def _placed(canvas: Canvas) -> Iterator[Placed]:
    for block_id in canvas.block_ids:
        for index, note in enumerate(canvas.notes(block_id)):
            yield Placed(note, block_id, index)


def _index(change: NoteChange) -> int:
    placed = change.new or change.old
    assert placed is not None
    return placed.index


def _aspects(a: Placed, b: Placed) -> tuple[str, ...]:
    found = {
        MOVED: a.block_id != b.block_id,
        EDITED: a.note.text != b.note.text,
        RECOLOURED: a.note.color != b.note.color,
        VOTES: a.note.votes != b.note.votes,
        TAGS: a.note.tags != b.note.tags,
    }
    return tuple(aspect for aspect in ASPECTS if found.get(aspect))


# Matching


def _match(olds: list[Placed], news: list[Placed]) -> tuple[list[tuple[Placed, Placed]], list[Placed], list[Placed]]:
    """The pairs found, round by round, and the notes of each side left unpaired (removed, added)."""
    pairs: list[tuple[Placed, Placed]] = []
    left_old, left_new = olds, news

    def take(found: Iterable[tuple[Placed, Placed]]) -> None:
        nonlocal left_old, left_new
        found = list(found)
        pairs.extend(found)
        gone_old, gone_new = {id(a) for a, _ in found}, {id(b) for _, b in found}
        left_old = [a for a in left_old if id(a) not in gone_old]
        left_new = [b for b in left_new if id(b) not in gone_new]

    take(_by_id(left_old, left_new))
    take(_by_text(left_old, left_new, same_block=True))
    take(_by_text(left_old, left_new, same_block=False))
    take(_by_similar_text(left_old, left_new, same_block=True))
    take(_by_similar_text(left_old, left_new, same_block=False))
    return pairs, left_old, left_new


def _by_id(olds: list[Placed], news: list[Placed]) -> Iterator[tuple[Placed, Placed]]:
    by_id = {a.note.id: a for a in olds}
    for b in news:
        a = by_id.pop(b.note.id, None)
        if a is not None:
            yield a, b


def _by_text(olds: list[Placed], news: list[Placed], same_block: bool) -> Iterator[tuple[Placed, Placed]]:
    """Equal texts, in board order (the first "Ads" with the first "Ads")."""
    waiting: dict[tuple[str, str], deque[Placed]] = defaultdict(deque)
    for a in olds:
        waiting[(a.block_id if same_block else "", a.note.text)].append(a)
    for b in news:
        queue = waiting.get((b.block_id if same_block else "", b.note.text))
        if queue:
            yield queue.popleft(), b


def _by_similar_text(olds: list[Placed], news: list[Placed], same_block: bool) -> Iterator[tuple[Placed, Placed]]:
    """The most similar pairs first, each note in one pair at most; in the same block first when `same_block`."""
    if not olds or not news:
        return
    if same_block:
        groups = _by_block(olds, news)
    elif len(olds) * len(news) <= MAX_SIMILAR_PAIRS:
        groups = [(olds, news)]
    else:
        return  # too many to weigh across blocks: the same-block round took what it could
    for group_old, group_new in groups:
        if len(group_old) * len(group_new) > MAX_SIMILAR_PAIRS:
            continue  # a block rewritten whole: its notes are added and removed
        yield from _closest(group_old, group_new)


def _by_block(olds: list[Placed], news: list[Placed]) -> list[tuple[list[Placed], list[Placed]]]:
    blocks: dict[str, tuple[list[Placed], list[Placed]]] = defaultdict(lambda: ([], []))
    for a in olds:
        blocks[a.block_id][0].append(a)
    for b in news:
        blocks[b.block_id][1].append(b)
    return [(group_old, group_new) for group_old, group_new in blocks.values() if group_old and group_new]


def _closest(olds: list[Placed], news: list[Placed]) -> Iterator[tuple[Placed, Placed]]:
    """Pairs whose texts share most of their three-letter pieces (Dice's coefficient), the most alike first."""
    new_grams = [_grams(b.note.text) for b in news]
    holding: dict[str, list[int]] = defaultdict(list)  # a piece -> the new notes that have it
    for j, grams in enumerate(new_grams):
        for gram in grams:
            holding[gram].append(j)
    candidates: list[tuple[float, int, int]] = []
    for i, a in enumerate(olds):
        grams = _grams(a.note.text)
        shared: dict[int, int] = defaultdict(int)
        for gram in grams:
            for j in holding.get(gram, ()):
                shared[j] += 1
        for j, count in shared.items():
            likeness = 2 * count / (len(grams) + len(new_grams[j]))
            if likeness >= SIMILAR:
                candidates.append((likeness, i, j))
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for _, i, j in sorted(candidates, key=lambda candidate: -candidate[0]):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            yield olds[i], news[j]


def _grams(text: str) -> frozenset[str]:
    """The three-letter pieces of a text, in lower case, with its words' ends marked ("Ads": " ad", "ads", "ds ")."""
    padded = f" {' '.join(text.casefold().split())} "
    return frozenset(padded[k : k + 3] for k in range(len(padded) - 2))


# The header and the legend


def _header(old: Canvas, new: Canvas) -> Iterator[HeaderChange]:
    if old.title != new.title:
        yield HeaderChange("Title", old.title, new.title)
    labels = {field.id: field.label for field in (*old.template.header, *new.template.header)}
    for field_id, label in labels.items():
        before, after = old.fields.get(field_id, ""), new.fields.get(field_id, "")
        if before != after:
            yield HeaderChange(label, before, after)
    for color in dict.fromkeys((*old.legend, *new.legend)):
        before, after = old.legend.get(color, ""), new.legend.get(color, "")
        if before != after:
            yield HeaderChange(f"Legend: {color}", before, after)
    if old.template.id != new.template.id:
        yield HeaderChange("Canvas kind", old.template.name, new.template.name)


def block_title(canvas: Canvas, block_id: str) -> str:
    """A block's title on a canvas (its id when the canvas's template lacks it)."""
    return canvas.template.title_of(block_id)
