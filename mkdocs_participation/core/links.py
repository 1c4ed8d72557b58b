"""Links between cards, kept both ways: what a case study used, and which case studies used a card.

A reference field whose target kind is also a kind that carries the field (``methodes_liees``, from
method to method) is symmetric: naming B on A links A and B on both pages. Any other reference
field (``methodes`` and ``outil``, from case study to method or tool) is read backwards as
"used by": the method lists the case studies that name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cards import Card
from .model import FIELDS_BY_NAME


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference as a card writes it, and the card it names (None: sentinel or dangling)."""

    text: str
    target: Card | None = None


@dataclass
class Links:
    """Every cross-link of a catalogue, readable from either end."""

    _mentions: dict[tuple[str, str], list[Mention]] = field(default_factory=dict)
    _outgoing: dict[str, dict[str, list[Card]]] = field(default_factory=dict)
    _incoming: dict[str, dict[str, list[Card]]] = field(default_factory=dict)

    def add(self, card: Card, key: str, mentions: list[Mention]) -> None:
        """Record the references ``card`` makes under ``key``, resolved or not, in written order."""
        self._mentions[card.path, key] = mentions
        spec = FIELDS_BY_NAME[key]
        symmetric = spec.target is not None and spec.applies_to(spec.target)
        for mention in mentions:
            target = mention.target
            if target is None or target.path == card.path:
                continue
            _append(self._outgoing, card, key, target)
            if symmetric:
                _append(self._outgoing, target, key, card)
            else:
                _append(self._incoming, target, card.kind, card)

    def mentions(self, card: Card, key: str) -> list[Mention]:
        """The references of ``card`` under ``key`` as written, each with its card if resolved."""
        return self._mentions.get((card.path, key), [])

    def outgoing(self, card: Card) -> dict[str, list[Card]]:
        """The cards ``card`` links to, by key; symmetric keys include the cards naming it."""
        return self._outgoing.get(card.path, {})

    def linked(self, card: Card, key: str) -> list[Card]:
        """The cards ``card`` names under ``key``, then those of the target kind that name
        ``card`` (a method's tools include the tools that list the method)."""
        spec = FIELDS_BY_NAME[key]
        named = self.outgoing(card).get(key, [])
        if spec.target is None or spec.applies_to(spec.target):
            return named
        paths = {other.path for other in named}
        back = [other for other in self.incoming(card, spec.target) if other.path not in paths]
        return [*named, *back]

    def incoming(self, card: Card, kind: str) -> list[Card]:
        """The cards of ``kind`` that name ``card`` (the case studies that used a method)."""
        return self._incoming.get(card.path, {}).get(kind, [])


def _append(table: dict[str, dict[str, list[Card]]], card: Card, key: str, other: Card) -> None:
    cards = table.setdefault(card.path, {}).setdefault(key, [])
    if all(known.path != other.path for known in cards):
        cards.append(other)
