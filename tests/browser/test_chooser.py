"""The guided chooser in Debian's Chromium: from questions to ranked, explained results."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.chooser import build_chooser, rank
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES
from mkdocs_participation.core.wording import Wording

from ..conftest import axe_violations
from .test_comparison import DOCS, build_fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(tmp_path_factory, serve):
    return build_fixture(tmp_path_factory, serve)


def expected_order(answers: dict[str, str]) -> list[str]:
    """The titles in the order core/chooser.rank gives for the fixture's methods."""
    cards = [
        load_card(path, text, "methode")
        for path, text in DOCS.items()
        if path.startswith("methodes/")
    ]
    chooser = build_chooser(build_card_set(cards, []), Wording(labels_for("fr"), VOCABULARIES))
    return [result.entry.title for result in rank(chooser, answers)]


def open_chooser(page, url: str) -> None:
    """Opens the chooser at ``url`` and waits for the methods' data to have come."""
    page.goto(url)
    page.locator("[data-participation-chooser][data-ready]").wait_for(state="attached")


def result_titles(page) -> list[str]:
    return page.locator(".participation-chooser__result h3").all_inner_texts()


def test_from_questions_to_results_by_keyboard(tab, base):
    page = tab.page
    open_chooser(page, base + "choisir/")
    assert not page.locator("[data-chooser-results]").is_visible()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "niveau":
            break
    assert page.evaluate("document.activeElement.value") == ""  # "Sans préférence"
    page.keyboard.press("ArrowRight")  # Consulter
    page.keyboard.press("ArrowRight")  # Concerter
    page.keyboard.press("Tab")  # format
    page.keyboard.press("ArrowRight")  # Présentiel
    page.keyboard.press("Tab")  # scale: skipped
    page.keyboard.press("Tab")  # participants: skipped
    page.keyboard.press("Tab")  # time: skipped
    page.keyboard.press("Tab")  # budget
    page.keyboard.press("ArrowRight")  # Faible
    for _ in range(5):  # the questions after it: skipped
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "BUTTON":
            break
    assert page.evaluate("document.activeElement.textContent") == "Voir les méthodes adaptées"
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", name="Méthodes classées pour votre projet")
    assert heading.is_visible()
    assert page.evaluate("document.activeElement.id") == "participation-chooser-results"
    assert page.url == base + "choisir/?niveau=concerter&format=presentiel&cout=faible"
    answers = {"niveau": "concerter", "cout": "faible", "format": "presentiel"}
    assert result_titles(page) == expected_order(answers)
    first = page.locator(".participation-chooser__result").first
    assert first.locator("h3").inner_text() == "Forum ouvert"
    assert first.locator(".participation-chooser__score").inner_text() == "Score : 6 sur 6"
    reasons = first.locator(".participation-chooser__reason--match li").all_inner_texts()
    assert reasons == [
        "Niveau de participation : Concerter",
        "Format : Présentiel",
        "Coût : Faible",
    ]
    atelier = page.locator(".participation-chooser__result[data-slug=atelier]")
    assert atelier.locator(".participation-chooser__reason--partial li").all_inner_texts() == [
        "Coût : Moyen"
    ]
    jury = page.locator(".participation-chooser__result[data-slug=jury]")
    assert jury.locator(".participation-chooser__reason--mismatch li").all_inner_texts() == [
        "Coût : Élevé"
    ]
    # The count is announced again, 100 ms after the results take the focus.
    expect(page.locator("[data-chooser-summary]")).to_have_text(
        "5 méthodes classées selon vos réponses à 3 question(s) sur 6."
    )
    assert tab.errors == [] and tab.foreign == []


def test_state_in_the_url_gives_the_same_ranking_as_the_core(tab, base):
    page = tab.page
    answers = {"echelle": "locale", "participants": "150-plus", "duree": "plusieurs-semaines"}
    open_chooser(page, base + "choisir/?" + "&".join(f"{k}={v}" for k, v in answers.items()))
    assert page.locator("input[name=echelle][value=locale]").is_checked()
    assert page.locator("input[name=niveau][value='']").is_checked()
    assert result_titles(page) == expected_order(answers)
    open_chooser(page, base + "choisir/?niveau=inconnu&couleur=bleu")
    assert page.locator("input[name=niveau][value='']").is_checked()
    assert not page.locator("[data-chooser-results]").is_visible()


