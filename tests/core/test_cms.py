"""The Decap CMS configuration generated from the card schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_participation.core.cms import as_yaml, cms_config
from mkdocs_participation.core.model import VOCABULARIES, Type, fields_for
from mkdocs_participation.core.site_config import find_config, read_site_config

DECAP_WIDGETS = [
    "boolean",
    "code",
    "color",
    "datetime",
    "file",
    "hidden",
    "image",
    "list",
    "map",
    "markdown",
    "number",
    "object",
    "relation",
    "select",
    "string",
    "text",
]
# The parts of Decap CMS's configuration that this project writes, and what each must hold.
FIELD = {
    "type": "object",
    "required": ["name", "label", "widget"],
    "properties": {
        "name": {"type": "string"},
        "label": {"type": "string"},
        "widget": {"enum": DECAP_WIDGETS},
        "required": {"type": "boolean"},
        "hint": {"type": "string"},
        "pattern": {
            "type": "array",
            "prefixItems": [{"type": "string"}, {"type": "string"}],
            "minItems": 2,
            "maxItems": 2,
        },
        "field": {"$ref": "#/$defs/field"},
        "fields": {"type": "array", "items": {"$ref": "#/$defs/field"}},
        "options": {"type": "array", "items": {"type": "object", "required": ["label", "value"]}},
        "multiple": {"type": "boolean"},
        "collection": {"type": "string"},
        "value_field": {"type": "string"},
        "search_fields": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "display_fields": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "value_type": {"enum": ["int", "float"]},
        "date_format": {"type": "string"},
        "time_format": {"const": False},
        "picker_utc": {"type": "boolean"},
        "min": {"type": "integer"},
        "default": {},
    },
    "additionalProperties": False,
}
DECAP_CONFIG = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {"field": FIELD},
    "type": "object",
    "required": ["backend", "media_folder", "collections"],
    "properties": {
        "backend": {"type": "object", "required": ["name"]},
        "locale": {"enum": ["fr", "en"]},
        "media_folder": {"type": "string"},
        "public_folder": {"type": "string"},
        "collections": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "label", "folder", "create", "fields"],
                "properties": {
                    "format": {"const": "frontmatter"},
                    "extension": {"const": "md"},
                    "fields": {"type": "array", "items": {"$ref": "#/$defs/field"}},
                },
            },
        },
    },
}


def site(tmp_path: Path, plugin: str = "participation", extra: str = ""):
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: x\nrepo_url: https://github.com/ville/boite\n{extra}plugins:\n  - {plugin}\n",
        encoding="utf-8",
    )
    return read_site_config(find_config(tmp_path))


@pytest.fixture
def config(tmp_path):
    return cms_config(site(tmp_path))


def collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def fields(config: dict, name: str) -> dict[str, dict]:
    return {field["name"]: field for field in collection(config, name)["fields"]}


def test_the_configuration_has_the_structure_decap_reads(config):
    jsonschema.validate(config, DECAP_CONFIG)
    assert yaml.safe_load(as_yaml(config)) == config


def test_one_collection_per_kind_in_its_folder(config):
    assert [(c["name"], c["folder"], c["label"]) for c in config["collections"]] == [
        ("methodes", "docs/methodes", "Méthodes"),
        ("outils", "docs/outils", "Outils"),
        ("exemples", "docs/exemples", "Exemples"),
        ("usage_citoyens", "docs/_usage_citoyens", "Suivis de démarche"),
    ]
    assert config["backend"] == {"name": "github", "branch": "main", "repo": "ville/boite"}
    assert (config["media_folder"], config["public_folder"]) == ("docs/images", "/images")


@pytest.mark.parametrize(
    ("name", "kind"), [("methodes", "methode"), ("outils", "outil"), ("exemples", "exemple")]
)
def test_every_schema_field_of_the_kind_is_a_form_field_in_schema_order(config, name, kind):
    names = [field["name"] for field in collection(config, name)["fields"]]
    assert names == [spec.name for spec in fields_for(kind) if spec.type is not Type.LEGACY] + [
        "body"
    ]
    for spec in fields_for(kind):
        if spec.type is not Type.LEGACY and spec.name != "categorie":
            field = fields(config, name)[spec.name]
            assert field["label"] == spec.label
            assert field["hint"] == spec.help
            assert field["required"] is (kind in spec.required)


def test_widgets_follow_the_value_types(config):
    method = fields(config, "methodes")
    assert method["title"]["widget"] == "string"
    assert method["img-bg"]["widget"] == "image"
    assert method["categorie"] == {
        "label": "Catégorie",
        "name": "categorie",
        "widget": "hidden",
        "default": "methode",
    }
    assert method["date"]["widget"] == "datetime"
    assert method["date"]["date_format"] == "YYYY-MM-DD"
    assert method["priorites"]["widget"] == "list"
    assert method["ordre"]["value_type"] == "int"
    assert [f["name"] for f in method["participants"]["fields"]] == ["min", "max"]
    assert method["access_link"]["pattern"][0] == "^(https?://|/|mailto:)"
    tool = fields(config, "outils")
    assert [f["name"] for f in tool["details_techniques"]["fields"]] == ["name", "content", "link"]
    case = fields(config, "exemples")
    assert case["in_progress"]["widget"] == "boolean"
    assert case["note-citoyenne"]["value_type"] == "float"
    assert fields(config, "usage_citoyens")["presentation"]["widget"] == "markdown"


def test_choices_list_the_vocabulary_and_references_point_to_the_target_collection(config):
    method = fields(config, "methodes")
    assert method["cout"]["options"] == [
        {"label": label, "value": value} for value, label in VOCABULARIES["cout"].items()
    ]
    assert method["cout"]["multiple"] is False
    assert method["thematiques"]["multiple"] is True
    case = fields(config, "exemples")
    relation = {
        key: case["outil"][key] for key in ("widget", "collection", "value_field", "multiple")
    }
    assert relation == {
        "widget": "relation",
        "collection": "outils",
        "value_field": "{{slug}}",
        "multiple": True,
    }
    assert case["methodes"]["collection"] == "methodes"
    assert fields(config, "methodes")["methodes_liees"]["collection"] == "methodes"
