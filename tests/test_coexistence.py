"""The plugins site authors combine with this one, each in a tiny site built with --strict: both
plugins do their job, in either order where the order could matter.

The versions tested are pinned in the ``test`` extra of pyproject.toml and listed in
docs/utiliser.md ("Avec d'autres extensions").
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from .sites import BASE_CONFIG, card, run_build, write_tree

JURY = card(
    """
title: Jury citoyen
tagline: Des citoyens tirés au sort
niveau: concerter
tags: [Délibération]
date: 2024-03-05
""",
    "## Déroulé\n\nLe jury coûte {{ prix }} euros.\n\n![Une salle](../images/salle.png)\n",
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)
DOCS: dict[str, str | bytes] = {
    "index.md": "# Accueil\n\nBienvenue.\n",
    "methodes/jury.md": JURY,
    "images/salle.png": PNG,
}
ORDERS = ("before", "after")


def plugins(other: Any, order: str = "after") -> list[Any]:
    """The site's plugins: search, and ``other`` listed before or after participation."""
    return (
        ["search", other, "participation"]
        if order == "before"
        else ["search", "participation", other]
    )


def sidebar(html: str) -> str:
    return html.split('class="md-nav md-nav--primary"')[1].split("md-sidebar--secondary")[0]


@pytest.mark.parametrize("order", ORDERS)
def test_material_tags_list_a_card_under_its_tags(site, order):
    docs = {**DOCS, "etiquettes.md": "# Étiquettes\n\n<!-- material/tags -->\n"}
    built = site(docs, plugins=plugins("tags", order))
    assert built.ok, built.problems
    page = built.html("methodes/jury/")
    assert re.search(r'class="md-tag[^"]*"[^>]*>\s*Délibération', page), "the tag on the page"
    index = built.html("etiquettes/")
    assert "Délibération" in index and 'href="../methodes/jury/"' in index


@pytest.mark.parametrize("order", ORDERS)
def test_macros_fill_a_card_body(site, order):
    built = site(DOCS, plugins=plugins("macros", order), extra={"prix": 420})
    assert built.ok, built.problems
    assert "Le jury coûte 420 euros." in built.html("methodes/jury/")


@pytest.mark.parametrize("order", ORDERS)
def test_glightbox_wraps_card_images(site, order):
    built = site(DOCS, plugins=plugins("glightbox", order))
    assert built.ok, built.problems
    assert re.search(
        r'<a class="glightbox"[^>]*href="../../images/salle.png"[^>]*><img alt="Une salle"',
        built.html("methodes/jury/"),
    )


@pytest.mark.parametrize("order", ORDERS)
def test_rss_lists_cards_and_generated_pages(site, order):
    built = site(DOCS, plugins=plugins({"rss": {"match_path": ".*"}}, order))
    assert built.ok, built.problems
    feed = (built.site_dir / "feed_rss_created.xml").read_text("utf-8")
    assert "<title>Jury citoyen</title>" in feed and "<title>Méthodes</title>" in feed
    assert "https://example.org/boite/methodes/jury/" in feed


REDIRECTS = {"redirects": {"redirect_maps": {"anciennes-fiches.md": "methodes/index.md"}}}


@pytest.mark.parametrize("order", ORDERS)
def test_redirects_to_a_catalogue_in_either_order(site, order):
    built = site(DOCS, plugins=plugins(REDIRECTS, order))
    assert built.ok, built.problems
    assert 'href="../methodes/"' in built.html("anciennes-fiches/")


def test_print_site_prints_cards_and_catalogues(site):
    nav = [{"Accueil": "index.md"}, {"Méthodes": ["methodes/index.md", "methodes/jury.md"]}]
    built = site(DOCS, plugins=plugins("print-site", "after"), nav=nav)
    assert built.ok, built.problems
    printed = built.html("print_page/")
    assert "Le jury coûte" in printed, "the card's body"
    assert re.search(r'<li class="participation-entry" data-slug="jury"', printed)


def test_print_site_itself_refuses_to_come_before_participation(site):
    built = site(DOCS, plugins=plugins("print-site", "before"))
    assert any("'print-site' should be defined as the *last* plugin" in p for p in built.problems)


MINIFY = {
    "minify": {
        "minify_html": True,
        "minify_js": True,
        "js_files": ["assets/participation/participation.js"],
        "htmlmin_opts": {"remove_comments": True},
    }
}


@pytest.mark.parametrize("order", ORDERS)
def test_minify_keeps_catalogues_and_renames_the_script(site, order):
    built = site(DOCS, plugins=plugins(MINIFY, order))
    assert built.ok, built.problems
    catalogue = built.html("methodes/")
    assert "<!--" not in catalogue, "comments removed"
    assert re.search(r'<li class="?participation-entry"? data-slug="?jury', catalogue)
    assert "assets/participation/participation.min.js" in catalogue
    assert (built.site_dir / "assets/participation/participation.min.js").exists()


