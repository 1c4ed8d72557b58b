"""The catalogue: every card of the site, ordered, with images and cross-references resolved."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .cards import Card, suggest
from .problems import Problem, Severity
from .schema import FIELDS, Type

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})


def match_key(text: str) -> str:
    """The form under which a title or slug is matched: no case, accents, apostrophe styles."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return re.sub(r"[\s_-]+", " ", text).strip()


@dataclass
class ImageOptions:
    """Where images are looked up, and how loud a missing one is."""

    folder: str = "images"
    missing: Severity = Severity.WARNING


@dataclass
class Catalog:
    """All cards, in display order, and the links between them."""

    cards: list[Card]
    images: dict[tuple[str, str], str] = field(default_factory=dict)
    references: dict[tuple[str, str], list[Card]] = field(default_factory=dict)
    sentinels: frozenset[str] = frozenset()

    def of_kind(self, kind: str) -> list[Card]:
        return [card for card in self.cards if card.kind == kind]

    def by_path(self, path: str) -> Card | None:
        return self._by_path.get(path)

    def image(self, card: Card, key: str) -> str | None:
        """The docs-relative path of the image a card names under ``key``, if it exists."""
        return self.images.get((card.path, key))

    def __post_init__(self) -> None:
        self.cards.sort(key=lambda card: (card.kind, *card.order))
        self._by_path = {card.path: card for card in self.cards}


def build_catalog(cards: Iterable[Card], files: Iterable[str],
                  images: ImageOptions | None = None,
                  sentinels: Iterable[str] = ("Autre",)) -> Catalog:
    """Gather ``cards`` and resolve their images against the site's ``files``."""
    catalog = Catalog(list(cards), sentinels=frozenset(match_key(s) for s in sentinels))
    known = set(files)
    options = images or ImageOptions()
    for card in catalog.cards:
        for spec in FIELDS:
            if spec.type is Type.IMAGE and card[spec.name]:
                path = _find_image(card, spec.name, known, options)
                if path:
                    catalog.images[card.path, spec.name] = path
    _resolve_references(catalog)
    return catalog


def _find_image(card: Card, key: str, known: set[str], options: ImageOptions) -> str | None:
    value: str = card[key]
    line = card.source.line_of(key)
    if "://" in value:
        card.problems.append(Problem(
            card.path, "images from other sites are not loaded (visitors' privacy)", line, key,
            f"save the image in {options.folder}/ and name the file", options.missing))
        return None
    relative = value.removeprefix("/")
    candidates = [relative] if value.startswith("/") else [
        str(PurePosixPath(options.folder) / relative),
        str(PurePosixPath(card.path).parent / relative),
    ]
    for candidate in candidates:
        if candidate in known:
            return candidate
    card.problems.append(Problem(
        card.path, f"image not found: '{value}'", line, key,
        f"add the file {candidates[0]} or empty the key", options.missing))
    return None


def _resolve_references(catalog: Catalog) -> None:
    index: dict[str, dict[str, list[Card]]] = {}
    for card in catalog.cards:
        by_key = index.setdefault(card.kind, {})
        for name in {match_key(card.slug), match_key(card.title)}:
            by_key.setdefault(name, []).append(card)
    for card in catalog.cards:
        for spec in FIELDS:
            if spec.type is not Type.REFERENCES or not card[spec.name]:
                continue
            targets: list[Card] = []
            for position, reference in enumerate(card[spec.name]):
                key = match_key(reference)
                if key in catalog.sentinels:
                    continue
                found = index.get(spec.target or "", {}).get(key, [])
                if len(found) == 1:
                    targets.append(found[0])
                    continue
                titles = [c.title for c in catalog.of_kind(spec.target or "")]
                message = (f"'{reference}' matches several cards" if found
                           else f"no {spec.target} card named '{reference}'")
                card.problems.append(Problem(
                    card.path, message, card.source.line_of(spec.name, position), spec.name,
                    suggest(reference, titles)))
            catalog.references[card.path, spec.name] = list(dict.fromkeys(targets))
