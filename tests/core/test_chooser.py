"""The guided chooser: questions from the vocabularies, the points of each card, the ranking."""

from __future__ import annotations

import json

import pytest

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.chooser import FULL, HALF, Rule, build_chooser, rank
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES
from mkdocs_participation.core.wording import Wording


def make(path: str, front: str, kind: str = "methode"):
    return load_card(path, f"---\n{front.strip()}\n---\n", kind)


def chooser_of(*cards, **options):
    wording = Wording(labels_for("fr"), VOCABULARIES)
    return build_chooser(build_card_set(list(cards), []), wording, **options)


ATELIER = make(
    "methodes/atelier.md",
    """
title: Atelier citoyen
tagline: Des habitants délibèrent
niveau: concerter
format: presentiel
echelle: [locale, departementale]
participants: {min: 15, max: 40}
duree: une-journee
cout: moyen
ordre: 1
""",
)
JURY = make(
    "methodes/jury.md",
    """
title: Jury citoyen
tagline: Un groupe tiré au sort
niveau: co-construire
format: hybride
echelle: regionale
participants: {min: 10, max: 25}
duree: plusieurs-mois
cout: eleve
ordre: 2
""",
)
CONSULTATION = make(
    "methodes/consultation.md",
    """
title: Consultation en ligne
tagline: Recueillir des avis
niveau: consulter
format: en-ligne
echelle: nationale
participants: {min: 500}
ordre: 3
""",
)
BARE = make("methodes/bare.md", "title: Fiche sans attributs\ntagline: Rien\nordre: 4")
TOOL = make("outils/agora.md", "title: Agora\ntagline: x\nniveau: co-decider", "outil")


@pytest.fixture
def chooser():
    return chooser_of(
        ATELIER,
        JURY,
        CONSULTATION,
        BARE,
        TOOL,
        catalogue_url="methodes/",
        catalogue_facets=["niveau", "format", "cout", "participants"],
        compare_url="comparer/",
    )


def question(chooser, name):
    return next(q for q in chooser.questions if q.name == name)


def points(chooser, slug, name):
    return next(e for e in chooser.entries if e.slug == slug).fits[name].points


def test_six_questions_from_the_structured_attributes_with_the_methods_own_options(chooser):
    assert [(q.name, q.rule) for q in chooser.questions] == [
        ("niveau", Rule.NEAR),
        ("format", Rule.FITS),
        ("echelle", Rule.SAME),
        ("participants", Rule.OVERLAP),
        ("duree", Rule.AT_MOST),
        ("cout", Rule.AT_MOST),
    ]
    assert [(a.value, a.label) for a in question(chooser, "niveau").answers] == [
        ("consulter", "Consulter"),
        ("concerter", "Concerter"),
        ("co-construire", "Co-construire"),
    ]
    assert [a.value for a in question(chooser, "participants").answers] == [
        "0-19",
        "20-49",
        "150-plus",
    ]
    assert question(chooser, "niveau").prompt == (
        "Quelle place voulez-vous donner aux participants ?"
    )
    assert [e.slug for e in chooser.entries] == ["atelier", "jury", "consultation", "bare"]


def test_a_question_no_method_answers_is_not_asked():
    chooser = chooser_of(make("methodes/a.md", "title: A\ntagline: x\nniveau: consulter"))
    assert [q.name for q in chooser.questions] == ["niveau"]
    assert chooser_of(BARE).questions == ()


def test_level_scores_the_same_level_fully_and_a_neighbouring_one_by_half(chooser):
    assert points(chooser, "atelier", "niveau") == {
        "consulter": HALF,
        "concerter": FULL,
        "co-construire": HALF,
    }
    assert points(chooser, "consultation", "niveau") == {"consulter": FULL, "concerter": HALF}


def test_time_and_budget_score_the_answer_and_anything_below_and_half_just_above(chooser):
    assert points(chooser, "atelier", "cout") == {"moyen": FULL, "eleve": FULL}
    assert points(chooser, "jury", "cout") == {"moyen": HALF, "eleve": FULL}
    assert points(chooser, "atelier", "duree") == {"une-journee": FULL, "plusieurs-mois": FULL}
    assert points(chooser, "jury", "duree") == {"plusieurs-mois": FULL}


def test_a_hybrid_method_suits_both_formats(chooser):
    assert points(chooser, "jury", "format") == {
        "presentiel": FULL,
        "en-ligne": FULL,
        "hybride": FULL,
    }
    assert points(chooser, "atelier", "format") == {"presentiel": FULL, "hybride": HALF}