GIT_ENV = {
    "GIT_AUTHOR_DATE": "2024-05-06T10:00:00",
    "GIT_COMMITTER_DATE": "2024-05-06T10:00:00",
    "PATH": "/usr/bin:/bin",
    "HOME": "/nonexistent",
}


def test_git_revision_dates_a_card(tmp_path):
    write_tree(tmp_path / "docs", DOCS)
    settings: dict[str, Any] = {}
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "."],
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "x"],
    ):
        subprocess.run(command, cwd=tmp_path, check=True, env=GIT_ENV)
    for order in ORDERS:
        settings["plugins"] = plugins({"git-revision-date-localized": {"type": "date"}}, order)
        built = run_build(_config(tmp_path, settings), tmp_path)
        assert built.ok, (order, built.problems)
        page = built.html("methodes/jury/")
        assert re.search(r'git-revision-date-localized-plugin-date"[^>]*>\s*6 mai 2024', page), (
            order
        )


def _config(root: Path, settings: dict[str, Any]) -> Path:
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump({**BASE_CONFIG, **settings}, allow_unicode=True), "utf-8")
    return path


@pytest.mark.parametrize("order", ORDERS)
def test_blog_and_cards_side_by_side(site, order):
    docs = {
        **DOCS,
        "blog/index.md": "# Blog\n",
        "blog/posts/premier.md": "---\ndate: 2024-01-02\n---\n\n# Premier billet\n\nTexte.\n",
    }
    built = site(docs, plugins=plugins("blog", order))
    assert built.ok, built.problems
    assert "Premier billet" in built.html("blog/")
    assert "Le jury coûte" in built.html("methodes/jury/")


@pytest.mark.parametrize("order", ORDERS)
def test_privacy_finds_nothing_to_fetch_for_the_plugin(site, order):
    # Material's own bundle names a diagram library on a CDN, loaded only for diagrams.
    privacy = {"privacy": {"assets_exclude": ["unpkg.com/mermaid*"]}}
    built = site(DOCS, plugins=plugins(privacy, order))
    assert built.ok, built.problems
    page = built.html("methodes/jury/")
    assert "Le jury coûte" in page
    assert not re.search(r'(src="|<link rel="stylesheet"[^>]*href=")https?://', page)


@pytest.mark.parametrize("order", ORDERS)
def test_offline_builds_cards_and_catalogues_for_file_urls(site, order):
    built = site(DOCS, plugins=plugins("offline", order))
    assert built.ok, built.problems
    page = built.html("methodes/jury.html")  # offline turns directory URLs off
    assert '<script src="../assets/participation/participation.js">' in page
    assert 'href="../methodes/jury.html"' in built.html("methodes/index.html")


AUTHOR_NAVS = {
    "awesome-nav": (
        ".nav.yml",
        "nav:\n  - index.md\n  - Boîte à outils:\n    - Toutes les méthodes: methodes/index.md\n",
        ("Boîte à outils", "Toutes les méthodes"),
    ),
    "literate-nav": (
        "SUMMARY.md",
        "* [Accueil](index.md)\n* Participation\n    * [Nos méthodes](methodes/index.md)\n",
        ("Participation", "Nos méthodes"),
    ),
}


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("other", AUTHOR_NAVS)
def test_nav_plugins_keep_the_authors_titles(site, other, order):
    path, nav, titles = AUTHOR_NAVS[other]
    built = site({**DOCS, path: nav}, plugins=plugins(other, order))
    assert built.ok, built.problems
    menu = sidebar(built.html(""))
    assert all(title in menu for title in titles)
    assert "Méthodes<" not in menu and "Methodes" not in menu, "no title of the plugin's own"


def test_gen_files_listed_before_writes_cards(site, tmp_path):
    script = tmp_path / "gen.py"
    script.write_text(
        "import mkdocs_gen_files\n"
        "with mkdocs_gen_files.open('methodes/generee.md', 'w') as f:\n"
        "    f.write('---\\ntitle: Méthode générée\\ntagline: Écrite par un script\\n---\\n')\n",
        "utf-8",
    )
    built = site(DOCS, plugins=plugins({"gen-files": {"scripts": [str(script)]}}, "before"))
    assert built.ok, built.problems
    assert "Écrite par un script" in built.html("methodes/generee/")
    assert 'data-slug="generee"' in built.html("methodes/")


PROVENANCE_HOOK = """
import json
from mkdocs.plugins import event_priority

@event_priority(-100)
def on_files(files, config):
    seen = {f.src_uri: [f.generated_by, f.abs_src_path] for f in files.documentation_pages()}
    with open(config.config_file_path + ".files.json", "w") as out:
        json.dump(seen, out)
"""


