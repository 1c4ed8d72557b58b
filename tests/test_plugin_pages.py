"""Card pages built by the plugin in fixture sites."""

from __future__ import annotations

import json
import logging

import pytest

from .sites import ROOT, SHARED, card

SEED = (ROOT / "docs" / "methodes" / "atelier-citoyen.md").read_text(encoding="utf-8")
SEED_SITE = {
    "methodes/atelier-citoyen.md": SEED,
    "methodes/conference-de-consensus.md": card("title: La conférence de consensus\ntagline: x"),
    "methodes/jury-citoyen.md": card("title: Le jury citoyen\ntagline: x"),
    "outils/decidim.md": card("title: Decidim\ntagline: x"),
    "images/groupetable.png": (ROOT / "docs/images/groupetable.png").read_bytes(),
    "images/logoDITP_print_Baseline.svg": (
        ROOT / "docs/images/logoDITP_print_Baseline.svg"
    ).read_bytes(),
    "uploads/2017/08/02/videoAssembl.png": (
        ROOT / "docs/uploads/2017/08/02/videoAssembl.png"
    ).read_bytes(),
}


def test_seed_card_page_shows_every_key(site):
    built = site(SEED_SITE)
    assert built.ok, built.problems
    html = built.html("methodes/atelier-citoyen/")
    assert "<h1>L&#39;atelier citoyen</h1>" in html
    assert "Dispositif fondé sur le principe de délibération collective" in html
    assert 'href="mailto:participationcitoyenne@modernisation.gouv.fr"' in html
    assert "<dd>DITP</dd>" in html
    assert 'alt="Logo de DITP"' in html
    assert "../../images/groupetable.png" in html
    assert 'data-participation-video="https://www.dailymotion.com/embed/video/x711dei"' in html
    assert "../../uploads/2017/08/02/videoAssembl.png" in html
    assert '<time datetime="2017-04-04">4 avril 2017</time>' in html
    for heading in (
        "Priorités pour l’organisateur",
        "Facteurs clés de succès",
        "Atouts",
        "Limites",
    ):
        assert heading in html
    assert html.count("<li>") >= 4 + 6 + 5 + 2
    assert "Le respect de la méthodologie" in html
    assert "Accéder au dispositif" not in html
    assert "<iframe" not in html


def test_legacy_body_sections_become_headings_with_lists_and_toc_entries(site):
    built = site(SEED_SITE)
    html = built.html("methodes/atelier-citoyen/")
    for anchor, title in (
        ("objectif-du-dispositif", "Objectif du dispositif"),
        ("public-vise", "Public visé"),
        ("grandes-lignes-du-dispositif", "Grandes lignes du dispositif"),
    ):
        assert f'<h2 id="{anchor}">{title}' in html
        assert f'href="#{anchor}"' in html.split('class="md-nav md-nav--secondary"')[1]
    body = html.split('class="participation-body"')[1].split('class="participation-video"')[0]
    assert body.count("<ul>") == 3
    assert "<li>\nGrâce à la rédaction" in body or "<li>Grâce à la rédaction" in body
    toc = html.split('class="md-nav md-nav--secondary"')[1]
    assert toc.index("Priorités pour l’organisateur") < toc.index("Objectif du dispositif")


def test_source_file_is_not_modified(site, tmp_path):
    built = site(SEED_SITE)
    assert (built.docs_dir / "methodes/atelier-citoyen.md").read_text(encoding="utf-8") == SEED


def test_english_interface(site):
    built = site(
        SEED_SITE,
        theme={"name": "material", "language": "en", "font": False},
    )
    html = built.html("methodes/atelier-citoyen/")
    for words in (
        "Priorities for the organiser",
        "Key success factors",
        "Strengths",
        "Drawbacks",
        "Play the video",
        "April 4, 2017",
        "Level of participation",
        "Involve",
        "Several weeks",
    ):
        assert words in html


def test_author_custom_dir_overrides_a_template(site, tmp_path):
    (tmp_path / "overrides/participation/partials").mkdir(parents=True)
    (tmp_path / "overrides/participation/partials/facts.html").write_text(
        '<p class="my-facts">{{ participation.facts | length }} faits</p>', encoding="utf-8"
    )
    built = site(
        SEED_SITE,
        theme={"name": "material", "font": False, "custom_dir": "overrides"},
    )
    assert '<p class="my-facts">9 faits</p>' in built.html("methodes/atelier-citoyen/")


