"""Cross-links: how references resolve, what is reported, and the links read from either end."""

from __future__ import annotations

import pytest

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set, closest_titles
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES
from mkdocs_participation.core.views import card_view
from mkdocs_participation.core.wording import Wording


def make(path: str, front: str, kind: str):
    return load_card(path, f"---\n{front.strip()}\n---\n", kind)


def method(path: str, title: str, extra: str = ""):
    return make(path, f"title: {title}\ntagline: x\n{extra}", "methode")


def tool(path: str, title: str):
    return make(path, f"title: {title}\ntagline: x", "outil")


def case(path: str, front: str):
    return make(path, f"title: Cas {path}\n{front}", "exemple")


METHODS = [
    method("methodes/atelier-citoyen.md", "L'atelier citoyen"),
    method("methodes/conference.md", "La conférence de citoyens"),
    method("methodes/budget participatif.md", "Le budget participatif"),
    method("methodes/consultation.md", "Les consultations en ligne"),
]
TOOLS = [tool("outils/decidim.md", "Decidim"), tool("outils/cap.md", "Cap Collectif")]


def resolve(*cards, sentinels=("Autre",)):
    card_set = build_card_set([*METHODS, *TOOLS, *cards], [], sentinels=sentinels)
    return card_set, {card.path: card for card in card_set.cards}


def targets(card_set, card, key):
    return [
        mention.target.path if mention.target else None
        for mention in card_set.links.mentions(card, key)
    ]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("L'atelier citoyen", "methodes/atelier-citoyen.md"),  # the title as is
        ("l'ATELIER citoyen", "methodes/atelier-citoyen.md"),  # case
        ("La conference de citoyens", "methodes/conference.md"),  # accents
        ("L’atelier citoyen", "methodes/atelier-citoyen.md"),  # typographic apostrophe
        ("Le\u00a0budget participatif", "methodes/budget participatif.md"),  # non-breaking space
        ("Les  consultations en ligne ", "methodes/consultation.md"),  # doubled and trailing spaces
        ("atelier-citoyen", "methodes/atelier-citoyen.md"),  # the slug
        ("budget participatif", "methodes/budget participatif.md"),  # a file name with a space
        ("Budget_Participatif", "methodes/budget participatif.md"),  # slug with another separator
    ],
)
def test_each_normalisation_resolves_a_reference(written, expected):
    card_set, cards = resolve(case("exemples/a.md", f'methodes:\n- "{written}"'))
    card = cards["exemples/a.md"]
    assert targets(card_set, card, "methodes") == [expected]
    assert card.problems == []


def test_the_legacy_typo_methode_is_read_as_methodes():
    card_set, cards = resolve(case("exemples/a.md", "methode:\n- L'atelier citoyen"))
    assert targets(card_set, cards["exemples/a.md"], "methodes") == ["methodes/atelier-citoyen.md"]


def test_a_slug_wins_over_another_card_whose_title_reads_the_same():
    named = method("methodes/autre-titre.md", "Consultation")
    card_set, cards = resolve(named, case("exemples/a.md", "methodes:\n- consultation"))
    assert targets(card_set, cards["exemples/a.md"], "methodes") == ["methodes/consultation.md"]
    assert cards["exemples/a.md"].problems == []


def test_two_cards_with_one_title_are_ambiguous_and_the_slugs_are_suggested():
    twin = method("methodes/atelier-bis.md", "L’Atelier citoyen")
    card_set, cards = resolve(twin, case("exemples/a.md", "methodes:\n- L'atelier citoyen"))
    card = cards["exemples/a.md"]
    assert targets(card_set, card, "methodes") == [None]
    assert [str(problem) for problem in card.problems] == [
        "exemples/a.md:4: methodes: 'L'atelier citoyen' matches 2 methode cards: "
        "methodes/atelier-citoyen.md, methodes/atelier-bis.md (write the file name of the one "
        "you mean: 'atelier-citoyen' or 'atelier-bis')"
    ]


