"""The README: its Quick start (two commands, and CI runs the test one word for word), its picture and its example."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:sh|bash|shell)?\n(.*?)```", section, re.S)
    return [line for block in blocks for line in block.splitlines() if line and not line.startswith("#")]


def test_quick_start_has_exactly_an_install_and_run_command_and_a_test_command() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2, commands
    assert commands[0].endswith("canvas-editor")
    assert "'.[test]'" in commands[1] and commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in ci


def test_the_readme_picture_is_what_its_export_command_makes(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QImage

    from editor.cli import main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = "canvas-editor export examples/tiktok.yaml -o examples/tiktok.png --width 1600"
    assert f"`{command}`" in readme and "![The TikTok example in Canvas Editor](examples/tiktok.png)" in readme
    args = command.split()[1:]
    made = tmp_path / "tiktok.png"
    args[1], args[3] = str(REPO / args[1]), str(made)
    assert main(args) == 0
    shipped, fresh = QImage(str(REPO / "examples" / "tiktok.png")), QImage(str(made))
    assert (shipped.width(), shipped.height()) == (fresh.width(), fresh.height())


def test_the_hand_written_canvas_in_the_readme_loads_with_everything_it_shows() -> None:
    from editor.fileformat import parse_canvas

    text = (REPO / "README.md").read_text(encoding="utf-8").split("```yaml\n", 1)[1].split("```", 1)[0]
    canvas = parse_canvas(text.encode("utf-8"), "README.md")
    assert canvas.title == "Lemonade stand" and canvas.note_count() == 5
    assert canvas.notes("value_propositions")[1].votes == 3
    assert canvas.legend == {"green": "Health-minded customers"}
    assert [note.text for note in canvas.notes("parking_lot")] == ["A second stand at the station?"]


def test_the_help_menus_file_format_is_the_readmes_section_word_for_word() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = "## The file format" + readme.split("## The file format", 1)[1].split("\n## ", 1)[0]
    shipped = (REPO / "resources" / "help" / "file-format.md").read_text(encoding="utf-8")
    assert shipped.split("-->\n\n", 1)[1] == section.rstrip("\n") + "\n"
