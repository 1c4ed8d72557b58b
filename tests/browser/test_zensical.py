"""The demo built by Zensical, in Debian's Chromium: catalogue filters, comparison, chooser,
instant navigation, palettes and search on Zensical's theme, and axe on every page type."""

from __future__ import annotations

import re

import pytest

from ..conftest import axe_violations
from ..sites import ROOT, build_with_zensical
from .test_accessibility import NO_TRANSITIONS, PALETTES
from .test_catalogue import tick, visible_titles
from .test_privacy import PAGES

pytestmark = pytest.mark.browser


def status(page) -> str:
    """The catalogue's result count (Zensical's dialog is a status region too)."""
    return page.locator(".participation-catalogue__status").inner_text()


@pytest.fixture(scope="module")
def base(tmp_path_factory, serve) -> str:
    """The Zensical build of the demo, served where its site_url says: instant navigation only
    takes over links to the pages its sitemap lists."""
    root = tmp_path_factory.mktemp("zensical-browser")
    url = serve(root / "site")
    built = build_with_zensical(ROOT, root, site_url=url)
    assert built.ok, built.output
    return url


def test_catalogue_filters_cards_by_facet(tab, base):
    page = tab.page
    page.goto(base + "methodes/")
    everything = visible_titles(page)
    assert len(everything) > 10
    assert status(page) == f"{len(everything)} fiches sur {len(everything)}"
    tick(page, "niveau", "Concerter")
    expected = page.locator(
        '.participation-entry[data-facets~="niveau=concerter"] .participation-entry__title'
    ).all_text_contents()
    assert 0 < len(expected) < len(everything)
    assert visible_titles(page) == expected
    assert status(page) == f"{len(expected)} fiches sur {len(everything)}"
    page.wait_for_function("() => location.search === '?niveau=concerter'", timeout=5000)


def test_comparison_shows_the_methods_the_address_names(tab, base):
    page = tab.page
    page.goto(base + "comparer/?m=atelier-citoyen,jury-citoyen")
    headers = page.locator(".participation-comparison__table thead th a")
    headers.first.wait_for()
    assert headers.evaluate_all("links => links.map(link => link.pathname)") == [
        "/methodes/atelier-citoyen/",
        "/methodes/jury-citoyen/",
    ]
    assert page.locator("tbody tr.participation-comparison__differs, tbody tr[data-differs]")


def test_two_tools_ticked_in_the_tools_catalogue_are_compared(tab, base):
    page = tab.page
    page.goto(base + "outils/")
    page.get_by_role("checkbox", name="Comparer Decidim").check()
    page.get_by_role("checkbox", name="Comparer Pol.is").check()
    bar = page.get_by_role("region", name=re.compile("Outils à comparer"))
    bar.get_by_role("link", name="Comparer ces outils").click()
    page.wait_for_url(base + "comparer-outils/?m=decidim,polis")
    headers = page.locator(".participation-comparison__table thead th a")
    headers.first.wait_for()
    assert headers.all_inner_texts() == ["Decidim", "Pol.is"]
    assert page.locator("tr[data-row=licence] td").count() == 2
    assert not page.get_by_role("region", name=re.compile("Méthodes à comparer")).count()
    assert tab.errors == []


def test_chooser_ranks_methods_and_links_to_the_filtered_catalogue(tab, base):
    page = tab.page
    page.goto(base + "choisir/?niveau=concerter&format=presentiel")
    results = page.locator(".participation-chooser__result")
    results.first.wait_for()
    assert results.count() > 2
    catalogue = page.locator("[data-chooser-catalogue]")
    # Hybrid methods also suit a face-to-face project.
    assert catalogue.get_attribute("href") == (
        base + "methodes/?niveau=concerter&format=presentiel,hybride"
    )
    first = results.first.locator("h3 a")
    title = first.inner_text()
    first.click()
    page.locator("h1").filter(has_text=title).wait_for()


def test_scripts_follow_instant_navigation_and_the_selection_follows(tab, base):
    page = tab.page
    page.goto(base + "methodes/")
    page.evaluate("window.__stayed = true")
    page.locator(".participation-entry__title a", has_text="atelier citoyen").first.click()
    page.wait_for_url(base + "methodes/atelier-citoyen/")
    toggle = page.locator("div.participation .participation-compare-toggle")
    toggle.wait_for()
    toggle.locator("input").check()
    page.locator(".md-tabs, .md-nav").get_by_role(
        "link", name="Comparer des méthodes"
    ).first.click()
    page.wait_for_url(re.compile(re.escape(base) + r"comparer/"))
    page.locator(".participation-comparison__table thead th a").first.wait_for()
    assert page.evaluate("window.__stayed === true"), "the page was loaded again, not instantly"
    assert page.locator(".participation-comparison__table thead th a").evaluate_all(
        "links => links.map(link => link.pathname)"
    ) == ["/methodes/atelier-citoyen/"]


def test_the_dark_palette_changes_the_cards_colours(tab, base):
    page = tab.page
    page.goto(base + "methodes/")
    entry = page.locator(".participation-entry").first
    light = entry.evaluate("e => getComputedStyle(e).backgroundColor + getComputedStyle(e).color")
    page.locator("label[for=__palette_1]").click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    dark = entry.evaluate("e => getComputedStyle(e).backgroundColor + getComputedStyle(e).color")
    assert dark != light


def test_site_search_finds_a_card_by_a_word_of_its_lists(tab, base):
    page = tab.page
    page.goto(base)
    page.locator(".md-search__button").click()
    # Zensical's search field lives in its own component, which takes the focus.
    page.locator("input[aria-label=Search]").wait_for()
    page.keyboard.type("clivants")
    # A word of the list "Priorités pour l’organisateur" of the atelier citoyen.
    page.locator("a[href*='/methodes/atelier-citoyen/?h=clivants']").first.wait_for()


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_every_page_type_has_no_wcag_violation(browser, base, palette):
    context = browser.new_context(color_scheme=palette, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for name, url in PAGES.items():
        page.goto(base + url)
        assert page.evaluate("document.body.dataset.mdColorScheme") == PALETTES[palette]
        # Zensical sets the palette once its script runs: colours would be read mid-transition.
        page.add_style_tag(content=NO_TRANSITIONS)
        page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
        violations = axe_violations(page)
        if violations:
            found[name] = violations
    context.close()
    assert found == {}
