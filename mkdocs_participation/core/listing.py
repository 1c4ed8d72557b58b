"""The catalogue of one kind of card, as a page shows it: cards, table rows and facet filters.

A catalogue goes where an author writes its marker, ``<!-- participation:catalogue methode -->``;
the plugin also generates a page holding one for each kind it is configured for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Protocol

from markupsafe import Markup

from .cards import Card, suggest
from .comparison import CompareItem, compare_item
from .dates import format_date
from .facets import FACET_TYPES, Facet, Faceting
from .keys import search_key
from .problems import Problem
from .schema import CARDS, CASE, FIELDS_BY_NAME, KINDS, METHOD, TOOL, Type
from .views import Fact, Image, ViewBuilder, range_text

# What each kind's catalogue shows unless the site says otherwise (see config.py).
DEFAULT_PAGES = {METHOD: "methodes/", TOOL: "outils/", CASE: "exemples/"}
_CHOOSING = ["niveau", "format", "echelle", "participants", "duree", "cout"]
DEFAULT_FACETS = {
    **{kind: [*_CHOOSING, "recrutement", "thematiques"] for kind in CARDS},
    CASE: ["methodes", "outil", "organisateur", "in_progress", "echelle", "thematiques"],
}
DEFAULT_COLUMNS = {
    **{kind: ["title", *_CHOOSING, "recrutement"] for kind in CARDS},
    CASE: ["title", "organisateur", "date", "in_progress", "methodes", "outil"],
}

MARKER = re.compile(r"<!--\s*participation:catalogue\b[ \t]*([^\s>]*)\s*-->")
TITLE = "title"
# Images tried, in order, for the picture at the top of a card in the grid.
PICTURES = ("img-bg", "screenshot")

_HEADING = re.compile(r"<h([1-6])[\s>]")


class Template(Protocol):
    """A template that renders to text, such as a Jinja template."""

    def render(self, **context: Any) -> str: ...


@dataclass(frozen=True, slots=True)
class Column:
    """A column of the table: a card key and its heading."""

    name: str
    label: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of a row: its text, the key it sorts by ('' sorts last), whether it is given."""

    name: str
    text: str
    sort: str
    provided: bool


@dataclass(frozen=True, slots=True)
class Entry:
    """A card as the catalogue shows it, in the grid and as a table row."""

    slug: str
    url: str
    title: Markup
    tagline: Markup
    picture: Image | None
    facts: list[Fact]
    cells: list[Cell]
    facets: str
    words: str
    compare: CompareItem | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    """Everything a catalogue shows, computed once per build."""

    kind: str
    facets: list[Facet]
    columns: list[Column]
    entries: list[Entry]
    status: str
    labels: dict[str, str]


@dataclass(frozen=True, slots=True)
class Marker:
    """A catalogue marker found in a page's HTML."""

    kind: str
    start: int
    end: int
    level: int


def marker(kind: str) -> str:
    """The comment an author writes in a page to show the catalogue of ``kind`` there."""
    return f"<!-- participation:catalogue {kind} -->"


def find_markers(html: str) -> list[Marker]:
    """Markers in rendered page HTML (not those shown inside code), with the level their card
    titles take: one below the heading that precedes them, h2 at least."""
    found = []
    for match in MARKER.finditer(html):
        headings = _HEADING.findall(html, 0, match.start())
        level = min(max(int(headings[-1]) + 1 if headings else 2, 2), 6)
        found.append(Marker(match.group(1), match.start(), match.end(), level))
    return found


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a checked marker puts a catalogue; kept as a comment until the page is written,
    so that the search index and other plugins never go through thousands of cards."""

    kind: str
    level: int
    id: str

    def comment(self) -> str:
        return f"<!-- participation:slot {self.kind} {self.level} {self.id} -->"


SLOT = re.compile(r"<!-- participation:slot ([\w-]+) ([1-6]) ([\w-]+) -->")


def place_markers(html: str, accept: Callable[[Marker], bool]) -> str:
    """``html`` with each accepted marker turned into a slot whose id is unique on the page;
    a refused marker is left as it is."""
    parts: list[str] = []
    end = 0
    ids: set[str] = set()
    for found in find_markers(html):
        if not accept(found):
            continue
        html_id = f"catalogue-{found.kind}"
        while html_id in ids:
            html_id = f"catalogue-{found.kind}-{len(ids) + 1}"
        ids.add(html_id)
        parts += [html[end : found.start], Slot(found.kind, found.level, html_id).comment()]
        end = found.end
    return "".join(parts) + html[end:]


def fill_slots(html: str, render: Callable[[Slot], str]) -> str:
    """``html`` with each slot replaced by ``render(slot)``."""
    return SLOT.sub(lambda match: render(Slot(match[1], int(match[2]), match[3])), html)


def marker_line(text: str, kind: str) -> int | None:
    """The line of the first marker for ``kind`` in a page's Markdown ``text``."""
    for match in MARKER.finditer(text):
        if match.group(1) == kind:
            return text.count("\n", 0, match.start()) + 1
    return None


