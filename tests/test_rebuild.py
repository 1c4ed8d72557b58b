"""Rebuilds as `mkdocs serve` runs them keep the plugin object and the cards it read: after an
edit, a rename, a deletion or an options change, the site is the one a clean build gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import jinja2
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_participation import plugin as plugin_module
from mkdocs_participation.core.catalogue.render import CatalogueRenderer
from mkdocs_participation.core.model.kinds import CARD_PAGE
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
    "outils/agora.md": card("title: Agora\ntagline: Une plateforme\nmethodes: [jury]"),
}


PAGES = (
    "index.html",
    "methodes/jury/index.html",
    "methodes/atelier/index.html",
    "methodes/forum/index.html",
    "outils/agora/index.html",
)


@pytest.fixture(params=[False], ids=["serve"])
def serving(request, tmp_path, monkeypatch):
    """A site built once as serve builds it (with --dirty if the test's parameter says so);
    returns the rebuild, which keeps the plugin."""
    dirty = request.param
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    write_tree(tmp_path / "docs", DOCS)
    configure(tmp_path, {})
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
    config.plugins.on_startup(command="serve", dirty=dirty)
    plugins = []

    def rebuild() -> None:
        config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
        plugins.append(config.plugins["participation"])
        build(config, dirty=dirty)

    rebuild()
    yield rebuild
    # The plugin object is MkDocs' for the whole process: later builds are not serve's.
    config.plugins.on_startup(command="build", dirty=False)
    assert all(plugin is plugins[0] for plugin in plugins), "serve keeps the plugin object"
    assert isinstance(plugins[0], ParticipationPlugin)


def configure(root, options: dict) -> None:
    settings = {**BASE_CONFIG, "plugins": ["search", {"participation": options}]}
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


def served_text(root, page: str) -> str:
    return (root / "served" / page / "index.html").read_text("utf-8")


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


def test_a_card_edit_remakes_its_page_and_its_neighbours_only(serving, tmp_path, monkeypatch):
    made: list[str] = []
    real = plugin_module.card_view

    def counted(card, cards, wording):
        made.append(card.path)
        return real(card, cards, wording)

    monkeypatch.setattr(plugin_module, "card_view", counted)
    agora = tmp_path / "docs/outils/agora.md"
    agora.write_text(agora.read_text("utf-8").replace("title: Agora", "title: Agora 2"), "utf-8")
    serving()
    # The tool's page, and the page of the method it names (which lists its tools); not the
    # two other methods' pages.
    assert sorted(made) == ["methodes/jury.md", "outils/agora.md"]
    assert "Agora 2" in (tmp_path / "served/methodes/jury/index.html").read_text("utf-8")
    # The tools' comparison column, and the jury's row of tools in the methods' comparison.
    for data in ("tools.json", "methods.json"):
        assert "Agora 2" in (tmp_path / "served/assets/participation" / data).read_text("utf-8")
    same_as_clean(tmp_path)
    made.clear()
    serving()
    assert made == []
    same_as_clean(tmp_path)


def test_only_the_edited_cards_markdown_is_rewritten_again(serving, tmp_path, monkeypatch):
    rewritten: list[str] = []
    real = plugin_module.normalise_body

    def counted(markdown, heading_level):
        rewritten.append(markdown)
        return real(markdown, heading_level)

    monkeypatch.setattr(plugin_module, "normalise_body", counted)
    atelier = tmp_path / "docs/methodes/atelier.md"
    atelier.write_text(atelier.read_text("utf-8").replace("Une journée.", "Deux jours."), "utf-8")
    serving()
    assert len(rewritten) == 1 and "Deux jours." in rewritten[0]
    assert "Deux jours." in served_text(tmp_path, "methodes/atelier")
    same_as_clean(tmp_path)
    rewritten.clear()
    serving()
    assert rewritten == []


def test_the_search_index_reads_again_only_the_edited_cards_page(serving, tmp_path, monkeypatch):
    read: list[str] = []
    real = plugin_module.CompactSearch._read

    def counted(self, page, text):
        read.append(page.file.src_uri)
        return real(self, page, text)

    monkeypatch.setattr(plugin_module.CompactSearch, "_read", counted)
    atelier = tmp_path / "docs/methodes/atelier.md"
    atelier.write_text(atelier.read_text("utf-8").replace("Une journée.", "Deux jours."), "utf-8")
    serving()
    cards = [path for path in DOCS if path != "index.md"]
    assert [path for path in read if path in cards] == ["methodes/atelier.md"]
    index = json.loads((tmp_path / "served/search/search_index.json").read_text("utf-8"))
    assert any("Deux jours." in entry["text"] for entry in index["docs"])
    same_as_clean(tmp_path)
    read.clear()
    serving()
    assert [path for path in read if path in cards] == []
    same_as_clean(tmp_path)


def test_a_card_edit_renders_again_only_its_catalogue_entry(serving, tmp_path, monkeypatch):
    rendered: list[str] = []
    real = CatalogueRenderer._entry

    def counted(self, entry, level, base_url):
        rendered.append(entry.slug)
        return real(self, entry, level, base_url)

    monkeypatch.setattr(CatalogueRenderer, "_entry", counted)
    atelier = tmp_path / "docs/methodes/atelier.md"
    edited = atelier.read_text("utf-8").replace("habitants délibèrent", "journées à débattre")
    atelier.write_text(edited, "utf-8")
    serving()
    assert rendered == ["atelier"] * 2, "for the home page and for the catalogue page"
    assert "journées à débattre" in (tmp_path / "served/index.html").read_text("utf-8")
    same_as_clean(tmp_path)
    rendered.clear()
    serving()
    assert rendered == []
    same_as_clean(tmp_path)


@pytest.mark.parametrize("serving", [True], ids=["serve --dirty"], indirect=True)
def test_serve_dirty_builds_the_edited_card_and_the_pages_that_show_it(serving, tmp_path):
    served = tmp_path / "served"
    before = {page: (served / page).stat().st_mtime_ns for page in PAGES}
    jury = tmp_path / "docs/methodes/jury.md"
    jury.write_text(jury.read_text("utf-8").replace("title: Jury citoyen", "title: Jury"), "utf-8")
    later = jury.stat().st_mtime + 2
    os.utime(jury, (later, later))
    serving()
    built = {page for page in PAGES if (served / page).stat().st_mtime_ns != before[page]}
    # The card, the tool that lists it, the catalogue: not the other methods.
    assert built == {"methodes/jury/index.html", "outils/agora/index.html", "index.html"}
    for page in built:
        assert ">Jury<" in (served / page).read_text("utf-8"), page


def test_an_options_change_reads_the_cards_again(serving, tmp_path):
    configure(tmp_path, {"vocabularies": {"cout": {"faible": "Bon marché"}}})
    serving()
    assert "Bon marché" not in (tmp_path / "served/methodes/atelier/index.html").read_text("utf-8")
    configure(tmp_path, {"vocabularies": {"cout": {"moyen": "Abordable"}}})
    serving()
    assert "Abordable" in (tmp_path / "served/methodes/atelier/index.html").read_text("utf-8")
    same_as_clean(tmp_path)


def test_a_new_build_compiles_only_the_templates_that_changed(tmp_path, monkeypatch):
    """The templates compiled by a build are kept in the plugin's cache: the next build
    process takes them from there, but for a template whose source changed."""
    write_tree(tmp_path / "docs", DOCS)
    write_tree(tmp_path / "overrides", {CARD_PAGE: "{{ participation.title }}\n"})
    settings = {**BASE_CONFIG, "plugins": ["participation"]}
    settings["theme"] = {**settings["theme"], "custom_dir": "overrides"}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    compiled: list[str] = []
    real = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, *args, **kwargs):
        compiled.append(str(name))
        return real(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)

    def build_process() -> str:
        """A build with what a new process has: no template compiled yet."""
        monkeypatch.setattr(plugin_module, "COMPILED", plugin_module.CompiledTemplates())
        compiled.clear()
        build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
        return (tmp_path / "site/methodes/jury/index.html").read_text("utf-8")

    build_process()
    assert CARD_PAGE in compiled and "main.html" in compiled
    first = set(compiled)
    kept = tmp_path / plugin_module.TEMPLATES
    assert len(list(kept.iterdir())) >= len(first - {None, "None"})
    assert "Jury citoyen" in build_process()
    assert not {CARD_PAGE, "main.html"} & set(compiled)
    (tmp_path / "overrides" / CARD_PAGE).write_text("Changé {{ participation.title }}\n")
    assert "Changé Jury citoyen" in build_process()
    assert CARD_PAGE in compiled and "main.html" not in compiled


def word_forms(site) -> dict[str, tuple]:
    """The other forms of the words of each page of ``site``'s search index."""
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert {"title_forms", "text_forms"} <= set(index["config"]["fields"])
    return {
        doc["location"]: (doc.get("title_forms"), doc.get("text_forms"))
        for doc in index["docs"]
        if "#" not in doc["location"]
    }


@pytest.mark.parametrize("serving", [True], ids=["serve --dirty"], indirect=True)
def test_the_search_forms_after_a_dirty_rebuild_are_those_of_a_clean_build(serving, tmp_path):
    jury = tmp_path / "docs/methodes/jury.md"
    text = jury.read_text("utf-8")
    for edit, found in (("Des ateliers.", True), ("Des jurés.", False)):
        jury.write_text(text.replace("Trois week-ends.", edit), "utf-8")
        later = jury.stat().st_mtime + 2
        os.utime(jury, (later, later))
        serving()
        clean_build(tmp_path)
        served = word_forms(tmp_path / "served")
        assert served == word_forms(tmp_path / "clean")
        # The atelier's page, not built again, is found by the plural the jury now uses.
        assert ("ateliers" in (served["methodes/atelier/"][0] or "")) is found
