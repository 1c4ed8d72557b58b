"""Cards kept across the rebuilds of ``mkdocs serve``: a card file whose bytes and kind are
those of the previous build, under the same settings, is not read and checked again."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .cards import Card, Settings, load_card
from .keys import digest


class CardCache:
    """The cards read in earlier builds, by path, with the hash of their file's bytes."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.cards: dict[str, tuple[bytes, str, Card]] = {}

    def load_card(self, path: str, data: bytes, kind: str, settings: Settings) -> Card:
        """The card of ``data`` as ``cards.load_card`` reads it, read again only if ``path``
        held other bytes or another kind, or the settings changed. Each call gives a card with
        its own list of problems, which later steps extend."""
        if settings is not self.settings:  # compared once per build, not once per card
            if settings != self.settings:
                self.cards = {}
            self.settings = settings
        hashed = digest(data)
        found = self.cards.get(path)
        if found is None or found[:2] != (hashed, kind):
            found = self.cards[path] = (hashed, kind, load_card(path, data, kind, settings))
        card = found[2]
        return dataclasses.replace(card, problems=list(card.problems))

    def digests(self) -> dict[str, bytes]:
        """The hash of each card file's bytes, by path."""
        return {path: hashed for path, (hashed, _, _) in self.cards.items()}

    def keep(self, paths: Iterable[str]) -> None:
        """Forget the cards of files that are not in ``paths`` (deleted or renamed)."""
        kept = set(paths)
        self.cards = {path: found for path, found in self.cards.items() if path in kept}
