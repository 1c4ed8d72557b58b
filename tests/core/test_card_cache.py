"""The cards kept across serve's rebuilds: read again only when bytes, kind or settings change."""

from __future__ import annotations

import pytest

from mkdocs_participation.core import card_cache
from mkdocs_participation.core.cards import Settings

JURY = b"---\ntitle: Jury citoyen\ntagline: Des citoyens\n---\n\nTexte.\n"
FORUM = b"---\ntitle: Forum ouvert\n---\n"


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The paths the cache reads, in order."""
    seen: list[str] = []
    real = card_cache.load_card

    def counted(path, data, kind, settings):
        seen.append(path)
        return real(path, data, kind, settings)

    monkeypatch.setattr(card_cache, "load_card", counted)
    return seen


def test_unchanged_files_are_not_read_again(reads):
    cache, settings = card_cache.CardCache(), Settings()
    first = cache.load([("m/jury.md", JURY, "methode"), ("m/forum.md", FORUM, "methode")], settings)
    edited = JURY.replace(b"Texte", b"Autre texte")
    second = cache.load(
        [("m/jury.md", edited, "methode"), ("m/forum.md", FORUM, "methode")], settings
    )
    assert reads == ["m/jury.md", "m/forum.md", "m/jury.md"]
    assert second["m/jury.md"].body != first["m/jury.md"].body
    assert second["m/forum.md"].values == first["m/forum.md"].values


def test_a_new_kind_or_new_settings_read_again_and_gone_paths_are_dropped(reads):
    cache = card_cache.CardCache()
    cache.load([("m/jury.md", JURY, "methode")], Settings())
    cache.load([("m/jury.md", JURY, "outil")], Settings())
    cache.load([("m/jury.md", JURY, "outil")], Settings(video_hosts=frozenset({"example.org"})))
    assert reads == ["m/jury.md"] * 3
    assert cache.load([], Settings(video_hosts=frozenset({"example.org"}))) == {}
    assert cache.cards == {}


def test_each_build_gets_its_own_list_of_problems(reads):
    cache, settings = card_cache.CardCache(), Settings()
    first = cache.load([("m/forum.md", FORUM, "methode")], settings)["m/forum.md"]
    known = list(first.problems)
    first.problems.append(known[0])
    second = cache.load([("m/forum.md", FORUM, "methode")], settings)["m/forum.md"]
    assert second.problems == known and reads == ["m/forum.md"]
