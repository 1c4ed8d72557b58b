"""The demo toolbox tracks no one: no page asks another host for anything (fonts, icons, video
players, analytics) until the visitor asks for a video, and then only its player's host."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# One page of each type of the demo, as a visitor reaches it.
PAGES = {
    "home": "",
    "method": "methodes/atelier-citoyen/",
    "tool": "outils/decidim/",
    "case study": "exemples/grand-debat-national/",
    "methods catalogue": "methodes/",
    "methods table": "methodes/?vue=tableau&tri=-cout",
    "tools catalogue": "outils/",
    "case studies catalogue": "exemples/",
    "comparison": "comparer/?m=atelier-citoyen,jury-citoyen,world-cafe",
    "tools comparison": "comparer-outils/?m=decidim,consul-democracy,loomio",
    "chooser": "choisir/?niveau=concerter&format=presentiel",
    "open data": "donnees/",
    "fields reference": "champs/",
    "accessibility statement": "accessibilite/",
    "not found": "404.html",
}
# Resources a page loads or has the browser connect to ahead of time.
LOADING_RELS = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload"}
LOADING_RELS |= {"icon", "manifest"}


class _Remote(HTMLParser):
    """Addresses of another host that a page would load by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        loading = ["src", "srcset", "poster", "data"]
        if tag == "link" and set((attributes.get("rel") or "").split()) & LOADING_RELS:
            loading.append("href")
        for name in loading:
            value = (attributes.get(name) or "").strip()
            if value.startswith(("http:", "https:", "//")):
                self.found.append(f"<{tag} {name}={value}>")


def test_no_demo_page_names_a_remote_resource(demo):
    found = {}
    pages = sorted(demo.site_dir.rglob("*.html"))
    for path in pages:
        parser = _Remote()
        parser.feed(path.read_text(encoding="utf-8"))
        if parser.found:
            found[str(path.relative_to(demo.site_dir))] = parser.found
    assert found == {}
    assert len(pages) > 60
    print(f"demo pages checked for remote resources: {len(pages)}")


def test_pages_load_from_the_local_server_only_until_a_video_is_asked_for(tab, demo_url):
    page = tab.page
    requests: list[str] = []
    missing: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and missing.append(response.url))
    for name, url in PAGES.items():
        page.goto(demo_url + url)
        page.wait_for_load_state("networkidle")
        assert tab.foreign == [], name
    assert missing == [], "no page asks for a missing file (the feed link is no translation)"
    assert {urlsplit(url).hostname for url in requests} == {"127.0.0.1"}
    assert len(requests) > 3 * len(PAGES)
    print(f"requests observed on {len(PAGES)} demo pages: {len(requests)}, all local")
    page.goto(demo_url + PAGES["method"])
    assert page.locator("iframe").count() == 0
    with page.expect_request(lambda request: "dailymotion.com" in request.url):
        page.get_by_role("button", name="Lire la vidéo").click()
    assert {urlsplit(url).hostname for url in tab.foreign} == {"www.dailymotion.com"}
    assert tab.errors == []