def test_tool_page(site):
    tool = card("""
title: Agora
tagline: Une plateforme
categorie: outil
contract: Logiciel libre
domain: https://agora.example.org
details_techniques:
- name: Code
  link: https://code.example.org
  content: Dépôt public
- name: Langage
  content: Python
feature_inclus:
- Une consultation
accompagnement_plusloin:
- Formation
clients:
- Communes
demo_link: https://demo.agora.example.org
doc_tech: https://docs.agora.example.org
""")
    built = site({"outils/agora.md": tool})
    assert built.ok, built.problems
    html = built.html("outils/agora/")
    assert "<dd>Logiciel libre</dd>" in html
    assert (
        '<a href="https://agora.example.org" rel="noopener">https://agora.example.org</a>' in html
    )
    assert '<th scope="row">Code</th>' in html
    assert '<a href="https://code.example.org" rel="noopener">Dépôt public</a>' in html
    assert "<td>Python</td>" in html
    assert "Fonctionnalités incluses" in html
    assert "Accompagnement en option" in html
    assert "Fonctionnalités en option" not in html
    assert "<li>Communes</li>" in html
    assert 'href="https://demo.agora.example.org"' in html
    assert "Lire la documentation" in html
    assert "Accéder au dispositif" not in html


def test_cards_without_structured_attributes_say_not_provided(site):
    built = site({"methodes/a.md": card("title: A\ntagline: b\nniveau: consulter")})
    html = built.html("methodes/a/")
    assert "<dd>Consulter</dd>" in html
    assert html.count("Non renseigné") == 7


def test_demo_seed_card_is_the_reference_card_plus_structured_attributes():
    reference = SHARED / "seed" / "atelier-citoyen.md"
    if not reference.exists():
        pytest.skip("the reference card (../shared/seed) is not next to this clone")
    original = reference.read_text(encoding="utf-8")
    front, body = original.split("\n---\n", 1)
    assert SEED.startswith(front + "\n")
    assert SEED.endswith("\n---\n" + body)


def test_search_finds_the_facts_and_lists_and_the_page_keeps_its_layout(site):
    built = site(SEED_SITE, plugins=["search", "participation"])
    assert built.ok, built.problems
    index = json.loads((built.site_dir / "search/search_index.json").read_text("utf-8"))
    entries = {doc["location"]: doc for doc in index["docs"]}
    page = entries["methodes/atelier-citoyen/"]
    assert page["title"] == "L&#x27;atelier citoyen"
    assert page["text"].startswith("<p>Méthode · Dispositif fondé sur le principe")
    assert "DITP · participationcitoyenne@modernisation.gouv.fr" in page["text"]
    atouts = entries["methodes/atelier-citoyen/#atouts"]
    assert atouts["title"] == "Atouts"
    words = " ".join(
        doc["text"] for doc in index["docs"] if doc["location"].startswith("methodes/atelier")
    )
    assert "Le respect de la méthodologie" in words
    assert "niveau" in words.lower() and "niveaux" not in words.lower()
    assert "niveaux" in page["text_forms"].split(), "the form another page of the site uses"
    assert index["config"]["fields"]["text_forms"] == {"boost": 1.0}
    html = built.html("methodes/atelier-citoyen/")
    assert '<section class="participation-list participation-list--atouts"' in html
    assert '<div class="participation-fact' in html and "participation-header__tagline" in html


def test_a_cache_that_cannot_be_written_costs_no_generated_file(site, tmp_path, caplog):
    (tmp_path / ".cache").write_text("not a folder", "utf-8")
    caplog.set_level(logging.INFO, logger="mkdocs")
    built = site(
        {
            "index.md": "# Boîte\n",
            "methodes/jury.md": card("title: Jury citoyen\ntagline: Tirés au sort"),
            "methodes/forum.md": card("title: Forum ouvert\ntagline: Chacun propose"),
        }
    )
    assert built.ok, built.problems
    assert "Jury citoyen" in built.html("methodes/")
    methods = json.loads((built.site_dir / "assets/participation/methods.json").read_text())
    assert [record["title"] for record in methods] == ["Forum ouvert", "Jury citoyen"]
    assert (built.site_dir / "donnees/fiches.csv").read_bytes().count(b"\r\n") == 3
    refused = [line for line in caplog.messages if "cannot write the plugin's cache" in line]
    assert len(refused) == 1, "said once per build"
