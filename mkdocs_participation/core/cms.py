"""A Decap CMS configuration (``admin/config.yml``) made from the card schema.

Every form field comes from the model (``core/model``) and every list of choices from the site's
vocabularies, so the web form cannot drift from what the plugin checks.
"""

from __future__ import annotations

from typing import Any

import yaml

from .labels import labels_for
from .model import CARDS, KINDS, Field, Type, fields_for, json_schema
from .site_config import SiteConfig

_WIDGETS = {
    Type.TEXT: "string",
    Type.URL: "string",
    Type.CONTACT: "string",
    Type.VIDEO: "string",
    Type.IMAGE: "image",
    Type.BOOLEAN: "boolean",
    Type.BLOCK: "markdown",
}
_PATTERN_MESSAGES = {
    Type.URL: "Adresse https://, ou chemin du site commençant par /",
    Type.VIDEO: "Adresse https:// de la vidéo",
}


def cms_config(
    site: SiteConfig, repo: str | None = None, branch: str = "main", backend: str = "github"
) -> dict[str, Any]:
    """The Decap CMS configuration of ``site``: one collection per kind of card it has."""
    labels = labels_for(site.language)
    docs = (
        site.docs_dir.relative_to(site.root).as_posix()
        if site.docs_dir.is_relative_to(site.root)
        else "docs"
    )
    collections = {kind: folder for kind in KINDS if (folder := site.folder_for(kind))}
    patterns = {
        name: spec.get("pattern")
        for name, spec in json_schema(site.settings.vocabularies)["properties"].items()
    }
    backend_options: dict[str, Any] = {"name": backend, "branch": branch}
    if backend == "github":
        backend_options["repo"] = repo or site.repo or "OWNER/REPOSITORY"
    return {
        "backend": backend_options,
        "locale": site.language,
        "media_folder": f"{docs}/{site.images.folder}",
        "public_folder": f"/{site.images.folder}",
        "collections": [
            {
                "name": _name(folder),
                "label": labels[f"{kind}_plural"],
                "label_singular": labels[kind],
                "folder": f"{docs}/{folder.strip('/')}",
                "create": True,
                "extension": "md",
                "format": "frontmatter",
                "slug": "{{slug}}",
                "summary": "{{title}}",
                "fields": [
                    *(
                        _field(spec, kind, site, collections, patterns)
                        for spec in fields_for(kind)
                        if spec.type is not Type.LEGACY
                    ),
                    {
                        "label": labels["card_body"],
                        "name": "body",
                        "widget": "markdown",
                        "required": False,
                    },
                ],
            }
            for kind, folder in collections.items()
        ],
    }


def as_yaml(config: dict[str, Any]) -> str:
    """``config`` written as the YAML file Decap CMS reads."""
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)


def _name(folder: str) -> str:
    return folder.strip("/").replace("/", "_").lstrip("_") or "fiches"


def _field(
    spec: Field,
    kind: str,
    site: SiteConfig,
    collections: dict[str, str],
    patterns: dict[str, str | None],
) -> dict[str, Any]:
    field: dict[str, Any] = {
        "label": spec.label,
        "name": spec.name,
        "hint": spec.help,
        "required": kind in spec.required,
    }
    if spec.name == "categorie" and kind in CARDS:
        return {"label": spec.label, "name": spec.name, "widget": "hidden", "default": kind}
    if spec.type in _WIDGETS:
        field["widget"] = _WIDGETS[spec.type]
        if patterns.get(spec.name):
            field["pattern"] = [
                patterns[spec.name],
                _PATTERN_MESSAGES.get(spec.type, f"Format attendu : {patterns[spec.name]}"),
            ]
    elif spec.type is Type.LIST:
        field.update(widget="list", field={"label": spec.label, "name": "item", "widget": "string"})
    elif spec.type is Type.DATE:
        field.update(
            widget="datetime", date_format="YYYY-MM-DD", time_format=False, picker_utc=True
        )
    elif spec.type in (Type.INTEGER, Type.NUMBER):
        field.update(widget="number", value_type="int" if spec.type is Type.INTEGER else "float")
    elif spec.type in (Type.CHOICE, Type.CHOICES):
        vocabulary = site.settings.vocabularies.get(spec.vocabulary or "", {})
        field.update(
            widget="select",
            multiple=spec.type is Type.CHOICES,
            options=[{"label": label, "value": value} for value, label in vocabulary.items()],
        )
    elif spec.type is Type.RANGE:
        field.update(
            widget="object",
            fields=[
                {
                    "label": label,
                    "name": bound,
                    "widget": "number",
                    "value_type": "int",
                    "min": 0,
                    "required": False,
                }
                for bound, label in (("min", "Minimum"), ("max", "Maximum"))
            ],
        )
    elif spec.type is Type.DETAILS:
        field.update(
            widget="list",
            fields=[
                {"label": "Nom", "name": "name", "widget": "string"},
                {"label": "Contenu", "name": "content", "widget": "string", "required": False},
                {"label": "Lien", "name": "link", "widget": "string", "required": False},
            ],
        )
    elif spec.type is Type.REFERENCES and spec.target in collections:
        field.update(
            widget="relation",
            collection=_name(collections[spec.target]),
            value_field="{{slug}}",
            search_fields=["title"],
            display_fields=["title"],
            multiple=True,
        )
    else:
        field.update(widget="list", field={"label": spec.label, "name": "item", "widget": "string"})
    return field
