"""The model, the templates, the file format and shared canvases import no Qt: proven in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_model_templates_format_and_sharing_load_without_pyside6() -> None:
    code = (
        "import sys\n"
        "import editor.model, editor.fileformat, editor.cli, editor.shared.mirror\n"
        "from editor import paths\n"
        "from editor.fileformat import load_canvas, dump_canvas\n"
        "dump_canvas(load_canvas(paths.tiktok_example()))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_markdown_export_runs_without_pyside6(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from editor.cli import main\n"
        f"assert main(['export', {str(Path(__file__).parents[1] / 'examples' / 'tiktok.yaml')!r}, '-o', "
        f"{str(tmp_path / 'tiktok.md')!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "tiktok.md").read_text(encoding="utf-8").startswith("# TikTok")


def test_start_up_leaves_export_the_note_editor_and_openssl_for_later(tmp_path: Path) -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from editor.gui.app import make_application, open_window\n"
        "from editor.gui import recovery\n"
        "make_application()\n"
        "window = open_window(None, recovery.open_session(__import__('pathlib').Path(sys.argv[1])))\n"
        "window.show()\n"
        "late = ['_hashlib', 'editor.export.render', 'editor.gui.note_editor', 'PySide6.QtSvg', 'difflib']\n"
        "print([name for name in late if name in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
