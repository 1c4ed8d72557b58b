"""The chooser answers as a practitioner would, on the demo's own methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.chooser import build_chooser, rank
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES
from mkdocs_participation.core.wording import Wording

DOCS = Path(__file__).resolve().parents[2] / "docs" / "methodes"


@pytest.fixture(scope="module")
def chooser():
    cards = [
        load_card(f"methodes/{path.name}", path.read_bytes(), "methode")
        for path in sorted(DOCS.glob("*.md"))
        if path.name != "index.md"
    ]
    return build_chooser(build_card_set(cards, []), Wording(labels_for("fr"), VOCABULARIES))


def top(chooser, answers: dict[str, str], count: int = 3) -> set[str]:
    return {result.entry.slug for result in rank(chooser, answers)[:count]}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            # A local question, citizens drawn by lot, several months, a small budget.
            {
                "echelle": "locale",
                "recrutement": "tirage-au-sort",
                "duree": "plusieurs-mois",
                "cout": "faible",
            },
            {"jury-citoyen", "convention-citoyenne", "conference-de-consensus"},
        ),
        (
            # Residents decide how to spend part of the city's investment budget.
            {"niveau": "co-decider", "echelle": "locale", "participants": "150-plus"},
            {"budget-participatif"},
        ),
        (
            # Many people give their opinion online, quickly and cheaply, nationwide.
            {"format": "en-ligne", "echelle": "nationale", "cout": "faible"},
            {"consultation-en-ligne", "petition-en-ligne"},
        ),
        (
            # A handful of service users, a few hours: what do they think of it?
            {"public": "usagers", "duree": "quelques-heures", "participants": "0-19"},
            {"focus-group"},
        ),
    ],
)
def test_scenarios_put_the_expected_methods_in_the_top_three(chooser, answers, expected):
    assert expected <= top(chooser, answers), [
        (r.entry.slug, r.points) for r in rank(chooser, answers)[:6]
    ]


def test_the_chooser_asks_about_recruitment_public_and_theme(chooser):
    asked = [question.name for question in chooser.questions]
    assert {"recrutement", "public", "thematiques"} <= set(asked)


def test_a_representative_panel_earns_half_of_a_draw_by_lot(chooser):
    focus = next(entry for entry in chooser.entries if entry.slug == "focus-group")
    assert focus.fits["recrutement"].points["tirage-au-sort"] == 2
    jury = next(entry for entry in chooser.entries if entry.slug == "jury-citoyen")
    assert jury.fits["recrutement"].points["tirage-au-sort"] == 4
