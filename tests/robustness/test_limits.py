"""The limits of a canvas bound the work a file asks for, and the writer never writes what the reader refuses."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from canvases import BMC
from hangs import HANG_SECONDS

from editor.errors import CanvasFileError
from editor.fileformat import load_canvas, save_canvas
from editor.fileformat.yamlsafe import MAX_BYTES
from editor.gui.recovery import CopyInfo, Session
from editor.model import PALETTE, Canvas, Note
from editor.model.limits import MAX_LEGEND, MAX_NOTES, MAX_TAGS, MAX_TEXT, MAX_VALUES

HEAD = "format: 1\nblocks:\n  channels:\n"


def attack(name: str) -> tuple[str, tuple[int, int], str]:
    """The files the attack of issue 16 used, each with where its one problem is and a fragment of its sentence.
    They are made here rather than kept in the repository: the largest is 32 MiB."""
    # HEAD holds 7 values (the top mapping, 'format', '1', 'blocks', its mapping, 'channels' and the list): the
    # first value too many is a note's value number `past`, counted from 1.
    past = MAX_VALUES + 1 - 7
    if name == "a million notes":  # 6.9 MB: once 88 s and 5.3 GB to open
        return HEAD + "  - a\n" * 1_000_000, (3 + past, 5), "more than 231,200 values"
    if name == "200,000 bad colours":  # once 214 s and 3.9 GB before the error box came
        note = "    - {text: a, color: nope}\n"  # five values a note: the mapping, two keys, two values
        columns = (7, 8, 14, 17, 24)
        return HEAD + note * 200_000, (3 + -(-past // 5), columns[(past - 1) % 5]), "more than 231,200 values"
    if name == "32 MiB of notes":  # 16.8 million notes on one line: once 59 s and 4.7 GB to validate
        notes = "a," * ((MAX_BYTES - len(HEAD) - 8) // 2)
        return HEAD + f"    [{notes}a]\n", (4, 6 + 2 * (past - 1)), "more than 231,200 values"
    if name == "10,001 notes":
        return HEAD + "    - a\n" * (MAX_NOTES + 1), (4 + MAX_NOTES, 7), f"more than {MAX_NOTES:,} notes"
    if name == "a word of a million letters":  # once not open after 150 s
        return HEAD + "    - " + "w" * 1_000_000 + "\n", (4, 7), "1,000,000 characters long"
    raise KeyError(name)


ATTACKS = ["a million notes", "200,000 bad colours", "32 MiB of notes", "10,001 notes", "a word of a million letters"]


@pytest.mark.parametrize("name", ATTACKS)
def test_a_file_past_a_limit_is_refused_where_the_limit_is_passed(tmp_path: Path, name: str) -> None:
    text, place, fragment = attack(name)
    path = tmp_path / "attack.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size <= MAX_BYTES
    with pytest.raises(CanvasFileError) as caught:
        load_canvas(path)
    problem = caught.value.first
    assert len(caught.value.problems) == 1, str(caught.value)
    # Located at the first value, note or letter past the limit: reading stopped there, whatever follows it.
    assert (problem.line, problem.column) == place, str(caught.value)
    assert fragment in problem.message


def test_validate_answers_an_attack_file_with_one_located_line(tmp_path: Path) -> None:
    path = tmp_path / "million.yaml"
    path.write_text(attack("a million notes")[0], encoding="utf-8")
    command = [sys.executable, "-m", "editor", "validate", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG_SECONDS)  # how fast: the README
    assert result.returncode == 1 and result.stderr == ""
    assert result.stdout.startswith(f"{path}:{attack('a million notes')[1][0]}:5: the file holds more than")
    assert result.stdout.count("\n") == 1


@pytest.mark.parametrize(
    "what, file_text, fragment",
    [
        ("tags", HEAD + "    - {text: a, tags: [" + ", ".join(["t"] * (MAX_TAGS + 1)) + "]}\n", "at most 10 tags"),
        ("legend", "format: 1\nlegend:\n" + "".join(f"  '#0000{i:02x}': x\n" for i in range(101)), "at most 100"),
        ("title", f"format: 1\ntitle: {'t' * (MAX_TEXT + 1)}\n", "10,001 characters long"),
        ("tag", HEAD + f"    - {{text: a, tags: [{'t' * (MAX_TEXT + 1)}]}}\n", "10,001 characters long"),
    ],
)
def test_each_limit_has_a_located_sentence(what: str, file_text: str, fragment: str) -> None:
    from editor.fileformat import parse_canvas

    with pytest.raises(CanvasFileError) as caught:
        parse_canvas(file_text.encode())
    assert caught.value.first.line > 1 and fragment in caught.value.first.message, str(caught.value)


def fullest_canvas() -> Canvas:
    """A canvas at every limit at once: the most notes, each with every key and the most tags, the longest texts and
    the largest legend."""
    tags = tuple(f"tag{i}" for i in range(MAX_TAGS))
    canvas = Canvas(BMC, title="t" * MAX_TEXT)
    legend = {color: "m" * MAX_TEXT for color in PALETTE}
    legend.update({f"#0000{i:02x}": "meaning" for i in range(MAX_LEGEND - len(legend))})
    canvas.set_legend(legend)
    block_ids = canvas.template.block_ids
    for i in range(MAX_NOTES):
        note = Note("n" * (MAX_TEXT if i < 10 else 20), color="blue", tags=tags, votes=3, position=(0.5, 0.25))
        canvas.add_note(block_ids[i % len(block_ids)], note)
    return canvas


@pytest.mark.slow
def test_a_canvas_at_every_limit_is_saved_and_opens_again(tmp_path: Path) -> None:
    canvas = fullest_canvas()
    path = tmp_path / "fullest.yaml"
    save_canvas(canvas, path)
    again = load_canvas(path)
    assert again.note_count() == MAX_NOTES
    assert again.content() == canvas.content()


def test_the_writer_refuses_what_the_reader_would_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    save_canvas(Canvas(BMC, title="Before"), path)
    before = path.read_bytes()
    too_many = Canvas(BMC)
    for _ in range(MAX_NOTES + 1):
        too_many.add_note("channels", Note("a"))
    too_long = Canvas(BMC, blocks={"channels": [Note("w" * (MAX_TEXT + 1))]})
    # 3,400 notes of the longest text: each within its limits, together more than the reader reads.
    too_large = Canvas(BMC, blocks={"channels": [Note("x" * MAX_TEXT) for _ in range(3_400)]})
    for canvas, fragment in [
        (too_many, "more than 10,000 notes"),
        (too_long, "10,001 characters long"),
        (too_large, "canvas files may be at most 32 MiB"),
    ]:
        with pytest.raises(CanvasFileError, match=fragment) as caught:
            save_canvas(canvas, path)
        assert "could not save" in str(caught.value) and "not changed" in str(caught.value)
        assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]  # no temporary file left


def test_a_recovery_copy_too_large_to_read_is_not_written(tmp_path: Path) -> None:
    session = Session(tmp_path / "recovery")
    copy_id = session.new_copy_id()
    canvas = Canvas(BMC, blocks={"channels": [Note("x" * MAX_TEXT) for _ in range(3_400)]})
    future = session.write(copy_id, canvas.content(), CopyInfo(None, time.time(), None))
    with pytest.raises(CanvasFileError, match="at most 32 MiB"):
        future.result()
    assert not session.copy_path(copy_id).exists()
    session.close()


BAD = Path(__file__).parents[1] / "fileformat" / "bad"
# The attack's files that fit in the repository, beside the others; the larger are made by `attack` above.
ATTACK_FILES = [
    "too-many-notes.yaml",
    "text-too-long.yaml",
    "too-many-tags.yaml",
    "legend-too-large.yaml",
    "huge-number.yaml",
    "terminal-escape.yaml",
    "cr-line-ends.yaml",
    "utf-16.yaml",
    "utf-32.yaml",
    "lone-surrogate-bytes.yaml",
    "control-character.yaml",
    "deep-nesting.yaml",
    "alias-bomb.yaml",
]


@pytest.mark.parametrize("name", ATTACK_FILES)
def test_validate_answers_each_attack_file_in_the_repository_with_one_line(name: str) -> None:
    path = BAD / name
    command = [sys.executable, "-m", "editor", "validate", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=HANG_SECONDS)
    assert result.returncode == 1 and result.stderr == ""
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"{path}:")
    assert "\x1b" not in line and "\x07" not in line  # a file's escapes are shown, never sent to the terminal


HUGE = "k" * 1_000_000


@pytest.mark.parametrize(
    "file_text",
    [
        f"format: 1\n? {HUGE}\n: x\n",  # an unknown key
        f"format: 1\n? {HUGE}\n: x\n? {HUGE}\n: y\n",  # a key twice
        f"format: 1\nlegend:\n  ? {HUGE}\n  : x\n",  # a colour
        f"format: 1\nblocks:\n  ? {HUGE}\n  : []\n",  # a block
        f"format: 1\nblocks:\n  channels:\n  - {{text: a, at: [{'9' * 1_000_000}, 1]}}\n",  # a number
        f"format: {'1' * 1_000_000}x\n",  # the format
        f"format: 1\ntemplate: {HUGE}\n",  # a template
    ],
    ids=["key", "duplicate key", "colour", "block", "number", "format", "template"],
)
def test_a_message_quotes_the_start_of_a_huge_value_and_says_how_long_it_is(file_text: str) -> None:
    from editor.fileformat import parse_canvas

    with pytest.raises(CanvasFileError) as caught:
        parse_canvas(file_text.encode())
    message = caught.value.first.message
    assert len(message) < 400 and ("characters)" in message or "characters long" in message), message[:500]
