"""Shipped YAML files parsed ahead (editor/shipped_trees.py): current, equal to a real parse, never stale."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor import shipped, yamlsafe
from editor.errors import CanvasFileError
from editor.fileformat import load_canvas, parse_canvas
from editor.shipped_trees import TREES


def test_the_stored_trees_are_those_of_the_shipped_files_now() -> None:
    assert len(TREES) == len(shipped.shipped_files()) >= 2
    assert shipped.TARGET.read_text(encoding="utf-8") == shipped.module_text(), "run: python -m editor.shipped"


@pytest.mark.parametrize("path", shipped.shipped_files(), ids=lambda path: path.name)
def test_a_shipped_file_reads_as_the_parser_reads_it(path: Path) -> None:
    data = path.read_bytes()
    parsed = yamlsafe.compose(yamlsafe.decode(data, str(path)), str(path), shipped.MAX_DEPTH)
    assert yamlsafe.parse(data, str(path), shipped.MAX_DEPTH) == parsed
    assert parsed is not None and yamlsafe.from_tree(yamlsafe.to_tree(parsed)) == parsed


def test_a_file_one_byte_away_from_a_shipped_one_is_parsed(tiktok_path: Path) -> None:
    data = tiktok_path.read_bytes()
    assert b"title: TikTok\n" in data
    changed = parse_canvas(data.replace(b"title: TikTok\n", b"title: TikToK\n"), "changed.yaml")
    assert changed.title == "TikToK"
    assert load_canvas(tiktok_path).title == "TikTok"
    with pytest.raises(CanvasFileError, match="more than one YAML document"):
        parse_canvas(b"---\n" + data + b"\n---\n", "changed.yaml")


def test_start_up_imports_no_yaml_parser_nor_what_the_first_painted_board_does_without() -> None:
    """The example is read from its stored tree; OpenSSL, html, the note editor and export code come when first used
    (each measured in the README's Performance section)."""
    later = ["yaml", "_hashlib", "html", "editor.gui.note_editor", "editor.export"]
    code = (
        "import sys, os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from editor.gui.app import make_application, open_window\n"
        "make_application()\n"
        "window = open_window(None)\n"
        "assert window.document.canvas.note_count() > 40\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {later} or m in {later}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
