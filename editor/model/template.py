"""Canvas templates: the blocks, titles, key questions, grid and fill order of a canvas kind (read from their files
by editor.fileformat.templates)."""

from __future__ import annotations

from typing import NamedTuple

from editor.model.note import PARKING_LOT, PARKING_LOT_TITLE


class BlockSpec(NamedTuple):
    id: str
    title: str
    questions: tuple[str, ...]
    column: int
    row: int
    column_span: int
    row_span: int
    meaning: str = ""  # blocks of two templates with the same meaning take each other's notes; "" is the block's id

    @property
    def sense(self) -> str:
        """What the block is about, across templates: its meaning, or its id."""
        return self.meaning or self.id


class HeaderField(NamedTuple):
    id: str
    label: str


class Template(NamedTuple):
    id: str
    name: str
    credit: str
    columns: int
    rows: int
    header: tuple[HeaderField, ...]
    blocks: tuple[BlockSpec, ...]
    fill_order: tuple[str, ...]
    description: str = ""  # when to use it, in a sentence: the New gallery shows it

    @property
    def block_ids(self) -> tuple[str, ...]:
        return tuple(block.id for block in self.blocks)

    @property
    def header_ids(self) -> tuple[str, ...]:
        return tuple(field.id for field in self.header)

    def block(self, block_id: str) -> BlockSpec:
        for block in self.blocks:
            if block.id == block_id:
                return block
        raise KeyError(block_id)

    def title_of(self, block_id: str) -> str:
        """A block's title as a person reads it: the parking lot's too, and a block this template lacks by its id."""
        if block_id == PARKING_LOT:
            return PARKING_LOT_TITLE
        return next((block.title for block in self.blocks if block.id == block_id), block_id)
