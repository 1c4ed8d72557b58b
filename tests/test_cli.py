"""The `mkdocs-participation` command, run as a contributor and a CI job would run it."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_participation import __version__
from mkdocs_participation.cli import main
from mkdocs_participation.core import scaffold

from .sites import BASE_CONFIG, ROOT, SHARED, card, write_tree

FIXTURE = ROOT / "tests" / "fixtures" / "jekyll"
CORPUS = SHARED / "corpus" / "consultation.gouv.fr"
PLUGIN_PREFIX = "mkdocs_participation: "
BROKEN = {
    "methodes/inconnue.md": card("title: A\ntagline: B\ncouts: faible"),
    "methodes/sans-accroche.md": card("title: Sans accroche"),
    "methodes/yaml.md": "---\ntitle: A\ntagline: Objet : un avis: construit\n---\n",
    "methodes/vocabulaire.md": card("title: V\ntagline: B\ncout: gratuit\nformat: [en-ligne]"),
    "methodes/image.md": card("title: I\ntagline: B\nimg-bg: absente.png"),
    "methodes/ordre.md": card("title: O\ntagline: B\nordre: deuxième"),
    "exemples/demarche.md": card("title: D\nmethodes:\n- Le jury fantôme\n- V"),
}


def write_site(root: Path, docs: dict[str, str | bytes], **config) -> None:
    write_tree(root / "docs", docs)
    settings = {**BASE_CONFIG, **config}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")


def mkdocs_build(config: Path) -> tuple[int, list[str], list[str]]:
    """``mkdocs build --strict`` in a process: exit status, the plugin's lines, other problems."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(config.parent / "built"),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
        check=False,
    )
    problems = [
        line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))
    ]
    ours = [line.split(PLUGIN_PREFIX, 1)[1] for line in problems if PLUGIN_PREFIX in line]
    others = [line for line in problems if PLUGIN_PREFIX not in line]
    if "Traceback" in result.stderr:
        others.append(f"crash: {result.stderr.strip().splitlines()[-1]}")
    return result.returncode, ours, others


def digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_newcomer_path_from_new_to_a_clean_strict_build(tmp_path, monkeypatch, capsys):
    write_site(tmp_path, {"index.md": "# Accueil\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["new", "methode", "Le café citoyen"]) == 0
    out, err = capsys.readouterr()
    assert out == "docs/methodes/le-cafe-citoyen.md\n"
    assert "mkdocs-participation check docs/methodes/le-cafe-citoyen.md" in err
    path = tmp_path / "docs" / "methodes" / "le-cafe-citoyen.md"

    assert main(["check", "docs/methodes/le-cafe-citoyen.md"]) == 1
    out, _ = capsys.readouterr()
    assert out == (
        "docs/methodes/le-cafe-citoyen.md:5: tagline: missing required key 'tagline' "
        "(add a line 'tagline: …')\n"
    )

    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\ntagline:\n", "\ntagline: Un moment convivial pour débattre\n").replace(
            "\nduree:\n", "\nduree: quelques-heures\n"
        ),
        encoding="utf-8",
    )
    assert main(["check"]) == 0
    assert capsys.readouterr().err == "1 card(s) checked: no problem\n"
    status, ours, others = mkdocs_build(tmp_path / "mkdocs.yml")
    assert (status, ours, others) == (0, [], [])
    html = (tmp_path / "built" / "methodes" / "le-cafe-citoyen" / "index.html").read_text("utf-8")
    assert "Un moment convivial pour débattre" in html and "Quelques heures" in html


def test_new_refuses_to_overwrite_and_explains(tmp_path, monkeypatch, capsys):
    write_site(tmp_path, {})
    monkeypatch.chdir(tmp_path)
    assert main(["new", "outil", "Mon outil"]) == 0
    path = tmp_path / "docs" / "outils" / "mon-outil.md"
    path.write_text("rempli à la main", encoding="utf-8")
    capsys.readouterr()
    assert main(["new", "outil", "Mon Outil !"]) == 1
    assert capsys.readouterr().err == (
        "mkdocs-participation: docs/outils/mon-outil.md already exists; nothing written "
        "(choose another title or edit that card)\n"
    )
    assert path.read_text(encoding="utf-8") == "rempli à la main"


