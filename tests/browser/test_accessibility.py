"""WCAG 2.1 A/AA on every page type of the demo, in the light and the dark palette, and of a
generated toolbox of 200 cards; a keyboard-only walk through filter, sort, compare and chooser,
with a visible focus indicator on every control reached; Material's search dialog is named."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from ..conftest import axe_violations, wait_for_views
from ..sites import build_site, card
from .test_privacy import PAGES

pytestmark = pytest.mark.browser

PALETTES = {"light": "default", "dark": "slate"}
THEME = {
    "name": "material",
    "language": "fr",
    "font": False,
    "palette": [
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": "default",
            "toggle": {"icon": "material/weather-night", "name": "Thème sombre"},
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": "slate",
            "toggle": {"icon": "material/weather-sunny", "name": "Thème clair"},
        },
    ],
}
# Transitions would make a style read just after a key press show the state before it.
NO_TRANSITIONS = (
    "*, *::before, *::after { transition: none !important; animation: none !important }"
)
# What a focused element looks like (with its parent and the label that may follow it), to
# compare with the same element once focus has moved on.
SNAPSHOT = """element => {
  const looks = node => {
    const s = getComputedStyle(node);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.color,
            s.backgroundColor, s.textDecorationLine, s.borderColor].join("|");
  };
  const near = [element.parentElement, element.nextElementSibling].filter(Boolean);
  return [element, ...near].map(looks).join("#");
}"""
DESCRIBE = """element => `${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}` +
  ` "${(element.getAttribute("aria-label") || element.textContent || element.value || "")
  .trim().slice(0, 40)}"`"""


def crowd(count: int = 200) -> dict[str, str]:
    """A toolbox of ``count`` cards of every kind, with varied attributes and long lists."""
    levels = ["informer", "consulter", "concerter", "co-construire", "co-decider"]
    formats = ["presentiel", "en-ligne", "hybride"]
    docs = {"index.md": "# Boîte à outils\n\n[Les méthodes](methodes/index.md)\n"}
    methods = int(count * 0.7)
    for n in range(methods):
        docs[f"methodes/m{n:03d}.md"] = card(
            f"title: Méthode {n:03d}\ntagline: Une méthode numéro {n}, décrite en une phrase\n"
            f"niveau: {levels[n % 5]}\nformat: {formats[n % 3]}\n"
            f"echelle: [locale{', nationale' if n % 4 == 0 else ''}]\n"
            f"participants: {{min: {5 + n % 40}, max: {50 + n}}}\n"
            f"duree: {'une-journee' if n % 2 else 'plusieurs-mois'}\n"
            f"cout: {['faible', 'moyen', 'eleve'][n % 3]}\n"
            f"owner: Porteur {n % 7}\ncontact: equipe{n}@example.org\n"
            f"atouts: [Un atout, Un second atout]\ninconvenients: [Une limite]\n"
            f"methodes_liees: [m{(n + 1) % methods:03d}]\n"
            + ("url_video_demo: https://www.youtube.com/watch?v=abcdefghijk\n" if n == 0 else ""),
            f"## Déroulé\n\nLe texte de la méthode {n}.\n\n!!! note\n    Une note.\n",
        )
    tools = int(count * 0.15)
    for n in range(tools):
        docs[f"outils/o{n:03d}.md"] = card(
            f"title: Outil {n:03d}\ntagline: Une plateforme\nformat: en-ligne\n"
            f"domain: https://outil{n}.example.org\nfeature_inclus: [Des votes]\n"
            f"details_techniques:\n- name: Licence\n  content: AGPL\n"
        )
    cases = count - methods - tools - 5
    for n in range(cases):
        docs[f"exemples/e{n:03d}.md"] = card(
            f"title: Exemple {n:03d}\ndescription: Une démarche locale\n"
            f"organisateur: Ville {n % 9}\ndate: 2023-0{1 + n % 9}-15\n"
            f"in_progress: {'true' if n % 2 else 'false'}\n"
            f"methodes: [m{n % methods:03d}]\noutil: [o{n % tools:03d}]\n"
        )
    for n in range(5):
        docs[f"_usage_citoyens/s{n}.md"] = card(
            f"title: Suivi {n}\norganisateur: Ministère\ndate-banniere: démarche close\n"
            "presentation: Une présentation.\nresultats: '- 50 participants'\n"
        )
    return docs


@pytest.fixture(scope="module")
def crowded(tmp_path_factory, serve) -> str:
    built = build_site(tmp_path_factory.mktemp("crowd"), crowd(), theme=THEME)
    assert built.ok, built.problems
    return serve(built.site_dir)


CROWD_PAGES = {
    "method": "methodes/m000/",
    "tool": "outils/o000/",
    "case study": "exemples/e000/",
    "follow-up": "_usage_citoyens/s0/",
    "methods catalogue": "methodes/?niveau=concerter",
    "methods table": "methodes/?vue=tableau&tri=-participants",
    "tools catalogue": "outils/",
    "case studies catalogue": "exemples/",
    "comparison": "comparer/?m=m000,m001,m002,m003",
    "chooser": "choisir/?niveau=concerter&cout=faible&format=hybride",
}


def sweep(
    browser, base: str, pages: dict[str, str], palettes: tuple[str, ...] = tuple(PALETTES)
) -> tuple[dict[str, list[str]], int]:
    """axe-core's WCAG A/AA violations on ``pages`` in each of ``palettes``, by page and
    palette; and how many pages were checked."""
    found: dict[str, list[str]] = {}
    checked = 0
    for palette in palettes:
        scheme = PALETTES[palette]
        context = browser.new_context(color_scheme=palette, viewport={"width": 1280, "height": 900})
        context.route("**/*", _local_only)
        page = context.new_page()
        for name, url in pages.items():
            page.goto(base + url)
            assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
            page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
            violations = axe_violations(page)
            checked += 1
            if violations:
                found[f"{name} ({palette})"] = violations
        context.close()
    return found, checked


def _local_only(route) -> None:
    if route.request.url.startswith(("http://127.0.0.1", "data:")):
        route.continue_()
    else:
        route.abort()


def test_every_demo_page_type_in_both_palettes(browser, demo_url):
    found, checked = sweep(browser, demo_url, PAGES)
    assert found == {}
    print(f"demo pages checked with axe-core: {checked}")


def test_every_page_type_of_a_200_card_toolbox(browser, crowded):
    """The same templates and styles as the demo's, at scale; the palettes' colours are the
    demo's concern (axe-core's contrast check takes seconds on a page of 200 cards)."""
    found, checked = sweep(browser, crowded, CROWD_PAGES, ("light",))
    assert found == {}
    print(f"200-card toolbox pages checked with axe-core: {checked}")


@pytest.mark.parametrize("palette", PALETTES)
def test_the_search_dialog_has_a_name_and_no_violation(browser, demo_url, palette):
    context = browser.new_context(color_scheme=palette)
    context.route("**/*", _local_only)
    page = context.new_page()
    page.goto(demo_url)
    page.locator("input[data-md-component=search-query]").click()
    page.keyboard.type("jury")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.get_by_role("dialog", name="Rechercher").count() == 1
    assert axe_violations(page) == []
    context.close()


# Material reacts to a focus change after a debounce of 1 ms (browser/element/focus in its
# sources): a control's look is read once the page's timers have run after the key press.
SETTLED = "() => new Promise(done => setTimeout(done, 16))"


class Walk:
    """Tab through a page as a keyboard user, checking each control reached shows its focus."""

    def __init__(self, page) -> None:
        self.page = page
        self.unmarked: list[str] = []
        self.steps = 0

    def start(self, url: str) -> None:
        self.page.goto(url)
        self.arrived()

    def arrived(self) -> None:
        self.page.add_style_tag(content=NO_TRANSITIONS)
        self.previous = None

    def to(self, describe: str, test: str, key: str = "Tab", limit: int = 150) -> None:
        """Press ``key`` until the focused element passes the JavaScript ``test``."""
        for _ in range(limit):
            self.press(key)
            if self.page.evaluate(f"(element => {test})(document.activeElement)"):
                return
        raise AssertionError(f"{describe}: not reached from the keyboard")

    def follow(self, key: str) -> None:
        """Press ``key`` on a link that leads to another page. Waiting for that page's path
        leaves out a catalogue's own address updates (same page, deferred), which would
        otherwise end the wait before the real navigation."""
        before = urlsplit(self.page.url).path
        with self.page.expect_navigation(url=lambda url: urlsplit(url).path != before):
            self.page.keyboard.press(key)
        self.steps += 1
        self.arrived()

    def press(self, key: str) -> None:
        """Press ``key``; the element that lost focus must have looked different with it."""
        self.page.keyboard.press(key)
        self.steps += 1
        self.page.evaluate(SETTLED)
        if self.previous is not None:
            element, looked = self.previous
            moved = element.evaluate("e => e.isConnected && e !== document.activeElement")
            if moved and element.evaluate(SNAPSHOT) == looked:
                self.unmarked.append(element.evaluate(DESCRIBE))
        focused = self.page.evaluate_handle("document.activeElement")
        if focused.evaluate("e => e !== document.body"):
            self.previous = (focused, focused.evaluate(SNAPSHOT))
        else:
            self.previous = None


def test_keyboard_only_filter_sort_compare_and_choose(tab, demo_url):
    page = tab.page
    walk = Walk(page)
    walk.start(demo_url + "methodes/")
    walk.to("text filter", "element.type === 'search' && element.closest('form[role=search]')")
    page.keyboard.type("atelier")
    walk.to("first facet", "element.tagName === 'SUMMARY'")
    walk.press("Enter")
    walk.to("an option", "element.type === 'checkbox' && element.name")
    walk.press("Space")
    assert page.evaluate("location.search").startswith("?")
    walk.to("table view", "element.dataset.view === 'tableau'")
    walk.press("Enter")
    walk.to(
        "sort by level",
        "element.closest('th') && element.closest('th').dataset.column === 'niveau'",
    )
    walk.press("Enter")
    assert page.locator("th[data-column=niveau]").get_attribute("aria-sort") == "ascending"
    walk.to("reset", "element.hasAttribute('data-participation-reset')", key="Shift+Tab")
    walk.press("Enter")
    for _ in range(2):
        walk.to(
            "a compare toggle", "element.classList.contains('participation-compare-toggle__box')"
        )
        walk.press("Space")
    walk.to("open the comparison", "element.classList.contains('participation-compare-bar__open')")
    walk.follow("Enter")
    assert "/comparer/?m=" in page.url
    wait_for_views(page)
    assert page.locator(".participation-comparison__table thead th a").count() == 2

    walk.start(demo_url + "choisir/")
    walk.to("first question", "element.type === 'radio' && element.closest('[data-question]')")
    walk.press("ArrowRight")
    walk.to("submit", "element.type === 'submit' && element.closest('[data-chooser-form]')")
    walk.press("Enter")
    assert page.evaluate("document.activeElement.id") == "participation-chooser-results"
    assert page.locator(".participation-chooser__result").count() >= 10
    assert walk.unmarked == [], walk.unmarked
    assert tab.errors == [] and tab.foreign == []
    print(f"keyboard walk: {walk.steps} key presses")


# Every kind of button and toggle a visitor can hover, focus or press, by CSS selector.
CONTROLS = (
    ".md-button",
    ".participation-chip",
    ".participation-sort",
    ".participation-compare-toggle",
    ".participation-compare-bar__remove",
    ".participation-compare-bar__fold",
    ".participation-comparison__remove",
)
STATE_PAGES = {
    "methods catalogue": "methodes/?niveau=concerter&cout=faible",
    "methods table": "methodes/?vue=tableau",
    "method": "methodes/jury-citoyen/",
    "comparison": "comparer/?m=atelier-citoyen,jury-citoyen,world-cafe",
    "tools comparison": "comparer-outils/?m=decidim,polis",
    "tools catalogue": "outils/",
    "chooser": "choisir/?niveau=concerter",
    "not found": "404.html",
}


def contrast_in_states(page) -> list[str]:
    """axe-core's colour-contrast check on the visible controls of the page (one per look:
    class and pressed state), with :hover, :focus, :focus-visible and :active forced in turn
    through the DevTools protocol, as a pointer or the keyboard would set them."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    marked = page.evaluate(
        """selectors => {
          const seen = new Set();
          for (const element of document.querySelectorAll(selectors.join(","))) {
            const look = element.className + "|" + element.getAttribute("aria-pressed");
            if (seen.has(look) || !element.checkVisibility()) continue;
            seen.add(look);
            element.dataset.stateCheck = "";
          }
          return seen.size;
        }""",
        list(CONTROLS),
    )
    assert marked > 0
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-state-check]"})
    found = []
    for state in ("hover", "focus", "focus-visible", "active"):
        for node in nodes["nodeIds"]:
            cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": [state]})
        results = axe.run(
            page, context="[data-state-check]", options={"runOnly": ["color-contrast"]}
        ).response
        found += [
            f"{state} {node['target']}: {node['any'][0]['message']}"
            for violation in results["violations"]
            for node in violation["nodes"]
        ]
    return found


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("palette", PALETTES)
def test_every_control_in_every_state_reaches_4_5_to_1(browser, demo_url, palette, width):
    context = browser.new_context(color_scheme=palette, viewport={"width": width, "height": 900})
    context.route("**/*", _local_only)
    page = context.new_page()
    page.add_init_script(
        "localStorage.setItem('participation-compare:/', JSON.stringify(["
        "{slug: 'world-cafe', title: 'Le World Café', url: 'methodes/world-cafe/'},"
        "{slug: 'jury-citoyen', title: 'Le jury citoyen', url: 'methodes/jury-citoyen/'}]));"
        "localStorage.setItem('participation-compare-outil:/', JSON.stringify(["
        "{slug: 'loomio'}, {slug: 'decidim'}]))"
    )
    found = {}
    for name, url in STATE_PAGES.items():
        page.goto(demo_url + url)
        wait_for_views(page)
        page.add_style_tag(content=NO_TRANSITIONS)
        problems = contrast_in_states(page)
        if problems:
            found[name] = problems
    context.close()
    assert found == {}
