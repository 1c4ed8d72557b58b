"""The plugin's options, defined once in ``config.py``: the build and ``check`` validate
them with the same classes, defaults and words."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from mkdocs_participation.config import (
    ParticipationConfig,
    card_settings,
    generated_pages,
    image_options,
    load_options,
    with_options,
)
from mkdocs_participation.core.checking import as_github, as_json, as_text, check_site
from mkdocs_participation.core.problems import Problem, Severity
from mkdocs_participation.core.site_config import find_config, read_site_config
from mkdocs_participation.plugin import ParticipationPlugin

from .core.test_checking import GOOD_CASE, GOOD_METHOD, write
from .sites import card

UNKNOWN_FACET = "catalogues.methode.facets: 'couleur' cannot be a facet of methode cards"


BROKEN_LABEL = (
    "labels.video_open: a '{' or '}' that is not part of a placeholder, the default label is "
    "used (write a literal brace as {{ or }})"
)


BROKEN_OPTIONS = """plugins:
  - participation:
      labels:
        video_open: Voir la vidéo sur {provider
      catalogues:
        methode:
          facets: [niveau, couleur]
"""


CONFIG = """\
site_name: Essai
theme:
  name: material
  language: fr
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
plugins:
  - search
  - participation:
      folders:
        fiches: methode
        cas: exemple
      images: medias
      vocabularies:
        cout:
          gratuit: Gratuit
      labels:
        video_open: Regarder sur {provider}
        search: Chercher
      catalogues:
        outil: ""
        methode:
          facets: [niveau, cout]
        exemple:
          columns: [title, date]
"""


def test_mkdocs_yml_options_are_the_ones_the_plugin_uses(tmp_path):
    report = check(
        tmp_path,
        {
            "docs/fiches/atelier.md": GOOD_METHOD.replace("faible", "gratuit").replace(
                "tagline", "img-bg: photo.png\ntagline"
            ),
            "docs/medias/photo.png": b"\x89PNG",
            "docs/cas/demarche.md": GOOD_CASE,
            "docs/methodes/ignored.md": "not a card: no front matter",
        },
        CONFIG,
    )
    assert report.problems == []
    assert {card.path: card.kind for card in report.cards} == {
        "fiches/atelier.md": "methode",
        "cas/demarche.md": "exemple",
    }


def test_plugins_written_as_a_mapping_are_read(tmp_path):
    write(
        tmp_path,
        {
            "mkdocs.yml": "plugins:\n  participation:\n    language: en\n"
            "    missing_images: info\n    sentinels: [Autre, Divers]\n"
        },
    )
    site = with_options(read_site_config(find_config(tmp_path)))
    assert site.has_plugin and site.language == "en"
    assert site.images.missing is Severity.INFO
    assert site.sentinels == ("Autre", "Divers")


@pytest.mark.parametrize(
    ("options", "key"),
    [
        ("folders: [methodes]", "folders"),
        ("folders: {fiches: recette}", "folders"),
        ("vocabularies: [cout]", "vocabularies"),
        ("labels: [search]", "labels"),
        ("labels: {search: [Chercher]}", "labels"),
        ("catalogues: {methode: [fiches/]}", "catalogues.methode.url"),
        ("catalogues: {methode: {facets: niveau}}", "catalogues.methode.facets"),
        ("facets: {methode: niveau}", "catalogues.methode.facets"),
        ("columns: [title]", "columns"),
        ("images: {missing: souvent}", "images.missing"),
        ("exports: oui", "exports.enabled"),
        ("comparison: [comparer/]", "comparison"),
        ("comparison: {outil: [comparer-outils/]}", "comparison.outil"),
    ],
)
def test_invalid_plugin_options_are_errors_located_in_mkdocs_yml(tmp_path, options, key):
    report = check(
        tmp_path,
        {"docs/methodes/a.md": GOOD_METHOD},
        f"plugins:\n  - participation:\n      {options}\n",
    )
    [problem] = report.problems
    assert (problem.path, problem.key, problem.severity) == ("mkdocs.yml", key, Severity.ERROR)
    assert [card.path for card in report.cards] == ["methodes/a.md"]


def test_info_problems_are_printed_but_do_not_fail(tmp_path):
    config = "plugins:\n  - participation:\n      images: {missing: info}\n"
    report = check(
        tmp_path,
        {"docs/methodes/a.md": GOOD_METHOD.replace("cout: faible", "img-bg: absente.png")},
        config,
    )
    assert [p.severity for p in report.problems] == [Severity.INFO]
    assert not report.failed


def test_the_plugins_own_options_are_reported_first_in_every_format(tmp_path):
    report = check(tmp_path, {"docs/methodes/a.md": "---\ntitle: A\n---\n"}, BROKEN_OPTIONS)
    assert report.failed
    assert as_text(report, tmp_path) == [
        f"mkdocs.yml: {UNKNOWN_FACET}",
        f"mkdocs.yml: {BROKEN_LABEL}",
        "docs/methodes/a.md: missing required key 'tagline' (add a line 'tagline: …')",
    ]
    assert as_text(report, tmp_path / "docs")[:1] == [
        f"{(tmp_path / 'mkdocs.yml').resolve().as_posix()}: {UNKNOWN_FACET}"
    ]
    assert as_github(report, tmp_path)[:2] == [
        "::warning file=mkdocs.yml,title=catalogues.methode.facets::'couleur' cannot be "
        "a facet of methode cards",
        "::warning file=mkdocs.yml,title=labels.video_open::a '{' or '}' that is not part of a "
        "placeholder, the default label is used (write a literal brace as {{ or }})",
    ]
    [facet, label, _] = json.loads(as_json(report, tmp_path))["problems"]
    assert (facet["file"], facet["line"], facet["key"], facet["severity"]) == (
        "mkdocs.yml",
        None,
        "catalogues.methode.facets",
        "warning",
    )
    assert label["text"] == f"mkdocs.yml: {BROKEN_LABEL}"


def test_the_options_are_reported_with_the_whole_docs_folder_not_with_a_card(tmp_path):
    check(tmp_path, {"docs/methodes/a.md": GOOD_METHOD}, BROKEN_OPTIONS)
    site = with_options(read_site_config(find_config(tmp_path)))
    assert len(check_site(site, ".").problems) == 2
    assert check_site(site, "methodes").problems == []
    assert check_site(site, "methodes/a.md").problems == []


def check(root: Path, files: dict[str, str | bytes], config: str | None = None, only=None):
    write(root, {**files, **({"mkdocs.yml": config} if config else {})})
    return check_site(with_options(read_site_config(find_config(root), root / "docs")), only)


# Bad option sets, each run through the build and through check (see the test below them).
BAD_OPTIONS = {
    "choice": {"images": {"missing": "souvent"}},
    "shorthand of the wrong type": {"images": 3},
    "enabled not a boolean": {"exports": "oui"},
    "list expected": {"catalogues": {"methode": {"facets": "niveau"}}},
    "unknown kind": {"folders": {"fiches": "recette"}},
    "unknown option": {"imagez": "medias"},
    "unknown sub-option": {"catalogues": {"methode": {"adresse": "fiches/"}}},
    "unknown facet": {"catalogues": {"methode": {"facets": ["couleur"]}}},
    "old key, unknown facet": {"facets": {"methode": ["couleur"]}},
    "broken label": {"labels": {"video_open": "Voir sur {provider"}},
    "folder out of the site": {"exports": {"folder": "../dehors"}},
    "glossary out of the site": {"glossary": "../lexique/"},
    "tools comparison out of the site": {"comparison": {"outil": "../outils/"}},
    "a kind that is not compared": {"comparison": {"exemple": "comparer-exemples/"}},
    "unknown vocabulary": {"vocabularies": {"niveaux": {"informer": "Informer"}}},
}


def said_by_build(problem: Problem, messages: list[str]) -> bool:
    """Whether the build said ``problem``: in our own line, or in MkDocs' words for an option
    it refused or did not know ("Plugin 'participation' option 'images.missing': …")."""
    mkdocs_words = f"Plugin 'participation' option '{problem.key}': {problem.message}"
    return any(str(problem) in line or mkdocs_words in line for line in messages)


@pytest.mark.parametrize("options", BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
def test_the_build_and_check_find_the_same_problems_in_bad_options(site, options, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.mkdocs_participation")
    built = site({"methodes/a.md": card("title: A\ntagline: B")}, strict=False, plugin=options)
    messages = [text for _, text in built.messages]
    about_options = [
        line
        for line in messages
        if "mkdocs_participation: mkdocs.yml:" in line or "Plugin 'participation' option" in line
    ]
    ours = [line.removeprefix("mkdocs_participation: ") for line in messages]
    report = check_site(with_options(read_site_config(built.root / "mkdocs.yml")))
    found = [problem for problem in report.problems if problem.path == "mkdocs.yml"]
    assert found
    assert [problem for problem in found if not said_by_build(problem, messages)] == []
    assert len(found) == len(about_options)
    # An option MkDocs refuses stops the build, even without --strict; check calls it an error.
    refused = [
        problem
        for problem in found
        if problem.severity is Severity.ERROR and str(problem) not in ours
    ]
    assert built.ok == (refused == [])


def test_the_build_and_check_start_from_the_same_defaults():
    plugin = ParticipationPlugin()
    failed, warnings = plugin.load_config({})
    checked, *_ = load_options({}, None)
    assert (failed, warnings) == ([], [])
    assert dict(plugin.config) == dict(checked)
    site = with_options(read_site_config(None, Path("absent")))
    assert site.folders == dict(plugin.config.folders)
    assert site.images == image_options(plugin.config)
    assert site.settings == card_settings(plugin.config, "fr")
    assert site.sentinels == tuple(plugin.config.sentinels)
    assert isinstance(plugin.config, ParticipationConfig)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ({"missing_images": "info"}, {"images": {"missing": "info"}}),
        (
            {"exports_folder": "data", "licence": "CC0"},
            {"exports": {"folder": "data", "licence": "CC0"}},
        ),
        ({"licence_url": ""}, {"exports": {"licence_url": ""}}),
        (
            {
                "catalogues": {"outil": "outils/"},
                "facets": {"outil": ["licence"]},
                "columns": {"methode": ["title"]},
            },
            {
                "catalogues": {
                    "outil": {"url": "outils/", "facets": ["licence"]},
                    "methode": {"columns": ["title"]},
                }
            },
        ),
    ],
)
def test_the_flat_keys_of_earlier_releases_are_read_with_a_note(old, new):
    config, failed, warnings = load_options(old, None)
    expected, *_ = load_options(new, None)
    assert (failed, warnings) == ([], [])
    for group in ("images", "exports", "catalogues"):
        assert config[group] == expected[group]


def test_a_flat_key_gives_an_info_line_naming_its_new_place(tmp_path):
    report = check(
        tmp_path,
        {"docs/methodes/a.md": GOOD_METHOD},
        "plugins:\n  - participation:\n"
        "      missing_images: info\n      images: {folder: medias}\n",
    )
    assert as_text(report, tmp_path) == [
        "mkdocs.yml: missing_images: this key is now written 'images.missing'; it is still read "
        "for now (move it under 'images')"
    ]
    assert not report.failed
    assert report.site.images.folder == "medias"
    assert report.site.images.missing is Severity.INFO


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, {"methode": "comparer/", "outil": "comparer-outils/"}),
        ("comparaison/", {"methode": "comparaison/", "outil": "comparer-outils/"}),
        ("", {"methode": "", "outil": "comparer-outils/"}),
        ({"outil": "outils/comparer/"}, {"methode": "comparer/", "outil": "outils/comparer/"}),
        ({"methode": "", "outil": ""}, {"methode": "", "outil": ""}),
    ],
)
def test_each_compared_kind_has_a_comparison_address_and_the_address_alone_is_the_methods(
    given, expected
):
    config, failed, warnings = load_options({} if given is None else {"comparison": given}, None)
    assert (failed, warnings) == ([], [])
    assert config.comparison == expected
    pages = {key: url for key, url in generated_pages(config).items() if key.startswith("comp")}
    assert pages == {f"comparison.{kind}": url for kind, url in expected.items() if url}


def test_a_kind_the_model_does_not_compare_is_a_warning_and_left_out():
    config, failed, warnings = load_options({"comparison": {"exemple": "x/"}}, None)
    assert failed == []
    assert warnings == [
        (
            "comparison.exemple",
            "exemple cards are not compared; this line is not used (the compared kinds: "
            "methode, outil)",
        )
    ]
    assert "exemple" not in config.comparison


def test_a_value_at_the_new_place_wins_over_the_flat_key():
    config, *_ = load_options({"exports_folder": "ancien", "exports": {"folder": "nouveau"}}, None)
    assert config.exports.folder == "nouveau"
