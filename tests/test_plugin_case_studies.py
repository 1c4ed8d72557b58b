"""Case studies and follow-up pages in built sites, and the links between them and the cards."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

import pytest

from .conftest import axe_violations
from .sites import ROOT, card

METHODS = {
    "methodes/atelier-citoyen.md": card(
        "title: L'atelier citoyen\ntagline: Délibérer à vingt\n"
        "methodes_liees:\n- Le budget participatif",
        "Texte de la méthode.",
    ),
    "methodes/budget-participatif.md": card(
        "title: Le budget participatif\ntagline: Voter des projets"
    ),
    "methodes/conference.md": card("title: La conférence de citoyens\ntagline: Un avis"),
    "outils/decidim.md": card("title: Decidim\ntagline: Plateforme libre"),
}
# A case study written the legacy way: title with a typographic apostrophe and a non-breaking
# space, the key typo "methode", a space before a colon, a bold line with a list right under it.
TOWN = card(
    "title: Le budget de la ville\n"
    "description: Les habitants votent\n"
    "organisateur : Ville de Quelque-Part\n"
    "link: https://participer.example.org/\n"
    "opendata: https://data.example.org/budget\n"
    "outil:\n- Decidim\n- Autre\n"
    "methode:\n- L’atelier\u00a0citoyen\n- budget-participatif\n"
    "date: 2019-01-15 09:29:08 +0000\n"
    "in_progress: true\n"
    "note-citoyenne: 5\n"
    "screenshot: ville.png\n"
    "parameters:\n- name: Participants\n  content: 801\n",
    "**Ce qui a été fait :**\n* Un vote en ligne\n* Des réunions\n\n"
    'Voir <a href="https://example.org/bilan">le bilan</a>.\n',
)
# An empty body ending right after the closing '---', as four legacy case studies do.
EMPTY = (
    "---\ntitle: Une démarche sans texte\nmethodes:\n- L'atelier citoyen\nin_progress: false\n---"
)
FOLLOW_UP = card(
    "title: Le suivi de la démarche\n"
    "organisateur: Agence\n"
    'date-banniere: "démarche close"\n'
    "link: https://participer.example.org/\n"
    "presentation: |-\n\n"
    "    Une présentation.\n\n"
    '    <a href="https://example.org/presentation">Lire la présentation</a>\n'
    "    {: .text-center }\n"
    "engagements:\n"
    "resultats: |-\n"
    "    * 50 participants\n"
    "    {: .md-4 }\n"
)
PNG = (ROOT / "docs/images/groupetable.png").read_bytes()
DOCS = {
    **METHODS,
    "exemples/ville.md": TOWN,
    "exemples/vide.md": EMPTY,
    "_usage_citoyens/suivi.md": FOLLOW_UP,
    "images/ville.png": PNG,
}
HREF = re.compile(r'<a href="([^"#:]+)"')


def links(built, page: str, section_id: str) -> list[str]:
    """The pages linked from one section of a built page, as site paths that must exist."""
    html = built.html(page)
    start = html.index(f'id="{section_id}"')
    section = html[start : html.index("</section>", start)]
    base = posixpath.dirname(page if page.endswith(".html") else page + "index.html")
    targets = []
    for href in HREF.findall(section):
        target = posixpath.normpath(posixpath.join(base, unquote(href)))
        target = target + "/index.html" if href.endswith("/") else target
        assert (built.site_dir / target).is_file(), target
        targets.append(target)
    return targets


def test_case_study_and_method_pages_link_to_each_other(site):
    built = site(DOCS)
    assert built.ok, built.problems
    assert links(built, "exemples/ville/", "methodes-utilisees") == [
        "methodes/atelier-citoyen/index.html",
        "methodes/budget-participatif/index.html",
    ]
    assert links(built, "exemples/ville/", "outils-utilises") == ["outils/decidim/index.html"]
    assert links(built, "methodes/atelier-citoyen/", "exemples-dutilisation") == [
        "exemples/ville/index.html",
        "exemples/vide/index.html",
    ]
    assert links(built, "outils/decidim/", "exemples-dutilisation") == ["exemples/ville/index.html"]
    assert 'id="exemples-dutilisation"' not in built.html("methodes/conference/")


def test_related_methods_are_listed_on_both_pages(site):
    built = site(DOCS)
    assert links(built, "methodes/atelier-citoyen/", "methodes-proches") == [
        "methodes/budget-participatif/index.html"
    ]
    assert links(built, "methodes/budget-participatif/", "methodes-proches") == [
        "methodes/atelier-citoyen/index.html"
    ]


def test_links_follow_the_site_urls(site):
    built = site(DOCS, use_directory_urls=False)
    assert built.ok, built.problems
    assert links(built, "exemples/ville.html", "methodes-utilisees") == [
        "methodes/atelier-citoyen.html",
        "methodes/budget-participatif.html",
    ]
    assert links(built, "methodes/atelier-citoyen.html", "exemples-dutilisation") == [
        "exemples/ville.html",
        "exemples/vide.html",
    ]


def test_case_study_page_shows_its_facts_figures_links_and_legacy_body(site):
    html = site(DOCS).html("exemples/ville/")
    assert "<h1>Le budget de la ville</h1>" in html
    assert "Les habitants votent" in html
    assert "<dt>Organisateur</dt>\n        <dd>Ville de Quelque-Part</dd>" in html
    assert "<dd>15 janvier 2019</dd>" in html
    assert "<dd>En cours</dd>" in html
    assert "<dt>Note citoyenne</dt>\n        <dd>5</dd>" in html
    assert 'href="https://participer.example.org/" rel="noopener">Voir la démarche</a>' in html
    assert 'href="https://data.example.org/budget" rel="noopener">Données ouvertes' in html
    assert "<dt>Participants</dt>\n            <dd>801</dd>" in html
    assert '<img src="../../images/ville.png" alt="Capture d’écran : Le budget de la ville"' in html
    assert "<li>Autre</li>" in html
    assert re.search(r'<h2 id="ce-qui-a-ete-fait">Ce qui a été fait', html)
    assert "<li>Un vote en ligne</li>" in html
    assert '<a href="https://example.org/bilan" rel="noopener noreferrer">le bilan</a>' in html


def test_method_page_lists_case_studies_with_organiser_date_and_status(site):
    html = site(DOCS).html("methodes/atelier-citoyen/")
    assert re.search(
        r'<a href="../../exemples/ville/">Le budget de la ville</a></p>\s*'
        r'<p class="participation-cases__meta">Ville de Quelque-Part, '
        r'<time datetime="2019-01-15">15 janvier 2019</time> \(En cours\)</p>',
        html,
    )
    assert re.search(
        r'Une démarche sans texte</a></p>\s*<p class="participation-cases__meta"> \(Terminée\)</p>',
        html,
    )
    toc = html[html.index('class="md-nav md-nav--secondary"') :]
    assert toc.index("Exemples d’utilisation") < toc.index("Méthodes proches")


def test_an_empty_body_closing_the_file_builds(site):
    built = site(DOCS)
    html = built.html("exemples/vide/")
    assert "<h1>Une démarche sans texte</h1>" in html
    assert "title: Une démarche" not in html


def test_follow_up_page_renders_each_front_matter_section(site):
    built = site(DOCS)
    html = built.html("_usage_citoyens/suivi/")
    assert "Suivi de démarche" in html
    assert "<dd>démarche close</dd>" in html
    assert re.search(r'<h2 id="presentation">Présentation', html)
    assert re.search(r'<h2 id="les-resultats">Les résultats', html)
    assert 'id="les-engagements"' not in html
    assert '<a href="https://example.org/presentation" rel="noopener noreferrer">' in html
    assert "<li>50 participants</li>" in html
    assert "{:" not in html
    toc = html[html.index('class="md-nav md-nav--secondary"') :]
    assert toc.index("Présentation") < toc.index("Les résultats")


def test_dangling_reference_warns_with_file_key_and_closest_titles_and_still_builds(site):
    docs = {
        **METHODS,
        "exemples/x.md": card(
            "title: X\noutil:\n- Assembl\nmethodes:\n- Les plateformes en lignes\n- Autre"
        ),
    }
    built = site(docs, strict=False)
    assert built.problems == [
        "mkdocs_participation: exemples/x.md:4: outil: no outil card named 'Assembl' "
        "(closest titles: 'Decidim'; or write 'Autre')",
        "mkdocs_participation: exemples/x.md:6: methodes: no methode card named 'Les plateformes "
        "en lignes' (closest titles: 'La conférence de citoyens', 'L'atelier citoyen', "
        "'Le budget participatif'; or write 'Autre')",
    ]
    html = built.html("exemples/x/")
    assert "<li>Assembl</li>" in html
    assert "<li>Les plateformes en lignes</li>" in html
    assert site(docs).ok is False


def test_sentinels_come_from_the_plugin_options(site):
    docs = {**METHODS, "exemples/x.md": card("title: X\noutil:\n- Aucun\n- Autre")}
    built = site(docs, strict=False, plugin={"sentinels": ["Aucun"]})
    assert [line for line in built.problems if "exemples/x.md" in line] == [
        "mkdocs_participation: exemples/x.md:5: outil: no outil card named 'Autre' "
        "(closest titles: 'Decidim'; or write 'Aucun')"
    ]
    assert "<li>Aucun</li>" in built.html("exemples/x/")


@pytest.mark.browser
def test_case_study_follow_up_and_method_pages_are_accessible(site, serve, tab):
    built = site(DOCS)
    base = serve(built.site_dir)
    for url in ("exemples/ville/", "_usage_citoyens/suivi/", "methodes/atelier-citoyen/"):
        tab.page.goto(base + url)
        tab.page.wait_for_load_state("networkidle")
        assert axe_violations(tab.page) == [], url
    assert tab.foreign == []
    assert tab.errors == []
    tab.page.goto(base + "exemples/ville/")
    tab.page.get_by_role("link", name="L'atelier citoyen").click()
    tab.page.wait_for_url("**/methodes/atelier-citoyen/")
    tab.page.get_by_role("link", name="Le budget de la ville").click()
    tab.page.wait_for_url("**/exemples/ville/")
