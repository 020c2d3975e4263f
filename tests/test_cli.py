"""The command line: --version, validate (FILE:LINE:COL: message, exit 0/1) and python -m editor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from editor import __version__
from editor.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"canvas-editor {__version__}"


def test_python_dash_m_editor_is_the_same_command() -> None:
    result = subprocess.run([sys.executable, "-m", "editor", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"canvas-editor {__version__}"


def test_validate_passes_good_files(tiktok_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tiktok_path)]) == 0
    assert capsys.readouterr().out == f"{tiktok_path}: ok (43 notes)\n"


def test_validate_prints_each_problem_and_fails(
    tiktok_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nblocks:\n  channels:\n    - {text: a, colour: blue}\n    - {text: b, color: bleu}\n")
    assert main(["validate", str(tiktok_path), str(bad), str(tmp_path / "missing.yaml")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("ok (43 notes)")
    assert lines[1].startswith(f"{bad}:4:17: unknown key 'colour'")
    assert lines[2].startswith(f"{bad}:5:24: 'bleu' is not a colour")
    assert lines[3] == f"{tmp_path / 'missing.yaml'}: there is no such file."


def test_validate_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["validate"])
    assert exit_info.value.code == 2
