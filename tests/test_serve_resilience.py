"""A real `mkdocs serve` survives what an author does to the cards while it runs: an invalid card,
an unreadable one, a deleted one, a renamed folder; each rebuild keeps serving, and the site
comes back whole once the files are fixed. Every wait is bounded; the process is always ended."""

from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from .browser.test_serve_panel import Serve
from .faults import FAULTY_VIEW
from .sites import BASE_CONFIG, card, write_tree

SERVING = "Serving on"
REBUILD = "Detected file changes"
REBUILT = ("Reloading browsers", "An error happened during the rebuild")
DOCS = {
    "index.md": "# Accueil\n",
    "methodes/jury.md": card("title: Jury citoyen\ntagline: Un avis argumenté", "Le jury."),
    "methodes/atelier.md": card("title: Atelier citoyen\ntagline: Des propositions"),
    "exemples/ville.md": card("title: La ville\nmethodes: [jury, atelier]"),
}


@contextmanager
def serving(root: Path) -> Iterator[Serve]:
    """`mkdocs serve` on the site under ``root``, ended (killed if need be) whatever happens."""
    serve = Serve(root)
    try:
        # Not "Documentation built in": serve watches the files only after the first build.
        serve.wait_for(SERVING)
        yield serve
    finally:
        try:
            serve.stop()
        except subprocess.TimeoutExpired:
            serve.process.kill()
            serve.process.wait(timeout=30)
            serve.output.close()


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def until(what: str, test: Callable[[], bool], timeout: float = 60) -> None:
    """Poll ``test`` until it holds; fail after ``timeout`` seconds naming ``what``."""
    deadline = time.monotonic() + timeout
    while not test():
        assert time.monotonic() < deadline, f"{what}: not seen in {timeout} s"
        time.sleep(0.2)


class Author:
    """Changes the docs of a served site and waits for the rebuild each change starts."""

    def __init__(self, serve: Serve, docs: Path) -> None:
        self.serve = serve
        self.docs = docs

    def change(self, action: Callable[[], object]) -> str:
        """Do ``action``; return the terminal output of the rebuilds it caused, once done."""
        before = self.serve.text()
        action()
        until("a rebuild", lambda: self.rebuilds(self.serve.text()) > self.rebuilds(before))
        until("the rebuild's end", lambda: self.finished(self.serve.text()))
        assert self.serve.process.poll() is None, self.serve.text()
        return self.serve.text()[len(before) :]

    @staticmethod
    def rebuilds(text: str) -> int:
        return text.count(REBUILD)

    def finished(self, text: str) -> bool:
        """Every rebuild started has ended, well or not ("Documentation built in" is not a sign:
        MkDocs leaves out a log line identical to the one before)."""
        return self.rebuilds(text) == sum(text.count(end) for end in REBUILT)

    def page(self, url: str) -> str:
        status, html = fetch(self.serve.url + url)
        assert status == 200, url
        return html


@pytest.fixture
def author(tmp_path: Path) -> Iterator[Author]:
    write_tree(tmp_path / "docs", DOCS)
    config = {key: value for key, value in BASE_CONFIG.items() if key != "site_url"}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    with serving(tmp_path) as serve:
        yield Author(serve, tmp_path / "docs")


def test_serve_survives_broken_cards_and_recovers_when_fixed(author):
    docs = author.docs
    jury = docs / "methodes/jury.md"
    good = jury.read_bytes()

    output = author.change(lambda: jury.write_text("---\ntitle: Jury\ntagline: a: b\n---\n"))
    assert "methodes/jury.md:3: invalid YAML" in output
    until("the invalid card's page", lambda: "<h1>jury</h1>" in author.page("methodes/jury/"))

    output = author.change(lambda: jury.write_bytes(b"---\ntitle: Jury \xff\ntagline: x\n---\n"))
    assert (
        "ERROR   -  mkdocs_participation: methodes/jury.md:2: not UTF-8 text (byte 0xff)" in output
    )
    until(
        "the unreadable card's page",
        lambda: "<h1>Jury \ufffd</h1>" in author.page("methodes/jury/"),
    )

    output = author.change(jury.unlink)
    assert "exemples/ville.md:3: methodes: no methode card named 'jury'" in output
    until(
        "the deleted card's page is gone",
        lambda: fetch(author.serve.url + "methodes/jury/")[0] == 404,
    )

    author.change(lambda: jury.write_bytes(good))
    output = author.change(lambda: (docs / "methodes").rename(docs / "fiches"))
    assert "Traceback" not in output
    until("the renamed folder's pages", lambda: fetch(author.serve.url + "fiches/jury/")[0] == 200)
    assert "no card of kind 'methode': no catalogue page at methodes/index.md" in output

    output = author.change(lambda: (docs / "fiches").rename(docs / "methodes"))
    assert "WARNING" not in output and "ERROR" not in output, output
    until("the catalogue again", lambda: 'data-slug="jury"' in author.page("methodes/"))
    assert "Le jury." in author.page("methodes/jury/")
    assert "Traceback" not in author.serve.text()


@pytest.fixture
def faulty_author(tmp_path: Path) -> Iterator[Author]:
    write_tree(tmp_path, {"hooks.py": FAULTY_VIEW})
    write_tree(tmp_path / "docs", DOCS)
    config = {key: value for key, value in BASE_CONFIG.items() if key != "site_url"}
    config["hooks"] = ["hooks.py"]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    with serving(tmp_path) as serve:
        yield Author(serve, tmp_path / "docs")


def test_a_card_that_fails_never_stops_serve_and_shows_its_problems(faulty_author):
    author = faulty_author
    jury = author.docs / "methodes/jury.md"
    output = author.change(
        lambda: jury.write_text(
            card("title: Jury\ntagline: x\ndate: 2024-02-30", "Voir [le site](https://[site]/)."),
            "utf-8",
        )
    )
    assert "methodes/jury.md:4: date: '2024-02-30' is not a real date or time" in output
    assert "methodes/jury.md:7: not a valid address: 'https://[site]/'" in output
    assert "le site" in author.page("methodes/jury/")

    boum = author.docs / "methodes/boum.md"
    output = author.change(
        lambda: boum.write_text(card("title: Boum\ntagline: x", "Le corps."), "utf-8")
    )
    assert (
        "ERROR   -  mkdocs_participation: methodes/boum.md: this card's page could not be made "
        "(RuntimeError: boum); it is shown without the part that failed"
    ) in output
    assert "Traceback" not in output
    page = author.page("methodes/boum/")
    assert 'class="admonition failure participation-problems"' in page
    assert "RuntimeError: boum" in page and "Le corps." in page
    assert "Atelier citoyen" in author.page("methodes/atelier/")
    until("the catalogue lists it", lambda: 'data-slug="boum"' in author.page("methodes/"))

    author.change(lambda: boum.write_text(card("title: Bien\ntagline: x", "Le corps."), "utf-8"))
    until("the fixed card", lambda: "participation-problems" not in author.page("methodes/boum/"))
