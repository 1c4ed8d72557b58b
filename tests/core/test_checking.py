"""`check` in the core: site options read from mkdocs.yml, every card and reference checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_participation.core.checking import as_github, as_json, as_text, check_site
from mkdocs_participation.core.problems import Severity
from mkdocs_participation.core.site_config import (
    SiteConfigError,
    find_config,
    read_site_config,
)

GOOD_METHOD = "---\ntitle: L’atelier\ntagline: Une phrase\ncout: faible\n---\n\nTexte.\n"
GOOD_CASE = "---\ntitle: Une démarche\nmethodes:\n- L'atelier\n---\n"


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(
            content if isinstance(content, bytes) else content.encode("utf-8")
        )


def check(root: Path, files: dict[str, str | bytes], config: str | None = None, only=None):
    write(root, {**files, **({"mkdocs.yml": config} if config else {})})
    return check_site(read_site_config(find_config(root), root / "docs"), only)


def test_a_clean_site_has_no_problem(tmp_path):
    report = check(
        tmp_path,
        {
            "docs/methodes/atelier.md": GOOD_METHOD,
            "docs/exemples/demarche.md": GOOD_CASE,
            "docs/index.md": "# Accueil\n",
        },
    )
    assert report.problems == []
    assert not report.failed
    assert sorted(card.path for card in report.cards) == [
        "exemples/demarche.md",
        "methodes/atelier.md",
    ]
    assert as_text(report, tmp_path) == []


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        (
            "---\ntitle: A\ntagline: B\ncouts: faible\n---\n",
            "docs/methodes/a.md:4: couts: unknown key; it is not shown (did you mean 'cout'?)",
        ),
        (
            "---\ntitle: A\n---\n",
            "docs/methodes/a.md: missing required key 'tagline' (add a line 'tagline: …')",
        ),
        (
            "---\ntitle: A\ntagline: B\ncout: gratuit\n---\n",
            "docs/methodes/a.md:4: cout: 'gratuit' is not in the vocabulary "
            "(one of: faible, moyen, eleve)",
        ),
        (
            "---\ntitle: A\ntagline: B: C\n---\n",
            "docs/methodes/a.md:3: invalid YAML: mapping values are not allowed in this context "
            "(put quotes around a value that contains ': ')",
        ),
        (
            "---\ntitle: A\ntagline: B\nimg-bg: absente.png\n---\n",
            "docs/methodes/a.md:4: img-bg: image not found: 'absente.png' "
            "(add the file images/absente.png or empty the key)",
        ),
        (
            "---\ntitle: A\ntagline: B\nmethodes_liees:\n- Atelier inconnu\n---\n",
            "docs/methodes/a.md:5: methodes_liees: no methode card named 'Atelier inconnu'",
        ),
    ],
    ids=["unknown-key", "missing-key", "vocabulary", "yaml", "image", "reference"],
)
def test_each_kind_of_error_is_one_located_line(tmp_path, card, expected):
    report = check(tmp_path, {"docs/methodes/a.md": card})
    lines = as_text(report, tmp_path)
    assert len(lines) == 1
    assert lines[0].startswith(expected)
    assert report.failed


def test_a_file_that_is_not_utf8_is_an_error_not_a_crash(tmp_path):
    report = check(tmp_path, {"docs/methodes/a.md": "---\ntitle: Café\n---\n".encode("latin-1")})
    [problem] = report.problems
    assert problem.severity is Severity.ERROR
    assert (problem.line, problem.message) == (2, "not UTF-8 text (byte 0xe9); shown as \ufffd")
    assert report.cards[0].title == "Caf\ufffd"


def test_python_and_environment_tags_in_mkdocs_yml_are_tolerated(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_DOCS", "contenu")
    write(
        tmp_path,
        {
            "mkdocs.yml": "docs_dir: !ENV [SITE_DOCS, docs]\n"
            "extra: !!python/object/apply:os.getcwd []\n"
            "hooks: [!relative $config_dir/hooks.py]\n"
        },
    )
    site = read_site_config(find_config(tmp_path))
    assert site.docs_dir == (tmp_path / "contenu").resolve()
    assert not site.has_plugin
    assert site.folder_for("methode") == "methodes"


def test_a_config_nested_too_deeply_is_refused_with_the_file_named(tmp_path):
    write(tmp_path, {"mkdocs.yml": "extra: " + "[" * 5000 + "]" * 5000 + "\n"})
    with pytest.raises(SiteConfigError, match=r"mkdocs\.yml: cannot read it: nested too deeply"):
        read_site_config(find_config(tmp_path))


def test_config_is_found_from_a_card_inside_the_site(tmp_path):
    write(tmp_path, {"mkdocs.yml": "site_name: x\n", "docs/methodes/a.md": GOOD_METHOD})
    assert find_config(tmp_path / "docs" / "methodes" / "a.md") == (tmp_path / "mkdocs.yml")


def test_hidden_and_excluded_files_are_not_checked(tmp_path):
    report = check(
        tmp_path,
        {
            "docs/methodes/.brouillon.md": "---\ntitle: A\n---\n",
            "docs/methodes/modeles/a.md": "---\ntitle: A\n---\n",
            "docs/templates/methodes.md": "---\ntitle: A\n---\n",
        },
        "exclude_docs: |\n  methodes/modeles/\n",
    )
    assert report.cards == []


def test_only_the_asked_cards_are_reported_but_references_see_every_card(tmp_path):
    report = check(
        tmp_path,
        {
            "docs/methodes/atelier.md": GOOD_METHOD,
            "docs/methodes/cassee.md": "---\ntitle: A\n---\n",
            "docs/exemples/demarche.md": GOOD_CASE,
        },
        only="exemples/demarche.md",
    )
    assert report.problems == []
    report = check(tmp_path, {}, only="methodes")
    assert [p.path for p in report.problems] == ["methodes/cassee.md"]


def test_github_annotations_escape_their_properties_and_message(tmp_path):
    card = "---\ntitle: A\ntagline: B\ncout: '50%, environ'\n---\n"
    report = check(tmp_path, {"docs/methodes/a, b.md": card})
    assert as_github(report, tmp_path) == [
        "::warning file=docs/methodes/a%2C b.md,line=4,title=cout::'50%25, environ' is not in "
        "the vocabulary (one of: faible, moyen, eleve)"
    ]


def test_errors_are_annotated_as_errors_and_keyless_problems_have_no_title(tmp_path):
    report = check(tmp_path, {"docs/methodes/a.md": "pas de front matter\n"})
    assert as_github(report, tmp_path) == [
        "::error file=docs/methodes/a.md,line=1::no front matter "
        "(start the file with '---', the card's keys, then '---')"
    ]


def test_json_lists_every_problem_with_its_parts(tmp_path):
    report = check(tmp_path, {"docs/methodes/a.md": "---\ntitle: A\ntagline: B\ncouts: 1\n---\n"})
    document = json.loads(as_json(report, tmp_path))
    assert document["cards"] == 1 and document["failed"] is True
    [problem] = document["problems"]
    assert problem == {
        "file": "docs/methodes/a.md",
        "path": "methodes/a.md",
        "line": 4,
        "key": "couts",
        "message": "unknown key; it is not shown",
        "suggestion": "did you mean 'cout'?",
        "severity": "warning",
        "text": str(report.problems[0]),
    }
