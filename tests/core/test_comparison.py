"""The comparison model: rows, precomputed cells, differing rows and the script settings."""

from __future__ import annotations

import json

import pytest

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.comparison import (
    MAXIMUM,
    build_comparison,
    compare_item,
    guide_page,
    script_settings,
)
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES
from mkdocs_participation.core.wording import Wording


def make(path: str, front: str, kind: str = "methode"):
    return load_card(path, f"---\n{front.strip()}\n---\n", kind)


def views_of(*cards, language: str = "fr"):
    return build_card_set(list(cards), []), Wording(labels_for(language), VOCABULARIES, language)


ATELIER = make(
    "methodes/atelier.md",
    """
title: Atelier citoyen
tagline: Des habitants <b>délibèrent</b>
niveau: concerter
format: presentiel
echelle: [locale, departementale]
participants: {min: 15, max: 40}
owner: DITP
contact: atelier@example.org
atouts: [Un avis éclairé, "Des *propositions*"]
ordre: 1
""",
)
JURY = make(
    "methodes/jury.md",
    """
title: Jury citoyen
tagline: Un petit groupe tiré au sort
niveau: concerter
format: en-ligne
echelle: [locale, departementale]
participants: {min: 15, max: 40}
owner: DITP
atouts: ["Un avis  éclairé", "des *propositions*"]
ordre: 2
""",
)
OUTIL = make("outils/agora.md", "title: Agora\ntagline: Une plateforme", "outil")


@pytest.fixture
def comparison():
    return build_comparison("methode", *views_of(ATELIER, JURY, OUTIL), "methodes/?vue=tableau")


def cell(comparison, slug: str, row: str):
    column = next(column for column in comparison.columns if column.slug == slug)
    return column.cells[[r.name for r in comparison.rows].index(row)]


def test_one_column_per_method_in_catalogue_order_and_one_row_per_attribute(comparison):
    assert [column.slug for column in comparison.columns] == ["atelier", "jury"]
    assert [row.name for row in comparison.rows] == [
        "tagline",
        "niveau",
        "format",
        "echelle",
        "participants",
        "duree",
        "cout",
        "recrutement",
        "public",
        "thematiques",
        "priorites",
        "qualites",
        "atouts",
        "inconvenients",
        "owner",
        "contact",
        "page",
    ]
    labels = {row.name: row.label for row in comparison.rows}
    assert labels["qualites"] == "Facteurs clés de succès"
    assert labels["inconvenients"] == "Limites"
    assert labels["participants"] == "Nombre de participants"
    assert labels["page"] == "Fiche complète"
    assert all(len(column.cells) == len(comparison.rows) for column in comparison.columns)


def test_cells_are_written_out_for_people(comparison):
    assert cell(comparison, "atelier", "participants").text == "15 à 40 personnes"
    assert cell(comparison, "atelier", "echelle").text == "Locale, Départementale"
    assert str(cell(comparison, "atelier", "tagline").text) == "Des habitants <b>délibèrent</b>"
    assert [str(item) for item in cell(comparison, "atelier", "atouts").items] == [
        "Un avis éclairé",
        "Des <em>propositions</em>",
    ]
    contact = cell(comparison, "atelier", "contact").link
    assert (contact.href, contact.label) == ("mailto:atelier@example.org", "atelier@example.org")
    assert cell(comparison, "atelier", "page").page == "methodes/atelier/"
    missing = cell(comparison, "atelier", "duree")
    assert (missing.text, missing.items, missing.link, missing.key) == ("", (), None, "")


def test_only_vocabulary_values_that_differ_are_marked_and_a_missing_value_is_no_difference(
    comparison,
):
    selection = comparison.select(["atelier", "jury"])
    differing = {
        row.name for row, differs in zip(comparison.rows, selection.differs, strict=True) if differs
    }
    assert differing == {"format"}, "taglines and contacts differ as free texts, not marked"
    assert cell(comparison, "atelier", "duree").key == ""
    marked = {row.name for row in comparison.rows if row.compared}
    assert {"niveau", "participants", "thematiques"} <= marked, "vocabularies and ranges"
    assert not marked & {"tagline", "atouts", "owner", "contact", "page"}, "free texts"


def test_a_single_column_differs_nowhere_and_the_page_link_is_never_marked(comparison):
    assert not any(comparison.select(["jury"]).differs)
    assert [row.compared for row in comparison.rows if row.name == "page"] == [False]


def test_selection_keeps_the_order_given_and_reports_unknown_and_surplus_slugs():
    methods = [make(f"methodes/m{i}.md", f"title: M{i}\ntagline: t\nordre: {i}") for i in range(6)]
    comparison = build_comparison("methode", *views_of(*methods), None)
    selection = comparison.select(["m3", "nope", "m1", "m3", "m0", "m2", "m5", "m4"])
    assert [column.slug for column in selection.columns] == ["m3", "m1", "m0", "m2"]
    assert len(selection.columns) == MAXIMUM
    assert selection.unknown == ("nope",)
    assert selection.beyond == ("m5", "m4")


def test_compare_item_of_a_card():
    item = compare_item(ATELIER, *views_of(ATELIER))
    assert (item.slug, item.title, item.url, item.label) == (
        "atelier",
        "Atelier citoyen",
        "methodes/atelier/",
        "Comparer",
    )
    assert compare_item(ATELIER, *views_of(ATELIER, language="en")).label == "Compare"


def test_script_settings_cannot_close_a_script_element():
    cards, wording = views_of(ATELIER)
    wording.labels["compare_bar"] = "</script><script>alert(1)</script>"
    source = script_settings(cards, wording, "comparer/")
    assert "</script" not in source and "<" not in source
    data = json.loads(source.removeprefix("window.participationCompare = ").rstrip(";\n"))
    assert data["labels"]["compare_bar"] == "</script><script>alert(1)</script>"
    assert (data["page"], data["minimum"], data["maximum"]) == ("comparer/", 2, 4)
    assert data["methods"] == {"atelier": ["Atelier citoyen", "methodes/atelier/"]}


def test_generated_page_names_its_template_and_takes_the_whole_width():
    page = guide_page("Comparer des méthodes", "Intro.", "participation/comparison.html")
    assert page.startswith("---\ntemplate: participation/comparison.html\n")
    assert "hide: [navigation, toc]" in page
    assert "# Comparer des méthodes\n\nIntro.\n" in page
