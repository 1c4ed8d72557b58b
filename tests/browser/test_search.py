"""Material's search on the demo toolbox, in Debian's Chromium: real queries, ranked results."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def results(page, base: str, query: str) -> list[str]:
    """The pages search lists for ``query``, best first, as site-relative URLs."""
    page.goto(base + "?q=" + query)
    page.locator(".md-search-result__item").first.wait_for()
    return page.locator(
        ".md-search-result__item > a.md-search-result__link:first-child"
    ).evaluate_all("links => links.map(a => new URL(a.href).pathname.slice(1))")


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_a_short_word_of_the_query_matches_no_longer_word(page, demo_url):
    found = results(page, demo_url, "tirage au sort")
    assert found[:3] and all(url.startswith("methodes/") for url in found[:3]), found
    assert "methodes/jury-citoyen/" in found[:3]
    assert not any("autriche" in url or "salzburg" in url for url in found[:6]), (
        "'au' does not match 'Autriche'"
    )
    assert not {"accessibilite/", "securite/"} & set(found[:6])
    online = results(page, demo_url, "consultation en ligne")
    assert online[0] == "methodes/consultation-en-ligne/"
    assert "methodes/enquete-publique/" not in online[:4], "'en' does not match 'enquête'"


def test_a_word_finds_the_forms_and_synonyms_the_cards_use(page, demo_url):
    drawing = results(page, demo_url, "tirage")
    assert "methodes/jury-citoyen/" in drawing[:5]
    assert "exemples/assemblee-citoyenne-irlande/" in drawing, "it says tirés, its keywords tirage"
    drawn = results(page, demo_url, "tirés")
    assert "methodes/jury-citoyen/" in drawn and "methodes/convention-citoyenne/" in drawn
    free = results(page, demo_url, "open source")
    assert free[:3] and all(url.startswith("outils/") for url in free[:3]), free
    assert "outils/decidim/" in free[:5]


@pytest.mark.parametrize(
    ("query", "expected", "rank"),
    [
        ("jurys citoyens", "methodes/jury-citoyen/", 1),
        ("budgets participatifs", "methodes/budget-participatif/", 1),
        ("délibératives", "methodes/sondage-deliberatif/", 1),
        ("citoyennes", "methodes/convention-citoyenne/", 4),
        ("tirées", "methodes/jury-citoyen/", 3),
    ],
)
def test_a_query_finds_the_page_that_uses_other_forms_of_its_words(
    page, demo, demo_url, query, expected, rank
):
    text = demo.html(expected).lower()
    unsaid = [word for word in query.split() if not re.search(rf"\b{word}\b", text)]
    assert unsaid, f"{expected} says every word of {query!r} as it is typed"
    assert expected in results(page, demo_url, query)[:rank]


def test_another_form_of_a_title_word_weighs_as_the_title(page, demo_url):
    assert results(page, demo_url, "consultations")[0] == "methodes/consultation-en-ligne/"
