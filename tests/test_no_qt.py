"""The model, the templates and the file format import no Qt: proven in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_model_templates_and_format_load_without_pyside6() -> None:
    code = (
        "import sys\n"
        "import editor.model, editor.fileformat, editor.cli\n"
        "from editor import paths\n"
        "from editor.fileformat import load_canvas, dump_canvas\n"
        "dump_canvas(load_canvas(paths.tiktok_example()))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
