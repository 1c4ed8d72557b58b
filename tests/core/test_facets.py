"""Facets, counts, search words and the catalogue listing, without MkDocs."""

from __future__ import annotations

import pytest

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.catalogue.listing import ListingBuilder
from mkdocs_participation.core.catalogue.options import (
    page_markdown,
    page_path,
    read_options,
)
from mkdocs_participation.core.catalogue.slots import (
    fill_slots,
    find_markers,
    marker,
    marker_line,
    place_markers,
)
from mkdocs_participation.core.facets import NOT_PROVIDED, Faceting
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES, default_columns, default_facets
from mkdocs_participation.core.wording import Wording

LABELS = labels_for("fr")


def make(path: str, front: str, kind: str = "methode"):
    return load_card(path, f"---\n{front.strip()}\n---\n", kind)


@pytest.fixture
def card_set():
    return build_card_set(
        [
            make(
                "methodes/jury.md",
                """
title: Jury citoyen
tagline: Des citoyens tirés au sort
niveau: concerter
format: presentiel
echelle: [regionale, locale]
participants: {min: 15, max: 40}
atouts:
  - Une <a href="https://example.org">légitimité</a> forte
  - L’œuvre de tous
ordre: 2
""",
            ),
            make(
                "methodes/budget.md",
                """
title: Budget participatif
tagline: Les habitants décident
niveau: co-decider
format: hybride
echelle: locale
participants: {min: 200}
""",
            ),
            make("methodes/sondage.md", "title: Sondage\ntagline: Rapide\nniveau: consulter"),
            make("outils/agora.md", "title: Agora\ntagline: En ligne\nformat: en-ligne", "outil"),
            make(
                "exemples/paris.md",
                """
title: Budget de Paris
organisateur: Ville de Paris
in_progress: true
methodes: [Budget participatif]
""",
                "exemple",
            ),
            make(
                "exemples/lyon.md",
                "title: Lyon\norganisateur: Métropole de Lyon\nin_progress: false",
                "exemple",
            ),
            make("exemples/nantes.md", "title: Nantes", "exemple"),
        ],
        [],
    )


def faceting(card_set, names):
    return Faceting(card_set, "methode", names, Wording(LABELS, VOCABULARIES))


def options(facet):
    return [(option.key, option.count) for option in facet.options]


def test_choice_options_follow_the_vocabulary_and_not_provided_comes_last(card_set):
    methods = card_set.of_kind("methode")
    [niveau, echelle] = faceting(card_set, ["niveau", "echelle"]).facets(methods)
    assert options(niveau) == [("consulter", 1), ("concerter", 1), ("co-decider", 1)]
    assert [option.label for option in niveau.options] == ["Consulter", "Concerter", "Co-décider"]
    assert niveau.label == "Niveau de participation"
    assert options(echelle) == [("locale", 2), ("regionale", 1), (NOT_PROVIDED, 1)]
    assert echelle.options[-1].label == "Non renseigné"
    assert echelle.options[0].token == "echelle=locale"


def test_a_site_label_for_a_value_is_used(card_set):
    vocabularies = {**VOCABULARIES, "niveau": {**VOCABULARIES["niveau"], "consulter": "Avis"}}
    wording = Wording(LABELS, vocabularies)
    facet = Faceting(card_set, "methode", ["niveau"], wording).facets(card_set.of_kind("methode"))
    assert facet[0].options[0].label == "Avis"


def test_a_range_falls_in_every_bucket_it_meets(card_set):
    [participants] = faceting(card_set, ["participants"]).facets(card_set.of_kind("methode"))
    assert options(participants) == [("0-19", 1), ("20-49", 1), ("150-plus", 1), (NOT_PROVIDED, 1)]
    assert [option.label for option in participants.options[:3]] == [
        "jusqu’à 19 personnes",
        "20 à 49 personnes",
        "150 personnes ou plus",
    ]


def test_tokens_list_every_option_of_a_card_facet_by_facet(card_set):
    jury = card_set.by_path("methodes/jury.md")
    assert faceting(card_set, ["niveau", "echelle", "duree"]).tokens(jury) == [
        "niveau=concerter",
        "echelle=locale",
        "echelle=regionale",
        "duree=non-renseigne",
    ]


def test_a_hybrid_card_is_filed_under_its_own_format_then_those_it_stands_in_for(card_set):
    budget = card_set.by_path("methodes/budget.md")
    filing = faceting(card_set, ["format"])
    assert filing.tokens(budget) == ["format=hybride", "format=presentiel", "format=en-ligne"]
    [facet] = filing.facets(card_set.of_kind("methode"))
    assert ("presentiel", 2) in options(facet) and ("hybride", 1) in options(facet)


def test_case_study_facets_text_yes_no_and_references(card_set):
    cases = card_set.of_kind("exemple")
    organisers, progress, methods = faceting(
        card_set, ["organisateur", "in_progress", "methodes"]
    ).facets(cases)
    assert options(organisers) == [
        ("metropole-de-lyon", 1),
        ("ville-de-paris", 1),
        (NOT_PROVIDED, 1),
    ]
    assert [option.label for option in progress.options] == [
        "En cours",
        "Terminée",
        "Non renseigné",
    ]
    assert options(methods) == [("budget", 1), (NOT_PROVIDED, 2)]
    assert methods.options[0].label == "Budget participatif"