def test_two_cards_with_one_file_name_in_two_folders_need_distinct_names():
    twin = method("_outil/conference.md", "Une autre conférence")
    _, cards = resolve(twin, case("exemples/a.md", "methodes:\n- conference"))
    (problem,) = cards["exemples/a.md"].problems
    assert "matches 2 methode cards" in problem.message
    assert problem.suggestion == "give these cards different file names"


def test_a_dangling_reference_names_file_line_key_and_closest_titles():
    card_set, cards = resolve(
        case(
            "exemples/a.md", "outil:\n- Decidim\n- Assembl\nmethodes:\n- Les plateformes en lignes"
        )
    )
    card = cards["exemples/a.md"]
    assert targets(card_set, card, "outil") == ["outils/decidim.md", None]
    assert [m.text for m in card_set.links.mentions(card, "outil")] == ["Decidim", "Assembl"]
    tool_problem, method_problem = card.problems
    assert (tool_problem.path, tool_problem.line, tool_problem.key) == ("exemples/a.md", 5, "outil")
    assert tool_problem.message == "no outil card named 'Assembl'"
    assert tool_problem.suggestion == "closest titles: 'Decidim', 'Cap Collectif'; or write 'Autre'"
    assert method_problem.line == 7
    assert method_problem.suggestion.startswith("closest titles: 'Les consultations en ligne', ")


def test_a_sentinel_is_kept_as_text_without_a_warning():
    card_set, cards = resolve(case("exemples/a.md", "outil:\n- autre\n- Decidim"))
    card = cards["exemples/a.md"]
    first = card_set.links.mentions(card, "outil")[0]
    assert (first.text, first.target) == ("autre", None)
    assert card_set.references[card.path, "outil"] == [card_set.by_path("outils/decidim.md")]
    assert card.problems == []


def test_sentinels_are_configurable():
    _, cards = resolve(case("exemples/a.md", "outil:\n- Aucun\n- Autre"), sentinels=["Aucun"])
    (problem,) = cards["exemples/a.md"].problems
    assert problem.message == "no outil card named 'Autre'"
    assert problem.suggestion.endswith("; or write 'Aucun'")


def test_a_reference_to_a_card_of_another_kind_says_where_it_belongs():
    _, cards = resolve(case("exemples/a.md", "methodes:\n- Decidim"))
    (problem,) = cards["exemples/a.md"].problems
    assert problem.suggestion == "it is a card of kind 'outil': list it under 'outil'"


def test_related_methods_link_both_ways_and_a_card_cannot_name_itself():
    first = method("methodes/x.md", "X", "methodes_liees:\n- Y\n- X")
    second = method("methodes/y.md", "Y")
    card_set, cards = resolve(first, second)
    x, y = cards["methodes/x.md"], cards["methodes/y.md"]
    assert card_set.links.outgoing(x)["methodes_liees"] == [y]
    assert card_set.links.outgoing(y)["methodes_liees"] == [x]
    (problem,) = x.problems
    assert (problem.message, problem.line) == ("'X' is this card itself", 6)


def test_case_studies_used_by_a_card_come_once_each_in_catalogue_order():
    card_set, cards = resolve(
        case("exemples/b.md", "ordre: 2\nmethodes:\n- atelier-citoyen\n- L'atelier citoyen"),
        case("exemples/a.md", "ordre: 1\nmethodes:\n- L'atelier citoyen\noutil:\n- Decidim"),
    )
    atelier = cards["methodes/atelier-citoyen.md"]
    used_by = [c.path for c in card_set.links.incoming(atelier, "exemple")]
    assert used_by == ["exemples/a.md", "exemples/b.md"]
    assert [c.path for c in card_set.links.incoming(cards["outils/decidim.md"], "exemple")] == [
        "exemples/a.md"
    ]
    assert card_set.links.incoming(cards["methodes/conference.md"], "exemple") == []


def test_closest_titles_rank_by_likeness_under_match_keys():
    assert closest_titles(
        "Les plateformes en lignes",
        ["L'atelier du futur", "Les consultations en ligne", "Decidim"],
        count=1,
    ) == ["Les consultations en ligne"]


