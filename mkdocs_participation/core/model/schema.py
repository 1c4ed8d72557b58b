"""The JSON Schema of a card's front matter, written from the model for editors and CI."""

from __future__ import annotations

from typing import Any

from ..page_meta import PAGE_KEY_SCHEMAS, PAGE_KEYS
from .fields import Type, all_fields
from .vocabularies import VOCABULARIES

_JSON_TYPES: dict[Type, dict[str, Any]] = {
    Type.TEXT: {"type": ["string", "number", "null"]},
    Type.LIST: {"type": ["array", "null"], "items": {"type": ["string", "number"]}},
    Type.URL: {"type": ["string", "null"], "pattern": r"^(https?://|/|mailto:)"},
    Type.CONTACT: {"type": ["string", "null"]},
    Type.IMAGE: {"type": ["string", "null"]},
    Type.VIDEO: {"type": ["string", "null"], "pattern": r"^https://"},
    Type.DATE: {"type": ["string", "null"]},
    Type.INTEGER: {"type": ["integer", "null"]},
    Type.NUMBER: {"type": ["number", "null"]},
    Type.BOOLEAN: {"type": ["boolean", "null"]},
    Type.DETAILS: {
        "type": ["array", "null"],
        "items": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "content": {"type": ["string", "number", "null"]},
                "link": {"type": ["string", "null"]},
            },
            "additionalProperties": False,
        },
    },
    Type.RANGE: {
        "type": ["object", "null"],
        "properties": {
            "min": {"type": "integer", "minimum": 0},
            "max": {"type": "integer", "minimum": 0},
        },
        "additionalProperties": False,
    },
    Type.REFERENCES: {"type": ["array", "string", "null"], "items": {"type": "string"}},
    Type.BLOCK: {"type": ["string", "null"]},
    Type.LEGACY: {},
}


def json_schema(vocabularies: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a card's front matter, for editors and CI."""
    vocabularies = vocabularies or VOCABULARIES
    properties: dict[str, Any] = {}
    for field in all_fields():
        if field.type is Type.CHOICE:
            spec: dict[str, Any] = {"enum": [*vocabularies[field.vocabulary], None]}
        elif field.type is Type.CHOICES:
            values = list(vocabularies[field.vocabulary])
            spec = {
                "anyOf": [
                    {"enum": values},
                    {"type": "array", "items": {"enum": values}},
                    {"type": "null"},
                ]
            }
        else:
            spec = dict(_JSON_TYPES[field.type])
        spec["title"] = field.label
        spec["description"] = field.help
        properties[field.name] = spec
        for alias in field.aliases:
            properties[alias] = {
                **spec,
                "deprecated": True,
                "description": f"Ancien nom de « {field.name} ».",
            }
    for key, spec in PAGE_KEY_SCHEMAS.items():
        properties[key] = {**spec, "title": key, "description": PAGE_KEYS[key][0]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:mkdocs-participation:card",
        "title": "Fiche de la boîte à outils de la participation",
        "type": "object",
        "required": ["title"],
        "properties": properties,
        "additionalProperties": False,
    }
