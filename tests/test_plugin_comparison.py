"""The comparison pages (of methods, of tools) and the chooser, and the "Comparer" toggles, in
fixture sites."""

from __future__ import annotations

import html
import json
import logging
import re

from mkdocs_participation.core.model import compared

from .sites import card

METHODS = {
    "methodes/atelier.md": card("""
title: Atelier citoyen
tagline: Des habitants délibèrent
niveau: concerter
format: presentiel
cout: moyen
owner: DITP
contact: atelier@example.org
atouts: [Un avis éclairé]
ordre: 1
"""),
    "methodes/jury.md": card("""
title: Jury citoyen
tagline: Un petit groupe tiré au sort
niveau: co-construire
format: hybride
cout: eleve
ordre: 2
"""),
    "outils/agora.md": card("title: Agora\ntagline: Une plateforme\ncategorie: outil"),
}
TOOLS = {
    **METHODS,
    "methodes/jury.md": card("""
title: Jury citoyen
tagline: Un petit groupe tiré au sort
outils: [Decidim]
ordre: 2
"""),
    "outils/agora.md": card("""
title: Agora
tagline: Une plateforme de débat
licence: proprietaire
hebergement: editeur
fonctionnalites: [debat, consultation]
tarif: abonnement
ordre: 2
"""),
    "outils/decidim.md": card("""
title: Decidim
tagline: Une plateforme libre
licence: libre
hebergement: [auto-hebergeable, prestataire]
fonctionnalites: [budget-participatif, vote]
tarif: gratuit
domain: https://decidim.org
methodes: [Atelier citoyen]
ordre: 1
"""),
}
HOSTILE = card("""
title: 'Hostile "><img src=x onerror=alert(1)>'
tagline: 'Fin </script><script>alert(2)</script>'
owner: '</template><script>alert(3)</script>'
atouts: ['<script>alert(4)</script>bien']
niveau: consulter
""")


def payload(built, url: str) -> list[dict]:
    """The data that the page at ``url`` fetches: the file its data-source names
    (site-relative)."""
    found = re.search(r'data-source="([^"]*)"', built.html(url))
    assert found, "no data-source attribute"
    return json.loads((built.site_dir / html.unescape(found.group(1))).read_text(encoding="utf-8"))


def settings(built) -> dict | None:
    """The comparison settings that open the site's script, if any."""
    script = (built.site_dir / "assets/participation/participation.js").read_text("utf-8")
    first = script.split("\n", 1)[0]
    if not first.startswith("window.participationCompare = "):
        return None
    return json.loads(first.removeprefix("window.participationCompare = ").rstrip(";"))


def cells(built, slug: str, url: str = "comparer/") -> dict[str, dict]:
    """The cells of a card's column on the comparison page at ``url``, by row."""
    rows = re.findall(r'<tr data-row="([^"]+)"', built.html(url))
    column = next(column for column in payload(built, url) if column["slug"] == slug)
    return dict(zip(rows, column["cells"], strict=True))


def kinds(built) -> dict[str, dict]:
    """The settings of each compared kind, by kind."""
    return {kind["kind"]: kind for kind in settings(built)["kinds"]}


def test_comparison_and_chooser_pages_are_generated_with_every_method(site):
    built = site(METHODS)
    assert built.ok, built.problems
    page = built.html("comparer/")
    assert "<h1" in page and "Comparer des méthodes" in page
    columns = payload(built, "comparer/")
    assert [column["slug"] for column in columns] == ["atelier", "jury"]
    assert (columns[0]["title"], columns[0]["url"]) == ("Atelier citoyen", "methodes/atelier/")
    atelier = cells(built, "atelier")
    assert atelier["niveau"] == {"k": "concerter", "t": "Concerter"}
    assert atelier["contact"]["a"] == ["mailto:atelier@example.org", "atelier@example.org"]
    assert atelier["atouts"]["h"] == ["Un avis éclairé"]
    assert atelier["duree"] == {"k": ""}
    assert atelier["page"] == {"k": "methodes/atelier/", "p": "methodes/atelier/"}
    assert page.count('<th scope="row">') == 18
    assert "<caption" in page and '<th scope="col">Critère</th>' in page
    assert '<a href="../methodes/?vue=tableau">Voir le tableau des méthodes</a>' in page
    chooser = built.html("choisir/")
    assert "Quelle méthode pour mon projet ?" in chooser
    assert [entry["slug"] for entry in payload(built, "choisir/")] == ["atelier", "jury"]
    # Site-relative: chooser.js resolves them from the site's root, whatever the page's URL.
    assert 'data-catalogue-url="methodes/"' in chooser
    assert 'data-compare-url="comparer/"' in chooser
    assert "Comment le classement est calculé" in chooser
    assert "Réponse « Moyen » : 2 points pour Faible, Moyen ; 1 point pour Élevé." in chooser
    assert chooser.count('value="" checked') == 3