def test_page_urls_come_from_the_site_or_from_the_path():
    card_set, cards = resolve()
    atelier = cards["methodes/atelier-citoyen.md"]
    assert card_set.url(atelier) == "methodes/atelier-citoyen/"
    card_set.urls[atelier.path] = "methodes/atelier-citoyen.html"
    assert card_set.url(atelier) == "methodes/atelier-citoyen.html"


def views(*cards):
    card_set, by_path = resolve(*cards)
    wording = Wording(labels_for("fr"), VOCABULARIES)
    return (lambda card: card_view(card, card_set, wording)), by_path


def test_case_study_view_links_what_it_used_and_shows_other_names_as_text():
    builder, cards = views(
        case(
            "exemples/a.md",
            "organisateur : Ville\nin_progress: false\n"
            "outil:\n- Autre\n- Decidim\nmethodes:\n- L’atelier citoyen\n"
            "parameters:\n- name: Contributions\n  content: 1179",
        )
    )
    view = builder(cards["exemples/a.md"])
    tools, methods = view.links
    assert (methods.title, tools.title) == ("Méthodes utilisées", "Outils utilisés")
    assert [(str(i.label), i.href) for i in methods.items] == [
        ("L&#39;atelier citoyen", "methodes/atelier-citoyen/")
    ]
    assert [(str(i.label), i.href) for i in tools.items] == [
        ("Autre", None),
        ("Decidim", "outils/decidim/"),
    ]
    assert [(f.label, f.value) for f in view.facts] == [
        ("Organisateur", "Ville"),
        ("Statut", "Terminée"),
    ]
    assert [(row.name, row.content) for row in view.tables[0].rows] == [("Contributions", "1179")]


def test_method_view_lists_its_case_studies_and_related_methods():
    builder, cards = views(
        method("methodes/z.md", "Z", "methodes_liees:\n- atelier-citoyen"),
        case(
            "exemples/a.md",
            "date: 2019-01-15\nin_progress: true\norganisateur: Ville\n"
            "methodes:\n- L'atelier citoyen",
        ),
    )
    view = builder(cards["methodes/atelier-citoyen.md"])
    assert view.case_studies.title == "Exemples d’utilisation"
    (item,) = view.case_studies.items
    assert (str(item.label), item.href, item.organiser, item.date_label, item.status) == (
        "Cas exemples/a.md",
        "exemples/a/",
        "Ville",
        "15 janvier 2019",
        "En cours",
    )
    (related,) = view.links
    assert related.title == "Méthodes proches"
    assert [(str(i.label), i.href) for i in related.items] == [("Z", "methodes/z/")]
    assert builder(cards["methodes/conference.md"]).case_studies is None


def test_follow_up_view_renders_each_block_sanitised_in_story_order():
    text = (
        "title: Suivi\norganisateur: Agence\ndate-banniere: démarche close\n"
        "resultats: |-\n  * 50 participants\n  {: .md-4 }\n"
        'presentation: |-\n  Texte <a href="https://example.org/x">lien</a>'
        ' <a href="javascript:alert(1)">piège</a>\n  <script>alert(1)</script>\n'
        "  {: .text-center }\n"
        "engagements:\n"
    )
    builder, cards = views(make("_usage_citoyens/s.md", text, "suivi"))
    view = builder(cards["_usage_citoyens/s.md"])
    assert [block.title for block in view.blocks] == ["Présentation", "Les résultats"]
    presentation, results = (str(block.html) for block in view.blocks)
    assert '<a href="https://example.org/x" rel="noopener noreferrer">lien</a>' in presentation
    assert "javascript" not in presentation and "<script" not in presentation
    assert "{:" not in presentation + results
    assert "<li>50 participants</li>" in results
    assert [(f.label, f.value) for f in view.facts] == [
        ("Organisateur", "Agence"),
        ("Statut", "démarche close"),
    ]
