"""The compact text the search plugin indexes for a card page."""

from __future__ import annotations

import re

from markupsafe import Markup

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.indexing import search_html
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES
from mkdocs_participation.core.views import card_view
from mkdocs_participation.core.wording import Wording

JURY = """---
title: Jury <citoyen>
tagline: Un avis argumenté
owner: Ville de Lyon
niveau: concerter
recrutement: [tirage-au-sort]
atouts: ["Des *citoyens* tirés au sort", "Un avis éclairé"]
inconvenients: [Coûteux]
---
"""
TOOL = """---
title: Agora
tagline: Une plateforme
categorie: outil
feature_inclus: [Votes]
clients: [Ville de Paris]
details_techniques: [{name: Hébergement, content: France}]
---
"""
CASE = """---
title: Budget de la ville
categorie: exemple
methodes: [Jury <citoyen>, Autre]
---
"""


def views_of(*cards):
    card_set = build_card_set(cards, [])
    wording = Wording(labels_for("fr"), VOCABULARIES)
    return lambda card: card_view(card, card_set, wording)


def test_a_method_is_indexed_with_its_words_under_the_page_headings():
    jury = load_card("methodes/jury.md", JURY, "methode")
    view = views_of(jury)(jury)
    view.body = Markup('<h2 id="deroule">Déroulé</h2><p>Trois jours.</p>')
    text = search_html(view)
    assert text.startswith("<p>Méthode · Un avis argumenté</p>")
    assert "Ville de Lyon · Niveau de participation : Concerter" in text
    assert "Recrutement : Tirage au sort" in text and "Non renseigné" not in text
    assert (
        '<h2 id="atouts">Atouts</h2><p>Des <em>citoyens</em> tirés au sort · Un avis éclairé</p>'
        in text
    )
    assert '<h2 id="limites">Limites</h2><p>Coûteux</p>' in text
    assert text.index('id="limites"') < text.index('<h2 id="deroule">Déroulé</h2><p>Trois jours.')
    assert set(re.findall(r"<(\w+)", text)) == {"h2", "p", "em"}


def test_tools_and_case_studies_are_indexed_with_their_own_parts():
    jury = load_card("methodes/jury.md", JURY, "methode")
    tool = load_card("outils/agora.md", TOOL, "outil")
    case = load_card("exemples/budget.md", CASE, "exemple")
    views = views_of(jury, tool, case)
    tool_text = search_html(views(tool))
    assert '<h3 id="fonctionnalites-incluses">' in tool_text and "Votes" in tool_text
    assert "Hébergement : France" in tool_text and "Ville de Paris" in tool_text
    case_text = search_html(views(case))
    assert '<h2 id="methodes-utilisees">' in case_text
    assert "<p>Jury &lt;citoyen&gt; · Autre</p>" in case_text
    jury_text = search_html(views(jury))
    assert jury_text.endswith("<p>Budget de la ville</p>"), "its case studies close the page"
