"""Canvas templates: the blocks, titles, key questions, grid and fill order of a canvas kind (read from their files
by editor.fileformat.templates)."""

from __future__ import annotations

from typing import NamedTuple


class BlockSpec(NamedTuple):
    id: str
    title: str
    questions: tuple[str, ...]
    column: int
    row: int
    column_span: int
    row_span: int


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
