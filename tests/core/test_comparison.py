"""The comparison model: rows of each compared kind, precomputed cells, differing rows and the
script settings."""

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
from mkdocs_participation.core.labels import KIND_WORDED, labels_for, worded
from mkdocs_participation.core.model import KIND_TABLE, VOCABULARIES, compared
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
        "outils",
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
    assert (item.slug, item.title, item.url, item.label, item.kind) == (
        "atelier",
        "Atelier citoyen",
        "methodes/atelier/",
        "Comparer",
        "methode",
    )
    assert compare_item(ATELIER, *views_of(ATELIER, language="en")).label == "Compare"
    assert compare_item(OUTIL, *views_of(OUTIL)).kind == "outil"


def test_script_settings_cannot_close_a_script_element():
    cards, wording = views_of(ATELIER)
    wording.labels["compare_bar"] = "</script><script>alert(1)</script>"
    source = script_settings(cards, wording, {"methode": "comparer/"})
    assert "</script" not in source and "<" not in source
    data = json.loads(source.removeprefix("window.participationCompare = ").rstrip(";\n"))
    (methods,) = data["kinds"]
    assert methods["labels"]["compare_bar"] == "</script><script>alert(1)</script>"
    assert (methods["page"], data["minimum"], data["maximum"]) == ("comparer/", 2, 4)
    assert methods["cards"] == {"atelier": ["Atelier citoyen", "methodes/atelier/"]}
    assert script_settings(cards, wording, {}) == ""


def test_script_settings_keep_one_selection_per_kind_each_in_its_own_words():
    cards, wording = views_of(ATELIER, JURY, OUTIL)
    source = script_settings(cards, wording, {"methode": "comparer/", "outil": "comparer-outils/"})
    data = json.loads(source.removeprefix("window.participationCompare = ").rstrip(";\n"))
    methods, tools = data["kinds"]
    assert (methods["kind"], methods["page"], methods["storage"]) == (
        "methode",
        "comparer/",
        "participation-compare",
    ), "the methods' selection stays where the releases before kept it"
    assert (tools["kind"], tools["page"], tools["storage"]) == (
        "outil",
        "comparer-outils/",
        "participation-compare-outil",
    )
    assert list(methods["cards"]) == ["atelier", "jury"]
    assert tools["cards"] == {"agora": ["Agora", "outils/agora/"]}
    assert methods["labels"]["compare_bar"] == "Méthodes à comparer"
    assert tools["labels"]["compare_bar"] == "Outils à comparer"
    assert tools["labels"]["compare_open"] == "Comparer ces outils"
    assert tools["labels"]["compare_added"] == "« {title} » ajouté à la comparaison."
    assert tools["labels"]["compare_count"] == methods["labels"]["compare_count"]


DECIDIM = make(
    "outils/decidim.md",
    """
title: Decidim
tagline: Une plateforme *libre*
licence: libre
hebergement: [auto-hebergeable, prestataire]
fonctionnalites: [budget-participatif, vote, debat]
tarif: gratuit
domain: https://decidim.org
owner: Association Decidim
methodes: [Budget participatif, Méthode disparue]
ordre: 1
""",
    "outil",
)
CAP = make(
    "outils/cap.md",
    """
title: Cap Collectif
tagline: Une plateforme hébergée par son éditeur
licence: proprietaire
hebergement: editeur
fonctionnalites: [consultation, budget-participatif]
tarif: sur-devis
ordre: 2
""",
    "outil",
)
BUDGET = make(
    "methodes/budget.md",
    "title: Budget participatif\ntagline: Les habitants décident\noutils: [Cap Collectif]",
)


@pytest.fixture
def tools():
    cards = views_of(DECIDIM, CAP, BUDGET, ATELIER)
    return build_comparison("outil", *cards, "outils/?vue=tableau")


def test_the_comparison_of_tools_has_the_rows_the_model_compares_for_tools(tools):
    assert tools.kind == "outil"
    assert [column.slug for column in tools.columns] == ["decidim", "cap"], "tools only"
    assert [row.name for row in tools.rows] == [spec.name for spec in compared("outil")] + ["page"]
    assert [row.name for row in tools.rows] == [
        "tagline",
        "domain",
        "licence",
        "hebergement",
        "fonctionnalites",
        "tarif",
        "owner",
        "contact",
        "methodes",
        "page",
    ]
    labels = {row.name: row.label for row in tools.rows}
    assert labels["methodes"] == "Méthodes qu’il permet", "the tools' own word for the field"
    assert labels["hebergement"] == "Hébergement" and labels["tarif"] == "Tarif"
    assert tools.labels["compare_title"] == "Comparer des outils"
    assert tools.labels["compare_table_link"] == "Voir le tableau des outils"
    assert tools.table_url == "outils/?vue=tableau"


def test_tool_cells_are_written_out_and_name_methods_both_ways(tools):
    assert cell(tools, "decidim", "licence").text == "Logiciel libre"
    assert (
        cell(tools, "decidim", "hebergement").text == "Auto-hébergeable, Hébergé par un prestataire"
    )
    assert cell(tools, "decidim", "fonctionnalites").text == "Budget participatif, Vote, Débat"
    assert cell(tools, "decidim", "tarif").text == "Gratuit"
    site = cell(tools, "decidim", "domain").link
    assert (site.href, site.label) == ("https://decidim.org", "https://decidim.org")
    named = [(str(label), url) for label, url in cell(tools, "decidim", "methodes").cards]
    assert named == [("Budget participatif", "methodes/budget/"), ("Méthode disparue", None)]
    # Cap Collectif names no method; the budget names it, which its column shows.
    back = [(str(label), url) for label, url in cell(tools, "cap", "methodes").cards]
    assert back == [("Budget participatif", "methodes/budget/")]
    data = {c.slug: json.loads("{" + c.data + "}")["cells"] for c in tools.columns}
    rows = [row.name for row in tools.rows]
    assert data["cap"][rows.index("methodes")] == {
        "k": "budget participatif",
        "l": [["Budget participatif", "methodes/budget/"]],
    }
    assert data["cap"][rows.index("contact")] == {"k": ""}


def test_tools_differ_where_their_vocabulary_values_do(tools):
    selection = tools.select(["decidim", "cap"])
    differing = {
        row.name for row, differs in zip(tools.rows, selection.differs, strict=True) if differs
    }
    assert differing == {"licence", "hebergement", "fonctionnalites", "tarif"}
    assert not tools.select(["decidim", "atelier"]).columns[1:], "a method is no tool column"


def test_a_method_comparison_names_the_tools_that_run_it():
    comparison = build_comparison("methode", *views_of(DECIDIM, CAP, BUDGET), None)
    named = [(str(label), url) for label, url in cell(comparison, "budget", "outils").cards]
    assert named == [("Cap Collectif", "outils/cap/"), ("Decidim", "outils/decidim/")]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_compared_kind_but_methods_has_its_own_comparison_words(language):
    labels = labels_for(language)
    for kind in (kind.name for kind in KIND_TABLE if kind.comparison):
        for name in KIND_WORDED:
            key = worded(name, kind)
            assert key in labels, key
            assert key == name or labels[key] != labels[name] or language == "en", key
    assert worded("compare_title", "methode") == "compare_title"
    assert worded("compare_count", "outil") == "compare_count", "a word every kind shares"


def test_generated_page_names_its_template_and_takes_the_whole_width():
    page = guide_page("Comparer des méthodes", "Intro.", "participation/comparison.html")
    assert page.startswith("---\ntemplate: participation/comparison.html\n")
    assert "hide: [navigation, toc]" in page
    assert "# Comparer des méthodes\n\nIntro.\n" in page