def test_the_guide_pages_hold_no_method_and_share_one_data_file(site):
    built = site(METHODS)
    comparison, chooser = built.html("comparer/"), built.html("choisir/")
    assert 'data-source="assets/participation/methods.json"' in comparison
    assert 'data-source="assets/participation/methods.json"' in chooser
    for page in (comparison, chooser):
        assert "Un avis éclairé" not in page and "methodes/atelier/" not in page
    methods = payload(built, "comparer/")
    assert {"cells", "fits", "tagline"} <= set(methods[0])


def test_methods_and_tools_get_a_compare_toggle_naming_their_kind(site):
    built = site(METHODS)
    method = built.html("methodes/atelier/")
    assert (
        '<label class="participation-compare-toggle" data-participation-compare="atelier" '
        'data-kind="methode" data-title="Atelier citoyen" data-url="methodes/atelier/" hidden>'
    ) in method
    assert re.search(
        r"Comparer<span class=\"participation-visually-hidden\"> Atelier citoyen"
        r"</span>",
        method,
    )
    assert (
        'data-participation-compare="agora" data-kind="outil" data-title="Agora" '
        'data-url="outils/agora/" hidden>'
    ) in built.html("outils/agora/")
    assert 'data-participation-compare="agora" data-kind="outil"' in built.html("outils/")
    case = site({**METHODS, "exemples/lyon.md": card("title: Lyon\nmethodes: [Jury citoyen]")})
    assert "participation-compare-toggle" not in case.html("exemples/lyon/"), "never compared"


def test_every_page_loads_one_script_and_one_stylesheet_opening_with_the_settings(site):
    built = site(METHODS)
    page = built.html("methodes/jury/")
    assert re.findall(r"assets/participation/[\w.-]+", page) == [
        "assets/participation/participation.css",
        "assets/participation/participation.js",
    ]
    script = (built.site_dir / "assets/participation/participation.js").read_text("utf-8")
    for part in ("participationKit", "data-participation-compare", "data-participation-chooser"):
        assert part in script
    stylesheet = (built.site_dir / "assets/participation/participation.css").read_text("utf-8")
    for part in (".participation-catalogue", ".participation-comparison", ".participation-chooser"):
        assert part in stylesheet
    data = kinds(built)
    assert data["methode"]["page"] == "comparer/"
    assert data["methode"]["labels"]["compare_bar"] == "Méthodes à comparer"
    assert data["outil"]["labels"]["compare_bar"] == "Outils à comparer"


def test_hostile_values_stay_text(site):
    built = site({**METHODS, "methodes/hostile.md": HOSTILE})
    assert built.ok, built.problems
    for url in ("comparer/", "choisir/", "methodes/hostile/"):
        page = built.html(url)
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "</template><script>" not in page
    hostile = cells(built, "hostile")
    assert hostile["owner"]["t"] == "</template><script>alert(3)</script>"
    assert "<script>" not in hostile["tagline"]["x"]
    assert [item.strip() for item in hostile["atouts"]["h"]] == ["bien"]
    entries = payload(built, "choisir/")
    assert entries[-1]["title"] == 'Hostile "><img src=x onerror=alert(1)>'
    assert "<script>" not in entries[-1]["tagline"]


def test_urls_are_configurable_and_an_empty_one_turns_the_page_off(site):
    built = site(METHODS, plugin={"comparison": "comparaison/", "chooser": ""})
    assert built.ok, built.problems
    assert "participation-comparison" in built.html("comparaison/")
    assert not (built.site_dir / "comparer").exists()
    assert not (built.site_dir / "choisir").exists()
    assert kinds(built)["methode"]["page"] == "comparaison/", "the address alone: the methods'"
    assert kinds(built)["outil"]["page"] == "comparer-outils/"


def test_each_kind_has_its_comparison_address_and_none_turns_it_off(site):
    built = site(TOOLS, plugin={"comparison": {"outil": "outils/comparer/"}})
    assert built.ok, built.problems
    assert "Comparer des outils" in built.html("outils/comparer/")
    assert "Comparer des méthodes" in built.html("comparer/")
    assert not (built.site_dir / "comparer-outils").exists()

    built = site(TOOLS, plugin={"comparison": {"methode": ""}})
    assert built.ok, built.problems
    assert "participation-compare-toggle" not in built.html("methodes/atelier/")
    assert "participation-compare-toggle" in built.html("outils/agora/")
    assert list(kinds(built)) == ["outil"]
    assert "data-compare-url" not in built.html("choisir/")
    assert (built.site_dir / "assets/participation/methods.json").exists(), "the chooser's"


