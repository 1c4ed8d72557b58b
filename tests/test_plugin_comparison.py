"""The comparison and chooser pages, and the "Comparer" toggle, in fixture sites."""

from __future__ import annotations

import html
import json
import re

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
HOSTILE = card("""
title: 'Hostile "><img src=x onerror=alert(1)>'
tagline: 'Fin </script><script>alert(2)</script>'
owner: '</template><script>alert(3)</script>'
atouts: ['<script>alert(4)</script>bien']
niveau: consulter
""")


def payload(built, url: str) -> list[dict]:
    """The methods' data that the page at ``url`` fetches: the file its data-source names
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


def cells(built, slug: str) -> dict[str, dict]:
    """The cells of a method's column on the comparison page, by row."""
    rows = re.findall(r'<tr data-row="([^"]+)"', built.html("comparer/"))
    column = next(column for column in payload(built, "comparer/") if column["slug"] == slug)
    return dict(zip(rows, column["cells"], strict=True))


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
    assert page.count('<th scope="row">') == 17
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


def test_methods_get_a_compare_toggle_and_tools_do_not(site):
    built = site(METHODS)
    method = built.html("methodes/atelier/")
    assert (
        '<label class="participation-compare-toggle" data-participation-compare="atelier" '
        'data-title="Atelier citoyen" data-url="methodes/atelier/" hidden>'
    ) in method
    assert re.search(
        r"Comparer<span class=\"participation-visually-hidden\"> Atelier citoyen"
        r"</span>",
        method,
    )
    assert "participation-compare-toggle" not in built.html("outils/agora/")


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
    data = settings(built)
    assert data["page"] == "comparer/"
    assert data["labels"]["compare_bar"] == "Méthodes à comparer"


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
    assert settings(built)["page"] == "comparaison/"


def test_without_a_comparison_page_there_is_no_toggle_and_no_settings(site):
    built = site(METHODS, plugin={"comparison": ""})
    assert built.ok, built.problems
    assert "participation-compare-toggle" not in built.html("methodes/atelier/")
    assert settings(built) is None
    assert "data-compare-url" not in built.html("choisir/")


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
    built = site(METHODS, theme={"name": "material", "language": "en", "font": False})
    assert "Compare methods" in built.html("comparer/")
    assert "Which method for my project?" in built.html("choisir/")
    assert "Compare<span" in built.html("methodes/atelier/")
