"""The command line: --version, validate (FILE:LINE:COL: message, exit 0/1) and python -m editor."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from repos import git, new_repo

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


# export


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "editor", *args], capture_output=True, text=True, env=env)


def test_export_works_with_no_display_and_infers_the_format(tiktok_path: Path, tmp_path: Path) -> None:
    import os

    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # it finds the offscreen platform by itself
    result = run_cli("export", str(tiktok_path), "-o", str(tmp_path / "tiktok.pdf"), "--page", "A0", env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "tiktok.pdf").read_bytes().startswith(b"%PDF")
    assert result.stdout.strip() == f"{tiktok_path} -> {tmp_path / 'tiktok.pdf'}"


def test_export_several_files_into_a_folder(tiktok_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("format: 1\ntitle: Other\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(tiktok_path), str(other), "-o", str(out), "--format", "md"]) == 0
    assert sorted(path.name for path in out.iterdir()) == ["other.md", "tiktok.md"]
    assert (out / "other.md").read_text(encoding="utf-8").startswith("# Other\n")


def test_export_png_with_width(tiktok_path: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    assert main(["export", str(tiktok_path), "-o", str(tmp_path / "t.png"), "--width", "640"]) == 0
    assert QImage(str(tmp_path / "t.png")).width() == 640


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["-o", "{tmp}/x.docx"], 2, "cannot export to the name x.docx"),
        (["-o", "{tmp}/x.pdf", "--page", "B5"], 2, "unknown page size 'B5'"),
        (["-o", "{tmp}/missing/x.pdf"], 1, "x.pdf: could not save: the folder does not exist"),
    ],
)
def test_export_problems_give_one_line_and_a_non_zero_exit(
    tiktok_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    if code == 2:
        with pytest.raises(SystemExit) as exit_info:
            main(["export", str(tiktok_path), *args])
        assert exit_info.value.code == 2
    else:
        assert main(["export", str(tiktok_path), *args]) == code
    error = capsys.readouterr().err
    assert message in error.strip().splitlines()[-1]


def test_export_of_a_bad_canvas_says_where_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nblocks:\n  channels:\n    - {text: a, colour: blue}\n    - {text: b, color: bleu}\n")
    assert main(["export", str(bad), "-o", str(tmp_path / "bad.pdf")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{bad}:4:17: unknown key 'colour'") and lines[0].endswith("(and 1 more problem)")
    assert not (tmp_path / "bad.pdf").exists()


def test_help_documents_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "validate FILE..." in out and "export FILE... -o OUT" in out
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    for option in ("--output", "--format", "--page", "--dpi", "--width", "--transparent"):
        assert option in out


def test_export_to_a_folder_that_is_not_there_makes_it(tiktok_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "minutes" / "week 3"
    assert main(["export", str(tiktok_path), "-o", f"{folder}/", "--format", "md"]) == 0
    assert (folder / "tiktok.md").read_text(encoding="utf-8").startswith("# TikTok\n")


def test_join_with_no_display_says_so_in_one_sentence() -> None:
    import os

    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = run_cli("join", "ws://192.168.1.23:8765/room?k=key", env=env)
    assert result.returncode == 1 and "no display" in result.stderr and result.stderr.count("\n") == 1


# new, and templates


def test_new_writes_an_empty_canvas_of_the_template_and_never_over_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from editor.fileformat import load_canvas

    plan = tmp_path / "plan.yaml"
    assert main(["new", "--template", "lean-canvas", str(plan)]) == 0
    assert capsys.readouterr().out == f"{plan}: a new Lean Canvas\n"
    canvas = load_canvas(plan)
    assert canvas.template.id == "lean-canvas" and canvas.note_count() == 0
    plan.write_text(plan.read_text() + "title: Mine\n")
    assert main(["new", str(plan)]) == 1  # exists: left alone
    assert "exists already" in capsys.readouterr().err and load_canvas(plan).title == "Mine"
    assert main(["new", "--template", "value-proposition-canvas", str(tmp_path / "vpc.yaml")]) == 1
    assert (
        "no template 'value-proposition-canvas'; there are business-model-canvas, lean-canvas"
        in capsys.readouterr().err
    )
    assert not (tmp_path / "vpc.yaml").exists()


def test_validate_checks_template_files_with_located_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from editor import paths

    lean = paths.templates_dir() / "lean-canvas.yaml"
    bad = tmp_path / "retro.yaml"
    bad.write_text(
        "id: Retro Board\nname: Retro\ncredit: ours\ncolumns: 2\nrows: 1\n"
        "header:\n  - {id: title, label: Title}\n"
        "blocks:\n  - {id: went_well, title: Went well, grid: [0, 0, 1, 1]}\n"
        "  - {id: went_well, title: To change, grid: [1, 0, 1, 1]}\n"
    )
    assert main(["validate", str(lean), str(bad)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{lean}: ok (the template Lean Canvas, 9 blocks)"
    assert lines[1] == f"{bad}:1:5: a template's id is up to 64 lower-case letters, digits and '-': not 'Retro Board'."
    assert lines[2].startswith(f"{bad}:7:5: 'title' cannot name a header field")
    assert lines[3] == f"{bad}:10:5: two blocks have the id 'went_well'."


def test_a_template_past_a_canvas_file_s_limits_is_refused_for_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in a review: whether a file was a template was asked by building all of it, with no limit on its
    values (the canvas reader stops early); a template, or a shared canvas's carried one, now stops as early."""
    from editor.fileformat.templates import read_carried
    from editor.model.limits import MAX_VALUES

    questions = ", ".join(["q"] * (MAX_VALUES + 1))
    huge = f"columns: 1\nrows: 1\nblocks:\n  - {{id: a, title: A, grid: [0, 0, 1, 1], questions: [{questions}]}}\n"
    path = tmp_path / "huge.yaml"
    path.write_text(huge)
    assert main(["validate", str(path)]) == 1
    assert "values" in capsys.readouterr().out
    with pytest.raises(ValueError, match="values"):
        read_carried(huge)


