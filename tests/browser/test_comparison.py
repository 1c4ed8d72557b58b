"""Choosing methods or tools and comparing them, in Debian's Chromium, with Material's instant
navigation."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from ..conftest import axe_violations
from ..sites import build_site, card

pytestmark = pytest.mark.browser

METHODS = {
    "atelier": """
title: Atelier citoyen
tagline: Des habitants délibèrent ensemble
niveau: concerter
format: presentiel
echelle: [locale, departementale]
participants: {min: 15, max: 40}
duree: une-journee
cout: moyen
owner: DITP
contact: atelier@example.org
priorites: [Un avis éclairé sur une question précise]
qualites: [Un commanditaire engagé, Une animation neutre]
atouts: [Des propositions concrètes, Une montée en compétence des participants]
inconvenients: [Peu de participants]
ordre: 1
""",
    "jury": """
title: Jury citoyen
tagline: Un petit groupe tiré au sort rend un avis
niveau: co-construire
format: hybride
echelle: regionale
participants: {min: 10, max: 25}
duree: plusieurs-mois
cout: eleve
owner: Commission nationale du débat public
priorites: [Un avis argumenté]
atouts: [Une légitimité forte]
inconvenients: [Coûteux, Long à organiser]
ordre: 2
""",
    "consultation": """
title: Consultation en ligne
tagline: Recueillir l’avis du plus grand nombre
niveau: consulter
format: en-ligne
echelle: nationale
participants: {min: 500}
duree: plusieurs-semaines
cout: faible
owner: Ministère
atouts: [Beaucoup de participants]
ordre: 3
""",
    "budget": """
title: Budget participatif
tagline: Les habitants décident d’une part du budget
niveau: co-decider
format: hybride
echelle: locale
participants: {min: 200}
duree: plusieurs-mois
cout: eleve
ordre: 4
""",
    "forum": """
title: Forum ouvert
tagline: Les participants font l’ordre du jour
niveau: concerter
format: presentiel
echelle: locale
participants: {min: 30, max: 150}
duree: une-journee
cout: faible
ordre: 5
""",
}
TOOLS = {
    "decidim": """
title: Decidim
tagline: Une plateforme libre née à Barcelone
licence: libre
hebergement: [auto-hebergeable, prestataire]
fonctionnalites: [budget-participatif, vote, debat]
tarif: gratuit
domain: https://decidim.org
methodes: [Budget participatif, Consultation en ligne]
ordre: 1
""",
    "consul": """
title: Consul Democracy
tagline: Une plateforme libre née à Madrid
licence: libre
hebergement: auto-hebergeable
fonctionnalites: [budget-participatif, petition]
tarif: gratuit
methodes: [Budget participatif]
ordre: 2
""",
    "loomio": """
title: Loomio
tagline: Décider en groupe
licence: libre
hebergement: [editeur, auto-hebergeable]
fonctionnalites: [debat, decision]
tarif: abonnement-modeste
ordre: 3
""",
    "agora": "title: Agora\ntagline: Une plateforme\ncategorie: outil\nordre: 4",
}
DOCS = {
    "index.md": "# Accueil\n\n"
    + "\n".join(f"- [{slug}](methodes/{slug}.md)" for slug in METHODS)
    + "\n",
    **{f"methodes/{slug}.md": card(front) for slug, front in METHODS.items()},
    **{f"outils/{slug}.md": card(front) for slug, front in TOOLS.items()},
}
INSTANT = {"name": "material", "language": "fr", "font": False, "features": ["navigation.instant"]}


def build_fixture(tmp_path_factory, serve, plugin: dict | None = None) -> str:
    """The fixture toolbox, built with --strict and the ``plugin`` options, and served; its base
    URL. Material navigates instantly only to the pages its sitemap lists, so the site's URL is
    where it is served."""
    root = tmp_path_factory.mktemp("compare")
    url = serve(root / "site")
    built = build_site(root, DOCS, theme=INSTANT, site_url=url, plugin=plugin)
    assert built.ok, built.problems
    return url


@pytest.fixture(scope="module")
def base(tmp_path_factory, serve):
    return build_fixture(tmp_path_factory, serve)


def open_comparison(page, url: str) -> None:
    """Opens the comparison at ``url`` and waits for the methods' data to have come."""
    page.goto(url)
    page.locator("[data-participation-comparison][data-ready]").wait_for(state="attached")


