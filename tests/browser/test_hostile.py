"""The hostile toolbox in Debian's Chromium: every page loads and every feature is used, and no
injected code runs (no dialog, no page error, no console error) and nothing is requested from
another host, but the allowed video player once the visitor asks for it."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from ..conftest import Tab
from ..hostile.cards import ALLOWED_VIDEO_HOST, DOCS, FOLDERS, MARK, URLS, build

pytestmark = pytest.mark.browser

# A page the visitor loads, by kind; every card page of the fixture is visited as well.
PAGES = (
    "",
    "methodes/",
    "outils/",
    "exemples/",
    "comparer/",
    "comparer-outils/",
    "choisir/",
    "donnees/",
)


class Visit(Tab):
    """A tab that also keeps console errors; a missing image is not injected code."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.console: list[str] = []
        page.on("console", self._console)

    def _console(self, message) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console.append(message.text)

    def clean(self) -> bool:
        """Nothing ran and nothing left for another host."""
        return self.errors == [] and self.console == [] and self.foreign == []


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, serve) -> str:
    built = build(tmp_path_factory.mktemp("hostile-browser"))
    assert built.ok
    return serve(built.site_dir)


@pytest.fixture(scope="module")
def visit(browser):
    """One browser context for the module; requests to other hosts are recorded, never sent."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])"), lambda route: route.abort()
    )
    visit = Visit(context.new_page())
    yield visit
    context.close()


def card_urls() -> list[str]:
    return [
        quote(f"{PurePosixPath(path).with_suffix('')}/")
        for path in DOCS
        if path.endswith(".md") and PurePosixPath(path).parts[0] in FOLDERS.values()
    ]


def test_every_page_loads_without_running_injected_code(visit, hostile):
    urls = [*PAGES, *card_urls()]
    for url in urls:
        visit.page.goto(hostile + url)
        visit.page.wait_for_load_state("load")
        assert visit.clean(), (url, visit.errors, visit.console, visit.foreign)
    assert len(urls) >= 110
    print(f"hostile pages loaded: {len(urls)}")


def test_filter_sort_and_table_of_a_hostile_catalogue(visit, hostile):
    page = visit.page
    page.goto(hostile + "methodes/")
    page.locator("#catalogue-methode-q").fill(MARK)
    page.locator("details[data-facet=niveau] summary").click()
    page.get_by_role("checkbox", name=re.compile("^Concerter ")).check()
    page.get_by_role("button", name="Tableau").click()
    page.get_by_role("columnheader", name="Titre").get_by_role("button").click()
    page.get_by_role("columnheader", name="Titre").get_by_role("button").click()
    rows = page.locator("tbody tr:visible th > a").all_inner_texts()
    assert len(rows) >= 5 and all(title.startswith("Méthode") for title in rows), repr(rows)
    assert 'Méthode 4 " onmouseover="alert(\'pwned-t4\')" data-x="' in rows
    assert page.evaluate("document.querySelectorAll('tbody script, tbody iframe').length") == 0
    assert visit.clean(), (visit.errors, visit.console, visit.foreign)


def test_comparing_two_hostile_methods(visit, hostile):
    page = visit.page
    page.goto(hostile + "methodes/")
    for number in (1, 2):
        page.locator(
            f'.participation-cards [data-participation-compare="texte-{number:02d}"] input'
        ).check()
    bar = page.locator("#participation-compare-bar-methode")
    assert "<script>alert('pwned-l1')</script>" in bar.locator("h2").inner_text()
    bar.locator(".participation-compare-bar__open").click()
    page.wait_for_url(re.compile(r"comparer/\?m=texte-01,texte-02$"))
    page.locator("[data-participation-comparison][data-ready]").wait_for(state="attached")
    titles = page.locator(".participation-comparison__table thead th a").all_inner_texts()
    assert titles[0].endswith("<script>alert('pwned-t1')</script>")
    assert titles[1].endswith("<img src=x onerror=alert('pwned-t2')>")
    table = page.locator(".participation-comparison__table")
    assert table.locator("script, img[onerror], iframe").count() == 0
    assert visit.clean(), (visit.errors, visit.console, visit.foreign)


def test_comparing_hostile_tools_runs_nothing_and_links_nowhere_unsafe(visit, hostile):
    page = visit.page
    links = [f"lien-{number:02d}" for number in range(1, len(URLS) + 1)]
    for start in range(0, len(links), 3):
        slugs = ",".join(["texte", *links[start : start + 3]])
        page.goto(f"{hostile}comparer-outils/?m={slugs}")
        page.locator("[data-participation-comparison][data-ready]").wait_for(state="attached")
        table = page.locator(".participation-comparison__table")
        assert table.locator("thead th a").count() == len(slugs.split(","))
        assert table.locator("script, img, iframe, svg, [onmouseover], [onfocus]").count() == 0
        schemes = table.locator("a").evaluate_all("links => links.map(link => link.protocol)")
        assert set(schemes) <= {"http:", "https:", "mailto:"}, schemes
    methods = page.locator("tr[data-row=methodes] td").first.inner_text()
    assert "<script>alert('pwned-t1')</script>" in methods
    assert visit.clean(), (visit.errors, visit.console, visit.foreign)


def test_the_chooser_ranks_hostile_methods(visit, hostile):
    page = visit.page
    page.goto(hostile + "choisir/")
    page.locator("fieldset[data-question=niveau]").get_by_label("Concerter").check()
    page.locator("fieldset[data-question=cout]").get_by_label("Faible").check()
    page.get_by_role("button", name="Voir les méthodes adaptées").click()
    results = page.locator(".participation-chooser__result")
    assert results.count() >= 38
    # The count is announced again a moment after the results take the focus.
    expect(page.locator("[data-chooser-summary]")).to_have_text(re.compile(r"^</script><!--"))
    assert page.locator(".participation-chooser__results script").count() == 0
    assert visit.clean(), (visit.errors, visit.console, visit.foreign)


def test_searching_shows_hostile_titles_as_text(visit, hostile):
    page = visit.page
    page.goto(hostile)
    page.locator("input[data-md-component=search-query]").click()
    page.keyboard.type("onerror")
    page.locator(".md-search-result__item").first.wait_for()
    results = page.locator(".md-search-result")
    assert "alert" in results.inner_text()
    assert results.locator("script, img[onerror], iframe").count() == 0
    assert visit.clean(), (visit.errors, visit.console, visit.foreign)


def test_only_the_allowed_player_is_requested_and_only_after_the_click(visit, hostile):
    page = visit.page
    page.goto(hostile + "outils/video-3/")
    page.wait_for_load_state("networkidle")
    assert visit.clean(), (visit.errors, visit.console, visit.foreign)
    with page.expect_request(lambda request: ALLOWED_VIDEO_HOST in request.url):
        page.get_by_role("button", name="Lire la vidéo").click()
    src = page.locator(".participation-video iframe").get_attribute("src")
    assert urlsplit(src).hostname == ALLOWED_VIDEO_HOST
    assert {urlsplit(url).hostname for url in visit.foreign} == {ALLOWED_VIDEO_HOST}
    assert visit.errors == []