# diff


def test_diff_says_what_changed_per_block_and_exits_as_diff_does(
    tiktok_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = tmp_path / "edited.yaml"
    text = tiktok_path.read_text(encoding="utf-8")
    edited.write_text(
        text.replace("Digital influencers and celebrities", "Influencers and celebrities"), encoding="utf-8"
    )
    assert main(["diff", str(tiktok_path), str(tiktok_path)]) == 0
    assert capsys.readouterr().out == "No changes.\n"
    assert main(["diff", str(tiktok_path), str(edited)]) == 1
    assert capsys.readouterr().out == (
        "Key Partners\n"
        "  ~ Influencers and celebrities (was: Digital influencers and celebrities)\n"
        "0 added, 0 removed, 1 changed; 42 notes the same.\n"
    )
    assert main(["diff", str(tiktok_path), str(edited), "--format", "md"]) == 1
    report = capsys.readouterr().out
    assert report.startswith("# What changed: ") and "- **Edited** Influencers and celebrities (was:" in report
    assert main(["diff", str(tiktok_path), str(tmp_path / "missing.yaml")]) == 2
    assert "there is no such file" in capsys.readouterr().err


def test_git_diff_and_difftool_show_canvas_changes_through_canvas_editor_diff(
    tiktok_path: Path, tmp_path: Path
) -> None:
    repo = new_repo(tmp_path / "plans")
    command = f"{shlex.quote(sys.executable)} -m editor diff"
    git(repo, "config", "diff.canvas.command", command)  # as the README says, with this Python
    (repo / ".gitattributes").write_text("*.yaml diff=canvas\n", encoding="utf-8")
    plan = repo / "tiktok.yaml"
    plan.write_text(tiktok_path.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "TikTok as in July 2023")
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("    - Instagram, Twitter, Facebook, Snapchat\n", ""), encoding="utf-8"
    )

    shown = git(repo, "diff")
    assert (
        "canvas-editor diff a/tiktok.yaml b/tiktok.yaml\nChannels\n  - Instagram, Twitter, Facebook, Snapchat\n"
        in shown
    )
    assert "0 added, 1 removed, 0 changed; 42 notes the same." in shown
    added = repo / "lean.yaml"
    added.write_text("format: 1\ntemplate: lean-canvas\nblocks:\n  problem: [Slow checkouts]\n", encoding="utf-8")
    git(repo, "add", "lean.yaml")
    staged = git(repo, "diff", "--cached")  # a new file: git's old side is /dev/null
    assert "Problem\n  + Slow checkouts\n1 added, 0 removed, 0 changed; 0 notes the same." in staged
    ci = repo / "ci.yaml"  # a YAML file that is no canvas: its lines, and git goes on to the canvases after it
    ci.write_text("jobs:\n  test: pytest\n", encoding="utf-8")
    git(repo, "add", "ci.yaml")
    git(repo, "commit", "-q", "-m", "CI")
    ci.write_text("jobs:\n  test: pytest -q\n", encoding="utf-8")
    both = git(repo, "diff")
    assert "-  test: pytest\n+  test: pytest -q\n" in both and "Channels\n  - Instagram" in both
    tool = git(repo, "difftool", "-y", "-x", command, "HEAD", "--", "tiktok.yaml")
    assert "Channels\n  - Instagram, Twitter, Facebook, Snapchat\n" in tool


def test_validate_says_why_a_file_cannot_be_read_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path), "/proc/self/mem"]) == 1  # a folder, and a file no read succeeds on
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(": " in line for line in lines)