COLUMN_LINKS = ".participation-comparison__table thead th a"


def column_titles(page) -> list[str]:
    return page.locator(COLUMN_LINKS).all_inner_texts()


def differing_rows(page) -> list[str]:
    return page.locator("tr.participation-comparison__row--differs").evaluate_all(
        "rows => rows.map(row => row.dataset.row)"
    )


def test_selection_follows_the_visitor_across_pages_with_instant_navigation(tab, base):
    page = tab.page
    page.goto(base + "methodes/atelier/")
    toggle = page.get_by_role("checkbox", name="Comparer Atelier citoyen")
    toggle.focus()
    page.keyboard.press("Space")
    bar = page.get_by_role("region", name=re.compile("Méthodes à comparer"))
    assert bar.is_visible()
    assert bar.get_by_role("link", name="Atelier citoyen").is_visible()
    assert "au moins 2 méthodes" in bar.inner_text()
    assert bar.get_by_role("link", name="Comparer ces méthodes").count() == 0

    page.evaluate("window.sameDocument = true")
    page.get_by_role("link", name="Accueil").first.click()
    page.wait_for_url(base)
    page.get_by_role("link", name="jury", exact=True).click()
    page.wait_for_url(base + "methodes/jury/")
    page.get_by_role("checkbox", name="Comparer Jury citoyen").wait_for()
    assert page.evaluate("window.sameDocument") is True, "instant navigation did not happen"
    assert bar.is_visible() and "Atelier citoyen" in bar.inner_text()
    jury = page.get_by_role("checkbox", name="Comparer Jury citoyen")
    assert not jury.is_checked()
    jury.check()
    assert "(2 sur 4)" in bar.inner_text()
    open_link = bar.get_by_role("link", name="Comparer ces méthodes")
    assert open_link.get_attribute("href") == base + "comparer/?m=atelier,jury"

    open_link.click()
    page.wait_for_url(base + "comparer/?m=atelier,jury")
    page.locator(COLUMN_LINKS).first.wait_for()
    assert page.evaluate("window.sameDocument") is True
    assert column_titles(page) == ["Atelier citoyen", "Jury citoyen"]
    assert not bar.is_visible()
    page.go_back()
    page.wait_for_url(base + "methodes/jury/")
    page.get_by_role("checkbox", name="Comparer Jury citoyen").wait_for()
    assert page.get_by_role("checkbox", name="Comparer Jury citoyen").is_checked()
    assert tab.errors == [] and tab.foreign == []


def test_selection_survives_a_full_reload_and_is_clearable(tab, base):
    page = tab.page
    page.goto(base + "methodes/forum/")
    page.get_by_role("checkbox", name="Comparer Forum ouvert").check()
    page.goto(base + "methodes/budget/")
    page.get_by_role("checkbox", name="Comparer Budget participatif").check()
    page.reload()
    bar = page.get_by_role("region", name=re.compile("Méthodes à comparer"))
    assert bar.locator("li a").all_inner_texts() == ["Forum ouvert", "Budget participatif"]
    assert page.get_by_role("checkbox", name="Comparer Budget participatif").is_checked()
    bar.get_by_role("button", name="Retirer Budget participatif").click()
    assert not page.get_by_role("checkbox", name="Comparer Budget participatif").is_checked()
    assert "Forum ouvert" in bar.inner_text()
    bar.get_by_role("button", name="Vider la sélection").click()
    assert not bar.is_visible()
    page.reload()
    assert not page.locator("#participation-compare-bar").is_visible()
    assert tab.errors == []


def test_a_fifth_method_is_refused_with_a_clear_message(tab, base):
    page = tab.page
    open_comparison(page, base + "comparer/?m=atelier,jury,consultation,budget")
    assert len(column_titles(page)) == 4
    page.goto(base + "methodes/forum/")
    toggle = page.get_by_role("checkbox", name="Comparer Forum ouvert")
    toggle.click()
    assert not toggle.is_checked()
    bar = page.get_by_role("region", name=re.compile("Méthodes à comparer"))
    message = (
        "Vous comparez déjà 4 méthodes, le maximum : retirez-en une pour ajouter « Forum ouvert »."
    )
    assert message in bar.inner_text()
    page.wait_for_function(
        "text => document.getElementById('participation-compare-status').textContent === text",
        arg=message,
    )
    assert "(4 sur 4)" in bar.inner_text()


