"""Catalogue pages built by the plugin in fixture sites: generated pages, markers, escaping."""

from __future__ import annotations

import json
import logging
import re

from .sites import card

JURY = card("""
title: Jury citoyen
tagline: Des citoyens tirés au sort
niveau: concerter
format: presentiel
echelle: [locale, regionale]
participants: {min: 15, max: 40}
duree: plusieurs-jours
cout: eleve
recrutement: tirage-au-sort
ordre: 1
""")
SONDAGE = card("title: Sondage en ligne\ntagline: Rapide et large\nniveau: consulter")
AGORA = card("title: Agora\ntagline: Une plateforme\nformat: en-ligne")
DOCS = {
    "index.md": "# Accueil\n\nBienvenue.\n",
    "methodes/jury.md": JURY,
    "methodes/sondage.md": SONDAGE,
    "outils/agora.md": AGORA,
}


def catalogue(html: str) -> str:
    """The catalogue block of a page."""
    start = html.index('<div class="participation-catalogue"')
    return html[start : html.index("</article>", start)]


def test_catalogue_pages_are_generated_at_the_default_urls(site):
    built = site(DOCS)
    assert built.ok, built.problems
    methods = built.html("methodes/")
    assert "<h1" in methods and "Méthodes" in methods
    block = catalogue(methods)
    assert block.index("Jury citoyen") < block.index("Sondage en ligne"), "ordre first"
    assert 'href="../methodes/jury/"' in block
    assert "Agora" not in block
    assert 'href="../outils/agora/"' in catalogue(built.html("outils/"))
    assert not (built.docs_dir / "methodes" / "index.md").exists(), "docs are never written"


def test_every_card_is_in_the_html_without_javascript_and_the_table_once(site):
    built = site(DOCS)
    block = catalogue(built.html("methodes/"))
    cards = re.findall(r'<li class="participation-entry"[^>]*>', block)
    assert len(cards) == 2
    assert not any("hidden" in tag for tag in cards)
    assert re.search(r"<form [^>]*data-participation-filters hidden>", block), (
        "controls that need JavaScript are hidden without it"
    )
    assert '<p class="participation-catalogue__status" role="status"' in block
    assert "2 fiches sur 2" in block
    assert "<dt>Nombre de participants</dt><dd data-sort=" in block
    assert ">15 à 40 personnes</dd>" in block
    assert "<dt>Durée</dt><dd>Non renseigné</dd>" in block, "no sort key: sorts last"
    assert (
        'data-facets="niveau=concerter format=presentiel echelle=locale echelle=regionale' in block
    )
    assert ">Non renseigné <span" in block and 'data-token="duree=non-renseigne">(1)' in block
    # The table, made by catalogue.js from the cards, holds its headers only; the words that
    # the text filter searches are in a file of their own.
    assert re.search(
        r'<div class="participation-table" data-view-panel="tableau"[^>]* hidden>', block
    )
    assert "<tbody></tbody>" in block and 'data-words="jury' not in block
    assert 'data-words="assets/participation/words-methode.json"' in block
    words = json.loads((built.site_dir / "assets/participation/words-methode.json").read_text())
    assert words["jury"].startswith("jury citoyen des citoyens tires au sort")


def test_catalogue_urls_are_configurable(site):
    built = site(DOCS, plugin={"catalogues": {"methode": "boite/methodes/", "outil": ""}})
    assert built.ok, built.problems
    assert 'href="../../methodes/jury/"' in catalogue(built.html("boite/methodes/"))
    assert not (built.site_dir / "methodes" / "index.html").exists()
    assert not (built.site_dir / "outils" / "index.html").exists()


def test_an_authors_own_index_page_wins(site):
    own = "# Nos méthodes\n\nChoisissez.\n\n<!-- participation:catalogue methode -->\n"
    built = site({**DOCS, "methodes/index.md": own, "outils/index.md": "# Nos outils\n"})
    assert built.ok, built.problems
    methods = built.html("methodes/")
    assert "Nos méthodes" in methods and "Choisissez." in methods
    assert methods.count('<div class="participation-catalogue"') == 1
    assert "Jury citoyen" in catalogue(methods)
    tools = built.html("outils/")
    assert "Nos outils" in tools and "participation-catalogue" not in tools


def test_a_marker_puts_the_catalogue_in_any_page_with_headings_below_it(site):
    guide = (
        "# Guide\n\n## Les méthodes\n\n<!-- participation:catalogue methode -->\n\n"
        "## Encore\n\n<!-- participation:catalogue methode -->\n\n"
        "    <!-- participation:catalogue outil -->\n"
    )
    built = site({**DOCS, "guide/choisir.md": guide})
    assert built.ok, built.problems
    html = built.html("guide/choisir/")
    assert html.count('<div class="participation-catalogue"') == 2
    assert 'id="catalogue-methode"' in html and 'id="catalogue-methode-2"' in html
    assert 'id="catalogue-methode-2-q"' in html
    assert '<h3 class="participation-entry__title"><a href="../../methodes/jury/">' in html
    assert "&lt;!-- participation:catalogue outil --&gt;" in html, "code stays code"


def test_an_unknown_kind_in_a_marker_is_a_located_warning(site):
    page = "# Guide\n\nTexte.\n\n<!-- participation:catalogue metode -->\n"
    built = site({**DOCS, "guide.md": page})
    assert not built.ok
    assert built.problems == [
        "mkdocs_participation: guide.md:5: unknown kind of card 'metode' (did you mean 'methode'?)"
    ]


