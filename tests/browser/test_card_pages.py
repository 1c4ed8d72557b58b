"""Card pages in Debian's Chromium: video on request only, no third-party host, axe-core clean."""

from __future__ import annotations

import re

import pytest

from ..conftest import axe_violations
from ..sites import card
from ..test_plugin_pages import SEED_SITE

TOOL = card(
    """
title: Agora
tagline: Une plateforme de consultation
categorie: outil
contract: Logiciel libre – AGPL v3
domain: https://agora.example.org
owner: Collectif Agora
contact: bonjour@agora.example.org
url_video_demo: https://www.youtube.com/watch?v=NdjvAjnzqaQ
details_techniques:
- name: Langage
  content: Python
- name: Code source
  link: https://code.example.org/agora
  content: https://code.example.org/agora
feature_inclus:
- Une consultation
feature_plusloin:
- Des votes
clients:
- Communes
doc_tech: https://docs.agora.example.org
""",
    "## Présentation\n\nUn outil de test.",
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory, serve):
    from ..sites import build_site

    built = build_site(
        tmp_path_factory.mktemp("cards"),
        {**SEED_SITE, "outils/agora.md": TOOL},
    )
    assert built.ok, built.problems
    return serve(built.site_dir)


def test_video_loads_only_after_a_click(tab, pages):
    page = tab.page
    page.goto(pages + "methodes/atelier-citoyen/")
    page.wait_for_load_state("networkidle")
    assert tab.foreign == []
    assert page.locator("iframe").count() == 0
    button = page.get_by_role("button", name="Lire la vidéo")
    button.focus()
    page.keyboard.press("Enter")
    iframe = page.locator(".participation-video iframe")
    assert iframe.get_attribute("src") == "https://www.dailymotion.com/embed/video/x711dei"
    assert "L'atelier citoyen" in iframe.get_attribute("title")
    page.wait_for_timeout(200)
    assert any(
        url.startswith("https://www.dailymotion.com/embed/video/x711dei") for url in tab.foreign
    )
    assert tab.errors == []


def test_youtube_plays_from_the_no_cookie_host(tab, pages):
    page = tab.page
    page.goto(pages + "outils/agora/")
    page.get_by_role("button", name="Lire la vidéo").click()
    assert page.locator("iframe").get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/NdjvAjnzqaQ"
    )


def test_without_javascript_the_video_is_a_link(browser, pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(pages + "methodes/atelier-citoyen/")
    assert not page.get_by_role("button", name="Lire la vidéo").is_visible()
    link = page.get_by_role("link", name="Voir la vidéo sur Dailymotion")
    assert link.get_attribute("href") == "https://www.dailymotion.com/video/x711dei"
    context.close()


@pytest.mark.parametrize("url", ["methodes/atelier-citoyen/", "outils/agora/"])
def test_card_pages_have_no_wcag_violation(tab, pages, url):
    tab.page.goto(pages + url)
    assert axe_violations(tab.page) == []
    assert tab.foreign == []


def test_method_page_prints_as_a_clean_card(tab, pages):
    page = tab.page
    page.goto(pages + "methodes/atelier-citoyen/")
    page.emulate_media(media="print")
    assert not page.locator(".participation-video__frame").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.participation-owner a'), '::after').content"
    )
    assert "mailto:participationcitoyenne@modernisation.gouv.fr" in after
    address = page.locator(".participation [data-participation-address]")
    assert address.inner_text() == f"Page en ligne : {pages}methodes/atelier-citoyen/"
    notice = page.locator(".participation-video__notice")
    assert "cliquez" not in notice.inner_text(), "no on-screen instruction on paper"
    assert "Voir la vidéo sur" in notice.inner_text()
    assert not page.locator(".participation-back").is_visible()
    page.emulate_media(media="screen")
    assert not address.is_visible() and "cliquez" in notice.inner_text()
    page.emulate_media(media="print")
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_site_search_finds_a_card_by_its_lists_and_facts_and_opens_the_section(tab, demo_url):
    page = tab.page
    page.goto(demo_url)
    query = page.locator("input[data-md-component=search-query]")
    query.click()
    page.keyboard.type("tirage au sort")
    page.locator('a.md-search-result__link[href*="methodes/"]').first.wait_for()
    query.fill("")
    page.keyboard.type("indépendance comité")
    hit = page.locator(
        'a.md-search-result__link[href*="/methodes/atelier-citoyen/"]'
        '[href$="#facteurs-cles-de-succes"]'
    )
    hit.first.wait_for(state="attached")  # may sit folded under the page's first result
    assert "l’indépendance stricte du comité" in hit.first.text_content()
    page.goto(hit.first.get_attribute("href"))
    assert re.search(r"/methodes/atelier-citoyen/\?h=[^#]*#facteurs-cles-de-succes$", page.url)
    assert page.locator("section.participation-list--facteurs-cles-de-succes").is_visible()
    assert tab.errors == []
