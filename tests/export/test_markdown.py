"""Markdown export, read back through a CommonMark parser: every note under its block, in the template's order."""

from __future__ import annotations

from pathlib import Path

from canvases import BMC
from markdown_it import MarkdownIt
from markdown_it.token import Token

from editor.export.markdown import canvas_markdown, mark
from editor.fileformat import load_canvas
from editor.model import Canvas, Note


def parsed(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def plain(inline: Token) -> str:
    """What a reader sees of an inline token: its text, line breaks as newlines, no markup."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def sections(text: str) -> dict[str, list[str]]:
    """Each level-2 heading with the plain text of the list items under it (marks and extras included)."""
    result: dict[str, list[str]] = {}
    tokens = parsed(text)
    current = ""
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            current = tokens[index + 1].content
            result[current] = []
        elif token.type == "list_item_open" and current:
            result[current].append(plain(tokens[index + 2]))
    return result


def test_every_note_is_listed_under_its_block_in_order(tiktok_path: Path) -> None:
    canvas = load_canvas(tiktok_path)
    text = canvas_markdown(canvas)
    found = sections(text)
    assert list(found) == [block.title for block in canvas.template.blocks]
    for block in canvas.template.blocks:
        expected = [f"{mark(note.color, set(canvas.legend))}{note.text}" for note in canvas.notes(block.id)]
        assert found[block.title] == expected
    assert text.startswith("# TikTok\n")
    assert canvas.template.credit in text


def test_markup_in_notes_stays_text_and_votes_tags_and_lines_show() -> None:
    tricky = [
        Note("*not bold* _nor this_ [not a link](x) <b>no html</b> a|b `code`"),
        Note("# not a heading", color="blue", votes=3, tags=("growth", "ads")),
        Note("1. not a list", color="#123456", votes=1),
        Note("first line\n- second line\n# third", color="pink"),
    ]
    canvas = Canvas(BMC, title="*Title* | with pipe", blocks={"channels": tricky})
    text = canvas_markdown(canvas)
    found = sections(text)["Channels"]
    assert found[0] == "*not bold* _nor this_ [not a link](x) <b>no html</b> a|b `code`"
    assert found[1] == "(blue) # not a heading · 3 votes growth ads"
    assert found[2] == "(#123456) 1. not a list · 1 vote"
    assert found[3] == "(pink) first line\n- second line\n# third"
    tokens = parsed(text)
    assert tokens[0].tag == "h1" and plain(tokens[1]) == "*Title* | with pipe"
    notes = [t for t in tokens if t.type == "inline" and "No notes yet" not in t.content]
    assert not any(child.type in ("html_inline", "link_open", "em_open") for t in notes for child in t.children or [])


def test_header_fields_make_a_table_and_empty_blocks_say_so() -> None:
    canvas = Canvas(BMC, title="Lemonade", fields={"designed_by": "Ana | Ben", "date": "May"})
    text = canvas_markdown(canvas)
    tokens = parsed(text)
    cells = [plain(tokens[i + 1]) for i, t in enumerate(tokens) if t.type in ("th_open", "td_open")]
    assert cells == ["Designed for", "Designed by", "Date", "Version", "", "Ana | Ben", "May", ""]
    assert sections(text)["Channels"] == [] and "*No notes yet.*" in text


def test_colours_are_words_that_any_system_shows(tiktok_path: Path) -> None:
    text = canvas_markdown(load_canvas(tiktok_path))
    assert "**Colours:** yellow: Users and content creators · pink: Celebrities and influencers" in text
    assert "- (pink) Digital influencers and celebrities" in text
    # Latin-1 and general punctuation only: no emoji, which older systems show as empty boxes.
    assert all(ord(char) < 0x2100 for char in text if not char.isalpha())