def test_comparison_url_round_trip_marks_differing_rows(tab, base):
    page = tab.page
    open_comparison(page, base + "comparer/?m=jury,atelier,consultation")
    assert column_titles(page) == ["Jury citoyen", "Atelier citoyen", "Consultation en ligne"]
    caption = page.locator(".participation-comparison__table caption")
    assert caption.inner_text() == (
        "Comparaison de : Jury citoyen, Atelier citoyen, Consultation en ligne"
    )
    rows = differing_rows(page)
    assert {"niveau", "format", "cout"} <= set(rows)
    assert not {"owner", "atouts", "tagline"} & set(rows), "free texts always differ: no badge"
    assert "page" not in rows and "recrutement" not in rows
    page.get_by_label("Afficher seulement les différences").check()
    shown = page.locator(".participation-comparison__table tbody tr:visible").evaluate_all(
        "rows => rows.map(row => row.dataset.row)"
    )
    assert shown == [*rows, "page"]
    page.get_by_label("Afficher seulement les différences").uncheck()
    assert page.locator("tr[data-row=atouts]").is_visible()
    assert page.locator("tr[data-row=recrutement] td").all_inner_texts() == ["Non renseigné"] * 3
    assert page.locator("tr[data-row=niveau] th").inner_text().endswith("Diffère")
    assert page.locator("tr[data-row=niveau] td").all_inner_texts() == [
        "Co-construire",
        "Concerter",
        "Consulter",
    ]
    shared = page.url
    page.goto(base)
    open_comparison(page, shared)
    assert column_titles(page) == ["Jury citoyen", "Atelier citoyen", "Consultation en ligne"]
    page.goto(base + "methodes/atelier/")
    assert page.get_by_role("checkbox", name="Comparer Atelier citoyen").is_checked()
    open_comparison(page, base + "comparer/")
    page.wait_for_url(base + "comparer/?m=jury,atelier,consultation")
    assert tab.errors == []


def test_add_and_remove_in_place_by_keyboard(tab, base):
    page = tab.page
    open_comparison(page, base + "comparer/?m=atelier,jury")
    select = page.get_by_label("Ajouter une méthode")
    assert select.locator("option[value=jury]").is_disabled()
    select.focus()
    select.select_option("forum")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(base + "comparer/?m=atelier,jury,forum")
    assert column_titles(page) == ["Atelier citoyen", "Jury citoyen", "Forum ouvert"]
    remove = page.get_by_role("button", name="Retirer Jury citoyen")
    remove.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(base + "comparer/?m=atelier,forum")
    assert column_titles(page) == ["Atelier citoyen", "Forum ouvert"]
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Retirer Forum ouvert"
    page.wait_for_function(
        "document.getElementById('participation-compare-status').textContent.includes('retirée')"
    )
    page.get_by_role("button", name="Retirer Forum ouvert").click()
    assert column_titles(page) == ["Atelier citoyen"]
    assert "au moins 2 méthodes" in page.locator("[data-comparison-message]").inner_text()
    assert tab.errors == []


def test_an_unknown_slug_gives_a_visible_message(tab, base):
    page = tab.page
    open_comparison(page, base + "comparer/?m=atelier,ancienne-methode,jury")
    message = page.locator("[data-comparison-message]")
    assert message.is_visible()
    assert "« ancienne-methode »" in message.inner_text()
    assert column_titles(page) == ["Atelier citoyen", "Jury citoyen"]
    open_comparison(page, base + "comparer/?m=nope,constructor")
    assert "« nope, constructor »" in message.inner_text()
    assert not page.locator(".participation-comparison__table").is_visible()
    assert page.get_by_text("Pour choisir les méthodes").is_visible()


