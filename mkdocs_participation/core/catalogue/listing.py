"""The catalogue of one kind of card, as a page shows it: cards, table rows and facet filters."""

from __future__ import annotations

import functools
import json
from collections.abc import Hashable
from dataclasses import dataclass

from markupsafe import Markup

from ..cards import Card
from ..cardset import CardSet
from ..comparison import CompareItem, compare_item
from ..facets import Facet, Faceting
from ..keys import search_key
from ..memo import Keep, unkept
from ..model import FIELDS_BY_NAME, Type
from ..views import Fact, Image
from ..wording import Wording, range_text
from .options import TITLE

# Images tried, in order, for the picture at the top of a card in the grid.
PICTURES = ("img-bg", "screenshot")
# The search words of a kind's cards, fetched by catalogue.js when a visitor first types.
WORDS = "assets/participation/words-{kind}.json"


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
    """A card as the catalogue shows it, in the grid and as a table row (which catalogue.js
    makes from the card: title, facts and their sort keys)."""

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
    """Everything a catalogue shows, computed once per build: ``entries`` are those of
    ``cards``, in that order; ``key`` is what they depend on besides their cards (the facets,
    columns and compared kinds)."""

    kind: str
    facets: list[Facet]
    columns: list[Column]
    cards: list[Card]
    entries: list[Entry]
    key: tuple[Hashable, ...]
    status: str
    labels: dict[str, str]

    def words_json(self) -> str:
        """The search words of each card, by slug: what catalogue.js matches typed text in."""
        words = {entry.slug: entry.words for entry in self.entries}
        return json.dumps(words, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class ListingBuilder:
    """Builds the catalogue of each kind of card from the card pages' own values."""

    def __init__(
        self,
        cards: CardSet,
        wording: Wording,
        comparing: frozenset[str] = frozenset(),
        keep: Keep = unkept,
    ) -> None:
        self.cards = cards
        self.wording = wording
        self.comparing = comparing
        self.labels = wording.labels
        self.keep = keep

    def listing(self, kind: str, facets: list[str], columns: list[str]) -> Listing:
        """The catalogue of ``kind`` cards, filtered by ``facets``, tabulated by ``columns``."""
        cards = self.cards.of_kind(kind)
        faceting = Faceting(self.cards, kind, facets, self.wording, self.keep)
        key = (tuple(facets), tuple(columns), self.comparing)
        return Listing(
            kind=kind,
            facets=faceting.facets(cards),
            columns=[Column(name, faceting.label(FIELDS_BY_NAME[name])) for name in columns],
            cards=cards,
            entries=[
                self.keep(
                    "entry", card, functools.partial(self.entry, card, faceting, columns), *key
                )
                for card in cards
            ],
            key=key,
            status=self.status(len(cards)),
            labels=self.labels,
        )

    def entry(self, card: Card, faceting: Faceting, columns: list[str]) -> Entry:
        cells = [self.cell(card, name, faceting) for name in columns]
        pictures = (self.cards.image(card, key) for key in PICTURES)
        picture = next((path for path in pictures if path), None)
        return Entry(
            slug=card.slug,
            url=self.cards.url(card),
            title=Markup.escape(card.title),  # as on its page: inside a link, no markup
            tagline=self.wording.inline(card["tagline"] or card["description"] or ""),
            picture=Image(picture, "") if picture else None,
            facts=[
                Fact(
                    faceting.label(FIELDS_BY_NAME[cell.name]),
                    cell.text,
                    cell.provided,
                    sort=cell.sort,
                )
                for cell in cells
                if cell.name != TITLE
            ],
            cells=cells,
            facets=" ".join(faceting.tokens(card)),
            words=faceting.words(card),
            compare=compare_item(card, self.cards, self.wording)
            if card.kind in self.comparing
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
            return Cell(name, self.wording.text(spec, value), value.isoformat(), True)
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
        one = count == 1 or (count == 0 and self.wording.language == "fr")
        return self.labels["results_one" if one else "results_other"].format(
            shown=count, total=count
        )
