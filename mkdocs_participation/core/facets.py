"""Facets of a list of cards: the options each card falls under, their counts, and search words.

A facet is a card key chosen in the site's configuration; how a card is sorted into its options
depends only on the key's type, so any kind of card can be filtered by any of these keys:

- a choice or choices: one option per vocabulary value, in vocabulary order;
- a range (participants): buckets of people, a card falling in every bucket its range meets;
- yes/no: two options; a text (an organiser): one option per distinct text;
- references (methods used): one option per card named.

A card without a value falls under the ``NOT_PROVIDED`` option, listed last.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .cards import Card, Range
from .cardset import CardSet
from .keys import search_key, slug
from .memo import Keep, unkept
from .model import FIELDS_BY_NAME, Field, Type, full_stand_ins
from .wording import Wording, range_text

NOT_PROVIDED = "non-renseigne"
# Lower bounds of the participant buckets after the first: up to 19, 20 to 49, 50 to 149, 150+.
RANGE_BOUNDS = (20, 50, 150)

_TAG = re.compile(r"<[^<>]*>")  # not "[^>]*": a run of "<" would take quadratic time


@dataclass(frozen=True, slots=True)
class Option:
    """One value of a facet: its key in URLs, its label, and how many cards have it."""

    key: str
    label: str
    count: int
    token: str


@dataclass(frozen=True, slots=True)
class Facet:
    """A group of options for one card key, in display order."""

    name: str
    label: str
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class Choice:
    """An option a card falls under: its key, its label and its place among the options."""

    key: str
    label: str
    rank: tuple[int, int, str]

    @property
    def provided(self) -> bool:
        return self.key != NOT_PROVIDED


def token(name: str, key: str) -> str:
    """How a card's option is written in its ``data-facets`` attribute: ``niveau=consulter``."""
    return f"{name}={key}"


