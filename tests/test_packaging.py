"""The wheel carries resources/ and examples/ inside the package; installed from it, the app finds them all."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("canvas_editor-*.whl")
    return built


@pytest.mark.slow
def test_wheel_holds_templates_schema_examples_and_the_command(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in (REPO / "editor").rglob("*.py"):
        assert module.relative_to(REPO).as_posix() in names
    for shipped in (REPO / "resources").rglob("*"):
        if shipped.is_file():
            assert f"editor/resources/{shipped.relative_to(REPO / 'resources').as_posix()}" in names
    for example in (REPO / "examples").glob("*.yaml"):
        assert f"editor/examples/{example.name}" in names
    assert not any(name.startswith(("tests/", "resources/", "examples/", "benchmarks/")) for name in names)
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]\ncanvas-editor = editor.cli:main" in text


@pytest.mark.slow
def test_installed_wheel_opens_the_tiktok_example_and_every_template(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    code = (
        "import editor\n"
        "from editor import paths\n"
        "from editor.fileformat.templates import available_templates, load_template\n"
        "from editor.gui.app import make_application, open_window\n"
        f"assert editor.__file__.startswith({str(target)!r}), editor.__file__\n"
        "shipped = ['business-model-canvas', 'lean-canvas', 'product-vision-board', 'team-canvas']\n"
        "assert [load_template(t).id for t in available_templates()] == shipped\n"
        "app = make_application()\n"
        "window = open_window(None)\n"
        "print(window.document.name, len(window.board.notes), len(window.board.blocks))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["TikTok", "43", "9"]
