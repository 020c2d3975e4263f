"""Reading canvas files: hand-written files load, text stays text, and every bad file names its line."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest
from hangs import never_hangs

from editor.fileformat import CanvasFileError, load_canvas, parse_canvas
from editor.fileformat.yamlsafe import MAX_BYTES

BAD = sorted((Path(__file__).parent / "bad").glob("*.yaml"))


# Bad files that cannot start with a comment, since they are not UTF-8: what each expects (line 0: the whole file).
NOT_UTF8 = {"utf-16.yaml": (0, None, "this is UTF-16 text"), "utf-32.yaml": (0, None, "this is UTF-32 text")}


def expectation(path: Path) -> tuple[int, int | None, str]:
    if path.name in NOT_UTF8:
        return NOT_UTF8[path.name]
    first_line = path.read_bytes().decode("utf-8", "replace").splitlines()[0]
    match = re.match(r"# expect (\d+):?(\d*) (.*)", first_line)
    assert match, f"{path.name} needs a first line '# expect LINE[:COL] fragment'"
    return int(match[1]), int(match[2]) if match[2] else None, match[3]


def test_hand_written_file_with_a_title_and_plain_notes_loads() -> None:
    canvas = parse_canvas(
        b"format: 1\ntitle: Lemonade stand\nblocks:\n"
        b"  customer_segments:\n    - Thirsty neighbours\n    - Joggers\n"
        b"  value_propositions:\n    - Cold lemonade on a hot day\n"
    )
    assert canvas.title == "Lemonade stand"
    assert [n.text for n in canvas.notes("customer_segments")] == ["Thirsty neighbours", "Joggers"]
    assert [n.color for n in canvas.notes("customer_segments")] == ["yellow", "yellow"]
    assert canvas.notes("key_partners") == []
    assert canvas.fields["designed_for"] == ""


@pytest.mark.parametrize("text", ["no", "on", "yes", "off", "1:30", "0755", "2024-03-05", "1e3", "null", "~", ".inf"])
def test_yaml_1_1_values_stay_the_text_the_person_wrote(text: str) -> None:
    canvas = parse_canvas(f"format: 1\ntitle: {text}\ndate: {text}\nblocks:\n  channels:\n    - {text}\n".encode())
    assert canvas.title == text
    assert canvas.fields["date"] == text
    assert canvas.notes("channels")[0].text == text


def test_note_mapping_keys_are_read() -> None:
    canvas = parse_canvas(
        b"format: 1\nblocks:\n  channels:\n    - text: Ads\n      color: '#1A2B3C'\n"
        b"      tags: [paid, q3]\n      votes: 4\n      at: [0.25, 0.5]\n"
    )
    note = canvas.notes("channels")[0]
    assert (note.text, note.color, note.tags, note.votes, note.position) == (
        "Ads",
        "#1a2b3c",
        ("paid", "q3"),
        4,
        (0.25, 0.5),
    )


def test_the_parking_lot_reads_as_a_list_of_notes_and_files_without_one_have_an_empty_one() -> None:
    canvas = parse_canvas(b"format: 1\nparking_lot:\n  - Pricing?\n  - text: Radio ads\n    votes: 2\n")
    assert [(n.text, n.votes) for n in canvas.notes("parking_lot")] == [("Pricing?", 0), ("Radio ads", 2)]
    assert canvas.note_count() == 2
    assert parse_canvas(b"format: 1\nblocks:\n  channels: [Ads]\n").notes("parking_lot") == []
    assert parse_canvas(b"format: 1\nparking_lot:\n").notes("parking_lot") == []


def test_empty_block_and_empty_header_values_read_as_empty() -> None:
    canvas = parse_canvas(b"format: 1\ntitle:\nlegend:\nblocks:\n  channels:\n")
    assert canvas.title == ""
    assert canvas.notes("channels") == []
    assert canvas.legend == {}


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_file_names_its_line_and_says_what_to_fix(path: Path) -> None:
    line, column, fragment = expectation(path)
    with pytest.raises(CanvasFileError) as caught:
        load_canvas(path)
    first = caught.value.first
    assert (first.line, first.column if column is not None else None) == (line, column), str(caught.value)
    assert fragment in first.message
    assert str(caught.value).startswith(f"{path}:{line}:" if line else f"{path}: ")


def test_every_problem_in_a_file_is_reported_at_once() -> None:
    with pytest.raises(CanvasFileError) as error:
        load_canvas(Path(__file__).parent / "bad" / "several-problems.yaml")
    assert [(p.line, p.column) for p in error.value.problems] == [(5, 17), (6, 24)]


def test_every_problem_of_a_file_is_reported_in_one_pass_in_the_files_order() -> None:
    with pytest.raises(CanvasFileError) as error:
        load_canvas(Path(__file__).parent / "bad" / "every-problem.yaml")
    found = [(p.line, p.column, p.message.split(" ", 2)[:2]) for p in error.value.problems]
    assert [(line, column) for line, column, _ in found] == [
        (6, 14),
        (7, 7),
        (9, 13),
        (11, 7),
        (13, 17),
        (14, 3),
        (17, 3),
    ]
    messages = [p.message for p in error.value.problems]
    assert "at least 0" in messages[0] and "no 'text:'" in messages[1] and "must be text" in messages[2]
    assert "'color'" in messages[3] and "'far'" in messages[4] and "key_partners" in messages[5]
    assert "'blue'" in messages[6]


def test_a_file_with_very_many_problems_lists_twenty_and_says_how_many_more() -> None:
    notes = "".join(f"    - {{text: n{i}, color: bleu}}\n" for i in range(32))
    with pytest.raises(CanvasFileError) as error:
        parse_canvas(f"format: 1\nblocks:\n  channels:\n{notes}".encode())
    problems = error.value.problems
    assert len(problems) == 21 and problems[-1].message == "and 12 more problems."
    assert [p.line for p in problems[:20]] == list(range(4, 24))


def test_empty_file_says_so(tmp_path: Path) -> None:
    for content in (b"", b"   \n", b"# only a comment\n"):
        path = tmp_path / "empty.yaml"
        path.write_bytes(content)
        with pytest.raises(CanvasFileError, match="the file is empty"):
            load_canvas(path)


def test_binary_garbage_is_refused_with_a_position() -> None:
    with pytest.raises(CanvasFileError, match=r"^x\.yaml:1:5: .*binary"):
        parse_canvas(b"form\x00\x01\x02\xff\xfe", "x.yaml")
    with pytest.raises(CanvasFileError, match=r"^x\.yaml:2:11: byte 0xe9 is not UTF-8"):
        parse_canvas(b"format: 1\ntitle: caf\xe9\n", "x.yaml")


def test_a_byte_order_mark_is_accepted() -> None:
    assert parse_canvas(b"\xef\xbb\xbfformat: 1\ntitle: BOM\n").title == "BOM"


def test_file_over_the_size_cap_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(CanvasFileError, match="MiB"):
        load_canvas(path)


def test_missing_file_and_folder_give_the_format_error(tmp_path: Path) -> None:
    with pytest.raises(CanvasFileError, match="no such file"):
        load_canvas(tmp_path / "nope.yaml")
    with pytest.raises(CanvasFileError, match="folder"):
        load_canvas(tmp_path)


def test_alias_bomb_fails_small() -> None:
    bomb = b"format: 1\na: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode() for i in range(12)
    )
    tracemalloc.start()
    with never_hangs("refusing an alias bomb"), pytest.raises(CanvasFileError, match="anchors"):
        parse_canvas(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 4 * 2**20


@pytest.mark.parametrize(("opener", "column"), [("[", 13), ("{a: ", 28)])
def test_pathologically_deep_nesting_is_refused_at_once(opener: str, column: int) -> None:
    # libyaml's own composer recurses in C and kills the process on input like this; libyaml 0.2.6 (PyYAML 6.0.4)
    # stops at 1,000 levels with its own words. Either way the person reads our sentence, at the sixth level.
    with never_hangs("refusing deep nesting"), pytest.raises(CanvasFileError, match="nests deeper") as raised:
        parse_canvas(b"format: 1\ntitle: " + opener.encode() * 100_000)
    assert raised.value.first[:2] == (2, column)


def test_deep_block_nesting_is_refused_in_our_words() -> None:
    text = "format: 1\nblocks:\n" + "".join("  " * level + "-\n" for level in range(1_200))
    with pytest.raises(CanvasFileError, match="nests deeper") as raised:
        parse_canvas(text.encode())
    assert raised.value.first[:2] == (8, 11)