@pytest.mark.parametrize(
    ("url", "kind", "table", "card", "title"),
    [
        (
            "comparer/?m=atelier,jury",
            "méthodes",
            "methodes",
            "methodes/atelier/",
            "Atelier citoyen",
        ),
        ("comparer-outils/?m=decidim,consul", "outils", "outils", "outils/decidim/", "Decidim"),
    ],
)
def test_without_javascript_the_page_explains_and_links_to_the_table(
    browser, base, url, kind, table, card, title
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + url)
    assert page.get_by_text(f"Pour choisir les {kind}, cochez « Comparer »").is_visible()
    link = page.get_by_role("link", name=f"Voir le tableau des {kind}")
    assert link.get_attribute("href") == f"../{table}/?vue=tableau"
    assert not page.locator(".participation-comparison__table").is_visible()
    page.goto(base + card)
    assert not page.get_by_role("checkbox", name=f"Comparer {title}").is_visible()
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "comparer/?m=atelier,jury,consultation",
        "comparer/",
        "methodes/atelier/",
        "comparer-outils/?m=decidim,consul,loomio",
        "outils/",
        "outils/?vue=tableau",
    ],
)
def test_no_wcag_violation_with_a_method_and_a_tool_chosen(tab, base, url):
    page = tab.page
    page.goto(base + "methodes/forum/")
    page.get_by_role("checkbox", name="Comparer Forum ouvert").check()
    page.goto(base + "outils/loomio/")
    page.get_by_role("checkbox", name="Comparer Loomio").check()
    page.goto(base + url)
    page.locator("[data-ready]").first.wait_for(state="attached")
    assert axe_violations(page) == []


def test_print_fits_three_methods_on_a4_landscape_with_links_written_out(tab, base):
    page = tab.page
    open_comparison(page, base + "comparer/?m=atelier,jury,consultation")
    page.emulate_media(media="print")
    printable = round((297 - 20) / 25.4 * 96)  # A4 landscape less 1 cm margins, in CSS px
    page.set_viewport_size({"width": printable, "height": 700})
    table = page.locator(".participation-comparison__table")
    assert table.is_visible()
    for hidden in (
        ".participation-comparison__tools",
        ".md-header",
        ".md-sidebar--primary",
        ".participation-comparison__remove",
    ):
        assert not page.locator(hidden).first.is_visible()
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= printable
    assert page.evaluate("document.documentElement.scrollWidth") <= printable
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth")
    after = page.evaluate(
        "getComputedStyle(document.querySelector('tr[data-row=page] td a'), '::after').content"
    )
    assert after == f'" ({base}methodes/atelier/)"'
    online = page.locator(".participation-comparison__online")
    assert online.is_visible() and base + "comparer/?m=atelier,jury,consultation" in (
        online.inner_text()
    )
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes, "no page in the PDF"
    assert all(float(width) > float(height) for width, height in boxes)  # landscape
    assert abs(float(boxes[0][0]) - 841.9) < 1 and abs(float(boxes[0][1]) - 595.3) < 1
    assert len(boxes) <= 3


def test_scripts_write_a_doubled_brace_of_a_label_once_as_python_does(tab, tmp_path_factory, serve):
    labels = {
        "compare_caption": "{{x}} {titles}",
        "compare_count": "{{{count}}} sur {maximum}",
        "results_other": "{{x}} {shown} fiches sur {total}",
        "chooser_score": "Score {{x}} : {points} sur {maximum}",
    }
    base = build_fixture(tmp_path_factory, serve, {"labels": labels})
    page = tab.page
    open_comparison(page, base + "comparer/?m=atelier,jury")
    caption = page.locator(".participation-comparison__table caption")
    assert caption.inner_text() == "{x} Atelier citoyen, Jury citoyen"
    bar = page.get_by_role("region", name=re.compile("Méthodes à comparer"))
    page.goto(base + "methodes/forum/")
    assert "({2} sur 4)" in bar.inner_text()
    page.goto(base + "methodes/")
    status = page.get_by_role("status").filter(has_text="fiches sur")
    assert status.inner_text() == "{x} 5 fiches sur 5"  # written by Python
    page.goto(base + "methodes/?niveau=concerter")
    assert status.inner_text() == "{x} 2 fiches sur 5"  # written by catalogue.js
    page.goto(base + "choisir/?niveau=concerter")
    page.get_by_role("button", name="Voir les méthodes adaptées").click()
    score = page.locator(".participation-chooser__score").first
    assert score.inner_text() == "Score {x} : 2 sur 2"
    assert tab.errors == []


