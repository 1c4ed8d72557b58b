"""`mkdocs serve` as an author uses it: an invalid card shows an error panel, fixing it clears it.

A real `mkdocs serve` process on 127.0.0.1 watches a fixture site; Chromium reads its pages.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from ..conftest import axe_violations
from ..faults import FAULTY_VIEW
from ..sites import BASE_CONFIG, card, write_tree

pytestmark = pytest.mark.browser

PANEL = ".participation-problems"
UNKNOWN_KEY = "methodes/panel.md:4: couts: unknown key; it is not shown (did you mean 'cout'?)"
BAD_YAML = (
    "methodes/casse.md:3: invalid YAML: mapping values are not allowed in this context "
    "(put quotes around a value that contains ': ')"
)
BUILT = "Documentation built in"
# MkDocs drops a log line equal to the previous one, so rebuilds are counted by this line.
RELOADED = "Reloading browsers"


class Serve:
    """A `mkdocs serve` process and its terminal output."""

    def __init__(self, root: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        self.log = root / "serve.log"
        self.output = self.log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-f",
                str(root / "mkdocs.yml"),
                "-a",
                f"127.0.0.1:{port}",
            ],
            stdout=self.output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def wait_for(self, what: str, count: int = 1, timeout: float = 180) -> str:
        """The terminal output once ``what`` appeared ``count`` times (polling, not timing)."""
        deadline = time.monotonic() + timeout
        while self.text().count(what) < count:
            assert self.process.poll() is None, self.text()
            assert time.monotonic() < deadline, f"{what!r} not seen {count} times:\n{self.text()}"
            time.sleep(0.1)
        return self.text()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.output.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Serve, Path]]:
    docs = tmp_path / "docs"
    write_tree(
        docs,
        {
            "index.md": "# Accueil\n",
            "methodes/panel.md": card(
                "title: Le panel\ntagline: Un avis argumenté\ncouts: faible", "Texte du panel."
            ),
            "methodes/casse.md": "---\ntitle: Casse\ntagline: Objet : un avis: construit\n---\n\n"
            "Le corps reste lisible.\n",
            "methodes/correcte.md": card("title: Correcte\ntagline: Rien à redire"),
            "exemples/demarche.md": card("title: Une démarche\nmethodes:\n- Le jury fantôme"),
        },
    )
    config = {key: value for key, value in BASE_CONFIG.items() if key != "site_url"}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    serve = Serve(tmp_path)
    try:
        serve.wait_for("Serving on")
        yield serve, docs
    finally:
        serve.stop()


def test_invalid_cards_show_the_terminal_line_in_a_panel_until_fixed(served, tab):
    serve, docs = served
    terminal = serve.wait_for(BUILT)
    assert f"WARNING -  mkdocs_participation: {UNKNOWN_KEY}" in terminal
    assert f"ERROR   -  mkdocs_participation: {BAD_YAML}" in terminal
    assert "Traceback" not in terminal

    page = tab.page
    page.goto(serve.url + "methodes/casse/")
    assert page.locator(PANEL).locator("li").all_inner_texts() == [BAD_YAML]
    assert "Le corps reste lisible." in page.locator("article").inner_text()

    page.goto(serve.url + "methodes/correcte/")
    assert page.locator(PANEL).count() == 0

    page.goto(serve.url + "exemples/demarche/")
    [reference] = page.locator(PANEL).locator("li").all_inner_texts()
    assert reference.startswith(
        "exemples/demarche.md:4: methodes: no methode card named 'Le jury fantôme'"
    )
    assert reference in terminal

    page.goto(serve.url + "methodes/panel/")
    panel = page.locator(PANEL)
    assert panel.is_visible()
    assert panel.get_attribute("role") == "alert"
    assert panel.locator("li").all_inner_texts() == [UNKNOWN_KEY]
    assert "Cette fiche contient des erreurs" in panel.inner_text()
    assert page.locator("h1").inner_text() == "Le panel"
    assert axe_violations(page) == []

    card_file = docs / "methodes" / "panel.md"
    card_file.write_text(card_file.read_text("utf-8").replace("couts:", "cout:"), "utf-8")
    terminal = serve.wait_for(RELOADED)
    assert UNKNOWN_KEY not in terminal.split("Detected file changes")[-1]
    expect(page.locator(PANEL)).to_have_count(0)
    expect(page.locator("article")).to_contain_text("Faible")
    assert tab.errors == [] and tab.foreign == []


def test_a_card_edit_shows_after_one_rebuild(served, tab):
    serve, docs = served
    serve.wait_for(BUILT)
    page = tab.page
    page.goto(serve.url + "methodes/correcte/")
    assert "Rien à redire" in page.locator("article").inner_text()
    card_file = docs / "methodes" / "correcte.md"
    card_file.write_text(
        card_file.read_text("utf-8").replace("Rien à redire", "Une accroche toute neuve"), "utf-8"
    )
    serve.wait_for(RELOADED)
    expect(page.locator("article")).to_contain_text("Une accroche toute neuve")
    assert serve.text().count(RELOADED) == 1


def test_a_built_site_never_shows_the_panel(site):
    built = site(
        {"methodes/panel.md": card("title: Le panel\ntagline: B\ncouts: faible")}, strict=False
    )
    assert built.problems == [f"mkdocs_participation: {UNKNOWN_KEY}"]
    assert "participation-problems" not in built.html("methodes/panel/")


def test_a_card_the_plugin_fails_on_shows_its_panel_and_the_rest_is_served(tmp_path, tab):
    write_tree(tmp_path, {"hooks.py": FAULTY_VIEW})
    write_tree(
        tmp_path / "docs",
        {
            "index.md": "# Accueil\n",
            "methodes/boum.md": card("title: Boum\ntagline: x", "Le corps reste lisible."),
            "methodes/correcte.md": card("title: Correcte\ntagline: Rien à redire"),
        },
    )
    config = {key: value for key, value in BASE_CONFIG.items() if key != "site_url"}
    config["hooks"] = ["hooks.py"]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    serve = Serve(tmp_path)
    try:
        terminal = serve.wait_for(BUILT)
        assert "Traceback" not in terminal
        page = tab.page
        page.goto(serve.url + "methodes/boum/")
        [problem] = page.locator(PANEL).locator("li").all_inner_texts()
        assert problem == (
            "methodes/boum.md: this card's page could not be made (RuntimeError: boum); it is "
            "shown without the part that failed (please report it to the plugin's authors with "
            "this card attached)"
        )
        assert problem in terminal
        assert "Le corps reste lisible." in page.locator("article").inner_text()
        assert axe_violations(page) == []
        page.goto(serve.url + "methodes/correcte/")
        assert page.locator(PANEL).count() == 0
        assert "Rien à redire" in page.locator("article").inner_text()
        assert tab.errors == [] and tab.foreign == []
    finally:
        serve.stop()