class Faceting:
    """Sorts ``kind`` cards into the options of the facets ``names`` (card keys), in that
    order. A card is also filed under the options its value fully stands in for (a hybrid
    method under "in person" and "online"), though it shows its own value only."""

    def __init__(
        self,
        cards: CardSet,
        kind: str,
        names: Iterable[str],
        wording: Wording,
        keep: Keep = unkept,
    ) -> None:
        self.cards = cards
        self.keep = keep
        self.kind = kind
        self.fields = [FIELDS_BY_NAME[name] for name in names]
        self.wording = wording
        self.vocabularies = wording.vocabularies
        self.labels = wording.labels
        self._known: dict[tuple[str, str], list[Choice]] = {}
        self._filed: dict[tuple[str, str], list[Choice]] = {}
        self._places: dict[str, dict[str, int]] = {}
        edges = (0, *RANGE_BOUNDS)
        self.buckets = [
            Range(low, edges[i + 1] - 1 if i + 1 < len(edges) else None)
            for i, low in enumerate(edges)
        ]
        self._bucket_choices = [
            Choice(_bucket_key(bucket), range_text(_label_range(bucket), self.labels), (0, i, ""))
            for i, bucket in enumerate(self.buckets)
        ]

    def choices(self, card: Card, spec: Field) -> list[Choice]:
        """The options ``card`` falls under for the facet ``spec``: never empty."""
        key = (card.path, spec.name)
        if key not in self._known:
            self._known[key] = self._choices(card, spec)
        return self._known[key]

    def _choices(self, card: Card, spec: Field) -> list[Choice]:
        value = card[spec.name]
        found: list[Choice] = []
        if spec.type in (Type.CHOICE, Type.CHOICES):
            vocabulary = self.vocabularies.get(spec.vocabulary or "", {})
            places = self._places.get(spec.name)
            if places is None:
                places = self._places[spec.name] = {key: i for i, key in enumerate(vocabulary)}
            chosen = sorted(
                value if isinstance(value, list) else [value] if value else [],
                key=places.__getitem__,
            )
            found = [Choice(key, vocabulary[key], (0, places[key], "")) for key in chosen]
        elif spec.type is Type.RANGE and value:
            found = [
                choice
                for choice, bucket in zip(self._bucket_choices, self.buckets, strict=True)
                if _meets(value, bucket)
            ]
        elif spec.type is Type.BOOLEAN and value is not None:
            answer = "yes" if value else "no"
            label = self.labels.get(f"{spec.name}_{answer}", self.labels[answer])
            found = [Choice("oui" if value else "non", label, (0, 0 if value else 1, ""))]
        elif spec.type is Type.TEXT and value and slug(value):
            found = [Choice(slug(value), value, (0, 0, search_key(value)))]
        elif spec.type is Type.REFERENCES:
            found = [
                Choice(other.slug, other.title, (0, 0, search_key(other.title)))
                for other in self.cards.references.get((card.path, spec.name), [])
            ]
        return found or [Choice(NOT_PROVIDED, self.labels["not_provided"], (1, 0, ""))]

    def label(self, spec: Field) -> str:
        """The heading of a facet or column: the word of its field for this kind of card."""
        return self.wording.field(spec, self.kind)

    def filed_under(self, card: Card, spec: Field) -> list[Choice]:
        """The options a filter finds ``card`` under: its own, then those it stands in for."""
        key = (card.path, spec.name)
        found = self._filed.get(key)
        if found is None:
            make = functools.partial(self._filed_under, card, spec)
            found = self._filed[key] = self.keep("filed", card, make, spec.name)
        return found

    def _filed_under(self, card: Card, spec: Field) -> list[Choice]:
        own = self.choices(card, spec)
        if spec.type not in (Type.CHOICE, Type.CHOICES) or not own[0].provided:
            return own
        keys = {choice.key for choice in own}
        stood_in = set().union(*(full_stand_ins(spec.vocabulary, key) for key in keys)) - keys
        if not stood_in:
            return own
        vocabulary = self.vocabularies.get(spec.vocabulary or "", {})
        places = self._places[spec.name]
        extra = [
            Choice(wanted, vocabulary[wanted], (0, places[wanted], ""))
            for wanted in vocabulary
            if wanted in stood_in
        ]
        return [*own, *extra]

    def tokens(self, card: Card) -> list[str]:
        """Every option of ``card``, facet by facet, as written in its ``data-facets``."""
        return [
            token(spec.name, choice.key)
            for spec in self.fields
            for choice in self.filed_under(card, spec)
        ]

    def facets(self, cards: list[Card]) -> list[Facet]:
        """The facets with the options at least one of ``cards`` has, and their counts."""
        facets = []
        for spec in self.fields:
            counts: dict[str, int] = {}
            seen: dict[str, Choice] = {}
            for card in cards:
                for choice in self.filed_under(card, spec):
                    counts[choice.key] = counts.get(choice.key, 0) + 1
                    seen.setdefault(choice.key, choice)
            ordered = sorted(seen.values(), key=lambda choice: (choice.rank, choice.key))
            facets.append(
                Facet(
                    spec.name,
                    self.label(spec),
                    tuple(
                        Option(c.key, c.label, counts[c.key], token(spec.name, c.key))
                        for c in ordered
                    ),
                )
            )
        return facets

    def words(self, card: Card) -> str:
        """The distinct search words of ``card``: the values of the fields the model searches,
        and the labels of its facet options (but not of participant buckets, whose numbers
        would match anything)."""
        texts: list[str] = [
            self.wording.value(card, name)
            for name in card.values
            if FIELDS_BY_NAME[name].search and card[name]
        ]
        texts.extend(
            choice.label
            for spec in self.fields
            if spec.type is not Type.RANGE
            for choice in self.choices(card, spec)
            if choice.provided
        )
        written = dict.fromkeys(html.unescape(_TAG.sub(" ", " ".join(texts))).split())
        return " ".join(dict.fromkeys(search_key(" ".join(written)).split()))


def _bucket_key(bucket: Range) -> str:
    return f"{bucket.min}-{bucket.max}" if bucket.max is not None else f"{bucket.min}-plus"


def _label_range(bucket: Range) -> Range:
    """The first bucket reads 'up to 19 people', not 'from 0 to 19 people'."""
    return Range(None, bucket.max) if bucket.min == 0 else bucket


def _meets(value: Range, bucket: Range) -> bool:
    low = value.min or 0
    high = value.max if value.max is not None else float("inf")
    bucket_high = bucket.max if bucket.max is not None else float("inf")
    return low <= bucket_high and high >= (bucket.min or 0)
