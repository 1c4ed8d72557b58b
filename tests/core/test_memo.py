"""Values kept across serve's rebuilds: made again when the card or a neighbour changes."""

from __future__ import annotations

import hashlib

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.memo import Memo

FILES = {
    "methodes/jury.md": "---\ntitle: Jury citoyen\noutils: [agora]\n---\n",
    "methodes/forum.md": "---\ntitle: Forum ouvert\n---\n",
    "outils/agora.md": "---\ntitle: Agora\n---\n",
}


def start(memo: Memo, files: dict[str, str], context: str = "site") -> tuple[dict, set[str]]:
    """A build of ``files`` begun with ``memo``: the cards by path, and the changed paths."""
    cards = {
        path: load_card(path, text.encode(), path.split("/")[0].removesuffix("s"), None)
        for path, text in files.items()
    }
    card_set = build_card_set(cards.values(), files)
    digests = {path: hashlib.blake2b(text.encode()).digest() for path, text in files.items()}
    return cards, memo.start(card_set, digests, context)


def made(memo: Memo, cards: dict) -> list[str]:
    """The paths whose value had to be made in this build."""
    found: list[str] = []
    for path, card in cards.items():
        memo.get("page", card, lambda path=path: found.append(path) or path)
    return found


def test_a_value_is_made_again_for_its_card_and_the_cards_linked_to_it():
    memo = Memo()
    cards, changed = start(memo, FILES)
    assert made(memo, cards) == list(FILES) and changed == set(FILES)
    edited = FILES | {"outils/agora.md": "---\ntitle: Agora 2\n---\n"}
    cards, changed = start(memo, edited)
    assert changed == {"methodes/jury.md", "outils/agora.md"}
    assert made(memo, cards) == ["methodes/jury.md", "outils/agora.md"]
    cards, changed = start(memo, edited)
    assert made(memo, cards) == [] and changed == set()


def test_the_site_settings_and_gone_cards_change_it_too():
    memo = Memo()
    cards, _ = start(memo, FILES)
    made(memo, cards)
    cards, changed = start(memo, FILES, context="other words")
    assert changed == set(FILES) and made(memo, cards) == list(FILES)
    without = {path: text for path, text in FILES.items() if path != "methodes/forum.md"}
    cards, changed = start(memo, without, context="other words")
    assert changed == {"methodes/forum.md"}
    assert made(memo, cards) == []


def test_values_not_asked_for_in_a_build_are_forgotten():
    memo = Memo()
    cards, _ = start(memo, FILES)
    made(memo, cards)
    start(memo, FILES)
    cards, _ = start(memo, FILES)
    assert made(memo, cards) == list(FILES)
