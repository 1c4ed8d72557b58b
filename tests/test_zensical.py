"""The demo built by Zensical (after `mkdocs-participation build-data`) against the MkDocs build
of the same cards: the same card pages, catalogues, comparison, chooser and exports."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from mkdocs_participation.core.cards import folder_kind
from mkdocs_participation.core.site_config import DEFAULT_FOLDERS, read_site_config

from .sites import ROOT

CARD_BLOCK = re.compile(r'<div class="participation participation--.*?(?=</article>)', re.S)
LINK = re.compile(r'(href|src)="([^"#:?]*)([^"]*)"')
EXPORTS = ("fiches.json", "fiches.csv", "fiches.schema.json", "fiche.schema.json", "fiches.atom")


def card_urls() -> list[str]:
    """The site-relative URL of every card page of the demo."""
    urls = []
    excluded = read_site_config(ROOT / "mkdocs.yml").excluded  # the bilingual demo's *.en.md
    for path in sorted((ROOT / "docs").rglob("*.md")):
        relative = path.relative_to(ROOT / "docs").as_posix()
        if folder_kind(relative, DEFAULT_FOLDERS) is not None and not excluded.match_file(relative):
            urls.append(relative.removesuffix(".md") + "/")
    return urls


def card_content(html: str, url: str) -> str:
    """A card page's content, links made absolute and spaces collapsed: the two engines write
    the same link to the same page differently ('../b/' or '../../a/b/')."""
    found = CARD_BLOCK.search(html)
    assert found, url

    def absolute(match: re.Match) -> str:
        target = match[2]
        if target.startswith("/") or not target:
            return match[0]
        path = posixpath.normpath(posixpath.join("/" + url, target))
        return f'{match[1]}="{path}{"/" if target.endswith("/") else ""}{match[3]}"'

    return " ".join(LINK.sub(absolute, found[0]).split())


@pytest.fixture(scope="module")
def built(zensical_demo, demo):
    assert zensical_demo.ok, zensical_demo.output
    assert demo.ok, demo.problems
    return zensical_demo


def test_the_demo_builds_under_zensical_without_an_issue(built):
    assert "No issues found" in built.output


def test_every_card_page_shows_what_the_mkdocs_build_shows(built, demo):
    urls = card_urls()
    assert len(urls) > 50
    for url in urls:
        assert card_content(built.html(url), url) == card_content(demo.html(url), url), url


def test_a_method_page_has_every_part(built, demo):
    page = built.html("methodes/atelier-citoyen/")
    for part in (
        "participation-header",
        "participation-facts",
        "participation-list--priorites-pour-lorganisateur",
        "participation-list--facteurs-cles-de-succes",
        "participation-list--atouts",
        "participation-list--limites",
        "participation-owner",
        'href="mailto:',
        "participation-video",
        "participation-compare-toggle",
    ):
        assert part in page, part
    assert page.count("<h1") == 1
    # The card's lists lead the table of contents, its cross-links close it, as under MkDocs.
    toc = re.findall(r'<a href="#([^"]+)" class="md-nav__link"', page)
    assert toc[:4] == [
        "priorites-pour-lorganisateur",
        "facteurs-cles-de-succes",
        "atouts",
        "limites",
    ]
    mkdocs = demo.html("methodes/atelier-citoyen/")
    assert toc == re.findall(r'<a href="#([^"]+)" class="md-nav__link"', mkdocs)
    assert "<title>L&#x27;atelier citoyen - Boîte à outils" in page


@pytest.mark.parametrize("url", ["methodes/", "outils/", "exemples/"])
def test_catalogues_list_the_same_cards(built, demo, url):
    def slugs(html: str) -> list[str]:
        return re.findall(r'<li class="participation-entry" data-slug="([^"]+)"', html)

    assert slugs(built.html(url)) == slugs(demo.html(url))
    assert slugs(built.html(url))
    assert "<!-- participation:" not in built.html(url)


def test_comparison_and_chooser_fetch_the_same_data(built, demo):
    pattern = re.compile(r'data-source="([^"]*)"')
    for url in ("comparer/", "choisir/"):
        ours, theirs = pattern.search(built.html(url)), pattern.search(demo.html(url))
        assert ours and theirs, url
        assert ours[1] == theirs[1] == "assets/participation/methods.json"
    data = [site.site_dir / "assets/participation/methods.json" for site in (built, demo)]
    assert data[0].read_bytes() == data[1].read_bytes()
    for kind in ("methode", "outil", "exemple"):
        words = f"assets/participation/words-{kind}.json"
        assert (built.site_dir / words).read_bytes() == (demo.site_dir / words).read_bytes()
    chooser = built.html("choisir/")
    assert 'data-catalogue-url="methodes/"' in chooser
    assert 'data-compare-url="comparer/"' in chooser
    assert "template" not in re.findall(r'<meta name="([^"]+)"', chooser)


def test_the_tools_comparison_fetches_the_same_tools(built, demo):
    pattern = re.compile(r'data-source="([^"]*)"')
    ours, theirs = (pattern.search(site.html("comparer-outils/")) for site in (built, demo))
    assert ours and theirs
    assert ours[1] == theirs[1] == "assets/participation/tools.json"
    rows = re.compile(r'<tr data-row="([^"]+)"')
    assert rows.findall(built.html("comparer-outils/")) == rows.findall(
        demo.html("comparer-outils/")
    )
    assert 'data-kind="outil"' in built.html("comparer-outils/")
    data = [site.site_dir / "assets/participation/tools.json" for site in (built, demo)]
    assert data[0].read_bytes() == data[1].read_bytes()
    tools = json.loads(data[0].read_text(encoding="utf-8"))
    assert {tool["slug"] for tool in tools} >= {"decidim", "consul-democracy", "loomio", "polis"}
    assert 'data-participation-compare="decidim" data-kind="outil"' in built.html("outils/")


def test_exports_styles_and_script_are_those_of_the_mkdocs_build(built, demo):
    for name in EXPORTS:
        path = f"donnees/{name}"
        assert (built.site_dir / path).read_bytes() == (demo.site_dir / path).read_bytes(), path
    fiches = json.loads((built.site_dir / "donnees/fiches.json").read_text(encoding="utf-8"))
    assert len(fiches["fiches"]) == len(card_urls())
    for path in ("assets/participation/participation.css", "assets/participation/participation.js"):
        assert (built.site_dir / path).read_bytes() == (demo.site_dir / path).read_bytes()
        assert f'{path}"' in built.html("")


def test_the_fields_reference_is_written_under_zensical(built):
    assert "participation:fields" not in built.html("champs/")
    assert "<code>niveau</code>" in built.html("champs/")


def test_under_zensical_serve_a_card_change_reaches_its_catalogue(zensical_demo, tmp_path):
    """With the demo's `watch` lines, an edited card shows on its page and in the catalogue."""
    root = tmp_path
    shutil.copy(zensical_demo.root / "mkdocs.yml", root)
    for folder in ("docs", "overrides"):
        shutil.copytree(zensical_demo.root / folder, root / folder)
    port = _free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("zensical")),
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert _wait_for(base + "methodes/", 'data-slug="atelier-citoyen"')
        card = root / "docs" / "methodes" / "atelier-citoyen.md"
        card.write_text(
            card.read_text(encoding="utf-8").replace(
                "title: L'atelier citoyen", "title: L'atelier des habitants", 1
            ),
            encoding="utf-8",
        )
        assert _wait_for(base + "methodes/atelier-citoyen/", "<h1>L&#39;atelier des habitants")
        assert _wait_for(base + "methodes/", "L&#39;atelier des habitants")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float = 90) -> bool:
    """Whether the page at ``url`` holds ``text`` within ``seconds``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                if text in answer.read().decode("utf-8"):
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False
