"""Where the shipped data lives: templates, schema and examples, installed or in a source checkout."""

from __future__ import annotations

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


def schema_path() -> Path:
    return resources_dir() / "schema" / "canvas.schema.json"


def examples_dir() -> Path:
    return _shipped("examples")


def example_files() -> list[Path]:
    return sorted(examples_dir().glob("*.yaml"))


def tiktok_example() -> Path:
    return examples_dir() / "tiktok.yaml"
