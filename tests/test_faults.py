"""Every class of fault in a card, built together: one located line each, in the build and in
``check``; --strict fails; every card still has its page, its catalogue entry and its export."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_participation.cli import main

from .core.test_fuzz import EXAMPLES, model_cards
from .faults import FAULTS
from .sites import build_site, card

GOOD = card("title: Une méthode correcte\ntagline: Rien à redire")
DOCS = {f"methodes/{name}.md": text for name, text, _ in FAULTS} | {"methodes/bonne.md": GOOD}
EXPECTED = sorted(f"methodes/{name}.md:{problem}" for name, _, problem in FAULTS)
# A card of a catalogue, in the grid (the table's rows are made from them in the browser).
ENTRY = r'<li class="participation-entry" data-slug="([^"]+)"'


def _strict_json(text: str):
    def refuse(constant: str):
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    return build_site(root, DOCS, strict=False), build_site(root, {}, strict=True)


def test_each_fault_is_one_located_line_and_strict_fails(built):
    lenient, strict = built
    assert lenient.ok
    assert not strict.ok
    ours = sorted(line.removeprefix("mkdocs_participation: ") for line in lenient.problems)
    assert ours == EXPECTED
    assert not any("Traceback" in text for _, text in lenient.messages)


def test_every_card_is_built_listed_and_exported(built):
    lenient, _ = built
    catalogue = lenient.html("methodes/")
    slugs = set(re.findall(ENTRY, catalogue))
    document = _strict_json((lenient.site_dir / "donnees/fiches.json").read_text("utf-8"))
    exported = {record["id"] for record in document["fiches"]}
    for name, _, _ in [*FAULTS, ("bonne", "", "")]:
        assert lenient.html(f"methodes/{name}/").count("<h1") == 1
        assert name in slugs
        assert f"methodes/{name}" in exported
    for path in (lenient.site_dir / "donnees").glob("*.json"):
        _strict_json(path.read_text("utf-8"))


def test_no_address_the_parser_refuses_reaches_a_page(built):
    lenient, _ = built
    for name in ("corps-crochets", "image-corps-crochets", "item-crochets", "lien-crochets"):
        html = lenient.html(f"methodes/{name}/")
        assert "[page]" not in html and "[site]" not in html and "[placeholder]" not in html
        assert "[::1" not in html


def test_check_prints_the_same_lines_as_the_build(built, monkeypatch, capsys):
    lenient, _ = built
    monkeypatch.chdir(lenient.docs_dir)
    assert main(["check", "."]) == 1
    printed = sorted(capsys.readouterr().out.splitlines())
    assert printed == EXPECTED


COLLIDING = {
    "methodes/Atelier.md": card("title: Atelier A\ntagline: x"),
    "methodes/atelier.md": card("title: Atelier B\ntagline: x"),
    "methodes/caf\u00e9.md": card("title: Café NFC\ntagline: x"),
    "methodes/cafe\u0301.md": card("title: Café NFD\ntagline: x"),
    "methodes/mon atelier.md": card("title: Espace\ntagline: x"),
    "methodes/mon-atelier.md": card("title: Tiret\ntagline: x"),
    "methodes/nord/forum.md": card("title: Forum nord\ntagline: x"),
    "methodes/sud/forum.md": card("title: Forum sud\ntagline: x"),
    "methodes/Index.md": card("title: Une fiche Index\ntagline: x"),
    "methodes/readme.md": card("title: Une fiche readme\ntagline: x"),
}


def test_cards_whose_names_give_one_slug_are_all_listed_compared_and_exported(site):
    built = site(COLLIDING, strict=False)
    errors = [line for name, line in built.messages if name == "ERROR"]
    assert sorted(errors) == [
        f"mkdocs_participation: {second}: this file name gives the slug '{slug}' of {first}; "
        f"this card is listed as '{slug}-2' (rename one of the two files)"
        for first, second, slug in sorted(
            [
                ("methodes/Atelier.md", "methodes/atelier.md", "atelier"),
                ("methodes/cafe\u0301.md", "methodes/caf\u00e9.md", "cafe"),
                ("methodes/mon atelier.md", "methodes/mon-atelier.md", "mon-atelier"),
                ("methodes/nord/forum.md", "methodes/sud/forum.md", "forum"),
            ],
            key=lambda found: found[1],
        )
    ]
    rows = re.findall(ENTRY, built.html("methodes/"))
    assert len(rows) == len(set(rows)) == len(COLLIDING)
    methods = _strict_json((built.site_dir / "assets/participation/methods.json").read_text())
    assert sorted(method["slug"] for method in methods) == sorted(rows)
    exported = _strict_json((built.site_dir / "donnees/fiches.json").read_text("utf-8"))
    assert len(exported["fiches"]) == len(COLLIDING)
    assert "Une fiche Index" in built.html("methodes/Index/")
    assert "Une fiche readme" in built.html("methodes/readme/")


def test_a_fault_of_the_plugin_is_one_line_on_its_card_and_the_rest_is_built(site, monkeypatch):
    from mkdocs_participation import plugin

    built_view = plugin.card_view

    def faulty(card, *others):
        if card.title == "Boum":
            raise RuntimeError("boum")
        return built_view(card, *others)

    monkeypatch.setattr(plugin, "card_view", faulty)
    docs = {
        "methodes/boum.md": card("title: Boum\ntagline: x", "Le corps."),
        "methodes/bonne.md": GOOD,
    }
    built = site(docs, strict=False)
    assert built.ok
    assert built.problems == [
        "mkdocs_participation: methodes/boum.md: this card's page could not be made "
        "(RuntimeError: boum); it is shown without the part that failed (please report it to "
        "the plugin's authors with this card attached)"
    ]
    assert "Le corps." in built.html("methodes/boum/")
    assert "participation-problems" not in built.html("methodes/boum/")
    assert 'data-slug="boum"' in built.html("methodes/")
    assert not site({}, strict=True).ok


@settings(
    max_examples=max(2, EXAMPLES // 100),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(model_cards(), min_size=1, max_size=3))
def test_generated_cards_build_and_check_alike_with_every_card_listed_and_exported(drafts):
    docs = {
        f"methodes/f{number}.md": f"---\n{front}\n---\n\n{body}\n"
        for number, (front, body, _, _) in enumerate(drafts)
    }
    with tempfile.TemporaryDirectory() as folder:
        built = build_site(Path(folder), docs, strict=False)
        assert built.ok
        lines = sorted(line.removeprefix("mkdocs_participation: ") for line in built.problems)
        assert all(line.startswith("methodes/f") for line in lines), lines
        rows = re.findall(ENTRY, built.html("methodes/"))
        assert sorted(rows) == sorted(f"f{number}" for number in range(len(drafts)))
        document = _strict_json((built.site_dir / "donnees/fiches.json").read_text("utf-8"))
        assert len(document["fiches"]) == len(drafts)
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            cwd = os.getcwd()
            os.chdir(built.docs_dir)
            try:
                main(["check", "."])
            finally:
                os.chdir(cwd)
        checked = sorted(out.getvalue().splitlines())
        # check reads no body as HTML: what the sanitiser removes is the build's to say.
        assert checked == [line for line in lines if "HTML removed" not in line]


OPTION_FAULTS = {
    "exports": {"folder": "../dehors"},
    "catalogues": {"methode": "methodes/atelier/", "outil": {"url": "../../outils/"}},
    "comparison": "./../comparer/",
    "chooser": "methodes/jury/",
    "vocabularies": {"niveaux": {"informer": "Informer"}},
}


def test_options_are_checked_alike_by_the_build_and_check(site, monkeypatch, capsys):
    docs = {
        "methodes/atelier.md": card("title: Atelier citoyen\ntagline: x", "Le corps de l’atelier."),
        "methodes/jury.md": card("title: Jury citoyen\ntagline: x"),
        "outils/agora.md": card("title: Agora\ntagline: x"),
    }
    built = site(docs, strict=False, plugin=OPTION_FAULTS)
    leaves = "leads out of the site; nothing is written there (write a folder or an address "
    expected = [
        f"mkdocs.yml: catalogues.outil.url: '../../outils/' {leaves}inside the site, without '..')",
        f"mkdocs.yml: comparison.methode: './../comparer/' {leaves}inside the site, without '..')",
        f"mkdocs.yml: exports.folder: '../dehors' {leaves}inside the site, without '..')",
        "mkdocs.yml: vocabularies.niveaux: no vocabulary has this name; its words are not used "
        "(did you mean 'niveau'?)",
        "mkdocs.yml: catalogues.methode.url: 'methodes/atelier/' is the address of the card "
        "methodes/atelier.md; this page is not generated (choose another address, or rename "
        "the card)",
        "mkdocs.yml: chooser: 'methodes/jury/' is the address of the card methodes/jury.md; "
        "this page is not generated (choose another address, or rename the card)",
    ]
    ours = [line.removeprefix("mkdocs_participation: ") for line in built.problems]
    assert sorted(ours) == sorted(expected)
    assert "Le corps de l’atelier." in built.html("methodes/atelier/")
    assert "participation-chooser" not in built.html("methodes/jury/")
    assert "<h1>Jury citoyen</h1>" in built.html("methodes/jury/")
    assert not (built.root / "dehors").exists() and not (built.root / "comparer").exists()
    assert not (built.root / "outils").exists()
    assert not site({}, plugin=OPTION_FAULTS).ok

    monkeypatch.chdir(built.root)
    assert main(["check"]) == 1
    assert sorted(capsys.readouterr().out.splitlines()) == sorted(expected)