def test_new_writes_where_the_site_keeps_that_kind(tmp_path, monkeypatch, capsys):
    write_site(
        tmp_path,
        {},
        docs_dir="contenu",
        plugins=[{"participation": {"folders": {"cas-concrets": "exemple"}}}],
    )
    monkeypatch.chdir(tmp_path)
    assert main(["new", "exemple", "Une démarche"]) == 0
    assert capsys.readouterr().out == "contenu/cas-concrets/une-demarche.md\n"
    assert main(["new", "methode", "Sans dossier"]) == 2
    assert "no docs folder holds cards of kind 'methode'" in capsys.readouterr().err
    assert main(["new", "exemple", "Ailleurs", "--docs", "autre"]) == 0
    assert (tmp_path / "autre" / "cas-concrets" / "ailleurs.md").is_file()


def test_new_rejects_an_unknown_kind(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["new", "recette", "Titre"])
    assert exit.value.code == 2
    assert "invalid choice: 'recette'" in capsys.readouterr().err


def test_check_prints_the_same_lines_as_the_plugin(site, capsys):
    built = site(BROKEN, strict=False)
    plugin = sorted(line.removeprefix(PLUGIN_PREFIX) for line in built.problems)
    assert len(plugin) >= len(BROKEN)
    assert main(["check", str(built.root), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert sorted(problem["text"] for problem in document["problems"]) == plugin


def test_check_words_the_plugin_options_as_the_build_does(site, monkeypatch, capsys):
    options = {
        "labels": {"video_open": "Voir la vidéo sur {provider"},
        "catalogues": {
            "methode": {"facets": ["niveau", "couleur"]},
            "outil": {"columns": ["title", "dure"]},
            "recette": "recettes/",
        },
    }
    built = site({"methodes/a.md": card("title: A\ntagline: B")}, strict=False, plugin=options)
    plugin = [line.removeprefix(PLUGIN_PREFIX) for line in built.problems]
    assert len(plugin) == 4
    monkeypatch.chdir(built.root)
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == plugin
    assert err == "1 card(s) checked: 4 problem(s) in 1 file(s)\n"


def test_check_text_and_github_formats(tmp_path, monkeypatch, capsys):
    write_site(
        tmp_path,
        {
            "methodes/a.md": card("title: A\ntagline: B\ncouts: faible"),
            "methodes/b.md": "pas de front matter\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "docs/methodes/a.md:4: couts: unknown key; it is not shown (did you mean 'cout'?)",
        "docs/methodes/b.md:1: no front matter "
        "(start the file with '---', the card's keys, then '---')",
    ]
    assert err == "2 card(s) checked: 2 problem(s) in 2 file(s)\n"
    assert main(["check", "--format", "github"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "::warning file=docs/methodes/a.md,line=4,title=couts::unknown key; it is not shown "
        "(did you mean 'cout'?)",
        "::error file=docs/methodes/b.md,line=1::no front matter "
        "(start the file with '---', the card's keys, then '---')",
    ]
    assert main(["check", "docs/methodes/a.md"]) == 1
    assert capsys.readouterr().out.count("\n") == 1


def test_check_without_mkdocs_yml_reads_the_docs_folder(tmp_path, capsys):
    write_tree(tmp_path / "docs", {"methodes/a.md": card("title: A\ntagline: B")})
    assert main(["check", str(tmp_path)]) == 0
    assert main(["check", str(tmp_path / "docs")]) == 0
    assert capsys.readouterr().err.count("1 card(s) checked: no problem") == 2
    assert main(["check", str(tmp_path / "absent")]) == 2


@pytest.mark.parametrize("command", ["check", "new", "schema", "cms-config", "build-data"])
def test_a_mkdocs_yml_that_cannot_be_read_is_one_error_line(tmp_path, monkeypatch, capsys, command):
    write_tree(tmp_path, {"mkdocs.yml": "- site_name\n- docs_dir\n"})
    monkeypatch.chdir(tmp_path)
    arguments = [command, "methode", "Titre"] if command == "new" else [command]
    assert main(arguments) == 2
    assert capsys.readouterr().err == (
        f"mkdocs-participation: error: {tmp_path / 'mkdocs.yml'}: expected 'key: value' lines\n"
    )


def loaded_modules(arguments: list[str] | None, cwd: Path) -> tuple[int, str, set[str]]:
    """Run the command in a new Python (``None``: only import it): its exit status, what it
    printed and every module it loaded."""
    script = (
        "import json, sys\n"
        "from mkdocs_participation.cli import main\n"
        f"arguments = {arguments!r}\n"
        "try:\n"
        "    status = 0 if arguments is None else main(arguments)\n"
        "except SystemExit as stop:\n"
        "    status = stop.code\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    printed, _, modules = result.stderr.rpartition("\n")
    return result.returncode, result.stdout + printed, set(json.loads(modules))


def test_check_imports_the_options_of_mkdocs_but_no_build(tmp_path):
    write_site(tmp_path, {"methodes/a.md": card("title: A\ntagline: B")})
    status, _, modules = loaded_modules(["check"], tmp_path)
    # What mkdocs.config.config_options needs, and nothing of a build, a theme or a plugin.
    expected = [
        "mkdocs",
        "mkdocs.exceptions",
        "mkdocs.localization",
        "mkdocs.plugins",
        "mkdocs.theme",
    ]
    assert status == 0
    assert (
        sorted(
            m
            for m in modules
            if m.split(".")[0] in ("mkdocs", "material")
            and not m.startswith(("mkdocs.config", "mkdocs.utils"))
        )
        == expected
    )


# What only a build or another command uses: the pages' views and templates, the comparisons,
# the chooser, the catalogue's facets and HTML, the exports and data files, search words, what
# serve keeps between rebuilds, the Jekyll import, the CMS, the scaffold, the engines' modules.
NOT_FOR_CHECK = {
    f"mkdocs_participation.{name}"
    for name in (
        "core.card_cache",
        "core.catalogue.listing",
        "core.catalogue.render",
        "core.chooser",
        "core.cms",
        "core.comparison",
        "core.datafiles",
        "core.exports",
        "core.facets",
        "core.glossary",
        "core.guide_data",
        "core.indexing",
        "core.jekyll",
        "core.memo",
        "core.reference",
        "core.scaffold",
        "core.toolbox",
        "core.views",
        "core.word_forms",
        "core.wording",
        "markdown",
        "plugin",
        "standalone",
    )
}
# What --help and --version need none of: MkDocs, the libraries it brings and reading cards.
NOT_FOR_HELP = {
    "babel",
    "importlib.metadata",
    "jinja2",
    "markdown",
    "mkdocs",
    "pathspec",
    "yaml",
    "mkdocs_participation.config",
    "mkdocs_participation.core.cards",
    "mkdocs_participation.core.checking",
    "mkdocs_participation.core.site_config",
}


def test_check_loads_nothing_of_the_pages_nor_of_the_other_commands(tmp_path):
    write_site(tmp_path, {"methodes/a.md": card("title: A\ntagline: B")})
    status, printed, modules = loaded_modules(["check"], tmp_path)
    assert (status, printed) == (0, "1 card(s) checked: no problem")
    assert "mkdocs_participation.core.checking" in modules
    assert sorted(modules & NOT_FOR_CHECK) == []


@pytest.mark.parametrize(
    ("arguments", "printed"),
    [
        (None, ""),
        (["--version"], f"mkdocs-participation {__version__}\n"),
        (["--help"], "usage: mkdocs-participation [-h] [--version]"),
    ],
)
def test_help_and_version_load_neither_mkdocs_nor_the_cards(tmp_path, arguments, printed):
    status, output, modules = loaded_modules(arguments, tmp_path)
    assert status == 0
    assert output.startswith(printed)
    assert sorted(modules & (NOT_FOR_HELP | NOT_FOR_CHECK)) == []


def test_schema_is_json_schema_and_accepts_the_seed_card(capsys):
    assert main(["schema", str(ROOT)]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(schema)
    seed = (ROOT / "docs" / "methodes" / "atelier-citoyen.md").read_text(encoding="utf-8")
    front_matter = yaml.safe_load(seed.split("---\n")[1])
    front_matter["date"] = str(front_matter["date"])
    jsonschema.validate(front_matter, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**front_matter, "couts": "faible"}, schema)
    assert main(["schema", str(ROOT), "--draft", "7"]) == 0
    draft_7 = json.loads(capsys.readouterr().out)
    assert draft_7 == {**schema, "$schema": "http://json-schema.org/draft-07/schema#"}
    jsonschema.Draft7Validator.check_schema(draft_7)
    assert not list(jsonschema.Draft7Validator(draft_7).iter_errors(front_matter))
    errors = jsonschema.Draft7Validator(draft_7).iter_errors({**front_matter, "cout": "gratuit"})
    assert [error.json_path for error in errors] == ["$.cout"]


def test_import_jekyll_writes_a_site_that_builds_but_for_the_reported_problems(
    tmp_path, monkeypatch, capsys
):
    before = digest(FIXTURE)
    monkeypatch.chdir(tmp_path)
    assert main(["import-jekyll", str(FIXTURE), "site"]) == 0
    report = capsys.readouterr().out
    assert digest(FIXTURE) == before
    assert "_outil/atelier de quartier.md -> site/docs/methodes/atelier-de-quartier.md" in report
    assert "  - key 'methode' renamed 'methodes'" in report
    assert "Wrote site/mkdocs.yml" in report
    assert "Not imported: _data/ (facet lists of the old site" in report
    left = report.split("problem(s) left to fix by hand:\n")[1].splitlines()
    assert (
        "site/docs/methodes/carnet-de-bord.md:3: invalid YAML: mapping values are not "
        "allowed in this context (put quotes around a value that contains ': ')"
    ) in left
    status, ours, others = mkdocs_build(tmp_path / "site" / "mkdocs.yml")
    assert status == 1 and others == []
    assert sorted(ours) == sorted(
        line.removeprefix("site/docs/") for line in left if "page of the old site" not in line
    )


def test_import_jekyll_refuses_to_overwrite_unless_forced(tmp_path, capsys):
    dest = tmp_path / "site"
    assert main(["import-jekyll", str(FIXTURE), str(dest)]) == 0
    edited = dest / "docs" / "methodes" / "panel-en-ligne.md"
    edited.write_text("modifié", encoding="utf-8")
    capsys.readouterr()
    assert main(["import-jekyll", str(FIXTURE), str(dest)]) == 1
    assert "file(s) already exist" in capsys.readouterr().err
    assert edited.read_text(encoding="utf-8") == "modifié"
    assert main(["import-jekyll", str(FIXTURE), str(dest), "--force"]) == 0
    assert edited.read_text(encoding="utf-8").startswith("---\ntitle: Le panel en ligne\n")


def test_import_jekyll_into_an_existing_site_uses_its_folders(tmp_path, capsys):
    write_site(
        tmp_path,
        {},
        plugins=[
            {
                "participation": {
                    "folders": {"fiches": "methode", "outils": "outil", "cas": "exemple"}
                }
            }
        ],
    )
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert main(["import-jekyll", str(FIXTURE), str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "docs" / "fiches" / "atelier-de-quartier.md").is_file()
    assert (tmp_path / "docs" / "cas" / "quartier-nord.md").is_file()
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == config
    assert out.rstrip().endswith(
        "folders: no docs folder holds cards of kind 'suivi' "
        "(add 'suivis: suivi' to the participation plugin's folders)"
    )


def test_import_jekyll_needs_a_jekyll_toolbox(tmp_path, capsys):
    assert main(["import-jekyll", str(tmp_path), str(tmp_path / "out")]) == 2
    assert "has none of the Jekyll folders _outil, _usage, _usage_citoyens" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the legacy corpus is not next to the project")
def test_the_real_corpus_imports_into_a_site_that_builds_but_for_the_reported_problems(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    assert main(["import-jekyll", str(CORPUS), "site"]) == 0
    report = capsys.readouterr().out
    assert "Imported 54 card(s)" in report
    left = report.split("problem(s) left to fix by hand:\n")[1].splitlines()
    genuine = {line.split(": ", 2)[1] for line in left}
    assert genuine <= {
        "img-bg",
        "logo",
        "vignette_video_demo",
        "screenshot",
        "outil",
        "methodes",
        "presentation",
    }
    assert not [line for line in left if "missing required" in line or "invalid YAML" in line]
    status, ours, others = mkdocs_build(tmp_path / "site" / "mkdocs.yml")
    assert (status, others) == (1 if ours else 0, [])
    assert sorted(ours) == sorted(
        line.removeprefix("site/docs/") for line in left if "page of the old site" not in line
    )
    assert (
        tmp_path / "site" / "built" / "methodes" / "atelier-de-prospective" / "index.html"
    ).is_file()
    assert main(["check", "site"]) == 1
    assert capsys.readouterr().out.count("\n") == len(left) - sum(
        "page of the old site" in line for line in left
    )


def test_cms_config_prints_the_decap_configuration(tmp_path, capsys):
    write_site(tmp_path, {}, repo_url="https://github.com/ville/boite-a-outils")
    assert main(["cms-config", str(tmp_path)]) == 0
    config = yaml.safe_load(capsys.readouterr().out)
    assert config["backend"] == {"name": "github", "branch": "main", "repo": "ville/boite-a-outils"}
    assert [c["name"] for c in config["collections"]][:3] == ["methodes", "outils", "exemples"]


def test_cms_config_follows_the_site_options(tmp_path, capsys):
    write_site(
        tmp_path,
        {},
        docs_dir="contenu",
        theme={"name": "material", "language": "fr"},
        plugins=[
            {
                "participation": {
                    "folders": {"fiches": "methode", "boites": "outil"},
                    "images": "medias",
                    "language": "en",
                    "vocabularies": {"cout": {"gratuit": "Gratuit"}},
                }
            }
        ],
    )
    assert main(["cms-config", str(tmp_path), "--repo", "autre/depot", "--branch", "pub"]) == 0
    config = yaml.safe_load(capsys.readouterr().out)
    assert [c["folder"] for c in config["collections"]] == ["contenu/fiches", "contenu/boites"]
    assert config["locale"] == "en" and config["collections"][0]["label"] == "Methods"
    assert config["media_folder"] == "contenu/medias"
    assert config["backend"] == {"name": "github", "branch": "pub", "repo": "autre/depot"}
    fiches = {field["name"]: field for field in config["collections"][0]["fields"]}
    assert {"label": "Gratuit", "value": "gratuit"} in fiches["cout"]["options"]
    assert fiches["methodes_liees"]["collection"] == "fiches"


def test_cms_config_lists_references_to_a_kind_without_collection_as_texts(tmp_path, capsys):
    write_site(tmp_path, {}, plugins=[{"participation": {"folders": {"cas": "exemple"}}}])
    assert main(["cms-config", str(tmp_path)]) == 0
    [cases] = yaml.safe_load(capsys.readouterr().out)["collections"]
    assert {field["name"]: field for field in cases["fields"]}["outil"]["widget"] == "list"


def test_github_copies_the_workflow_and_the_pull_request_template(tmp_path, capsys):
    assert main(["github", str(tmp_path)]) == 0
    workflow = yaml.safe_load((tmp_path / ".github/workflows/fiches.yml").read_text("utf-8"))
    steps = workflow["jobs"]["fiches"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert "mkdocs-participation check --format github" in commands
    assert any(c.startswith("mkdocs build --strict") for c in commands)
    assert any("pip install" in c for c in commands)
    assert steps[-1]["uses"].startswith("actions/upload-artifact@")
    assert steps[-1]["with"]["path"] == "site/"
    assert "pull_request" in workflow[True]
    template = (tmp_path / ".github/pull_request_template.md").read_text(encoding="utf-8")
    assert "`mkdocs-participation check`" in template
    capsys.readouterr()
    assert main(["github", str(tmp_path)]) == 1
    assert "already exist" in capsys.readouterr().err


def test_new_with_a_title_longer_than_a_file_name_keeps_its_first_words(
    tmp_path, monkeypatch, capsys
):
    write_site(tmp_path, {})
    monkeypatch.chdir(tmp_path)
    title = "Une démarche " + "très " * 100 + "longue"
    assert main(["new", "methode", title]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.name == "une-demarche" + "-tres" * 13 + ".md"
    assert f"title: {title}" in written.read_text(encoding="utf-8")


def test_a_file_system_error_is_one_line_and_a_failure(tmp_path, monkeypatch, capsys):
    write_site(tmp_path, {})
    monkeypatch.chdir(tmp_path)
    name = str(tmp_path / "docs" / "methodes" / ("x" * 300 + ".md"))

    def refuse(*arguments, **options):
        raise OSError(errno.ENAMETOOLONG, "File name too long", name)

    monkeypatch.setattr(scaffold, "new_card", refuse)
    assert main(["new", "methode", "Titre"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("mkdocs-participation: error: docs/methodes/xxx")
    assert line.endswith("xxxx.md: File name too long")
    assert len(line) < 160


def test_import_jekyll_reports_files_it_cannot_read_and_imports_the_others(tmp_path, capsys):
    src = tmp_path / "jekyll"
    shutil.copytree(FIXTURE, src)
    (src / "_outil" / "lien-mort.md").symlink_to(src / "_outil" / "absent.md")
    (src / "_outil" / "dossier.md").mkdir()
    os.mkfifo(src / "_outil" / "tube.md")
    assert main(["import-jekyll", str(src), str(tmp_path / "site")]) == 1
    out = capsys.readouterr().out
    assert f"{src}/_outil/dossier.md: not imported: not a regular file" in out
    assert f"{src}/_outil/tube.md: not imported: not a regular file" in out
    assert (
        f"{src}/_outil/lien-mort.md: not imported: a symbolic link to a missing file, or a "
        "loop of links"
    ) in out
    assert (tmp_path / "site" / "docs" / "methodes" / "panel-en-ligne.md").is_file()


def test_import_jekyll_keeps_a_date_that_does_not_exist_as_written_and_says_so(tmp_path, capsys):
    src = tmp_path / "jekyll"
    write_tree(src, {"_outil/rendez-vous.md": card("title: R\ntagline: x\ndate: 2024-02-30")})
    assert main(["import-jekyll", str(src), str(tmp_path / "site")]) == 0
    out = capsys.readouterr().out
    assert "rendez-vous.md:4: date: '2024-02-30' is not a real date or time" in out
    imported = tmp_path / "site" / "docs" / "methodes" / "rendez-vous.md"
    assert "date: 2024-02-30" in imported.read_text(encoding="utf-8")


def test_check_reports_links_in_a_loop_and_counts_a_folder_once(tmp_path, monkeypatch, capsys):
    write_site(tmp_path, {"methodes/bonne.md": card("title: B\ntagline: x")})
    methods = tmp_path / "docs" / "methodes"
    (methods / "a.md").symlink_to(methods / "b.md")
    (methods / "b.md").symlink_to(methods / "a.md")
    (methods / "encore").symlink_to(methods)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"docs/methodes/{name}.md: cannot read the card: a symbolic link to a missing file, or "
        "a loop of links"
        for name in ("a", "b")
    ]
    assert err == "1 card(s) checked: 2 problem(s) in 2 file(s)\n"
    assert main(["check", "docs/methodes/a.md"]) == 2
    assert capsys.readouterr().err == (
        "mkdocs-participation: error: docs/methodes/a.md does not exist (a link to a missing "
        "file, or a loop of links)\n"
    )
