"""The JSON Schema describes the format: every example and every saved file validates against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from canvases import BMC
from referencing import Registry, Resource

from editor import paths
from editor.fileformat import dump_canvas, load_canvas, save_canvas
from editor.model import PALETTE, Canvas, Note

SCHEMA = json.loads(paths.schema_path().read_text(encoding="utf-8"))
TEMPLATE_SCHEMA = json.loads((paths.resources_dir() / "schema" / "template.schema.json").read_text(encoding="utf-8"))
# The canvas schema refers to the template schema beside it, as an editor's YAML support finds it.
REGISTRY = Registry().with_resource(TEMPLATE_SCHEMA["$id"], Resource.from_contents(TEMPLATE_SCHEMA))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, registry=REGISTRY)


def as_json(text: str) -> object:
    # Saved files quote every YAML 1.1 look-alike, so a plain safe load gives the file's real types.
    return yaml.safe_load(text)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$defs"]["color"]["anyOf"][0]["enum"] == list(PALETTE)


@pytest.mark.parametrize("example", paths.example_files(), ids=lambda p: p.name)
def test_every_example_loads_and_validates(example: Path) -> None:
    canvas = load_canvas(example)
    assert canvas.note_count() > 0
    VALIDATOR.validate(as_json(example.read_text(encoding="utf-8")))


def test_saved_files_validate(tmp_path: Path) -> None:
    canvas = Canvas(
        BMC,
        title="Everything",
        legend={"blue": "Brands", "#123456": "Custom"},
        blocks={
            "channels": [Note("Ads", color="#123456", tags=("x",), votes=3, position=(0.1, 0.9)), Note("no")],
            "parking_lot": [Note("Later", votes=1), Note("Maybe")],
        },
    )
    save_canvas(canvas, tmp_path / "all.yaml")
    VALIDATOR.validate(as_json((tmp_path / "all.yaml").read_text(encoding="utf-8")))
    VALIDATOR.validate(as_json(dump_canvas(Canvas(BMC))))


def test_schema_rejects_what_the_loader_rejects() -> None:
    for bad in (
        {"title": "no format"},
        {"format": 2},
        {"format": 1, "blocks": {"channels": [{"colour": "blue"}]}},
        {"format": 1, "parking_lot": "one idea"},
        {"format": 1, "parking_lot": [{"text": "x", "votes": -1}]},
    ):
        assert not VALIDATOR.is_valid(bad)


def test_the_schema_states_the_limits_the_reader_keeps() -> None:
    from editor.model.limits import MAX_LEGEND, MAX_NOTES, MAX_TAGS, MAX_TEXT

    text = json.dumps(SCHEMA)
    assert SCHEMA["properties"]["legend"]["maxProperties"] == MAX_LEGEND
    assert f'"maxItems": {MAX_TAGS}' in text and f'"maxLength": {MAX_TEXT}' in text
    assert f"{MAX_NOTES:,} notes" in SCHEMA["description"]
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate({"format": 1, "title": "t" * (MAX_TEXT + 1)})


def test_the_schema_takes_any_templates_header_fields_and_blocks() -> None:
    other = {"format": 1, "template": "three-blocks", "owner": "Ana", "blocks": {"unfair_advantage": ["Network"]}}
    assert VALIDATOR.is_valid(other)
    assert not VALIDATOR.is_valid({**other, "owner": ["not", "text"]})
    assert not VALIDATOR.is_valid({**other, "Owner Name": "keys are ids"})


@pytest.mark.parametrize("template", sorted(paths.templates_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_template_validates_against_the_template_schema(template: Path) -> None:
    jsonschema.Draft202012Validator.check_schema(TEMPLATE_SCHEMA)
    validator = jsonschema.Draft202012Validator(TEMPLATE_SCHEMA)
    data = yaml.safe_load(template.read_text(encoding="utf-8"))
    validator.validate(data)
    assert not validator.is_valid({**data, "colums": 3})
    assert not validator.is_valid({**data, "blocks": [{**data["blocks"][0], "grid": [0, 0, 1]}]})


def test_a_canvas_that_carries_its_template_validates() -> None:
    from editor.fileformat import dump_canvas
    from editor.fileformat.templates import load_template

    carried = load_template("team-canvas")._replace(name="Our Team Canvas")
    text = dump_canvas(Canvas(carried, blocks={"purpose": [Note("Make it easy")]}))
    assert text.startswith("format: 1\ntemplate:\n  id: team-canvas\n")
    VALIDATOR.validate(as_json(text))
    data = as_json(text)
    assert isinstance(data, dict)
    data["template"]["blocks"][0]["grid"] = [0, 0]
    assert not VALIDATOR.is_valid(data)
