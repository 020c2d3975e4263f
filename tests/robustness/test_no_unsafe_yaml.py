"""No code anywhere in the project may load YAML with a loader that builds Python objects."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNSAFE_CALLS = {"unsafe_load", "full_load", "unsafe_load_all", "full_load_all"}
UNSAFE_LOADERS = {"UnsafeLoader", "FullLoader", "Loader", "CLoader", "CFullLoader", "CUnsafeLoader"}
SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}


def unsafe_calls(source: str) -> list[int]:
    """Lines that call yaml.load/yaml.load_all without a safe Loader, or an unsafe/full loader at all."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "yaml"):
            continue
        name = node.func.attr
        if name in {"load", "load_all"}:
            loader = next(
                (k.value for k in node.keywords if k.arg == "Loader"), node.args[1] if len(node.args) > 1 else None
            )
            loader_name = loader.attr if isinstance(loader, ast.Attribute) else getattr(loader, "id", None)
            if loader_name not in SAFE_LOADERS:
                found.append(node.lineno)
        elif name in UNSAFE_CALLS or name in UNSAFE_LOADERS:
            found.append(node.lineno)
    return found


def test_the_checker_catches_each_unsafe_form() -> None:
    bad = "import yaml\nyaml.load(s)\nyaml.unsafe_load(s)\nyaml.full_load(s)\nyaml.load(s, Loader=yaml.Loader)\n"
    assert unsafe_calls(bad) == [2, 3, 4, 5]
    assert unsafe_calls("import yaml\nyaml.load(s, Loader=yaml.CSafeLoader)\nyaml.safe_load(s)\n") == []


def test_no_project_code_loads_yaml_unsafely() -> None:
    files = [p for folder in ("editor", "tests", "benchmarks") for p in (ROOT / folder).rglob("*.py")]
    assert len(files) > 20
    offenders = {str(p.relative_to(ROOT)): lines for p in files if (lines := unsafe_calls(p.read_text("utf-8")))}
    assert offenders == {}
