"""Values precomputed for card pages."""

from __future__ import annotations

from mkdocs_participation.core.cards import Range, load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES
from mkdocs_participation.core.views import card_view
from mkdocs_participation.core.wording import Wording, range_text


def test_participant_ranges_are_written_with_thousands_separators():
    french, english = labels_for("fr"), labels_for("en")
    assert range_text(Range(500, 200_000), french) == "500 à 200\u202f000 personnes"
    assert range_text(Range(15, 15), french) == "15 personnes"
    assert range_text(Range(150, None), french) == "150 personnes ou plus"
    assert range_text(Range(None, 1500), english) == "up to 1,500 people"


def test_facts_use_vocabulary_labels_and_say_when_missing():
    card = load_card(
        "methodes/a.md",
        "---\ntitle: A\ntagline: b\nniveau: co-decider\nechelle: [locale, nationale]\n---\n",
        "methode",
    )
    view = card_view(card, build_card_set([card], []), Wording(labels_for("fr"), VOCABULARIES))
    facts = {fact.label: (fact.value, fact.provided) for fact in view.facts}
    assert facts["Niveau de participation"] == ("Co-décider", True)
    assert facts["Échelle"] == ("Locale, Nationale", True)
    assert facts["Coût"] == ("Non renseigné", False)