def test_options_naming_unknown_keys_are_warnings(site):
    built = site(DOCS, plugin={"catalogues": {"methode": {"facets": ["niveau", "nivaux"]}}})
    assert not built.ok
    assert built.problems == [
        "mkdocs_participation: mkdocs.yml: catalogues.methode.facets: 'nivaux' cannot be a facet "
        "of methode cards (did you mean 'niveau'?)"
    ]


def test_facets_and_columns_are_configurable(site):
    built = site(
        DOCS, plugin={"catalogues": {"methode": {"facets": ["cout"], "columns": ["title", "cout"]}}}
    )
    assert built.ok, built.problems
    block = catalogue(built.html("methodes/"))
    assert re.findall(r'data-facet="(\w+)"', block) == ["cout"]
    assert re.findall(r'data-column="(\w+)"', block) == ["title", "cout"]
    assert (
        re.search(r"<dt>Coût</dt><dd data-sort=\"[^\"]+\">Élevé</dd>", block)
        and "<dt>Format</dt>" not in block
    )


def test_card_values_and_site_labels_are_escaped(site):
    hostile = card(
        'title: "Atelier <script>alert(1)</script>"\n'
        "tagline: '\"><img src=x onerror=alert(2)>'\nniveau: concerter\n"
    )
    built = site(
        {**DOCS, "methodes/hostile.md": hostile},
        plugin={
            "vocabularies": {"niveau": {"concerter": '<b onclick="x">Concerter</b>'}},
            "labels": {"reset": "<i>Tout</i> effacer"},
        },
    )
    block = catalogue(built.html("methodes/"))
    assert "<script>alert" not in block and "<img src=x" not in block
    assert "onerror" not in block.replace("onerror=alert(2)&gt;", "")
    assert "&lt;b onclick=&#34;x&#34;&gt;Concerter&lt;/b&gt;" in block
    assert "&lt;i&gt;Tout&lt;/i&gt; effacer" in block


def test_cards_stay_out_of_the_automatic_sidebar_unless_asked(site):
    built = site(DOCS)
    assert built.ok, built.problems
    home = built.html("")
    assert 'href="methodes/jury/"' not in home and 'href="methodes/"' in home
    shown = site({**DOCS}, plugin={"navigation": True})
    assert 'href="methodes/jury/"' in shown.html("")


def test_generated_pages_stand_for_their_one_page_sections_in_the_automatic_nav(site):
    built = site(DOCS)
    assert built.ok, built.problems
    sidebar = built.html("").split('class="md-nav md-nav--primary"')[1]
    assert "md-nav__item--nested" not in sidebar, "no section around a lone generated page"
    assert re.search(r'href="methodes/"[^>]*>\s*(<[^>]+>\s*)*Méthodes\s*<', sidebar)
    assert re.search(r'href="choisir/"[^>]*>\s*(<[^>]+>\s*)*Quelle méthode', sidebar)
    assert "Methodes" not in sidebar, "the folder's name is not shown"
    shared = site({**DOCS, "choisir/conseils.md": "# Conseils pour choisir\n"})
    assert shared.ok, shared.problems
    sidebar = shared.html("").split('class="md-nav md-nav--primary"')[1]
    assert sidebar.count("md-nav__item--nested") == 1, "a folder with an author's page stays"
    assert "Choisir" in sidebar and "Conseils pour choisir" in sidebar


def test_an_authors_nav_and_its_titles_are_kept(site):
    nav = [
        {"Accueil": "index.md"},
        {"Boîte à outils": [{"Toutes les méthodes": "methodes/index.md"}, "methodes/jury.md"]},
    ]
    built = site(DOCS, nav=nav)
    assert built.ok, built.problems
    sidebar = built.html("").split('class="md-nav md-nav--primary"')[1]
    assert "Boîte à outils" in sidebar and "Toutes les méthodes" in sidebar
    assert 'href="methodes/jury/"' in sidebar, "a card the author lists stays in the nav"


def test_a_kind_without_cards_gets_no_catalogue_page(site, caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        built = site({"index.md": "# Accueil\n", "methodes/jury.md": JURY})
    assert built.ok, built.problems
    assert (built.site_dir / "methodes/index.html").exists()
    assert not (built.site_dir / "outils/index.html").exists()
    assert (
        "mkdocs_participation: no card of kind 'outil': no catalogue page at outils/index.md"
        in caplog.messages
    )


def test_the_catalogue_is_left_out_of_the_search_index(site):
    built = site(DOCS, plugins=["search", "participation"])
    assert built.ok, built.problems
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text("utf-8"))
    catalogue_entries = [
        doc
        for doc in index["docs"]
        if doc["location"].startswith("methodes/")
        and "jury" not in doc["location"]
        and "sondage" not in doc["location"]
    ]
    assert catalogue_entries, "the catalogue page itself is indexed"
    assert not any(
        "Rapide et large" in doc["text"] or "Réinitialiser" in doc["text"]
        for doc in catalogue_entries
    )


def test_links_follow_the_sites_url_style(site):
    built = site(DOCS, use_directory_urls=False)
    assert built.ok, built.problems
    block = catalogue((built.site_dir / "methodes" / "index.html").read_text("utf-8"))
    assert 'href="../methodes/jury.html"' in block