def test_scale_and_participants_need_the_answer_among_the_cards_values(chooser):
    assert points(chooser, "atelier", "echelle") == {"locale": FULL, "departementale": FULL}
    assert points(chooser, "atelier", "participants") == {"0-19": FULL, "20-49": FULL}
    assert points(chooser, "consultation", "participants") == {"150-plus": FULL}


def test_ranking_adds_the_points_and_gives_the_reasons(chooser):
    results = rank(chooser, {"niveau": "concerter", "format": "en-ligne", "cout": "moyen"})
    assert [(r.entry.slug, r.points, r.maximum) for r in results] == [
        ("jury", 4, 6),
        ("atelier", 4, 6),
        ("consultation", 3, 6),
        ("bare", 0, 6),
    ]
    jury, atelier, consultation, bare = results
    assert jury.matches == ("Format : Hybride",)
    assert jury.partial == ("Niveau de participation : Co-construire", "Coût : Élevé")
    assert jury.mismatches == jury.unknown == ()
    assert atelier.matches == ("Niveau de participation : Concerter", "Coût : Moyen")
    assert atelier.mismatches == ("Format : Présentiel",)
    assert consultation.partial == ("Niveau de participation : Consulter",)
    assert consultation.matches == ("Format : En ligne",)
    assert consultation.unknown == ("Coût",)
    assert bare.unknown == ("Niveau de participation", "Format", "Coût")


def test_among_equal_points_fewer_misfits_first_then_catalogue_order(chooser):
    # jury and atelier both have 4 points above; atelier has a misfit, so jury comes first.
    # Here atelier and jury both miss the scale: catalogue order; bare, unknown, is no misfit.
    tied = rank(chooser, {"echelle": "nationale"})
    assert [(r.entry.slug, r.points) for r in tied] == [
        ("consultation", 2),
        ("bare", 0),
        ("atelier", 0),
        ("jury", 0),
    ]


def test_skipped_unknown_questions_and_answers_are_ignored(chooser):
    results = rank(chooser, {"niveau": "", "format": "a-pied", "couleur": "bleu"})
    assert [(r.entry.slug, r.points, r.maximum) for r in results] == [
        ("atelier", 0, 0),
        ("jury", 0, 0),
        ("consultation", 0, 0),
        ("bare", 0, 0),
    ]


def test_answers_link_to_the_catalogue_filtered_on_the_values_that_score_fully(chooser):
    assert {a.value: a.facet for a in question(chooser, "cout").answers} == {
        "moyen": "faible,moyen",
        "eleve": "faible,moyen,eleve",
    }
    assert {a.value: a.facet for a in question(chooser, "format").answers}["en-ligne"] == (
        "en-ligne,hybride"
    )
    assert question(chooser, "participants").answers[0].facet == "0-19"
    # echelle is not among the catalogue's facets here: no filter for it
    assert {a.facet for a in question(chooser, "echelle").answers} == {""}
    no_catalogue = chooser_of(ATELIER, catalogue_facets=["cout"])
    assert {a.facet for q in no_catalogue.questions for a in q.answers} == {""}


def test_the_rule_is_documented_from_the_same_data(chooser):
    assert question(chooser, "niveau").explanation == (
        "2 points si la fiche indique la réponse choisie, 1 point si elle indique une réponse "
        "voisine dans la liste."
    )
    concerter = question(chooser, "niveau").answers[1]
    assert concerter.points_text == (
        "Réponse « Concerter » : 2 points pour Concerter ; 1 point pour Consulter, Co-construire."
    )
    answers = question(chooser_of(JURY), "format").answers
    assert [a.value for a in answers] == ["presentiel", "en-ligne", "hybride"]
    hybrid_wanted = answers[-1]
    assert hybrid_wanted.points_text == (
        "Réponse « Hybride » : 2 points pour Hybride ; 1 point pour Présentiel, En ligne."
    )
    assert question(chooser, "echelle").answers[0].points_text == ""
    assert "au plus 2 points" in chooser.rule_intro


def test_entries_are_serialised_for_the_script(chooser):
    entries = {entry.slug: json.loads("{" + entry.data + "}") for entry in chooser.entries}
    assert list(entries) == ["atelier", "jury", "consultation", "bare"]
    assert (chooser.entries[0].title, chooser.entries[0].url) == (
        "Atelier citoyen",
        "methodes/atelier/",
    )
    atelier = entries["atelier"]
    assert atelier["tagline"] == "Des habitants délibèrent"
    assert atelier["fits"]["cout"] == ["Moyen", {"moyen": 2, "eleve": 2}]
    assert entries["bare"]["fits"]["niveau"] == ["", {}]