def test_without_a_comparison_page_there_is_no_toggle_and_no_settings(site):
    built = site(TOOLS, plugin={"comparison": {"methode": "", "outil": ""}})
    assert built.ok, built.problems
    assert "participation-compare-toggle" not in built.html("methodes/atelier/")
    assert "participation-compare-toggle" not in built.html("outils/agora/")
    assert settings(built) is None
    assert not (built.site_dir / "assets/participation/tools.json").exists()
    assert "data-compare-url" not in built.html("choisir/")


def test_a_kind_without_cards_has_no_comparison_page(site, caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        built = site({"methodes/atelier.md": METHODS["methodes/atelier.md"]})
    assert built.ok, built.problems
    assert not (built.site_dir / "comparer-outils").exists()
    assert (
        "mkdocs_participation: no card of kind 'outil': no comparison page at comparer-outils/"
        in caplog.messages
    )
    assert list(kinds(built)) == ["methode"]


def test_a_kind_that_is_not_compared_is_reported_and_left_out(site):
    built = site(TOOLS, strict=False, plugin={"comparison": {"exemple": "x/", "outil": "o/"}})
    assert built.html("o/") and not (built.site_dir / "x").exists()
    assert built.problems == [
        "Config value 'plugins': Plugin 'participation' option 'comparison.exemple': exemple "
        "cards are not compared; this line is not used (the compared kinds: methode, outil)"
    ]
    assert not site(TOOLS, plugin={"comparison": {"exemple": "x/"}}).ok
    assert not site(TOOLS, plugin={"comparison": {"outil": 3}}).ok


def test_the_tools_comparison_page_holds_only_rows_and_its_data_file_the_tools(site):
    built = site(TOOLS)
    assert built.ok, built.problems
    page = built.html("comparer-outils/")
    assert "<h1" in page and "Comparer des outils" in page
    assert 'data-kind="outil"' in page
    assert 'data-source="assets/participation/tools.json"' in page
    rows = re.findall(r'<tr data-row="([^"]+)"', page)
    assert rows == [*(spec.name for spec in compared("outil")), "page"]
    assert "Méthodes qu’il permet" in page and "Une plateforme libre" not in page
    assert '<a href="../outils/?vue=tableau">Voir le tableau des outils</a>' in page
    columns = payload(built, "comparer-outils/")
    assert [column["slug"] for column in columns] == ["decidim", "agora"]
    assert set(columns[0]) == {"slug", "title", "url", "cells"}, "no chooser values for tools"
    decidim = cells(built, "decidim", "comparer-outils/")
    assert decidim["licence"] == {"k": "logiciel libre", "t": "Logiciel libre"}
    assert decidim["tarif"] == {"k": "gratuit", "t": "Gratuit"}
    assert decidim["domain"]["a"] == ["https://decidim.org", "https://decidim.org"]
    # Decidim names the atelier; the jury names Decidim: both show, as on Decidim's page.
    assert decidim["methodes"]["l"] == [
        ["Atelier citoyen", "methodes/atelier/"],
        ["Jury citoyen", "methodes/jury/"],
    ]
    assert cells(built, "jury")["outils"]["l"] == [["Decidim", "outils/decidim/"]]
    methods = payload(built, "comparer/")
    assert [column["slug"] for column in methods] == ["atelier", "jury"], "methods only"


def test_the_comparisons_are_ways_in_from_the_404_page(site):
    built = site(TOOLS)
    html = (built.site_dir / "404.html").read_text(encoding="utf-8")
    for href, label in (
        ("/boite/comparer/", "Comparer des méthodes"),
        ("/boite/comparer-outils/", "Comparer des outils"),
    ):
        assert f'<a href="{href}">{label}</a>' in html


def test_an_authors_own_page_wins_and_may_keep_the_tool(site):
    built = site(
        {
            **METHODS,
            "comparer.md": "# Notre comparateur\n\nTexte de l’auteur.\n",
            "choisir/index.md": "---\ntemplate: participation/chooser.html\n---\n\n"
            "# Trouver sa méthode\n",
        }
    )
    assert built.ok, built.problems
    comparison = built.html("comparer/")
    assert "Texte de l’auteur." in comparison
    assert "participation-comparison" not in comparison
    chooser = built.html("choisir/")
    assert "Trouver sa méthode" in chooser and "data-participation-chooser" in chooser
    assert "Quelle méthode pour mon projet ?" not in chooser


def test_english_interface(site):
    built = site(TOOLS, theme={"name": "material", "language": "en", "font": False})
    assert "Compare methods" in built.html("comparer/")
    assert "Compare tools" in built.html("comparer-outils/")
    assert "Methods it supports" in built.html("comparer-outils/")
    assert kinds(built)["outil"]["labels"]["compare_bar"] == "Tools to compare"
    assert "Which method for my project?" in built.html("choisir/")
    assert "Compare<span" in built.html("methodes/atelier/")
