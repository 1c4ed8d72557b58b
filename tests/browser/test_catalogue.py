"""The catalogue in Debian's Chromium: filters, text, reset, sort, URL, history, no-JS, axe."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ..conftest import axe_violations
from ..sites import build_site, card

pytestmark = pytest.mark.browser

CARDS = {
    "methodes/jury.md": card("""
title: Jury citoyen
tagline: Des citoyens tirés au sort rendent un avis
niveau: concerter
format: presentiel
echelle: [locale, regionale]
participants: {min: 15, max: 40}
duree: plusieurs-jours
cout: eleve
ordre: 1
atouts:
  - Une légitimité forte
"""),
    "methodes/atelier.md": card("""
title: Atelier citoyen
tagline: Un petit groupe produit des propositions
niveau: co-construire
format: presentiel
echelle: locale
participants: {min: 10, max: 25}
duree: une-journee
cout: faible
"""),
    "methodes/sondage.md": card("""
title: Sondage en ligne
tagline: Rapide et large
niveau: consulter
format: en-ligne
echelle: nationale
participants: {min: 1000}
duree: quelques-heures
cout: faible
"""),
    "methodes/budget.md": card("""
title: Budget participatif
tagline: Les habitants décident de l’œuvre commune
niveau: co-decider
format: hybride
echelle: locale
participants: {min: 200}
duree: plusieurs-mois
cout: eleve
"""),
    "methodes/conference.md": card("""
title: Conférence de consensus
tagline: Un panel interroge des experts
niveau: concerter
format: hybride
echelle: nationale
participants: {min: 15, max: 20}
duree: plusieurs-semaines
cout: moyen
"""),
    "methodes/debat.md": card("title: Débat public\ntagline: Une fiche sans attributs"),
}
ORDER = [
    "Jury citoyen",
    "Atelier citoyen",
    "Budget participatif",
    "Conférence de consensus",
    "Débat public",
    "Sondage en ligne",
]


@pytest.fixture(scope="module")
def toolbox(tmp_path_factory, serve):
    """The fixture site, served where its site_url says: Material's instant navigation only
    intercepts links to the pages its sitemap lists."""
    root = tmp_path_factory.mktemp("catalogue")
    url = serve(root / "site")
    built = build_site(
        root,
        {"index.md": "# Accueil\n\n[Les méthodes](methodes/index.md)\n", **CARDS},
        theme={
            "name": "material",
            "language": "fr",
            "font": False,
            "features": ["navigation.instant"],
        },
        site_url=url,
    )
    assert built.ok, built.problems
    return url


def visible_titles(page) -> list[str]:
    return page.locator(
        ".participation-entry:visible .participation-entry__title"
    ).all_text_contents()


def words_fetched(page) -> None:
    """Waits for the cards' search words, which the catalogue fetches once text is typed."""
    page.locator("[data-participation-catalogue][data-words-ready]").wait_for(state="attached")


def row_titles(page) -> list[str]:
    return page.locator("tbody tr:visible th > a").all_text_contents()


def await_query(page, expected: str) -> None:
    """Wait until the URL query is ``expected``: it is written just after the page updates."""
    page.wait_for_function("query => location.search === query", arg=expected, timeout=5000)


def tick(page, facet: str, option: str) -> None:
    details = page.locator(f"details[data-facet={facet}]")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    details.get_by_role("checkbox", name=re.compile(f"^{option} ")).click()


def status(page) -> str:
    return page.get_by_role("status").inner_text()


