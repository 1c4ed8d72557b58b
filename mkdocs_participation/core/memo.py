"""Values computed from cards, kept across the rebuilds of ``mkdocs serve``.

A value is kept under its name, the extra key its caller gives and its card's *signature*:
everything the card's views read from the card set. That is the card (its file's bytes and
kind), its slug, URL, images and problems, the same of every card it links to or that links to
it, and the site's own settings (``context``). Change any of these and the value is computed
again. Values not asked for in a build are forgotten at the next one, so a deleted or renamed
card's go with it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Protocol, TypeVar

from .cards import Card
from .cardset import CardSet
from .keys import digest
from .model import Type, all_fields

T = TypeVar("T")


class Keep(Protocol):
    """``Memo.get``, or ``unkept``: how a view asks for a value it may have made before."""

    def __call__(self, name: str, card: Card, make: Callable[[], T], *key: Hashable) -> T: ...


class Memo:
    """The values of one build, and those of the build before it."""

    def __init__(self) -> None:
        self.signatures: dict[str, bytes] = {}
        self.earlier: dict[Hashable, object] = {}
        self.values: dict[Hashable, object] = {}

    def start(self, cards: CardSet, digests: Mapping[str, bytes], context: str) -> set[str]:
        """Begin a build of ``cards``, whose files' bytes hash to ``digests`` (by path), for a
        site whose settings are summed up in ``context``; returns the paths of the cards whose
        signature changed since the last build, and of the cards gone since."""
        self.earlier, self.values = self.values, {}
        previous = self.signatures
        images: dict[str, list[tuple[str, str]]] = {}
        for (path, key), found in sorted(cards.images.items()):
            images.setdefault(path, []).append((key, found))
        own = {
            card.path: (
                card.kind,
                card.slug,
                digests.get(card.path),
                cards.url(card),
                *images.get(card.path, ()),
            )
            for card in cards.cards
        }
        kinds = sorted({card.kind for card in cards.cards})
        references = [spec.name for spec in all_fields() if spec.type is Type.REFERENCES]
        self.signatures = {}
        for card in cards.cards:
            groups = [*cards.links.outgoing(card).values()]
            groups += [cards.links.incoming(card, kind) for kind in kinds]
            linked = sorted({other.path for group in groups for other in group})
            mentions = [
                (m.text, m.target.path if m.target else None)
                for key in references
                for m in cards.links.mentions(card, key)
            ]
            text = repr(
                (
                    context,
                    card.path,
                    own[card.path],
                    [str(problem) for problem in card.problems],
                    [own.get(path) for path in linked],
                    mentions,
                )
            )
            self.signatures[card.path] = digest(text)
        return {
            path
            for path in {*previous, *self.signatures}
            if previous.get(path) != self.signatures.get(path)
        }

    def get(self, name: str, card: Card, make: Callable[[], T], *key: Hashable) -> T:
        """The value ``name`` of ``card`` (with ``key``), made by ``make()`` unless this build
        or the one before made it for the same signature."""
        found = self.find(name, card, *key)
        if found is None:
            found = make()
            self.put(name, card, found, *key)
        return found  # type: ignore[return-value]

    def find(self, name: str, card: Card, *key: Hashable) -> object | None:
        """The value ``name`` of ``card`` (with ``key``) kept for its signature, if any."""
        entry = self._entry(name, card, key)
        if entry is None:
            return None
        if entry not in self.values and entry in self.earlier:
            self.values[entry] = self.earlier[entry]
        return self.values.get(entry)

    def put(self, name: str, card: Card, value: object, *key: Hashable) -> None:
        """Keep ``value`` as the value ``name`` of ``card`` (with ``key``)."""
        entry = self._entry(name, card, key)
        if entry is not None:
            self.values[entry] = value

    def _entry(self, name: str, card: Card, key: tuple[Hashable, ...]) -> Hashable | None:
        signature = self.signatures.get(card.path)
        return None if signature is None else (name, card.path, signature, key)


def unkept(name: str, card: Card, make: Callable[[], T], *key: Hashable) -> T:
    """``make()``: what a view calls in place of ``Memo.get`` where nothing is kept."""
    return make()
