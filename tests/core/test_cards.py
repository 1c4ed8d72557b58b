"""Checking cards against the schema: each kind of bad input gives one located problem."""

from __future__ import annotations

import datetime as dt

import pytest

from mkdocs_participation.core import cards as cards_module
from mkdocs_participation.core.cards import Range, folder_kind, load_card, slug_of
from mkdocs_participation.core.problems import Severity

from ..faults import FAULTS

FOLDERS = {"methodes": "methode", "outils": "outil", "_outil": "methode"}


def make(front: str, kind: str = "methode", path: str = "methodes/a.md"):
    return load_card(path, f"---\n{front.strip()}\n---\nCorps\n", kind)


def only_problem(card):
    assert len(card.problems) == 1, [str(p) for p in card.problems]
    return card.problems[0]


def test_a_complete_card_has_no_problem():
    card = make("""
title: L'atelier
tagline: Délibérer
contact: equipe@example.org
date: '2017-04-04T15:57:58.478+00:00'
priorites:
- Un
ordre: 3
contract:
logo:
""")
    assert card.problems == []
    assert card.title == "L'atelier"
    assert card["contact"] == "mailto:equipe@example.org"
    assert card["date"] == dt.date(2017, 4, 4)
    assert card["priorites"] == ["Un"]
    assert card["contract"] is None
    assert card["atouts"] == []
    assert card.order == (3, "l atelier")


def test_categorie_decides_the_kind_over_the_folder():
    assert make("title: T\ntagline: x\ncategorie: outil").kind == "outil"
    assert make("title: T\ntagline: x").kind == "methode"


def test_unknown_categorie_suggests_the_closest():
    problem = only_problem(make("title: T\ntagline: x\ncategorie: methodes"))
    assert str(problem) == (
        "methodes/a.md:4: categorie: 'methodes' is not in the vocabulary (did you mean 'methode'?)"
    )


def test_unknown_key_suggests_the_closest():
    problem = only_problem(make("title: T\ntagline: x\npriorite:\n- a"))
    assert str(problem) == (
        "methodes/a.md:4: priorite: unknown key; it is not shown (did you mean 'priorites'?)"
    )


def test_missing_required_key():
    problem = only_problem(make("tagline: x"))
    assert problem.key is None
    assert problem.message == "missing required key 'title'"
    assert make("tagline: x").title == "a"


def test_string_where_a_list_is_expected_is_kept_as_one_item():
    card = make("title: T\ntagline: x\natouts: Rapide et peu coûteux")
    problem = only_problem(card)
    assert (problem.line, problem.key, problem.message) == (
        4,
        "atouts",
        "expected a list, got the text 'Rapide et peu coûteux'",
    )
    assert card["atouts"] == ["Rapide et peu coûteux"]


def test_list_item_read_as_a_map_is_kept_as_text():
    card = make("title: T\ntagline: x\natouts:\n- Coût : modéré\n- Simple")
    problem = only_problem(card)
    assert problem.line == 5
    assert "double quotes" in problem.suggestion
    assert card["atouts"] == ["Coût : modéré", "Simple"]


def test_wrong_type():
    problem = only_problem(make("title: T\ntagline: x\nordre: premier"))
    assert str(problem) == "methodes/a.md:4: ordre: expected a whole number, got the text 'premier'"


def test_unsafe_links_are_refused():
    for url in ("javascript:alert(1)", "data:text/html,x", "vbscript:x"):
        card = make(f"title: T\ntagline: x\naccess_link: '{url}'")
        problem = only_problem(card)
        assert problem.severity is Severity.ERROR
        assert problem.key == "access_link"
        assert "unsafe" in problem.message
        assert card["access_link"] is None


def test_unknown_video_host():
    card = make("title: T\ntagline: x\nurl_video_demo: https://videos.example.org/v/1")
    assert "video host not supported" in only_problem(card).message
    assert card["url_video_demo"] is None


def test_aliases_of_older_cards():
    card = make("title: T\ntagline: x\nrisques:\n- a\nfacteurscles:\n- b\nfacteursclés:\n- c")
    assert card["inconvenients"] == ["a"]
    assert card["qualites"] == ["b", "c"]
    assert [str(p) for p in card.problems] == [
        "methodes/a.md:8: facteursclés: 'facteursclés' and 'facteurscles' both give 'qualites' "
        "(merge them under 'qualites')"
    ]


