"""The side-by-side comparison of one kind of card: one row per attribute, one column per card.

Each compared kind (methods, tools: ``Kind.comparison`` in the model) has its own page, never a
mix of kinds. Every card's column is computed once per build and written to its kind's data
file (core/guide_data.py), which the page fetches to show the two to four a visitor picks. Each
cell carries a ``key``, its value but for case and spacing, so that rows whose values differ
among the shown columns can be marked (``Comparison.select`` here, the same test in compare.js);
a value not given is no difference.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from .cards import Card
from .cardset import CardSet
from .json_text import members
from .labels import KIND_WORDED, worded
from .memo import Keep, unkept
from .model import METHOD, Field, Type, compared
from .views import Link, contact_link, linked
from .wording import Wording

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
# Where the browser keeps the selection of each kind; methods keep the name of the releases
# that compared nothing else, so that a visitor's selection outlives the upgrade.
STORAGE = "participation-compare"


def comparison_labels(labels: dict[str, str], kind: str) -> dict[str, str]:
    """The interface words, those of the comparison worded for ``kind`` cards."""
    return {**labels, **{name: labels[worded(name, kind)] for name in KIND_WORDED}}


@dataclass(frozen=True, slots=True)
class Cell:
    """One card's value for one attribute: a text, list items, a link, the cards it names
    (``cards``: their titles as HTML and site-relative URLs, None for a name shown as text) or
    its page's URL."""

    key: str
    text: Markup | str = ""
    items: tuple[Markup, ...] = ()
    link: Link | None = None
    page: str | None = None
    cards: tuple[tuple[Markup, str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    """An attribute: its heading, and whether rows where it differs are marked: only those of
    the structured attributes, whose values come from a vocabulary (free texts always differ)."""

    name: str
    label: str
    compared: bool


@dataclass(frozen=True, slots=True)
class Column:
    """A card as the comparison shows it: its stable slug, title, page and cells (row order),
    and ``data``, the cells as compare.js builds them (JSON members: ``"cells":[…]``, a cell
    being {"k": key} and one of "t" (text), "x" (sanitised inline HTML), "h" (list items,
    sanitised HTML), "a" ([href, label]), "l" (the cards named, [title as sanitised HTML,
    site-relative URL or null]) or "p" (the page's URL))."""

    slug: str
    title: str
    url: str
    cells: tuple[Cell, ...]
    data: str


@dataclass(frozen=True, slots=True)
class Selection:
    """The columns a list of slugs picks, the slugs no card has and those over the maximum."""

    columns: tuple[Column, ...]
    unknown: tuple[str, ...]
    beyond: tuple[str, ...]
    differs: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class CompareItem:
    """What a "Comparer" toggle says about its card (partials/compare-toggle.html): the kind
    names the selection it joins."""

    slug: str
    title: str
    url: str
    label: str
    kind: str


@dataclass(frozen=True)
class Comparison:
    """Every column of one ``kind`` of card, the rows, and the words (worded for that kind)
    and links of its page."""

    kind: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    labels: dict[str, str]
    table_url: str | None
    minimum: int = MINIMUM
    maximum: int = MAXIMUM

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
    kind: str, cards: CardSet, wording: Wording, table_url: str | None, keep: Keep = unkept
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
    columns = tuple(
        keep("column", card, functools.partial(_column, card, specs, cards, wording))
        for card in cards.of_kind(kind)
    )
    return Comparison(kind, rows, columns, comparison_labels(wording.labels, kind), table_url)


def compare_item(card: Card, cards: CardSet, wording: Wording) -> CompareItem:
    """The values of the "Comparer" toggle of ``card``."""
    return CompareItem(
        card.slug, _title(card), cards.url(card), wording.labels["compare_toggle"], card.kind
    )


def script_settings(cards: CardSet, wording: Wording, pages: Mapping[str, str]) -> str:
    """The first line of the site's script, for the comparison page of each kind in
    ``pages`` (kind: site-relative URL): that URL, the words compare.js shows, where the
    browser keeps the selection, and the cards one may pick (slug: [title, site-relative URL]:
    what the browser's storage names is kept only if it is one of them, shown with these
    values), as a script safe to serve whatever the words hold; '' with no comparison."""
    if not pages:
        return ""
    kinds = []
    for kind, url in pages.items():
        labels = comparison_labels(wording.labels, kind)
        items = [compare_item(card, cards, wording) for card in cards.of_kind(kind)]
        kinds.append(
            {
                "kind": kind,
                "page": url,
                "storage": STORAGE if kind == METHOD else f"{STORAGE}-{kind}",
                "labels": {name: labels[name] for name in SCRIPT_LABELS},
                "cards": {item.slug: [item.title, item.url] for item in items},
            }
        )
    settings = {"minimum": MINIMUM, "maximum": MAXIMUM, "kinds": kinds}
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
    cells = (*(_cell(card, spec, cards, wording) for spec in specs), Cell(url, page=url))
    data = members({"cells": [*map(_cell_data, cells)]})
    return Column(card.slug, _title(card), url, cells, data)


def _cell(card: Card, spec: Field, cards: CardSet, wording: Wording) -> Cell:
    value = card[spec.name]
    if spec.type is Type.REFERENCES:
        # Both ways, as on the card's page: the tools a method names and those naming it.
        found = linked(card, spec, cards, wording)
        named = tuple((item.label, item.href) for item in found.items) if found else ()
        return Cell(_key("\n".join(label for label, _ in named)), cards=named)
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
    elif cell.cards:
        data["l"] = [[str(label), href] for label, href in cell.cards]
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
