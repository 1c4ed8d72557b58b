"""The schema: one source for validation, the shipped JSON Schema and the fields page."""

from __future__ import annotations

import json

import jsonschema
import yaml

from mkdocs_participation.core.model import FIELDS, VOCABULARIES, json_schema
from mkdocs_participation.core.reference import fields_reference

from ..sites import ROOT

SHIPPED = ROOT / "mkdocs_participation" / "schema" / "card.schema.json"
SEED_KEYS = [
    *("title", "tagline", "categorie", "img-bg", "contact", "contract", "logo", "owner"),
    *("access_link", "url_video_demo", "vignette_video_demo", "date", "priorites", "qualites"),
    *("atouts", "inconvenients", "layout", "default_logo", "ordre"),
]
TOOL_KEYS = [
    *("domain", "clients", "details_techniques", "feature_inclus", "feature_plusloin"),
    *("accompagnement_inclus", "accompagnement_plusloin", "doc_tech", "demo_link"),
    "lettre_engagement",
]


def test_shipped_json_schema_is_the_one_the_code_makes():
    assert json.loads(SHIPPED.read_text(encoding="utf-8")) == json_schema()


def test_json_schema_is_valid_and_knows_every_native_and_older_key():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for key in [*SEED_KEYS, *TOOL_KEYS, "risques", "facteurscles", "facteursclés"]:
        assert key in schema["properties"], key


def test_json_schema_accepts_the_demo_cards_and_refuses_a_typo():
    validator = jsonschema.Draft202012Validator(json_schema())
    # index.md is no card (`make zensical` writes the catalogue page there).
    for path in (ROOT / "docs" / "methodes").glob("*.md"):
        if path.name == "index.md":
            continue
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        data = json.loads(json.dumps(yaml.safe_load(front), default=str))  # JSON has no dates
        errors = [e.message for e in validator.iter_errors(data)]
        assert errors == [], path.name
    assert not validator.is_valid({"title": "A", "priorite": ["x"]})
    assert not validator.is_valid({"title": "A", "niveau": "tout"})


def test_fields_reference_lists_every_field_and_vocabulary():
    page = fields_reference(VOCABULARIES)
    for field in FIELDS:
        assert f"`{field.name}`" in page
    assert "| `co-decider` | Co-décider |" in page
    assert "<br>(ou `risques`)" in page