def page_path(url: str) -> str:
    """The docs path of the catalogue page at ``url``: 'methodes/' gives 'methodes/index.md'."""
    url = url.strip().strip("/")
    return url if url.endswith(".md") else str(PurePosixPath(url, "index.md"))


def page_markdown(kind: str, title: str) -> str:
    """The Markdown of a generated catalogue page."""
    return f"# {title}\n\n{marker(kind)}\n"


@dataclass(frozen=True, slots=True)
class Options:
    """What the site asks of catalogues: their generated pages, facets and table columns."""

    pages: dict[str, str]
    facets: dict[str, list[str]]
    columns: dict[str, list[str]]


def read_options(
    pages: dict[str, str], facets: dict[str, list[str]], columns: dict[str, list[str]], where: str
) -> tuple[Options, list[Problem]]:
    """The catalogue options of a site over the defaults, kind by kind, and what is wrong in
    them (``where`` names the configuration file)."""
    problems: list[Problem] = []
    wanted = {kind: url for kind, url in {**DEFAULT_PAGES, **pages}.items() if url.strip()}
    for kind in wanted:
        if kind not in KINDS:
            problems.append(unknown_kind(where, kind, key="catalogues"))
    options = Options(
        {kind: page_path(url) for kind, url in wanted.items() if kind in KINDS}, {}, {}
    )
    for key, given, defaults, target in (
        ("facets", facets, DEFAULT_FACETS, options.facets),
        ("columns", columns, DEFAULT_COLUMNS, options.columns),
    ):
        for kind, names in {**defaults, **given}.items():
            target[kind], found = check_keys(kind, names, where, key, columns=key == "columns")
            problems.extend(found)
    return options, problems


def check_keys(
    kind: str, names: Iterable[str], where: str, key: str, *, columns: bool = False
) -> tuple[list[str], list[Problem]]:
    """The usable card keys among ``names`` for facets (or table ``columns``, always with the
    title) of ``kind`` cards, and a problem for each one left out."""
    if kind not in KINDS:
        return [], [unknown_kind(where, kind, key=key)]
    types = FACET_TYPES | {Type.DATE} if columns else FACET_TYPES
    allowed = [
        spec.name
        for spec in FIELDS_BY_NAME.values()
        if spec.applies_to(kind) and spec.type in types
    ]
    if columns:
        allowed.insert(0, TITLE)
    kept, problems = [], []
    for name in names:
        if name in allowed:
            kept.append(name)
            continue
        use = "a table column" if columns else "a facet"
        problems.append(
            Problem(
                where,
                f"'{name}' cannot be {use} of {kind} cards",
                None,
                f"{key}.{kind}",
                suggest(name, allowed),
            )
        )
    if columns and TITLE not in kept:
        kept.insert(0, TITLE)
    return list(dict.fromkeys(kept)), problems


