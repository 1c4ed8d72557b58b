"""`mkdocs-participation build-data`: the files Zensical needs, written into the docs folder;
the MkDocs build is the same whether it ran or not."""

from __future__ import annotations

from mkdocs_participation.cli import main
from mkdocs_participation.core.datafiles import MANIFEST, generated_files

from .sites import card, run_build

DOCS = {
    "index.md": "# Accueil\n",
    "methodes/atelier.md": card(
        "title: Atelier citoyen\ntagline: Délibérer\nniveau: concerter\natouts: [Un avis]"
    ),
    "outils/vote.md": card("title: Outil de vote\ntagline: Voter\nniveau: consulter"),
}
PAGES = ("", "methodes/", "methodes/atelier/", "outils/", "comparer/", "choisir/")
FILES = ("donnees/fiches.json", "donnees/fiches.csv", "assets/participation/participation.js")


def test_build_data_writes_what_the_plugin_generates_and_mkdocs_ignores_it(site, capsys):
    before = site(DOCS)
    assert before.ok, before.problems
    pages = {url: before.html(url) for url in PAGES}
    files = {path: (before.site_dir / path).read_bytes() for path in FILES}

    assert main(["build-data", str(before.root)]) == 0
    written = generated_files(before.docs_dir)
    assert {
        "methodes/index.md",
        "outils/index.md",
        "comparer/index.md",
        "choisir/index.md",
        "donnees/fiches.json",
        "donnees/fiches.atom",
        "assets/participation/participation.css",
    } <= set(written)
    assert "<!-- participation:catalogue methode -->" in (
        before.docs_dir / "methodes" / "index.md"
    ).read_text(encoding="utf-8")
    assert f"listed in {before.docs_dir / MANIFEST}" in capsys.readouterr().err

    after = run_build(before.root / "mkdocs.yml", before.root)
    assert after.ok, after.problems
    assert {url: after.html(url) for url in PAGES} == pages
    assert {path: (after.site_dir / path).read_bytes() for path in FILES} == files


def test_an_authors_page_is_never_overwritten(site, capsys):
    own = "# Nos méthodes\n\n<!-- participation:catalogue methode -->\n"
    built = site({**DOCS, "methodes/index.md": own})
    assert main(["build-data", str(built.root)]) == 0
    assert (built.docs_dir / "methodes" / "index.md").read_text(encoding="utf-8") == own
    assert "methodes/index.md" not in generated_files(built.docs_dir)
    assert "methodes/index.md is the site's own: left as it is" in capsys.readouterr().err


def test_a_card_problem_is_reported_and_fails_the_command(site, capsys):
    built = site(
        {**DOCS, "methodes/faux.md": card("title: Faux\ntagline: Faux\nniveau: tout")}, strict=False
    )
    assert main(["build-data", str(built.root)]) == 1
    assert "methodes/faux.md:4: niveau: 'tout' is not in the vocabulary" in capsys.readouterr().err
