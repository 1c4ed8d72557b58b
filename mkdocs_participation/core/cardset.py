"""The catalogue: every card of the site, ordered, with images and cross-references resolved."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .cards import Card, page_url, slug_of
from .keys import match_key
from .links import Links, Mention
from .markup import active_svg
from .model import Field, Type, all_fields
from .problems import Problem, Severity


@dataclass
class ImageOptions:
    """Where images are looked up, and how loud a missing one is."""

    folder: str = "images"
    missing: Severity = Severity.WARNING


@dataclass
class CardSet:
    """All cards, in display order, and the links between them."""

    cards: list[Card]
    images: dict[tuple[str, str], str] = field(default_factory=dict)
    references: dict[tuple[str, str], list[Card]] = field(default_factory=dict)
    sentinels: frozenset[str] = frozenset()
    links: Links = field(default_factory=Links)
    # Site-relative URL of each card's page, by docs path; the site sets it (MkDocs knows it).
    urls: dict[str, str] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Card]:
        return [card for card in self.cards if card.kind == kind]

    def by_path(self, path: str) -> Card | None:
        return self._by_path.get(path)

    def image(self, card: Card, key: str) -> str | None:
        """The docs-relative path of the image a card names under ``key``, if it exists."""
        return self.images.get((card.path, key))

    def url(self, card: Card) -> str:
        """The site-relative URL of the page of ``card`` ('methodes/atelier/' by default)."""
        if card.path in self.urls:
            return self.urls[card.path]
        return page_url(card.path)

    def __post_init__(self) -> None:
        self.cards.sort(key=lambda card: (card.kind, *card.order))
        self._by_path = {card.path: card for card in self.cards}


def build_card_set(
    cards: Iterable[Card],
    files: Iterable[str],
    images: ImageOptions | None = None,
    sentinels: Iterable[str] = ("Autre",),
    read: Callable[[str], bytes] | None = None,
) -> CardSet:
    """Gather ``cards``, resolve their images against the site's ``files`` and their references;
    ``read`` gives a docs file's bytes, to check the SVG images cards name."""
    sentinels = list(sentinels)
    card_set = CardSet(list(cards), sentinels=frozenset(match_key(s) for s in sentinels))
    _separate_slugs(card_set.cards)
    known = set(files)
    options = images or ImageOptions()
    # Many cards may name one logo: each SVG file is read and scanned once.
    scripted = functools.cache(lambda path: active_svg(read(path).decode("utf-8", "replace")))
    for card in card_set.cards:
        for spec in all_fields():
            if spec.type is Type.IMAGE and card[spec.name]:
                path = _find_image(card, spec.name, known, options)
                if path:
                    card_set.images[card.path, spec.name] = path
                if path and read is not None and path.lower().endswith(".svg") and scripted(path):
                    _report_script(card, spec.name, path)
    _resolve_references(card_set, sentinels[0] if sentinels else None)
    return card_set


def _separate_slugs(cards: list[Card]) -> None:
    """Cards of one kind whose file names give one slug (case, accents written two ways in
    Unicode, spaces or hyphens, one name in two folders) would be one card in the catalogue,
    the comparison and the references: each after the first gets a numbered slug, and an error
    names both files."""
    taken: dict[tuple[str, str], Card] = {}
    for card in sorted(cards, key=lambda card: card.path):
        first = taken.get((card.kind, card.slug))
        if first is None:
            taken[card.kind, card.slug] = card
            continue
        number = 2
        while (card.kind, f"{card.slug}-{number}") in taken:
            number += 1
        slug = f"{card.slug}-{number}"
        card.problems.append(
            Problem(
                card.path,
                f"this file name gives the slug '{card.slug}' of {first.path}; this card is "
                f"listed as '{slug}'",
                None,
                None,
                "rename one of the two files",
                Severity.ERROR,
            )
        )
        card.slug = slug
        taken[card.kind, slug] = card


def _report_script(card: Card, key: str, path: str) -> None:
    card.problems.append(
        Problem(
            card.path,
            f"the SVG image '{path}' holds a script, which runs when the file is opened",
            card.source.line_of(key),
            key,
            "remove its <script> elements, on… attributes and javascript: links",
            Severity.ERROR,
        )
    )