class ListingBuilder:
    """Builds the catalogue of each kind of card from the card pages' own values."""

    def __init__(self, views: ViewBuilder, *, comparing: bool = False) -> None:
        self.views = views
        self.comparing = comparing
        self.catalog = views.catalog
        self.labels = views.labels

    def listing(self, kind: str, facets: list[str], columns: list[str]) -> Listing:
        """The catalogue of ``kind`` cards, filtered by ``facets``, tabulated by ``columns``."""
        cards = self.catalog.of_kind(kind)
        faceting = Faceting(self.catalog, facets, self.views.vocabularies, self.labels)
        return Listing(
            kind=kind,
            facets=faceting.facets(cards),
            columns=[Column(name, faceting.label(FIELDS_BY_NAME[name])) for name in columns],
            entries=[self.entry(card, faceting, columns) for card in cards],
            status=self.status(len(cards)),
            labels=self.labels,
        )

    def entry(self, card: Card, faceting: Faceting, columns: list[str]) -> Entry:
        cells = [self.cell(card, name, faceting) for name in columns]
        pictures = (self.catalog.image(card, key) for key in PICTURES)
        picture = next((path for path in pictures if path), None)
        return Entry(
            slug=card.slug,
            url=self.catalog.url(card),
            title=Markup.escape(card.title),  # as on its page: inside a link, no markup
            tagline=self.views.inline(card["tagline"] or card["description"] or ""),
            picture=Image(picture, "") if picture else None,
            facts=[
                Fact(faceting.label(FIELDS_BY_NAME[cell.name]), cell.text, cell.provided)
                for cell in cells
                if cell.name != TITLE
            ],
            cells=cells,
            facets=" ".join(faceting.tokens(card)),
            words=faceting.words(card),
            compare=compare_item(self.views, card)
            if self.comparing and card.kind == METHOD
            else None,
        )

    def cell(self, card: Card, name: str, faceting: Faceting) -> Cell:
        """The value of ``card`` in column ``name``, as text and as a sort key."""
        if name == TITLE:
            return Cell(name, card.title, search_key(card.title), True)
        spec = FIELDS_BY_NAME[name]
        value = card[name]
        if spec.type is Type.DATE:
            if value is None:
                return Cell(name, self.labels["not_provided"], "", False)
            return Cell(name, format_date(value, self.views.language), value.isoformat(), True)
        choices = faceting.choices(card, spec)
        if not choices[0].provided:
            return Cell(name, choices[0].label, "", False)
        if spec.type is Type.RANGE:
            high = value.max if value.max is not None else 9_999_999
            return Cell(
                name, range_text(value, self.labels), f"{value.min or 0:07d}{high:07d}", True
            )
        first = choices[0].rank
        return Cell(
            name, ", ".join(choice.label for choice in choices), f"{first[1]:04d}{first[2]}", True
        )

    def status(self, count: int) -> str:
        """What the result count says before any filter: '40 fiches sur 40'."""
        one = count == 1 or (count == 0 and self.views.language == "fr")
        return self.labels["results_one" if one else "results_other"].format(
            shown=count, total=count
        )


def unknown_kind(where: str, kind: str, line: int | None = None, key: str | None = None) -> Problem:
    """The problem of a catalogue asked for a kind of card that does not exist."""
    return Problem(
        where,
        f"unknown kind of card '{kind}'",
        line,
        key,
        suggest(kind, KINDS) or "one of: " + ", ".join(KINDS),
    )


class CatalogueRenderer:
    """Renders the catalogue of a kind for pages: the listing once per build, its HTML once
    per page depth (links are relative) and heading level."""

    def __init__(self, builder: ListingBuilder, options: Options, template: Template) -> None:
        self.builder = builder
        self.options = options
        self.template = template
        self.listings: dict[str, Listing] = {}
        self.rendered: dict[tuple[str, int, str, str], str] = {}

    def listing(self, kind: str) -> Listing:
        """The catalogue of ``kind`` cards, computed on first use."""
        if kind not in self.listings:
            self.listings[kind] = self.builder.listing(
                kind, self.options.facets.get(kind, []), self.options.columns.get(kind, [TITLE])
            )
        return self.listings[kind]

    def render(self, slot: Slot, base_url: str) -> str:
        """The HTML of the catalogue of ``slot`` for a page whose root is at ``base_url``."""
        key = (slot.kind, slot.level, base_url, slot.id)
        if key not in self.rendered:
            self.rendered[key] = self.template.render(
                listing=self.listing(slot.kind),
                id=slot.id,
                level=slot.level,
                base_url=base_url,
                page=None,
            )
        return self.rendered[key]