def test_filters_any_of_within_a_facet_all_of_across_facets(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/")
    assert visible_titles(page) == ORDER
    assert status(page) == "6 fiches sur 6"
    tick(page, "niveau", "Concerter")
    assert visible_titles(page) == ["Jury citoyen", "Conférence de consensus"]
    assert status(page) == "2 fiches sur 6"
    tick(page, "niveau", "Consulter")
    assert visible_titles(page) == ["Jury citoyen", "Conférence de consensus", "Sondage en ligne"]
    tick(page, "format", "Hybride")
    assert visible_titles(page) == ["Conférence de consensus"]
    await_query(page, "?niveau=consulter,concerter&format=hybride")
    counts = page.locator("details[data-facet=niveau] .participation-facet__count")
    assert counts.all_inner_texts() == ["(0)", "(1)", "(0)", "(1)", "(0)"], (
        "a level counts the hybrid cards it would show"
    )
    assert (
        page.locator("details[data-facet=format] [data-token='format=presentiel']").inner_text()
        == "(2)"
    ), "a format counts the cards of the chosen levels, a hybrid one under in person too"
    assert tab.errors == [] and tab.foreign == []


def test_not_provided_is_a_value_of_every_facet(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/")
    tick(page, "cout", "Non renseigné")
    assert visible_titles(page) == ["Débat public"]
    assert status(page) == "1 fiche sur 6"


def test_text_filter_ignores_case_accents_and_ligatures(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/")
    search = page.get_by_label("Rechercher")
    search.fill("TIRES")
    words_fetched(page)
    assert visible_titles(page) == ["Jury citoyen"]
    search.fill("oeuvre habitants")
    assert visible_titles(page) == ["Budget participatif"]
    search.fill("legitimité")
    assert visible_titles(page) == ["Jury citoyen"], "the lists are searched too"
    search.fill("citoyen consensus")
    assert visible_titles(page) == []
    assert page.get_by_text("Aucune fiche ne correspond à ces critères.").is_visible()
    assert status(page) == "0 fiche sur 6"
    search.fill("conf")
    assert visible_titles(page) == ["Conférence de consensus"]
    await_query(page, "?q=conf")


def test_reset_clears_filters_and_text(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/?niveau=concerter&q=jury")
    words_fetched(page)
    assert visible_titles(page) == ["Jury citoyen"]
    page.get_by_role("button", name="Réinitialiser les filtres").click()
    assert visible_titles(page) == ORDER
    assert page.get_by_label("Rechercher").input_value() == ""
    assert page.locator(".participation-filters input:checked").count() == 0
    await_query(page, "")


def test_table_sorts_by_any_column_with_missing_values_last(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/")
    page.get_by_role("button", name="Tableau").click()
    assert page.locator(".participation-entry:visible").count() == 0
    assert row_titles(page) == ORDER
    cost = page.get_by_role("columnheader", name="Coût")
    cost.get_by_role("button").click()
    assert cost.get_attribute("aria-sort") == "ascending"
    assert row_titles(page)[:2] == ["Atelier citoyen", "Sondage en ligne"]
    assert row_titles(page)[-1] == "Débat public"
    cost.get_by_role("button").click()
    assert cost.get_attribute("aria-sort") == "descending"
    assert row_titles(page)[:2] == ["Jury citoyen", "Budget participatif"]
    assert row_titles(page)[-1] == "Débat public"
    await_query(page, "?vue=tableau&tri=-cout")
    page.get_by_role("columnheader", name="Nombre de participants").get_by_role("button").click()
    assert row_titles(page) == [
        "Atelier citoyen",
        "Conférence de consensus",
        "Jury citoyen",
        "Budget participatif",
        "Sondage en ligne",
        "Débat public",
    ]
    assert cost.get_attribute("aria-sort") is None


def test_the_url_restores_every_part_of_the_state(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/?niveau=concerter,co-decider&q=Un&vue=tableau&tri=-title")
    words_fetched(page)
    assert row_titles(page) == ["Jury citoyen", "Conférence de consensus"], (
        "words match from their start: 'commune' does not match 'un'"
    )
    assert page.get_by_label("Rechercher").input_value() == "Un"
    assert page.locator("details[data-facet=niveau]").get_attribute("open") is None, (
        "a shared link opens with its filter groups folded: the results come first"
    )
    assert page.locator("[data-participation-chips] button").all_inner_texts() == [
        "Niveau de participation : Concerter",
        "Niveau de participation : Co-décider",
        "Texte « Un »",
    ]
    assert page.locator("input[name=niveau][value=co-decider]").is_checked()
    assert page.get_by_role("button", name="Tableau").get_attribute("aria-pressed") == "true"
    assert page.get_by_role("columnheader", name="Titre").get_attribute("aria-sort") == "descending"
    page.reload()
    words_fetched(page)
    assert row_titles(page) == ["Jury citoyen", "Conférence de consensus"]


def test_back_and_forward_walk_through_the_filters(tab, toolbox):
    page = tab.page
    page.goto(toolbox)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="Les méthodes").first.click()
    page.wait_for_url("**/methodes/")
    assert page.evaluate("window.sameDocument"), "Material's instant navigation loaded the page"
    tick(page, "niveau", "Concerter")
    await_query(page, "?niveau=concerter")
    tick(page, "format", "Hybride")
    await_query(page, "?niveau=concerter&format=hybride")
    assert visible_titles(page) == ["Conférence de consensus"]
    page.go_back()
    page.wait_for_url(re.compile(r"\?niveau=concerter$"))
    assert visible_titles(page) == ["Jury citoyen", "Conférence de consensus"]
    assert not page.get_by_role("checkbox", name=re.compile("^Hybride ")).is_checked()
    page.go_back()
    page.wait_for_url(re.compile(r"/methodes/$"))
    assert visible_titles(page) == ORDER
    page.go_forward()
    page.wait_for_url(re.compile(r"\?niveau=concerter$"))
    assert visible_titles(page) == ["Jury citoyen", "Conférence de consensus"]
    assert page.evaluate("window.sameDocument")
    assert tab.errors == []


def test_everything_works_from_the_keyboard(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/")
    page.get_by_label("Rechercher").focus()
    page.keyboard.type("budget")
    assert visible_titles(page) == ["Budget participatif"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Niveau de participation"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.value") == "consulter"
    assert visible_titles(page) == []
    page.get_by_role("button", name="Réinitialiser les filtres").focus()
    page.keyboard.press("Enter")
    assert visible_titles(page) == ORDER
    page.get_by_role("button", name="Tableau").focus()
    page.keyboard.press("Space")
    page.get_by_role("columnheader", name="Durée").get_by_role("button").focus()
    page.keyboard.press("Enter")
    assert row_titles(page)[0] == "Sondage en ligne"


def test_without_javascript_every_card_is_readable_and_the_table_left_out(browser, toolbox):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(toolbox + "methodes/")
        assert visible_titles(page) == ORDER
        assert row_titles(page) == [], "the cards show the table's values"
        assert (
            page.get_by_role("link", name="Jury citoyen").first.get_attribute("href")
            == "../methodes/jury/"
        )
        assert page.locator("form[data-participation-filters]").is_hidden()
        assert page.get_by_role("button", name="Tableau").count() == 0
        assert page.get_by_text("15 à 40 personnes").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("view", ["cartes", "tableau"])
def test_catalogue_and_table_have_no_wcag_violation(tab, toolbox, view):
    page = tab.page
    page.goto(toolbox + f"methodes/?vue={view}&niveau=concerter")
    page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
    assert axe_violations(page) == []
    assert tab.errors == [] and tab.foreign == []


@pytest.fixture(scope="module")
def crowded(tmp_path_factory, serve):
    """65 cards: more than a page of the catalogue."""
    root = tmp_path_factory.mktemp("crowded")
    docs = {
        f"methodes/m{number:02d}.md": card(
            f"title: Méthode {number:02d}\ntagline: Numéro {number}\n"
            f"format: {'presentiel' if number % 2 else 'en-ligne'}"
        )
        for number in range(65)
    }
    built = build_site(root, docs)
    assert built.ok, built.problems
    return serve(built.site_dir)


def test_a_long_list_shows_a_page_at_a_time_and_more_on_request(tab, crowded):
    page = tab.page
    page.goto(crowded + "methodes/")
    assert len(visible_titles(page)) == 60
    assert status(page) == "65 fiches sur 65"
    more = page.get_by_role("button", name="Afficher 5 fiches de plus")
    more.focus()
    page.keyboard.press("Enter")
    assert len(visible_titles(page)) == 65
    assert page.evaluate("document.activeElement.textContent") == "Méthode 60"
    assert more.is_hidden()
    tick(page, "format", "Présentiel")
    assert len(visible_titles(page)) == 32, "fewer than a page: all shown"
    page.get_by_role("button", name="Réinitialiser les filtres").click()
    assert len(visible_titles(page)) == 60, "a new selection starts at its first page"
    page.get_by_role("button", name="Tableau").click()
    page.get_by_role("columnheader", name="Titre").get_by_role("button").click()
    page.get_by_role("columnheader", name="Titre").get_by_role("button").click()
    assert row_titles(page)[:2] == ["Méthode 64", "Méthode 63"]
    assert len(row_titles(page)) == 60
    page.get_by_role("button", name="Afficher 5 fiches de plus").click()
    assert row_titles(page)[-1] == "Méthode 00"
    assert tab.errors == []


def test_without_javascript_a_long_list_is_whole(browser, crowded):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(crowded + "methodes/")
        assert len(visible_titles(page)) == 65
    finally:
        context.close()


def chips(page) -> list[str]:
    return page.locator("[data-participation-chips] button").all_inner_texts()


def test_on_a_phone_the_results_come_first_and_the_filters_open_from_a_counted_button(
    browser, toolbox
):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(toolbox + "methodes/?niveau=concerter,co-decider")
    button = page.get_by_role("button", name="Filtres (2)")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator("[data-participation-filters]").is_visible()
    first = page.locator(".participation-entry:visible").first.bounding_box()
    assert first["y"] < 844, "the first result is on the first screen"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.get_by_label("Rechercher").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    context.close()


def test_active_filters_show_as_chips_that_remove_them_and_name_the_page(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/?niveau=concerter&format=hybride&q=panel")
    assert chips(page) == [
        "Niveau de participation : Concerter",
        "Format : Hybride",
        "Texte « panel »",
    ]
    assert page.title().startswith(
        "Niveau de participation : Concerter, Format : Hybride, Texte « panel » – "
    )
    page.get_by_role("button", name="Retirer le filtre Niveau de participation : Concerter").click()
    await_query(page, "?format=hybride&q=panel")
    assert chips(page) == ["Format : Hybride", "Texte « panel »"]
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Format : Hybride", "the focus stays on the chips"
    page.get_by_role("button", name="Retirer le filtre Texte « panel »").click()
    page.get_by_role("button", name="Retirer le filtre Format : Hybride").click()
    await_query(page, "")
    assert not page.locator("[data-participation-chips]").is_visible()
    assert not page.title().startswith("Format")
    assert tab.errors == []


def test_nothing_found_proposes_the_criterion_to_take_away_with_its_count(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/?niveau=co-decider&cout=faible")
    assert visible_titles(page) == []
    relax = page.locator("[data-participation-relax] button")
    assert relax.all_inner_texts() == [
        "Sans « Niveau de participation : Co-décider » : 2 fiches",
        "Sans « Coût : Faible » : 1 fiche",
    ]
    relax.first.click()
    await_query(page, "?cout=faible")
    assert sorted(visible_titles(page)) == ["Atelier citoyen", "Sondage en ligne"]
    page.goto(toolbox + "methodes/?niveau=co-decider&q=sondage")
    assert page.locator("[data-participation-relax] button").all_inner_texts() == [
        "Sans « Niveau de participation : Co-décider » : 1 fiche",
        "Sans « Texte « sondage » » : 1 fiche",
    ]
    assert tab.errors == []


def test_the_link_of_a_selection_is_copied(browser, toolbox):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(toolbox + "methodes/?format=hybride")
    copy = page.get_by_role("button", name="Copier le lien")
    copy.click()
    page.get_by_role("button", name="Lien copié").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == toolbox + "methodes/?format=hybride"
    context.close()


def test_a_printed_catalogue_lists_its_filters_and_its_address(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/?cout=eleve")
    page.emulate_media(media="print")
    assert not page.locator("[data-participation-filters]").is_visible()
    assert not page.get_by_role("button", name="Copier le lien").is_visible()
    assert page.locator("[data-participation-chips]").inner_text().split("\n")[0] == (
        "Filtres appliqués :"
    )
    assert "Coût : Élevé" in page.locator("[data-participation-chips]").inner_text()
    address = page.locator(".participation-catalogue [data-participation-address]")
    assert address.inner_text() == f"Page en ligne : {toolbox}methodes/?cout=eleve"


def test_a_card_page_leads_back_to_the_results_with_their_filters(tab, toolbox):
    page = tab.page
    page.goto(toolbox + "methodes/?cout=eleve")
    page.get_by_role("link", name="Jury citoyen").first.click()
    page.wait_for_url(toolbox + "methodes/jury/")
    back = page.get_by_role("link", name="Retour aux résultats")
    assert back.get_attribute("href") == toolbox + "methodes/?cout=eleve"
    back.click()
    page.wait_for_url(toolbox + "methodes/?cout=eleve")
    # Instant navigation swaps the page in first; the catalogue then applies its filters.
    expect(page.locator(".participation-entry:visible")).to_have_count(2)
    assert sorted(visible_titles(page)) == ["Budget participatif", "Jury citoyen"]
    context = tab.page.context.browser.new_context()
    fresh = context.new_page()
    fresh.goto(toolbox + "methodes/jury/")
    plain = fresh.locator(".participation-back a")
    assert (plain.inner_text(), plain.evaluate("a => a.href")) == (
        "Méthodes",
        toolbox + "methodes/",
    ), "a visitor who did not come from the catalogue gets the plain link to it"
    context.close()
