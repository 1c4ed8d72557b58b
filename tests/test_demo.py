"""The demo toolbox: clean build, valid cards, no broken internal link, described images."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from mkdocs_participation.config import with_options
from mkdocs_participation.core.checking import check_site
from mkdocs_participation.core.site_config import read_site_config

from .sites import ROOT


class _Page(HTMLParser):
    """Collects the links, image sources and images without a text alternative of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.images_without_alt: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"] or "")
        for name in ("href", "src"):
            if attributes.get(name) and tag in ("a", "img", "link", "script", "iframe"):
                self.links.append(attributes[name] or "")
        if tag == "img" and "alt" not in attributes:
            self.images_without_alt.append(attributes.get("src") or "")


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_demo_builds_with_strict_and_no_warning(demo):
    assert demo.ok
    assert demo.problems == []


def test_demo_content_counts(demo):
    assert len(list((ROOT / "docs/methodes").glob("*.md"))) >= 20
    assert len(list((ROOT / "docs/outils").glob("*.md"))) >= 6
    assert len(list((ROOT / "docs/exemples").glob("*.md"))) >= 12


def test_every_demo_card_is_valid():
    report = check_site(with_options(read_site_config(ROOT / "mkdocs.yml")))
    assert [str(problem) for problem in report.problems] == []
    assert len(report.cards) >= 39


def test_no_broken_internal_link(demo):
    site = demo.site_dir
    pages = {path: _parse(path) for path in site.rglob("*.html") if path.name != "404.html"}
    broken = []
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith(("//", "mailto:", "#", "data:")) or not link:
                if link.startswith("#") and len(link) > 1 and unquote(link[1:]) not in page.ids:
                    broken.append(f"{path.relative_to(site)} -> {link}")
                continue
            target_path, fragment = urldefrag(link)
            target = (path.parent / unquote(urlsplit(target_path).path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {link}")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{path.relative_to(site)} -> {link}")
    assert broken == []
    assert len(pages) > 60


def test_every_image_has_a_text_alternative(demo):
    missing = {
        str(path.relative_to(demo.site_dir)): page.images_without_alt
        for path in demo.site_dir.rglob("*.html")
        if (page := _parse(path)).images_without_alt
    }
    assert missing == {}
    for svg in (ROOT / "docs/images").glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "<title>" in text, svg.name
        assert "<script" not in text and 'href="http' not in text, svg.name


def test_demo_images_weigh_under_two_megabytes():
    total = sum(
        p.stat().st_size
        for p in (ROOT / "docs").rglob("*")
        if p.suffix in {".svg", ".png", ".jpg", ".webp"} and "assets" not in p.parts
    )
    assert total < 2 * 1024 * 1024
