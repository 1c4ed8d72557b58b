"""Open data: every card as JSON and CSV, the JSON Schema they follow, and an Atom feed.

All of it is computed from the catalogue alone, without a clock, so one set of cards always gives
the same files. The JSON is the reference: the CSV and the feed are written from its records, and
each record's ``fields`` follow the card schema of ``schema.json_schema`` (the single source).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from .cards import Card
from .cardset import CardSet
from .json_text import ending_with_array, plain
from .memo import Keep, unkept
from .model import (
    CARDS,
    CASE,
    KIND_TABLE,
    KINDS,
    Field,
    Type,
    all_fields,
    fields_for,
)
from .model import json_schema as card_schema
from .options import ExportOptions

JSON_FILE, CSV_FILE, FEED_FILE = "fiches.json", "fiches.csv", "fiches.atom"
SCHEMA_FILE, CARD_SCHEMA_FILE = "fiches.schema.json", "fiche.schema.json"
# The links of a method or tool to the case studies that used it.
USED_BY = "exemples"
FEED_KINDS = tuple(kind.name for kind in KIND_TABLE if kind.feed)
LIST_SEPARATOR = " | "
ATOM = "http://www.w3.org/2005/Atom"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export_files(
    card_set: CardSet, options: ExportOptions, keep: Keep = unkept
) -> dict[str, str | bytes]:
    """Every export file, by site-relative path; the feed needs ``site_url`` for its ids.
    ``keep`` may give the records and rows of unchanged cards."""
    settings = repr(options)
    document = catalogue_document(card_set, options, keep)
    records = document["fiches"]
    columns = csv_columns(records)
    rows = [
        keep("csv row", card, functools.partial(columns.row, record), settings, columns.links)
        for card, record in zip(card_set.cards, records, strict=True)
    ]
    texts = [
        keep("record json", card, functools.partial(plain, record), settings)
        for card, record in zip(card_set.cards, records, strict=True)
    ]
    files: dict[str, str | bytes] = {
        options.path(JSON_FILE): ending_with_array(document, "fiches", texts) + "\n",
        options.path(CSV_FILE): columns.csv(rows),
        options.path(SCHEMA_FILE): _json(export_schema(options.vocabularies)),
        options.path(CARD_SCHEMA_FILE): _json(card_schema(options.vocabularies)),
    }
    if options.site_url:
        files[options.path(FEED_FILE)] = atom_feed(document, options)
    return files


def catalogue_document(
    card_set: CardSet, options: ExportOptions, keep: Keep = unkept
) -> dict[str, Any]:
    """The JSON export: the licence, then one record per card in catalogue order."""
    settings = repr(options)
    records = [
        keep("record", card, functools.partial(card_record, card_set, card, options), settings)
        for card in card_set.cards
    ]
    return {
        "title": options.site_name,
        "url": options.site_url,
        "licence": {"name": options.licence, "url": options.licence_url},
        "schema": options.absolute(options.path(SCHEMA_FILE)),
        "count": len(records),
        "fiches": records,
    }


def card_record(card_set: CardSet, card: Card, options: ExportOptions) -> dict[str, Any]:
    """One card: its identity, its typed values, its links both ways and its Markdown body."""
    date = card["date"]
    return {
        "id": card_id(card),
        "type": card.kind,
        "url": options.absolute(card_set.url(card)),
        "title": card.title,
        "date": date.isoformat() if date else None,
        "fields": {
            spec.name: _typed(card_set, card, spec, options)
            for spec in fields_for(card.kind)
            if spec.type is not Type.LEGACY
        },
        "links": _links(card_set, card, options),
        "body": card.body.strip(),
    }


def card_id(card: Card) -> str:
    """The stable id of a card in the exports: its docs path without '.md'."""
    return posixpath.splitext(card.path)[0]


def _typed(card_set: CardSet, card: Card, spec: Field, options: ExportOptions) -> Any:
    value = card[spec.name]
    if value is None:
        return None
    if spec.type is Type.DATE:
        return value.isoformat()
    if spec.type is Type.VIDEO:
        return value.watch
    if spec.type is Type.IMAGE:
        path = card_set.image(card, spec.name)
        return options.absolute(quote(path)) if path else None
    if spec.type is Type.URL:
        return options.absolute(value)
    if spec.type is Type.DETAILS:
        return [
            {
                "name": row.name,
                "content": row.content,
                "link": options.absolute(row.link) if row.link else None,
            }
            for row in value
        ]
    if spec.type is Type.RANGE:
        return {
            bound: getattr(value, bound)
            for bound in ("min", "max")
            if getattr(value, bound) is not None
        }
    return value


def _links(card_set: CardSet, card: Card, options: ExportOptions) -> dict[str, list[dict]]:
    def reference(other: Card) -> dict[str, str]:
        return {
            "id": card_id(other),
            "title": other.title,
            "url": options.absolute(card_set.url(other)),
        }

    links = {
        key: [reference(other) for other in card_set.links.linked(card, key)]
        for key in _references(card.kind)
    }
    if card.kind in CARDS:
        links[USED_BY] = [reference(case) for case in card_set.links.incoming(card, CASE)]
    return links


@functools.cache
def _references(kind: str) -> tuple[str, ...]:
    return tuple(spec.name for spec in fields_for(kind) if spec.type is Type.REFERENCES)


def export_schema(vocabularies: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the JSON export; ``fields`` follow the card schema."""
    fields = {
        key: value
        for key, value in card_schema(vocabularies).items()
        if key not in ("$schema", "$id")
    }
    text = {"type": "string"}
    optional_text = {"type": ["string", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:mkdocs-participation:export",
        "title": "Données ouvertes de la boîte à outils de la participation",
        "type": "object",
        "required": ["title", "url", "licence", "schema", "count", "fiches"],
        "properties": {
            "title": text,
            "url": optional_text,
            "licence": {
                "type": "object",
                "required": ["name", "url"],
                "properties": {"name": text, "url": optional_text},
                "additionalProperties": False,
            },
            "schema": text,
            "count": {"type": "integer", "minimum": 0},
            "fiches": {"type": "array", "items": {"$ref": "#/$defs/fiche"}},
        },
        "additionalProperties": False,
        "$defs": {
            "champs": fields,
            "lien": {
                "type": "object",
                "required": ["id", "title", "url"],
                "properties": {"id": text, "title": text, "url": text},
                "additionalProperties": False,
            },
            "fiche": {
                "type": "object",
                "required": ["id", "type", "url", "title", "date", "fields", "links", "body"],
                "properties": {
                    "id": text,
                    "type": {"enum": list(KINDS)},
                    "url": text,
                    "title": text,
                    "date": {"type": ["string", "null"], "format": "date"},
                    "fields": {"$ref": "#/$defs/champs"},
                    "links": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "array",
                            "items": {"$ref": "#/$defs/lien"},
                        },
                    },
                    "body": text,
                },
                "additionalProperties": False,
            },
        },
    }


