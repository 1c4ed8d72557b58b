"""The catalogue of case studies at exemples/, built on the same machinery as the methods'."""

from __future__ import annotations

import re

from .sites import card

DOCS = {
    "methodes/jury.md": card("title: Le jury citoyen\ntagline: Un avis"),
    "methodes/budget.md": card("title: Le budget participatif\ntagline: Des projets"),
    "outils/agora.md": card("title: Agora\ntagline: Une plateforme\ncategorie: outil"),
    "exemples/ville.md": card(
        "title: Budget de la ville\norganisateur: Ville de Sainte-Lune\n"
        "type_organisateur: collectivite\nmethodes: [budget]\n"
        "outil: [Agora]\nin_progress: true\ndate: 2021-03-01"
    ),
    "exemples/region.md": card(
        "title: Jury régional\norganisateur: Région Nord\ntype_organisateur: collectivite\n"
        "methodes: [Le jury citoyen]\n"
        "outil: [Autre]\nin_progress: false\ndate: 2019-10-04"
    ),
}


def facet_options(html: str, name: str) -> list[str]:
    block = html.split(f'data-facet="{name}"')[1].split("</details>")[0]
    return [
        re.sub(r"\s+", " ", label).strip()
        for label in re.findall(r"<label [^>]*>(.*?)<span", block, re.S)
    ]


def test_case_studies_have_a_catalogue_with_method_tool_organiser_type_and_status_filters(site):
    built = site(DOCS)
    assert built.ok, built.problems
    html = built.html("exemples/")
    assert facet_options(html, "methodes") == ["Le budget participatif", "Le jury citoyen"]
    assert "Agora" in facet_options(html, "outil")
    assert 'data-facet="organisateur"' not in html, "one option per case study: no facet"
    assert facet_options(html, "type_organisateur") == ["Collectivité territoriale"]
    # A column of the table, whose rows catalogue.js makes from the cards' facts.
    assert 'data-column="organisateur"' in html.split("<table")[1]
    assert '<dt>Organisateur</dt><dd data-sort="0000region nord">Région Nord</dd>' in html
    assert len(facet_options(html, "in_progress")) == 2
    for title in ("Budget de la ville", "Jury régional"):
        assert title in html
    assert re.search(r'<dd data-sort="2021-03-01">1er mars 2021</dd>', html)
    assert re.search(r'<dd data-sort="2019-10-04">4 octobre 2019</dd>', html)
    assert 'href="../exemples/ville/"' in html or 'href="ville/"' in html


def test_the_case_study_catalogue_can_be_turned_off(site):
    built = site(DOCS, plugin={"catalogues": {"exemple": ""}})
    assert built.ok, built.problems
    assert not (built.site_dir / "exemples/index.html").exists()