HOSTILE_SELECTIONS = {
    "links": [
        {"slug": "atelier", "title": "Piège", "url": "javascript:alert(1)"},
        {"slug": "jury", "title": "Piège", "url": "data:text/html,<script>alert(2)</script>"},
        {"slug": "forum", "title": "Piège", "url": "http://[::1"},
        {"slug": "ailleurs", "title": "Ailleurs", "url": "https://evil.example/"},
        {"slug": "agora", "title": "Un outil", "url": "outils/agora/"},
    ],
    "many": [{"slug": slug, "title": "x", "url": "x"} for slug in list(METHODS) * 10],
    "shapes": [None, 5, "atelier", [], {"slug": ["jury"]}, {"slug": "__proto__"}, {}],
}


def stored_selection(page, value: str) -> None:
    """Replace the selection the site keeps in the browser by ``value``, then reload."""
    page.evaluate(
        """value => {
          for (const key of Object.keys(localStorage)) localStorage.removeItem(key);
          localStorage.setItem("participation-compare:" + new URL(document.baseURI).pathname
            .replace(/methodes\\/[^/]+\\/$/, ""), value);
        }""",
        value,
    )
    page.reload()


def test_a_stored_selection_is_untrusted(tab, base):
    page = tab.page
    page.goto(base + "methodes/budget/")
    bar = page.get_by_role("region", name=re.compile("Méthodes à comparer"))

    stored_selection(page, json.dumps(HOSTILE_SELECTIONS["links"]))
    links = bar.locator("li a")
    assert links.all_inner_texts() == ["Atelier citoyen", "Jury citoyen", "Forum ouvert"]
    assert links.evaluate_all("links => links.map(link => link.href)") == [
        base + f"methodes/{slug}/" for slug in ("atelier", "jury", "forum")
    ]
    assert "(3 sur 4)" in bar.inner_text()

    stored_selection(page, json.dumps(HOSTILE_SELECTIONS["many"]))
    assert bar.locator("li a").all_inner_texts() == [
        "Atelier citoyen",
        "Jury citoyen",
        "Consultation en ligne",
        "Budget participatif",
    ]
    assert "(4 sur 4)" in bar.inner_text()

    for value in (json.dumps(HOSTILE_SELECTIONS["shapes"]), "{pas du JSON", "null", '{"slug":1}'):
        stored_selection(page, value)
        assert not page.locator("#participation-compare-bar").is_visible()
        assert not page.get_by_role("checkbox", name="Comparer Budget participatif").is_checked()
    page.get_by_role("checkbox", name="Comparer Budget participatif").check()
    assert bar.locator("li a").all_inner_texts() == ["Budget participatif"]
    assert tab.errors == [] and tab.foreign == []


def test_a_shared_link_keeps_the_visitors_own_selection_until_asked(tab, base):
    page = tab.page
    page.goto(base + "comparer/?m=atelier,jury")
    page.locator(COLUMN_LINKS).first.wait_for()
    page.goto(base + "comparer/?m=consultation,budget")
    # The columns come from the methods' data file, fetched after the page has loaded.
    page.locator(COLUMN_LINKS).first.wait_for()
    assert column_titles(page) == ["Consultation en ligne", "Budget participatif"]
    notice = page.locator("[data-comparison-shared]")
    assert notice.is_visible()
    assert "Atelier citoyen, Jury citoyen" in notice.inner_text()
    page.goto(base + "methodes/atelier/")
    assert page.get_by_role("checkbox", name="Comparer Atelier citoyen").is_checked()
    page.go_back()
    page.get_by_role("link", name="Revenir à ma sélection").click()
    page.wait_for_url(base + "comparer/?m=atelier,jury")
    # Material's instant navigation changes the URL before it swaps the page's content in.
    expect(page.locator(COLUMN_LINKS)).to_have_text(["Atelier citoyen", "Jury citoyen"])
    expect(notice).to_be_hidden()
    page.goto(base + "comparer/?m=consultation,budget")
    page.get_by_role("button", name="Remplacer ma sélection par celle-ci").click()
    assert not notice.is_visible()
    page.goto(base + "methodes/consultation/")
    assert page.get_by_role("checkbox", name="Comparer Consultation en ligne").is_checked()
    assert not page.get_by_role("checkbox", name="Comparer Atelier citoyen").count()
    assert tab.errors == []


