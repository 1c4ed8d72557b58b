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
    first = cache.load_card("m/jury.md", JURY, "methode", settings)
    forum = cache.load_card("m/forum.md", FORUM, "methode", settings)
    other = JURY.replace(b"Texte", b"Autre texte")
    edited = cache.load_card("m/jury.md", other, "methode", settings)
    again = cache.load_card("m/forum.md", FORUM, "methode", settings)
    assert reads == ["m/jury.md", "m/forum.md", "m/jury.md"]
    assert edited.body != first.body
    assert again.values == forum.values


def test_a_new_kind_or_new_settings_read_again(reads):
    cache = card_cache.CardCache()
    cache.load_card("m/jury.md", JURY, "methode", Settings())
    cache.load_card("m/jury.md", JURY, "outil", Settings())
    hosts = Settings(video_hosts=frozenset({"example.org"}))
    cache.load_card("m/jury.md", JURY, "outil", hosts)
    cache.load_card("m/jury.md", JURY, "outil", hosts)
    assert reads == ["m/jury.md"] * 3


def test_files_gone_are_forgotten(reads):
    cache, settings = card_cache.CardCache(), Settings()
    cache.load_card("m/jury.md", JURY, "methode", settings)
    cache.load_card("m/forum.md", FORUM, "methode", settings)
    cache.keep(["m/forum.md"])
    assert set(cache.cards) == {"m/forum.md"}
    cache.load_card("m/jury.md", JURY, "methode", settings)
    assert reads == ["m/jury.md", "m/forum.md", "m/jury.md"]


def test_each_build_gets_its_own_list_of_problems(reads):
    cache, settings = card_cache.CardCache(), Settings()
    first = cache.load_card("m/forum.md", FORUM, "methode", settings)
    known = list(first.problems)
    first.problems.append(known[0])
    second = cache.load_card("m/forum.md", FORUM, "methode", settings)
    assert second.problems == known and reads == ["m/forum.md"]
