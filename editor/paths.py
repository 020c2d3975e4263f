"""Where the shipped data lives: templates, schema and examples, installed or in a source checkout."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # A wheel installs resources/ and examples/ inside the package; a source checkout (or an editable
    # install) has them beside it at the top of the repository.
    installed = _PACKAGE / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def resources_dir() -> Path:
    return _shipped("resources")


def icon_path() -> Path:
    return resources_dir() / "icons" / "canvas-editor.svg"


def help_dir() -> Path:
    return resources_dir() / "help"


def templates_dir() -> Path:
    return resources_dir() / "templates"


def user_templates_dir() -> Path:
    """A person's own templates: the app's data folder (where Qt's QStandardPaths.AppDataLocation puts it for this
    application and organisation, both named "Canvas Editor"), then templates/."""
    app = Path("Canvas Editor") / "Canvas Editor"
    if sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / app / "templates"


def schema_path() -> Path:
    return resources_dir() / "schema" / "canvas.schema.json"


def web_dir() -> Path:
    """The participants' web page, as web/ builds it."""
    return resources_dir() / "web"


def web_files() -> tuple[str, bytes, bytes]:
    """The participants' page as shipped: its HTML, script and style sheet."""
    folder = web_dir()
    html = (folder / "participant.html").read_text(encoding="utf-8")
    return html, (folder / "participant.js").read_bytes(), (folder / "participant.css").read_bytes()


def examples_dir() -> Path:
    return _shipped("examples")


def example_files() -> list[Path]:
    return sorted(examples_dir().glob("*.yaml"))


def tiktok_example() -> Path:
    return examples_dir() / "tiktok.yaml"