def test_at_390_px_nothing_overflows_the_page_and_buttons_are_24_px(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "comparer/?m=jury,atelier,consultation,conference")
    page.locator(COLUMN_LINKS).first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    sizes = page.locator(".participation-comparison button:visible").evaluate_all(
        "buttons => buttons.map(b => [b.offsetWidth, b.offsetHeight])"
    )
    assert sizes and all(width >= 24 and height >= 24 for width, height in sizes), sizes
    page.emulate_media(media="print")
    assert page.locator(".participation-comparison__differs:visible").count() == 0
    context.close()


def test_the_selection_bar_folds_and_starts_folded_on_phones(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "comparer/?m=jury,atelier")
    page.locator(COLUMN_LINKS).first.wait_for()
    page.goto(base + "methodes/jury/")
    bar = page.get_by_role("region", name=re.compile("Méthodes à comparer"))
    fold = bar.get_by_role("button", name="Déplier")
    assert fold.get_attribute("aria-expanded") == "false"
    assert not bar.get_by_role("link", name="Atelier citoyen").is_visible()
    assert bar.bounding_box()["height"] < 100
    fold.click()
    assert bar.get_by_role("link", name="Atelier citoyen").is_visible()
    assert bar.get_by_role("button", name="Replier").get_attribute("aria-expanded") == "true"
    sizes = bar.locator("button:visible").evaluate_all(
        "buttons => buttons.map(b => [b.offsetWidth, b.offsetHeight])"
    )
    assert all(width >= 24 and height >= 24 for width, height in sizes), sizes
    page.reload()
    assert bar.get_by_role("button", name="Replier").is_visible(), "the choice holds in the tab"
    context.close()


def region(page, name: str):
    """The part of the selection bar that holds the selection of a kind, by its name."""
    return page.get_by_role("region", name=re.compile(name))


def stored(page, kind: str = "") -> list[str]:
    """The slugs of a kind's selection as the browser keeps it (methods: the plain key)."""
    return page.evaluate(
        """key => JSON.parse(localStorage.getItem(key) || "[]").map(item => item.slug)""",
        f"participation-compare{kind}:" + "/",
    )


def test_two_tools_from_the_tools_catalogue_are_compared_and_the_methods_left_alone(tab, base):
    page = tab.page
    page.goto(base + "methodes/atelier/")
    page.get_by_role("checkbox", name="Comparer Atelier citoyen").check()
    page.goto(base + "outils/")
    methods, tools = region(page, "Méthodes à comparer"), region(page, "Outils à comparer")
    assert methods.is_visible() and not tools.is_visible()
    page.get_by_role("checkbox", name="Comparer Decidim").check()
    page.get_by_role("checkbox", name="Comparer Consul Democracy").check()
    assert "Outils à comparer (2 sur 4)" in tools.inner_text()
    assert tools.locator("li a").all_inner_texts() == ["Decidim", "Consul Democracy"]
    assert "Méthodes à comparer (1 sur 4)" in methods.inner_text()
    assert methods.locator("li a").all_inner_texts() == ["Atelier citoyen"]
    page.wait_for_function(
        "document.getElementById('participation-compare-status').textContent"
        " === '« Consul Democracy » ajouté à la comparaison.'"
    )
    # The table view of the catalogue has the toggles too, in the same selection.
    page.get_by_role("button", name="Tableau").click()
    row = page.locator("table tr", has=page.get_by_role("link", name="Loomio"))
    row.get_by_role("checkbox", name="Comparer Loomio").check()
    assert "Outils à comparer (3 sur 4)" in tools.inner_text()
    row.get_by_role("checkbox", name="Comparer Loomio").uncheck()

    tools.get_by_role("link", name="Comparer ces outils").click()
    page.wait_for_url(base + "comparer-outils/?m=decidim,consul")
    page.locator("[data-participation-comparison][data-ready]").wait_for(state="attached")
    assert page.get_by_role("heading", name="Comparer des outils", level=1).is_visible()
    assert column_titles(page) == ["Decidim", "Consul Democracy"]
    assert page.locator("tr[data-row=licence] td").all_inner_texts() == ["Logiciel libre"] * 2
    assert page.locator("tr[data-row=tarif] td").all_inner_texts() == ["Gratuit"] * 2
    assert page.locator("tr[data-row=hebergement] td").all_inner_texts() == [
        "Auto-hébergeable, Hébergé par un prestataire",
        "Auto-hébergeable",
    ]
    methods_row = page.locator("tr[data-row=methodes]")
    assert methods_row.locator("th").inner_text().startswith("Méthodes qu’il permet")
    assert methods_row.locator("td").nth(0).locator("a").all_inner_texts() == [
        "Budget participatif",
        "Consultation en ligne",
    ]
    assert methods_row.locator("td a").first.get_attribute("href") == base + "methodes/budget/"
    domain = page.locator("tr[data-row=domain] td a").first
    assert domain.get_attribute("href") == "https://decidim.org"
    assert set(differing_rows(page)) == {"hebergement", "fonctionnalites"}
    page.get_by_label("Afficher seulement les différences").check()
    shown = page.locator(".participation-comparison__table tbody tr:visible").evaluate_all(
        "rows => rows.map(row => row.dataset.row)"
    )
    assert shown == ["hebergement", "fonctionnalites", "page"]
    # The tools' part of the bar is off on their comparison; the methods' stays, untouched.
    assert not tools.is_visible() and methods.is_visible()
    assert methods.locator("li a").all_inner_texts() == ["Atelier citoyen"]
    assert stored(page) == ["atelier"] and stored(page, "-outil") == ["decidim", "consul"]

    select = page.get_by_label("Ajouter un outil")
    assert select.locator("option").all_inner_texts() == [
        "Choisir…",
        "Decidim",
        "Consul Democracy",
        "Loomio",
        "Agora",
    ], "tools only, never a method"
    select.select_option("loomio")
    page.get_by_role("button", name="Ajouter", exact=True).click()
    page.wait_for_url(base + "comparer-outils/?m=decidim,consul,loomio")
    assert stored(page, "-outil") == ["decidim", "consul", "loomio"] and stored(page) == ["atelier"]
    page.goto(base + "comparer/")
    page.wait_for_url(base + "comparer/?m=atelier")
    assert "au moins 2 méthodes" in page.locator("[data-comparison-message]").inner_text()
    assert region(page, "Outils à comparer").is_visible()
    assert tab.errors == [] and tab.foreign == []