def test_search_words_cover_texts_lists_and_options_once_each(card_set):
    jury = card_set.by_path("methodes/jury.md")
    words = faceting(card_set, ["niveau", "participants"]).words(jury).split()
    assert words[:2] == ["jury", "citoyen"]
    for word in ("tires", "legitimite", "oeuvre", "concerter"):
        assert word in words
    assert "href" not in words and "https" not in words
    assert words.count("citoyens") == 1
    assert "personnes" not in words, "participant buckets would match any number"


@pytest.fixture
def builder(card_set):
    return ListingBuilder(card_set, Wording(LABELS, VOCABULARIES, "fr"))


def test_listing_keeps_catalogue_order_and_links_each_card(builder):
    listing = builder.listing("methode", default_facets("methode"), default_columns("methode"))
    assert [entry.slug for entry in listing.entries] == ["jury", "budget", "sondage"]
    assert listing.entries[0].url == "methodes/jury/"
    assert [column.name for column in listing.columns][:2] == ["title", "niveau"]
    assert listing.status == "3 fiches sur 3"
    assert [facet.name for facet in listing.facets] == default_facets("methode")


def test_cells_give_readable_text_and_sort_keys_with_missing_values_empty(builder):
    listing = builder.listing(
        "methode", [], ["title", "niveau", "echelle", "participants", "duree"]
    )
    jury, budget, sondage = listing.entries
    assert [cell.text for cell in jury.cells] == [
        "Jury citoyen",
        "Concerter",
        "Locale, Régionale",
        "15 à 40 personnes",
        "Non renseigné",
    ]
    assert [cell.provided for cell in jury.cells] == [True, True, True, True, False]
    assert jury.cells[4].sort == ""
    assert jury.cells[1].sort > sondage.cells[1].sort, "consulter comes before concerter"
    assert budget.cells[1].sort > jury.cells[1].sort
    assert budget.cells[3].sort > jury.cells[3].sort
    assert [fact.label for fact in jury.facts] == [
        "Niveau de participation",
        "Échelle",
        "Nombre de participants",
        "Durée",
    ]


def test_status_uses_the_plural_of_the_language(card_set):
    french = ListingBuilder(card_set, Wording(LABELS, VOCABULARIES, "fr"))
    english = ListingBuilder(card_set, Wording(labels_for("en"), VOCABULARIES, "en"))
    assert [french.status(n) for n in (0, 1, 2)] == [
        "0 fiche sur 0",
        "1 fiche sur 1",
        "2 fiches sur 2",
    ]
    assert [english.status(n) for n in (0, 1)] == ["0 cards of 0", "1 card of 1"]


def test_options_merge_with_the_defaults_and_report_what_is_left_out():
    options, problems = read_options(
        {"outil": "boite/outils/", "methode": ""},
        {"methode": ["niveau", "nivau", "date"], "metode": ["niveau"]},
        {"outil": ["format"]},
        "mkdocs.yml",
    )
    assert options.pages == {"outil": "boite/outils/index.md", "exemple": "exemples/index.md"}
    assert options.facets["methode"] == ["niveau"]
    assert options.facets["outil"] == default_facets("outil")
    assert options.columns["outil"] == ["title", "format"], "the title column links the row"
    assert [str(problem) for problem in problems] == [
        "mkdocs.yml: catalogues.methode.facets: 'nivau' cannot be a facet of methode cards "
        "(did you mean 'niveau'?)",
        "mkdocs.yml: catalogues.methode.facets: 'date' cannot be a facet of methode cards",
        "mkdocs.yml: catalogues.metode.facets: unknown kind of card 'metode' "
        "(did you mean 'methode'?)",
    ]


def test_page_paths_and_generated_markdown():
    assert page_path("methodes/") == "methodes/index.md"
    assert page_path("/boite/outils") == "boite/outils/index.md"
    assert page_path("catalogue.md") == "catalogue.md"
    assert (
        page_markdown("outil", "Outils") == "# Outils\n\n<!-- participation:catalogue outil -->\n"
    )


def test_markers_are_found_with_the_level_below_the_heading_before_them():
    html = (
        f"<h1>T</h1>{marker('methode')}<h2 id='x'>Outils</h2>\n"
        "<!--participation:catalogue   outil-->\n<h4>Fin</h4><!-- participation:catalogue -->"
        "<pre><code>&lt;!-- participation:catalogue outil --&gt;</code></pre>"
    )
    found = find_markers(html)
    assert [(m.kind, m.level) for m in found] == [("methode", 2), ("outil", 3), ("", 5)]


def test_accepted_markers_become_slots_with_ids_unique_on_the_page_then_catalogues():
    html = f"<h2>x</h2>a{marker('outil')}b{marker('outil')}c{marker('truc')}d"
    slots = place_markers(html, lambda found: found.kind != "truc")
    assert [(slot.kind, slot.level, slot.id) for slot in slots] == [
        ("outil", 3, "catalogue-outil"),
        ("outil", 3, "catalogue-outil-2"),
    ]
    filled = fill_slots(html, slots, lambda slot: f"[{slot.kind} h{slot.level} #{slot.id}]")
    assert filled == (
        f"<h2>x</h2>a[outil h3 #catalogue-outil]b[outil h3 #catalogue-outil-2]c{marker('truc')}d"
    )
    assert fill_slots(html, slots, lambda slot: "") == f"<h2>x</h2>abc{marker('truc')}d"


def test_marker_line_counts_from_the_top_of_the_file():
    text = "---\ntitle: x\n---\n\n# T\n\n<!-- participation:catalogue metode -->\n"
    assert marker_line(text, "metode") == 7
    assert marker_line(text, "outil") is None
