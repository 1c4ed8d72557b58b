"""The side-by-side comparison of methods: one row per attribute, one column per method.

Every method's column is computed once per build and written to the methods' data file
(core/guide_data.py), which the page fetches to show the two to four a visitor picks. Each
cell carries a ``key``, its value but for case and spacing, so that rows whose values differ
among the shown columns can be marked (``Comparison.select`` here, the same test in compare.js);
a value not given is no difference.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from .cards import Card
from .cardset import CardSet
from .model import METHOD, Field, Type, compared
from .views import Link, contact_link
from .wording import Wording

COMPARISON_TEMPLATE = "participation/comparison.html"
# The table view of a catalogue, as catalogue.js reads it from the URL.
TABLE_VIEW = "?vue=tableau"
MINIMUM, MAXIMUM = 2, 4
PAGE = "page"
# The types whose values differ in substance when they differ: values of a vocabulary and
# ranges. Free texts and lists always differ, and are not marked.
SUBSTANCE = frozenset({Type.CHOICE, Type.CHOICES, Type.RANGE})
# Interface words compare.js needs on every page, for the selection bar and the comparison.
SCRIPT_LABELS = (
    "compare_bar",
    "compare_count",
    "compare_open",
    "compare_clear",
    "compare_remove",
    "compare_need_more",
    "compare_full",
    "compare_added",
    "compare_removed",
    "compare_cleared",
    "compare_unknown",
    "compare_beyond",
    "compare_caption",
    "compare_shared",
    "compare_keep_shared",
    "compare_back_mine",
    "compare_fold",
    "compare_unfold",
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One method's value for one attribute: a text, list items, a link or its page's URL."""

    key: str
    text: Markup | str = ""
    items: tuple[Markup, ...] = ()
    link: Link | None = None
    page: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """An attribute: its heading, and whether rows where it differs are marked: only those of
    the structured attributes, whose values come from a vocabulary (free texts always differ)."""

    name: str
    label: str
    compared: bool


@dataclass(frozen=True, slots=True)
class Column:
    """A method as the comparison shows it: its stable slug, title, page and cells (row order)."""

    slug: str
    title: str
    url: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Selection:
    """The columns a list of slugs picks, the slugs no method has and those over the maximum."""

    columns: tuple[Column, ...]
    unknown: tuple[str, ...]
    beyond: tuple[str, ...]
    differs: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class CompareItem:
    """What a "Comparer" toggle says about its method (partials/compare-toggle.html)."""

    slug: str
    title: str
    url: str
    label: str


@dataclass(frozen=True)
class Comparison:
    """Every method's column, the rows, and the words and links of the comparison page."""

    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    labels: dict[str, str]
    table_url: str | None
    minimum: int = MINIMUM
    maximum: int = MAXIMUM

    def columns_data(self) -> list[dict[str, object]]:
        """Every column as compare.js builds it: [{slug, title, url, cells}], a cell being
        {"k": key} and one of "t" (text), "x" (sanitised inline HTML), "h" (list items,
        sanitised HTML), "a" ([href, label]) or "p" (the page's URL)."""
        return [
            {"slug": c.slug, "title": c.title, "url": c.url, "cells": [*map(_cell_data, c.cells)]}
            for c in self.columns
        ]

    def select(self, slugs: Iterable[str]) -> Selection:
        """The columns of ``slugs`` in that order (each once), and which rows differ in them."""
        by_slug = {column.slug: column for column in self.columns}
        wanted = list(dict.fromkeys(slugs))
        known = [by_slug[slug] for slug in wanted if slug in by_slug]
        shown = tuple(known[: self.maximum])
        differs = tuple(
            row.compared and len({column.cells[index].key for column in shown} - {""}) > 1
            for index, row in enumerate(self.rows)
        )
        return Selection(
            shown,
            tuple(slug for slug in wanted if slug not in by_slug),
            tuple(column.slug for column in known[self.maximum :]),
            differs,
        )


def build_comparison(
    kind: str, cards: CardSet, wording: Wording, table_url: str | None
) -> Comparison:
    """The comparison of every card of ``kind`` (never a mix of kinds), in catalogue order:
    a row per field the model compares for that kind, then the link to each card's page.

    ``table_url`` is the site-relative address of the kind's table, linked for visitors
    without JavaScript.
    """
    specs = compared(kind)
    rows = (
        *(Row(spec.name, wording.field(spec, kind), spec.type in SUBSTANCE) for spec in specs),
        Row(PAGE, wording.labels["compare_page_row"], False),
    )
    columns = tuple(_column(card, specs, cards, wording) for card in cards.of_kind(kind))
    return Comparison(rows, columns, wording.labels, table_url)


def compare_item(card: Card, cards: CardSet, wording: Wording) -> CompareItem:
    """The values of the "Comparer" toggle of ``card``."""
    return CompareItem(card.slug, _title(card), cards.url(card), wording.labels["compare_toggle"])


def script_settings(cards: CardSet, wording: Wording, page_url: str) -> str:
    """The first line of the site's script: the comparison page's site-relative URL, the words
    compare.js shows and the methods one may compare (slug: [title, site-relative URL]: what
    the browser's storage names is kept only if it is one of them, shown with these values), as
    a script safe to serve whatever the words hold."""
    methods = [compare_item(card, cards, wording) for card in cards.of_kind(METHOD)]
    settings = {
        "page": page_url,
        "minimum": MINIMUM,
        "maximum": MAXIMUM,
        "labels": {name: wording.labels[name] for name in SCRIPT_LABELS},
        "methods": {item.slug: [item.title, item.url] for item in methods},
    }
    data = json.dumps(settings, ensure_ascii=False, allow_nan=False).replace("<", "\\u003c")
    return f"window.participationCompare = {data};\n"


def guide_page(title: str, intro: str, template: str) -> str:
    """The Markdown of a generated comparison or chooser page: a title, a paragraph, and the
    template that shows the rest; the page takes the whole width."""
    return f"---\ntemplate: {template}\nhide: [navigation, toc]\n---\n\n# {title}\n\n{intro}\n"


def _title(card: Card) -> str:
    return " ".join(card.title.split())


def _column(card: Card, specs: tuple[Field, ...], cards: CardSet, wording: Wording) -> Column:
    url = cards.url(card)
    cells = (*(_cell(card, spec, wording) for spec in specs), Cell(url, page=url))
    return Column(card.slug, _title(card), url, cells)


def _cell(card: Card, spec: Field, wording: Wording) -> Cell:
    value = card[spec.name]
    if spec.type is Type.LIST:
        return Cell(_key("\n".join(value)), items=tuple(wording.inline(item) for item in value))
    if spec.type is Type.CONTACT:
        return Cell(_key(value or ""), link=contact_link(value))
    if spec.type is Type.URL:
        return Cell(_key(value or ""), link=Link(value, value) if value else None)
    if spec.inline:
        return Cell(_key(value or ""), wording.inline(value or ""))
    text = wording.text(spec, value)
    return Cell(_key(text), text)


def _cell_data(cell: Cell) -> dict[str, object]:
    data: dict[str, object] = {"k": cell.key}
    if cell.page is not None:
        data["p"] = cell.page
    elif cell.link is not None:
        data["a"] = [cell.link.href, cell.link.label]
    elif cell.items:
        data["h"] = [str(item) for item in cell.items]
    elif isinstance(cell.text, Markup):
        data["x"] = str(cell.text)
    elif cell.text:
        data["t"] = cell.text
    return data


def _key(text: str) -> str:
    """A value as rows compare it: written as the card has it, but for case and spacing."""
    return " ".join(text.split()).casefold()