def test_a_method_is_never_in_the_tools_selection_nor_a_tool_in_the_methods(tab, base):
    page = tab.page
    page.goto(base + "outils/decidim/")
    page.evaluate(
        """() => {
          localStorage.setItem("participation-compare:/", JSON.stringify(
            [{slug: "decidim"}, {slug: "jury", title: "Piège", url: "javascript:alert(1)"}]));
          localStorage.setItem("participation-compare-outil:/", JSON.stringify(
            [{slug: "atelier"}, {slug: "loomio", title: "Piège"}, "consul", {slug: "agora"}]));
        }"""
    )
    page.reload()
    # What an earlier release kept (the methods' key) is still the methods' selection.
    methods, tools = region(page, "Méthodes à comparer"), region(page, "Outils à comparer")
    assert methods.locator("li a").all_inner_texts() == ["Jury citoyen"]
    assert methods.locator("li a").get_attribute("href") == base + "methodes/jury/"
    assert tools.locator("li a").all_inner_texts() == ["Loomio", "Agora"]
    assert not page.get_by_role("checkbox", name="Comparer Decidim").is_checked()
    open_comparison(page, base + "comparer-outils/?m=decidim,atelier")
    assert column_titles(page) == ["Decidim"]
    message = page.locator("[data-comparison-message]").inner_text()
    assert "Aucun outil de cette boîte à outils ne porte le nom « atelier »" in message
    assert tab.errors == []


def test_the_tools_comparison_at_390_px_does_not_overflow(browser, base):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + "methodes/jury/")
    page.get_by_role("checkbox", name="Comparer Jury citoyen").check()
    page.goto(base + "comparer-outils/?m=decidim,consul,loomio,agora")
    page.locator(COLUMN_LINKS).first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    bar = page.locator("#participation-compare-bar")
    assert bar.is_visible() and bar.bounding_box()["height"] < 100, "folded on phones"
    page.goto(base + "outils/")
    page.get_by_role("checkbox", name="Comparer Decidim").check()
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    sizes = bar.locator("button:visible").evaluate_all(
        "buttons => buttons.map(b => [b.offsetWidth, b.offsetHeight])"
    )
    assert len(sizes) == 2 and all(w >= 24 and h >= 24 for w, h in sizes), sizes
    context.close()
