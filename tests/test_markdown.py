"""The Python-Markdown extension: inert outside Zensical, the card pages, catalogues and guides
under Zensical's rendering context, one reading of the docs folder per state of its files."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
import yaml
from zensical.extensions.context import ContextExtension, Page

from mkdocs_participation import markdown as extension

from .sites import card, write_tree

ATELIER = card(
    """
title: Atelier citoyen
tagline: Des habitants délibèrent
niveau: concerter
owner: DITP
contact: atelier@example.org
atouts: [Un avis éclairé]
""",
    "Le **déroulé** de l’atelier.\n",
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    write_tree(
        tmp_path,
        {
            "mkdocs.yml": "site_name: Test\nplugins:\n  - participation\n",
            "docs/index.md": "# Accueil\n",
            "docs/methodes/atelier.md": ATELIER,
            "docs/liste.md": "# Liste\n\n<!-- participation:catalogue methode -->\n",
        },
    )
    extension._SITES.clear()
    return tmp_path


def render(root: Path, path: str, url: str, **options) -> tuple[str, Page, markdown.Markdown]:
    """Render docs file ``path`` as Zensical does: its body, its front matter as metadata."""
    text = (root / "docs" / path).read_text(encoding="utf-8")
    meta: dict = {}
    if text.startswith("---\n"):
        _, front, text = text.split("---\n", 2)
        meta = yaml.safe_load(front)
    page = Page(url=url, path=path, meta=meta)
    config = {"root_dir": str(root), "docs_dir": "docs", "theme": {"language": "fr"}}
    md = markdown.Markdown(
        extensions=[
            ContextExtension(page=page, config=config),
            "toc",
            extension.makeExtension(**options),
        ]
    )
    return md.convert(text), page, md


def test_without_zensical_context_the_extension_changes_nothing():
    text = "# Titre\n\n<!-- participation:catalogue methode -->\n\nDu **texte**.\n"
    assert markdown.markdown(text, extensions=["mkdocs_participation.markdown"]) == (
        markdown.markdown(text)
    )


def test_a_card_page_gets_its_whole_content_and_loses_its_front_matter(site):
    html, page, md = render(site, "methodes/atelier.md", "methodes/atelier/")
    assert "<h1>Atelier citoyen</h1>" in html
    assert "<dd>Concerter</dd>" in html
    assert '<a href="mailto:atelier@example.org">' in html
    assert "<li>Un avis éclairé</li>" in html
    assert "Le <strong>déroulé</strong> de l’atelier." in html
    assert page.meta == {"title": "Atelier citoyen"}
    assert page.title == "Atelier citoyen"
    assert [token["id"] for token in md.toc_tokens] == ["atouts"]


def test_a_catalogue_marker_gets_the_catalogue_with_links_from_the_page_file(site):
    html, _, _ = render(site, "liste.md", "liste/")
    assert "participation:catalogue" not in html
    assert 'data-slug="atelier"' in html
    # Relative to the Markdown file, as Zensical expects links in a page's HTML to be.
    assert '<a href="./methodes/atelier/">Atelier citoyen</a>' in html


def test_an_unknown_catalogue_kind_is_reported_with_file_and_line(site, capsys):
    (site / "docs" / "liste.md").write_text(
        "# Liste\n\n<!-- participation:catalogue methodes -->\n", encoding="utf-8"
    )
    html, _, _ = render(site, "liste.md", "liste/")
    assert "<!-- participation:catalogue methodes -->" in html
    assert "liste.md:3: unknown kind of card 'methodes'" in capsys.readouterr().err


def test_the_comparison_page_of_the_plugin_renders_under_the_themes_page(site):
    write_tree(
        site / "docs",
        {"comparer/index.md": "---\ntemplate: participation/comparison.html\n---\n\n# Comparer\n"},
    )
    html, page, _ = render(site, "comparer/index.md", "comparer/")
    assert "template" not in page.meta
    assert html.startswith("<h1")
    assert "data-participation-comparison" in html


def test_options_come_from_mkdocs_yml_and_a_wrong_one_is_reported(site, capsys):
    (site / "mkdocs.yml").write_text(
        "site_name: Test\nplugins:\n  - participation:\n      heading_level: 7\n"
        "      labels: {facts: Repères}\n",
        encoding="utf-8",
    )
    html, _, _ = render(site, "methodes/atelier.md", "methodes/atelier/")
    assert ">Repères</h2>" in html
    assert "mkdocs.yml: heading_level:" in capsys.readouterr().err


def test_the_extensions_own_options_override_mkdocs_yml(site):
    html, _, _ = render(site, "methodes/atelier.md", "methodes/atelier/", labels={"facts": "Vu"})
    assert ">Vu</h2>" in html


def test_the_docs_folder_is_read_once_per_build_and_again_when_a_page_changes(site):
    config = {"root_dir": str(site), "docs_dir": "docs"}
    first = extension.site_for(config, {}, "index.md")
    assert extension.site_for(config, {}, "liste.md") is first
    path = site / "docs" / "methodes" / "atelier.md"
    path.write_text(ATELIER.replace("Atelier citoyen", "Atelier des habitants"), "utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    # Within a build, another page does not look at the other files...
    assert extension.site_for(config, {}, "liste.md") is first
    # ...the changed page does, and so does the next build (a new configuration).
    changed = extension.site_for(config, {}, "methodes/atelier.md")
    assert changed is not first
    assert changed.card_title("methodes/atelier.md") == "Atelier des habitants"
    rebuilt = {**config}
    assert extension.site_for(rebuilt, {}, "index.md") is changed
