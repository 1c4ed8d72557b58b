"""The bilingual demo (mkdocs-bilingue.yml): the French toolbox, and under /en/ the same toolbox
with English interface words and the English version of a few cards."""

from __future__ import annotations

import json

import pytest

from .sites import ROOT, run_build


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    built = run_build(ROOT / "mkdocs-bilingue.yml", tmp_path_factory.mktemp("bilingue"))
    assert built.ok, built.problems
    return built


def test_english_cards_and_interface_under_en(bilingual):
    card = bilingual.html("en/methodes/world-cafe/")
    assert '<html lang="en"' in card and "<h1>The world café" in card
    assert "At a glance" in card and "Level of participation" in card
    catalogue = bilingual.html("en/methodes/")
    assert "Open space" in catalogue and "The world café" in catalogue
    assert "Le jury citoyen" in catalogue, "a card with no English version is shown in French"
    assert "Compare methods" in bilingual.html("en/comparer/")
    exported = json.loads((bilingual.site_dir / "en/donnees/fiches.json").read_text("utf-8"))
    titles = {record["title"] for record in exported["fiches"]}
    assert {"The world café", "Open space", "Le jury citoyen"} <= titles


def test_the_french_toolbox_is_unchanged(bilingual, demo):
    assert "<h1>Le world café" in bilingual.html("methodes/world-cafe/")
    french = bilingual.html("methodes/")
    assert "The world café" not in french and "Le world café" in french
    assert not (demo.site_dir / "methodes/world-cafe.en").exists()
    assert "The world café" not in demo.html("methodes/"), "the demo leaves *.en.md out"
