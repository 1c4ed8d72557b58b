"""Rebuilds as `mkdocs serve` runs them keep the plugin object and the cards it read: after an
edit, a rename, a deletion or an options change, the site is the one a clean build gives."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_participation.plugin import ParticipationPlugin

from .sites import BASE_CONFIG, card, write_tree
from .test_reproducible import differing, digests

DOCS = {
    "index.md": "# Boîte à outils\n\n<!-- participation:catalogue methode -->\n",
    "methodes/jury.md": card(
        "title: Jury citoyen\ntagline: Des citoyens tirés au sort\nniveau: concerter\n"
        "cout: eleve\natouts: [Un avis éclairé]",
        "## Déroulé\n\nTrois week-ends.\n",
    ),
    "methodes/atelier.md": card(
        "title: Atelier citoyen\ntagline: Des habitants délibèrent\nniveau: consulter\ncout: moyen",
        "## Déroulé\n\nUne journée.\n",
    ),
    "methodes/forum.md": card("title: Forum ouvert\ntagline: Chacun propose\nniveau: informer"),
}


@pytest.fixture
def serving(tmp_path, monkeypatch):
    """A site built once as serve builds it; returns the rebuild, which keeps the plugin."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    write_tree(tmp_path / "docs", DOCS)
    configure(tmp_path, {})
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugins = []

    def rebuild() -> None:
        config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
        plugins.append(config.plugins["participation"])
        build(config)

    rebuild()
    yield rebuild
    # The plugin object is MkDocs' for the whole process: later builds are not serve's.
    config.plugins.on_startup(command="build", dirty=False)
    assert all(plugin is plugins[0] for plugin in plugins), "serve keeps the plugin object"
    assert isinstance(plugins[0], ParticipationPlugin)


def configure(root, options: dict) -> None:
    settings = {**BASE_CONFIG, "plugins": [{"participation": options}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")


def clean_build(root) -> dict[str, str]:
    """The site a fresh `mkdocs build` process makes of the same sources."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(root / "clean"),
        ],
        check=True,
    )
    return digests(root / "clean")


def same_as_clean(root) -> None:
    served = digests(root / "served")
    assert differing(served, clean_build(root)) == set()


def test_an_edited_card_shows_its_new_values_everywhere(serving, tmp_path):
    jury = tmp_path / "docs/methodes/jury.md"
    jury.write_text(jury.read_text("utf-8").replace("cout: eleve", "cout: faible"), "utf-8")
    serving()
    assert "Faible" in (tmp_path / "served/methodes/jury/index.html").read_text("utf-8")
    same_as_clean(tmp_path)


def test_a_renamed_card_moves_and_leaves_no_trace(serving, tmp_path):
    (tmp_path / "docs/methodes/atelier.md").rename(tmp_path / "docs/methodes/atelier-citoyen.md")
    serving()
    words = (tmp_path / "served/assets/participation/words-methode.json").read_text("utf-8")
    assert '"atelier-citoyen"' in words and '"atelier"' not in words
    same_as_clean(tmp_path)


def test_a_deleted_card_leaves_the_catalogue_and_the_guides(serving, tmp_path):
    (tmp_path / "docs/methodes/forum.md").unlink()
    serving()
    methods = (tmp_path / "served/assets/participation/methods.json").read_text("utf-8")
    assert "Forum ouvert" not in methods
    same_as_clean(tmp_path)


def test_an_options_change_reads_the_cards_again(serving, tmp_path):
    configure(tmp_path, {"vocabularies": {"cout": {"faible": "Bon marché"}}})
    serving()
    assert "Bon marché" not in (tmp_path / "served/methodes/atelier/index.html").read_text("utf-8")
    configure(tmp_path, {"vocabularies": {"cout": {"moyen": "Abordable"}}})
    serving()
    assert "Abordable" in (tmp_path / "served/methodes/atelier/index.html").read_text("utf-8")
    same_as_clean(tmp_path)