def _find_image(card: Card, key: str, known: set[str], options: ImageOptions) -> str | None:
    value: str = card[key]
    line = card.source.line_of(key)
    if "://" in value:
        card.problems.append(
            Problem(
                card.path,
                "images from other sites are not loaded (visitors' privacy)",
                line,
                key,
                f"save the image in {options.folder}/ and name the file",
                options.missing,
            )
        )
        return None
    relative = value.removeprefix("/")
    candidates = (
        [relative]
        if value.startswith("/")
        else [
            str(PurePosixPath(options.folder) / relative),
            str(PurePosixPath(card.path).parent / relative),
        ]
    )
    for candidate in candidates:
        if candidate in known:
            return candidate
    card.problems.append(
        Problem(
            card.path,
            f"image not found: '{value}'",
            line,
            key,
            f"add the file {candidates[0]} or empty the key",
            options.missing,
        )
    )
    return None


def closest_titles(reference: str, titles: Iterable[str], count: int = 3) -> list[str]:
    """The ``count`` titles most like ``reference``, compared under their match keys."""
    key = match_key(reference)
    ranked = sorted(
        set(titles),
        key=lambda title: (-difflib.SequenceMatcher(None, key, match_key(title)).ratio(), title),
    )
    return ranked[:count]


class _Index:
    """Cards of each kind under the match keys of their slug and of their title."""

    def __init__(self, cards: Iterable[Card]) -> None:
        self.slugs: dict[tuple[str, str], list[Card]] = {}
        self.titles: dict[tuple[str, str], list[Card]] = {}
        for card in cards:
            # A card whose file name gives another card's slug answers to both names: the
            # shared one stays ambiguous, the numbered one is its own.
            for name in dict.fromkeys((slug_of(card.path), card.slug)):
                self.slugs.setdefault((card.kind, match_key(name)), []).append(card)
            self.titles.setdefault((card.kind, match_key(card.title)), []).append(card)

    def find(self, kind: str, key: str) -> list[Card]:
        """Cards of ``kind`` whose slug has ``key``; failing that, whose title has it."""
        return self.slugs.get((kind, key)) or self.titles.get((kind, key), [])


def _resolve_references(card_set: CardSet, sentinel: str | None) -> None:
    index = _Index(card_set.cards)
    for card in card_set.cards:
        for spec in all_fields():
            if spec.type is not Type.REFERENCES or not card[spec.name]:
                continue
            mentions = [
                _resolve(card_set, index, card, spec, position, reference, sentinel)
                for position, reference in enumerate(card[spec.name])
            ]
            card_set.links.add(card, spec.name, mentions)
            targets = {m.target.path: m.target for m in mentions if m.target is not None}
            card_set.references[card.path, spec.name] = list(targets.values())


def _resolve(
    card_set: CardSet,
    index: _Index,
    card: Card,
    spec: Field,
    position: int,
    reference: str,
    sentinel: str | None,
) -> Mention:
    key = match_key(reference)
    if key in card_set.sentinels:
        return Mention(reference)
    found = index.find(spec.target or "", key)
    if len(found) == 1 and found[0] is not card:
        return Mention(reference, found[0])
    message, hint = _diagnose(card_set, index, card, spec, reference, found, sentinel)
    card.problems.append(
        Problem(card.path, message, card.source.line_of(spec.name, position), spec.name, hint)
    )
    return Mention(reference)


def _diagnose(
    card_set: CardSet,
    index: _Index,
    card: Card,
    spec: Field,
    reference: str,
    found: list[Card],
    sentinel: str | None,
) -> tuple[str, str]:
    """The message and the suggestion for a reference that names no single other card."""
    target = spec.target or ""
    if len(found) == 1 and found[0] is card:
        return f"'{reference}' is this card itself", "remove it"
    if found:
        slugs = list(dict.fromkeys(slug_of(other.path) for other in found))
        hint = (
            "write the file name of the one you mean: " + " or ".join(f"'{s}'" for s in slugs)
            if len(slugs) == len(found)
            else "give these cards different file names"
        )
        paths = ", ".join(other.path for other in found)
        return f"'{reference}' matches {len(found)} {target} cards: {paths}", hint
    missing = f"no {target} card named '{reference}'"
    for other in dict.fromkeys(c.kind for c in card_set.cards if c.kind != target):
        if index.find(other, match_key(reference)):
            fits = [f.name for f in all_fields() if f.target == other and f.applies_to(card.kind)]
            kind = f"it is a card of kind '{other}'"
            return missing, f"{kind}: list it under '{fits[0]}'" if fits else kind
    titles = closest_titles(reference, (c.title for c in card_set.of_kind(target)))
    hint = (
        "closest titles: " + ", ".join(f"'{title}'" for title in titles)
        if titles
        else f"there is no {target} card yet"
    )
    return missing, hint + (f"; or write '{sentinel}'" if sentinel else "")