def test_results_link_to_the_filtered_catalogue_and_to_the_comparison(tab, base):
    page = tab.page
    open_chooser(page, base + "choisir/?niveau=concerter&cout=moyen&participants=20-49")
    catalogue = page.get_by_role(
        "link", name="Voir dans le catalogue les méthodes qui remplissent ces critères"
    )
    assert catalogue.get_attribute("href") == (
        base + "methodes/?niveau=concerter&participants=20-49&cout=faible,moyen"
    )
    compare = page.get_by_role("link", name="Comparer les 3 premières")
    top = page.locator(".participation-chooser__result").evaluate_all(
        "items => items.slice(0, 3).map(item => item.dataset.slug)"
    )
    assert compare.get_attribute("href") == base + "comparer/?m=" + ",".join(top)
    compare.click()
    page.wait_for_url(base + "comparer/?m=" + ",".join(top))
    headers = page.locator(".participation-comparison__table thead th a")
    headers.first.wait_for()
    assert headers.evaluate_all("links => links.map(link => link.pathname)") == [
        f"/methodes/{slug}/" for slug in top
    ]


def test_skipping_every_question_asks_for_an_answer(tab, base):
    page = tab.page
    open_chooser(page, base + "choisir/")
    page.get_by_role("button", name="Voir les méthodes adaptées").click()
    assert page.locator("[data-chooser-summary]").inner_text() == (
        "Répondez à au moins une question pour classer les méthodes."
    )
    assert not page.locator("[data-chooser-results]").is_visible()
    assert page.url == base + "choisir/"


def test_without_javascript_the_chooser_points_to_the_catalogue(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "choisir/")
    assert page.get_by_text("Le classement a besoin de JavaScript.").is_visible()
    assert (
        page.get_by_role("link", name="Voir le catalogue des méthodes").get_attribute("href")
        == "../methodes/"
    )
    rule = page.locator("details.participation-chooser__rule")
    assert rule.get_attribute("open") is None, "the scoring explanation starts folded"
    rule.locator("summary", has_text="Comment le classement est calculé").click()
    assert rule.get_attribute("open") is not None
    assert not page.locator("[data-chooser-form]").is_visible()
    context.close()


@pytest.mark.parametrize("url", ["choisir/", "choisir/?niveau=concerter&format=en-ligne"])
def test_no_wcag_violation(tab, base, url):
    open_chooser(tab.page, base + url)
    assert axe_violations(tab.page) == []


def test_results_come_to_the_top_of_the_screen_and_are_announced(browser, demo_url):
    for width, height in ((1280, 900), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(demo_url + "choisir/")
        page.locator("input[name=niveau][value=concerter]").check()
        page.get_by_role("button", name="Voir les méthodes adaptées").click()
        heading = page.get_by_role("heading", name="Méthodes classées pour votre projet")
        page.wait_for_function("document.activeElement.id === 'participation-chooser-results'")
        top = heading.bounding_box()["y"]
        assert 40 <= top <= 200, f"the results' heading is near the top at {width} px: {top}"
        summary = page.locator("[data-chooser-summary]")
        assert summary.get_attribute("role") == "status"
        page.wait_for_function(
            "document.querySelector('[data-chooser-summary]').textContent.includes('classées')"
        )
        first = page.locator(".participation-chooser__result").first
        assert first.locator(".participation-chooser__reason--match li").count() > 0, (
            "each result says why it is ranked there"
        )
        context.close()


def test_levels_and_ways_of_recruiting_are_defined_where_they_are_asked(tab, demo_url):
    page = tab.page
    page.goto(demo_url + "choisir/")
    consult = page.get_by_role("radio", name="Consulter", exact=True)
    described = page.locator("#" + consult.get_attribute("aria-describedby"))
    assert described.inner_text().startswith("Les participants donnent leur avis")
    draw = page.get_by_role("radio", name="Tirage au sort", exact=True)
    assert (
        page.locator("#" + draw.get_attribute("aria-describedby"))
        .inner_text()
        .startswith("Les participants sont tirés au sort")
    )
    page.get_by_role("link", name="Définitions dans le lexique : Niveau de participation").click()
    page.wait_for_url(demo_url + "lexique/#niveau")
    assert page.locator("dt#niveau-concerter").inner_text() == "Concerter"
    assert page.locator("dt#recrutement-panel").inner_text() == "Panel représentatif"
    page.goto(demo_url + "methodes/jury-citoyen/")
    glossary = page.get_by_role("link", name="Que veulent dire ces termes ? Voir le lexique")
    assert glossary.evaluate("a => a.href") == demo_url + "lexique/"
    assert axe_violations(page) == []
    page.goto(demo_url + "lexique/")
    assert axe_violations(page) == []
