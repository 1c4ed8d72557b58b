"""What a site author gets to find one's way: the 404 page, the glossary, heading permalinks,
and card pages that lead back to their catalogue."""

from __future__ import annotations

from .sites import card

DOCS = {
    "index.md": "# Accueil\n\n## Une section\n\nDu texte.\n",
    "methodes/jury.md": card(
        "title: Le jury citoyen\ntagline: Un avis\nniveau: concerter\nrecrutement: tirage-au-sort"
    ),
    "exemples/ville.md": card("title: Budget de la ville\norganisateur: Ville de Sainte-Lune"),
}


def test_the_404_page_is_in_the_site_language_with_search_and_the_catalogues(site):
    built = site(DOCS)
    assert built.ok, built.problems
    html = (built.site_dir / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page introuvable</h1>" in html and "404 - Not found" not in html
    assert 'action="/boite/"' in html and 'name="q"' in html, "Material opens its search at ?q="
    for href, label in (
        ("/boite/methodes/", "Méthodes"),
        ("/boite/exemples/", "Exemples"),
        ("/boite/choisir/", "Quelle méthode pour mon projet ?"),
        ("/boite/comparer/", "Comparer des méthodes"),
        ("/boite/lexique/", "Lexique de la participation"),
    ):
        assert f'<a href="{href}">{label}</a>' in html
    assert "/boite/outils/" not in html, "no catalogue for a kind without cards"


def test_an_authors_own_404_page_wins(site):
    built = site(
        {
            **DOCS,
            "../overrides/404.html": '{% extends "main.html" %}'
            "{% block content %}Perdu{% endblock %}",
        },
        theme={"name": "material", "language": "fr", "font": False, "custom_dir": "overrides"},
    )
    assert built.ok, built.problems
    html = (built.site_dir / "404.html").read_text(encoding="utf-8")
    assert "Perdu" in html and "Page introuvable" not in html


def test_heading_permalinks_are_titled_in_the_interface_language_unless_the_site_says(site):
    built = site(DOCS)
    assert 'title="Lien vers cette section"' in built.html("")
    own = site(
        DOCS,
        markdown_extensions=[{"toc": {"permalink": True, "permalink_title": "Ancre"}}],
    )
    assert 'title="Ancre"' in own.html("")


def test_the_glossary_defines_the_levels_and_ways_of_recruiting_and_can_be_turned_off(site):
    built = site(DOCS)
    assert built.ok, built.problems
    html = built.html("lexique/")
    assert '<dt id="niveau-concerter">Concerter</dt>' in html
    assert '<dt id="recrutement-tirage-au-sort">Tirage au sort</dt>' in html
    assert "l’autorité décide seule" in html
    page = built.html("methodes/jury/")
    assert 'href="../../lexique/"' in page
    assert 'data-participation-back="Retour aux résultats">Méthodes</a>' in page
    assert '<a href="../" data-participation-back' in page
    english = site(DOCS, plugin={"language": "en", "glossary": ""})
    assert english.ok, english.problems
    assert not (english.site_dir / "lexique").exists()
    assert "lexique" not in english.html("methodes/jury/")
