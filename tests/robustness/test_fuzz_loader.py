"""Fuzzing the loader: any bytes, and every kind of damage to real files, give the format's own error or a canvas."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest
from hangs import never_hangs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor import paths
from editor.fileformat import CanvasFileError, parse_canvas
from editor.model import Canvas

EXAMPLES = sorted(paths.examples_dir().glob("*.yaml"))


def load_or_format_error(data: bytes) -> None:
    """The one promise: a Canvas, or CanvasFileError with at least one located problem; nothing else."""
    try:
        result = parse_canvas(data, "fuzz.yaml")
    except CanvasFileError as error:
        assert error.problems and str(error).startswith("fuzz.yaml:")
    else:
        assert isinstance(result, Canvas)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    load_or_format_error(data)


YAML_PIECES = st.sampled_from(
    [
        "format: 1\n",
        "title: x\n",
        "blocks:\n",
        "  channels:\n",
        "    - a\n",
        "    - {text: b, color: pink}\n",
        "!!python/object:os.system\n",
        "&a [1]\n",
        "*a\n",
        "? \n",
        ": \n",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "'",
        '"',
        "\t",
        "\x00",
        "\ufeff",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "<<: *a\n",
        "!custom x\n",
        "|\n",
        ">-\n",
        "  votes: 9999999999999999999999\n",
        "  at: [0.5, 2]\n",
        "  tags: [a, b]\n",
        "\u2028",
        "é",
        "🎵",
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAML_PIECES, max_size=40))
def test_yaml_shaped_text(pieces: list[str]) -> None:
    load_or_format_error("".join(pieces).encode("utf-8", "surrogatepass"))


def mutations(data: bytes, rng: random.Random) -> list[bytes]:
    """Damage as it happens to real files: flipped bytes, cut files, and hostile YAML spliced in."""
    cut = rng.randrange(len(data))
    flipped = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        flipped[rng.randrange(len(flipped))] = rng.randrange(256)
    line_start = data.rfind(b"\n", 0, cut) + 1
    splice = [
        b"!!python/object/apply:os.system ['echo pwned']\n",
        b"x: &a [1, 2]\ny: *a\n",
        b"[" * 200 + b"]" * 200,
        b"blocks: {}\nblocks: {}\n",
        b"title: " + b"x" * 200_000 + b"\n",
        b"\xff\xfe\x00",
    ]
    return [
        data[:cut],
        bytes(flipped),
        data[:line_start] + rng.choice(splice) + data[line_start:],
        data + data,
        data.replace(b"  ", b"\t", 1),
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_mutations_of_the_example_files(example: Path) -> None:
    data = example.read_bytes()
    rng = random.Random(example.name)
    for _ in range(200):
        for damaged in mutations(data, rng):
            load_or_format_error(damaged)


@pytest.mark.parametrize(
    "bomb",
    [
        # The billion laughs: each line doubles the one before, through aliases.
        b"a: &a [x, x]\n" + b"".join(b"%c: &%c [*%c, *%c]\n" % ((98 + i,) * 2 + (97 + i,) * 2) for i in range(24)),
        b"[" * 100_000 + b"]" * 100_000,
        b"a:\n" + b"".join(b" " * i + b"- \n" for i in range(1, 3000)),
    ],
    ids=["aliases", "deep flow nesting", "deep block nesting"],
)
def test_bombs_are_refused_small(bomb: bytes) -> None:
    tracemalloc.start()
    with never_hangs("refusing a bomb"), pytest.raises(CanvasFileError):
        parse_canvas(bomb, "bomb.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 2**20