def test_generated_pages_name_their_plugin_and_have_a_source(site, tmp_path):
    (tmp_path / "provenance.py").write_text(PROVENANCE_HOOK, "utf-8")
    built = site(DOCS, hooks=[str(tmp_path / "provenance.py")])
    assert built.ok, built.problems
    seen = json.loads((tmp_path / "mkdocs.yml.files.json").read_text("utf-8"))
    for path in ("methodes/index.md", "comparer/index.md", "choisir/index.md"):
        plugin, source = seen[path]
        assert plugin == "participation"
        assert Path(source).is_file() and ".cache/plugin/participation" in source
        assert not Path(source).is_relative_to(built.docs_dir)
    assert seen["methodes/jury.md"][0] is None


JURY_EN = card(
    """
title: Citizens' jury
tagline: Citizens drawn by lot
niveau: concerter
""",
    "The jury meets three times.\n",
)
LANGUAGES = [
    {"locale": "fr", "default": True, "name": "Français", "build": True},
    {"locale": "en", "name": "English", "build": True},
]
LAYOUTS = {
    "folder": {
        "fr/index.md": "# Accueil\n",
        "en/index.md": "# Home\n",
        "fr/methodes/jury.md": JURY,
        "en/methodes/jury.md": JURY_EN,
        "fr/images/salle.png": PNG,
    },
    "suffix": {
        "index.md": "# Accueil\n",
        "index.en.md": "# Home\n",
        "methodes/jury.md": JURY,
        "methodes/jury.en.md": JURY_EN,
        "images/salle.png": PNG,
    },
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("order", ORDERS)
def test_static_i18n_gives_each_language_its_toolbox(site, layout, order):
    i18n = {"i18n": {"docs_structure": layout, "languages": LANGUAGES}}
    built = site(LAYOUTS[layout], plugins=plugins(i18n, order), extra={"prix": 1})
    assert built.ok, built.problems
    english, french = built.html("en/methodes/jury/"), built.html("methodes/jury/")
    assert '<html lang="en"' in english and "<h1>Citizens&#39; jury" in english
    assert "Level of participation" in english and "Niveau de participation" in french
    assert "<h1>Jury citoyen" in french
    catalogue = built.html("en/methodes/")
    assert '<h1 id="methods">Methods' in catalogue
    assert 'href="../../en/methodes/jury/"' in catalogue and "Citizens drawn by lot" in catalogue
    assert 'href="../../methodes/" hreflang="fr"' in catalogue, "the switcher links this page"
    assert "Compare methods" in built.html("en/comparer/")
    assert "Which method for my project?" in built.html("en/choisir/")
    script = (built.site_dir / "en/assets/participation/participation.js").read_text("utf-8")
    settings = json.loads(script.split("\n", 1)[0].split(" = ", 1)[1].rstrip(";"))
    assert [(kind["kind"], kind["page"]) for kind in settings["kinds"]] == [
        ("methode", "en/comparer/")
    ]
    assert 'data-source="en/assets/participation/methods.json"' in built.html("en/comparer/")
    exported = json.loads((built.site_dir / "en/donnees/fiches.json").read_text("utf-8"))
    assert "Citizens' jury" in json.dumps(exported, ensure_ascii=False)
    assert "Jury citoyen" in (built.site_dir / "donnees/fiches.json").read_text("utf-8")


SEEN_HOOK = """
import json

seen = {}

def on_page_content(html, page, config, files):
    seen.setdefault(page.file.src_uri, []).append("participation-body" in html)

def on_page_context(context, page, config, nav):
    seen[page.file.src_uri].append("participation-body" in page.content)

def on_post_page(output, page, config):
    seen[page.file.src_uri].append("participation-body" in output)
    with open(config.config_file_path + ".seen.json", "w") as out:
        json.dump(seen, out)
"""


def test_later_hooks_see_the_whole_card_page_and_search_its_compact_text(site, tmp_path):
    (tmp_path / "seen.py").write_text(SEEN_HOOK, "utf-8")
    built = site(DOCS, plugins=["search", "participation"], hooks=[str(tmp_path / "seen.py")])
    assert built.ok, built.problems
    seen = json.loads((tmp_path / "mkdocs.yml.seen.json").read_text("utf-8"))
    assert seen["methodes/jury.md"] == [True, True, True]
    index = json.loads((built.site_dir / "search/search_index.json").read_text("utf-8"))
    entry = next(doc for doc in index["docs"] if doc["location"] == "methodes/jury/")
    assert entry["text"].startswith("<p>Méthode · Des citoyens tirés au sort</p>")
    assert "participation-body" not in entry["text"]