def test_vocabulary_values_accept_accents_and_case():
    card = make("""
title: T
tagline: x
niveau: Co-décider
echelle: [Locale, nationale]
recrutement: Tirage au sort
participants: {min: 15, max: 40}
""")
    assert card.problems == []
    assert card["niveau"] == "co-decider"
    assert card["echelle"] == ["locale", "nationale"]
    assert card["recrutement"] == ["tirage-au-sort"]
    assert card["participants"] == Range(15, 40)


def test_value_outside_the_vocabulary():
    problem = only_problem(make("title: T\ntagline: x\nformat: distanciel"))
    assert problem.key == "format"
    assert "not in the vocabulary" in problem.message
    assert "presentiel" in problem.suggestion


def test_inverted_range():
    problem = only_problem(make("title: T\ntagline: x\nparticipants: {min: 40, max: 15}"))
    assert problem.message == "min (40) is greater than max (15)"


def test_tool_details_rows():
    card = make(
        """
title: Outil
tagline: x
categorie: outil
details_techniques:
- name: Source
  link: https://example.org/code
  content: https://example.org/code
- name: Langage
  content: Python
- content: sans nom
""",
        path="outils/o.md",
    )
    problem = only_problem(card)
    assert problem.line == 11
    assert [(d.name, d.link) for d in card["details_techniques"]] == [
        ("Source", "https://example.org/code"),
        ("Langage", None),
    ]


def test_slugs_and_folders():
    assert slug_of("_outil/atelier de prospective.md") == "atelier-de-prospective"
    assert slug_of("methodes/Débat public.md") == "debat-public"
    assert folder_kind("_outil/decidim.md", FOLDERS) == "methode"
    assert folder_kind("methodes/index.md", FOLDERS) is None
    assert folder_kind("autres/page.md", FOLDERS) is None
    assert folder_kind("methodes", FOLDERS) is None


def test_a_value_quoted_in_a_problem_cannot_drive_the_terminal():
    card = make('title: A\ntagline: x\nordre: "\\e[2J\\a\\nfaux"')
    assert str(only_problem(card)) == (
        "methodes/a.md:4: ordre: expected a whole number, got the text '\\x1b[2J\\x07 faux'"
    )


@pytest.mark.parametrize(("name", "text", "expected"), FAULTS, ids=[f[0] for f in FAULTS])
def test_a_fault_is_one_located_problem_and_the_rest_of_the_card_is_kept(name, text, expected):
    path = f"methodes/{name}.md"
    card = load_card(path, text, "methode")
    assert [str(problem) for problem in card.problems] == [f"{path}:{expected}"]
    if "invalid YAML" not in expected:
        assert card.title == f"Fiche {name}"
        assert card["tagline"] == "x"


def test_values_python_cannot_hold_are_left_out_of_lists_and_maps():
    card = make("title: T\ntagline: x\natouts:\n- Un\n- 2023-02-30\n- Deux\nparticipants: 12")
    assert card["atouts"] == ["Un", "Deux"]
    assert card["participants"] == Range(12, 12)


def test_whole_numbers_are_ascii_digits_in_range():
    assert make("title: T\ntagline: x\nordre: '+12'")["ordre"] == 12
    assert make("title: T\ntagline: x\nordre: ' -3 '")["ordre"] == -3
    for written in ("'١٢'", "'²'", "'1_000'", "10000000000", "'99999999999999'", "true"):
        card = make(f"title: T\ntagline: x\nordre: {written}")
        assert card["ordre"] is None
        assert len(card.problems) == 1


def test_a_check_that_fails_becomes_a_located_problem(monkeypatch):
    def broken(self, key, spec, raw):
        raise KeyError("surprise")

    monkeypatch.setattr(cards_module._Builder, "_check_url", broken)
    card = make("title: T\ntagline: x\naccess_link: https://a.fr")
    assert card.title == "T"
    assert card["access_link"] is None
    assert [str(p) for p in card.problems] == [
        "methodes/a.md:4: access_link: this value cannot be read (KeyError: 'surprise'); "
        "it is left out (write it as the fields page shows)"
    ]


def test_a_reader_that_fails_still_gives_the_card_its_page(monkeypatch):
    def broken(path, text):
        raise MemoryError("too big")

    monkeypatch.setattr(cards_module, "read_source", broken)
    card = load_card("methodes/a.md", "---\ntitle: T\n---\nCorps\n", "methode")
    assert card.title == "a"
    assert str(card.problems[0]) == (
        "methodes/a.md:1: the card cannot be read (MemoryError: too big); its front matter is "
        "left out"
    )