@dataclass(frozen=True)
class CsvColumns:
    """The columns of the CSV export: identity, every field of the model (a range in two),
    then the cards each record links to, one column per kind of link the records carry."""

    specs: tuple[Field, ...]
    links: tuple[str, ...]

    def header(self) -> list[str]:
        header = ["id", "type", "url", "title", "date"]
        for spec in self.specs:
            header += (
                [f"{spec.name}_min", f"{spec.name}_max"] if spec.type is Type.RANGE else [spec.name]
            )
        return header + [f"liens_{key}" for key in self.links]

    def row(self, record: dict[str, Any]) -> list[str]:
        """The cells of ``record``."""
        row = [record["id"], record["type"], record["url"], record["title"], record["date"]]
        for spec in self.specs:
            value = record["fields"].get(spec.name)
            if spec.type is Type.RANGE:
                row += [(value or {}).get("min"), (value or {}).get("max")]
            else:
                row.append(value)
        row += [[link["id"] for link in record["links"].get(key, [])] for key in self.links]
        return [_cell(value) for value in row]

    def csv(self, rows: Iterable[list[str]]) -> bytes:
        """The file of these columns and ``rows`` (as ``row`` makes them), for a spreadsheet set
        to French: UTF-8 with BOM, ';' between cells."""
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(self.header())
        writer.writerows(rows)
        return out.getvalue().encode("utf-8-sig")


def csv_columns(records: list[dict[str, Any]]) -> CsvColumns:
    """The columns of the CSV export of ``records``."""
    return CsvColumns(
        tuple(
            spec
            for spec in all_fields()
            if spec.type is not Type.LEGACY and spec.name not in ("title", "date")
        ),
        tuple(dict.fromkeys(key for record in records for key in record["links"])),
    )


def _cell(value: Any) -> str:
    """A value as a spreadsheet cell: lists joined, decimal comma, never a formula."""
    if value is None:
        return ""
    text = (
        LIST_SEPARATOR.join(_text(item) for item in value)
        if isinstance(value, list)
        else _text(value)
    )
    # A cell starting with '=' or '+' would run as a formula in a spreadsheet.
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if isinstance(value, dict):
        text = f"{value['name']} : {value.get('content') or ''}".strip(" :")
        return f"{text} ({value['link']})" if value.get("link") else text
    return str(value)


def atom_feed(document: dict[str, Any], options: ExportOptions) -> str:
    """An Atom feed (RFC 4287) of the dated methods, tools and case studies, newest first."""
    records = sorted(
        (r for r in document["fiches"] if r["date"] and r["type"] in FEED_KINDS),
        key=lambda r: (r["date"], r["title"]),
        reverse=True,
    )
    feed_url = options.absolute(options.path(FEED_FILE))
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": options.language})
    _child(feed, "id", feed_url)
    _child(feed, "title", options.site_name or feed_url)
    _child(feed, "updated", _instant(records[0]["date"] if records else "1970-01-01"))
    _child(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _child(feed, "link", rel="alternate", type="text/html", href=options.site_url or feed_url)
    _child(_child(feed, "author"), "name", options.author or options.site_name or feed_url)
    _child(feed, "rights", options.licence)
    _child(feed, "generator", "mkdocs-participation")
    for record in records:
        entry = _child(feed, "entry")
        _child(entry, "id", record["url"])
        _child(entry, "title", record["title"])
        _child(entry, "updated", _instant(record["date"]))
        _child(entry, "published", _instant(record["date"]))
        _child(entry, "link", rel="alternate", type="text/html", href=record["url"])
        _child(
            entry,
            "category",
            term=record["type"],
            label=options.kind_labels.get(record["type"], record["type"]),
        )
        fields = record["fields"]
        author = fields.get("owner") or fields.get("organisateur")
        if author:
            _child(_child(entry, "author"), "name", author)
        summary = fields.get("tagline") or fields.get("description")
        if summary:
            _child(entry, "summary", summary)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"


def _child(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _xml_text(v) for k, v in attributes.items()})
    element.text = _xml_text(text) if text is not None else None
    return element


def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (control characters, U+FFFE…), which
    would make the whole feed unreadable."""
    return _NOT_XML.sub("", text)


def _instant(date: str) -> str:
    return f"{date}T00:00:00Z"


def _json(data: Any) -> str:
    """Indented JSON text, for the schemas (the catalogue is joined from its records)."""
    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
