"""Cards kept across the rebuilds of ``mkdocs serve``: a card file whose bytes and kind are
those of the previous build, under the same settings, is not read and checked again."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable

from .cards import Card, Settings, load_card


class CardCache:
    """The cards of the last build, by path, with the hash of their file's bytes."""

    def __init__(self) -> None:
        self.settings: Settings | None = None
        self.cards: dict[str, tuple[bytes, str, Card]] = {}

    def load(self, files: Iterable[tuple[str, bytes, str]], settings: Settings) -> dict[str, Card]:
        """The cards of ``files`` (path, bytes, kind), each read unless its path held the same
        bytes and kind last time under equal ``settings``. Each card comes with its own list of
        problems, which later steps extend; only the paths of this build are kept."""
        if settings != self.settings:
            self.settings, self.cards = settings, {}
        kept: dict[str, tuple[bytes, str, Card]] = {}
        for path, data, kind in files:
            digest = hashlib.blake2b(data, digest_size=16).digest()
            found = self.cards.get(path)
            if found is None or found[:2] != (digest, kind):
                found = (digest, kind, load_card(path, data, kind, settings))
            kept[path] = found
        self.cards = kept
        return {
            path: dataclasses.replace(card, problems=list(card.problems))
            for path, (_, _, card) in kept.items()
        }
