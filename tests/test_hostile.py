"""Hostile cards built into every page type and export: each unsafe value is reported on its line,
and no page, embedded fragment or export carries a script, a handler or an unsafe address."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pytest

from mkdocs_participation.core.guide_data import GUIDE_DATA, data_path
from mkdocs_participation.core.model import FIELDS, KIND_TABLE, TOOL, Type

from .hostile.cards import (
    ALLOWED_VIDEO_HOST,
    DEEP,
    DOCS,
    FILE_NAME,
    FOLDERS,
    LABELS,
    LINK_FIELDS,
    MARK,
    PAYLOAD_COUNT,
    URLS,
    build,
)

# Elements that embed another page or change where links lead: none may be written.
EMBEDDING = {"applet", "base", "embed", "frame", "frameset", "iframe", "object"}
URL_ATTRIBUTES = {"action", "background", "data", "formaction", "href", "poster", "src"}
URL_ATTRIBUTES |= {"srcset", "xlink:href", "data-url"}
# Where the click-to-load player may point: the no-cookie players and the site's allowed host.
PLAYER_HOSTS = {"www.youtube-nocookie.com", "www.dailymotion.com", "player.vimeo.com"}
PLAYER_HOSTS |= {ALLOWED_VIDEO_HOST}
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def network_target(url: str) -> tuple[str, bool]:
    """The scheme of ``url`` as a browser reads it (controls and spaces around it and tabs and
    newlines in it dropped, backslashes as slashes), and whether it leaves the site ('//host'
    included)."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(33)))))
    url = url.replace("\\", "/").lower()
    scheme = urlsplit(url).scheme if re.match(r"^[a-z][a-z0-9+.-]*:", url) else ""
    return scheme, bool(scheme) or url.startswith("//")


class Audit(HTMLParser):
    """Everything in an HTML document or fragment that could run or load from elsewhere."""

    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.findings: list[str] = []
        self.raw: str | None = None

    def flag(self, what: str) -> None:
        self.findings.append(f"{self.where}: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in EMBEDDING or (tag == "meta" and any(n == "http-equiv" for n, _ in attrs)):
            self.flag(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.flag(f"<{tag} {name}=…>")
            elif name in URL_ATTRIBUTES:
                self.check_url(tag, name, value, dict(attrs).get("rel") or "")
            elif name == "style" and re.search(r"url\(|expression|position|@import", value):
                self.flag(f"<{tag} style={value!r}>")
            elif name == "data-participation-video":
                parts = urlsplit(value)
                if parts.scheme != "https" or parts.hostname not in PLAYER_HOSTS:
                    self.flag(f"player {value!r}")
        if tag in ("script", "style"):
            self.raw = tag

    def check_url(self, tag: str, name: str, value: str, rel: str) -> None:
        """Only http(s) and mailto; nothing loaded from another host; no '//host' link."""
        scheme, leaves = network_target(value)
        loads = name not in ("href", "action", "formaction", "data-url") or (
            tag == "link" and rel not in ("canonical", "alternate")
        )
        if scheme not in ("", "http", "https", "mailto") or (leaves and (loads or not scheme)):
            self.flag(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self.raw = None

    def handle_data(self, data: str) -> None:
        if self.raw and (MARK in data or "evil.example" in data):
            self.flag(f"<{self.raw}> holding {data[:80]!r}")


def audit(where: str, html: str) -> Audit:
    found = Audit(where)
    found.feed(html)
    found.close()
    return found


def audit_fragments(where: str, fragments: list[str]) -> list[str]:
    """The findings in HTML fragments that scripts insert with innerHTML."""
    return [finding for text in fragments for finding in audit(where, text).findings]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    built = build(tmp_path_factory.mktemp("hostile"))
    assert built.ok
    return built


def card_pages(built) -> dict[str, str]:
    """Every card file of the fixture and the page MkDocs wrote for it."""
    pages = {}
    for path in DOCS:
        if path.endswith(".md") and PurePosixPath(path).parts[0] in FOLDERS.values():
            page = built.site_dir / PurePosixPath(path).with_suffix("") / "index.html"
            pages[path] = page
    return pages


def test_every_hostile_card_gets_a_page(hostile):
    pages = card_pages(hostile)
    assert len(pages) >= 90
    assert [path for path, page in pages.items() if not page.exists()] == []
    assert "Traceback" not in "\n".join(hostile.problems)
    print(f"payloads tried: {PAYLOAD_COUNT}, hostile cards: {len(pages)}")


def test_every_unsafe_link_is_reported_on_its_line(hostile):
    reported = set()
    for line in hostile.problems:
        if match := re.match(r"mkdocs_participation: ([^:]+):(\d+): ([\w-]+): ", line):
            reported.add((match[1], match[3]))
    missing = []
    for kind, fields in LINK_FIELDS.items():
        for number, url in enumerate(URLS, 1):
            scheme, leaves = network_target(url)
            if scheme in ("http", "https") or not leaves:
                continue
            path = f"{FOLDERS[kind]}/lien-{number:02d}.md"
            missing += [(path, f) for f in fields if (path, f) not in reported]
    assert missing == []


def test_removed_body_html_and_scripted_svg_are_reported(hostile):
    bodies = [line for line in hostile.problems if "HTML removed from the body" in line]
    texts = [path for path in DOCS if "/texte" in path]
    assert sorted(line.split(":")[1].strip() for line in bodies) == sorted(texts)
    assert any(
        line.startswith("mkdocs_participation: methodes/texte-01.md:")
        and "<script>" in line
        and "onclick=" in line
        for line in bodies
    )
    svg = [line for line in hostile.problems if "holds a script" in line]
    assert sorted(line.split(": ")[2] for line in svg) == ["img-bg", "logo"]


def test_no_page_carries_a_script_handler_or_unsafe_address(hostile):
    findings = []
    pages = sorted(hostile.site_dir.rglob("*.html"))
    for path in pages:
        where = str(path.relative_to(hostile.site_dir))
        page = audit(where, path.read_text(encoding="utf-8"))
        findings += page.findings
    data = {
        path: json.loads((hostile.site_dir / path).read_text(encoding="utf-8"))
        for path in (data_path(kind.name) for kind in KIND_TABLE if kind.data_file)
    }
    assert set(data) == {GUIDE_DATA, data_path(TOOL)}
    for path, records in data.items():
        cells = [cell for record in records for cell in record["cells"]]
        texts = [
            text
            for cell in cells
            for text in [cell.get("x", ""), *cell.get("h", []), *(n[0] for n in cell.get("l", []))]
        ]
        # A link's address is set by compare.js as a property, never parsed as HTML: a path
        # of the site is harmless however it reads (a tool's `domain` may be one).
        findings += [
            f"{path}: link {href!r}"
            for href in [cell["a"][0] for cell in cells if "a" in cell]
            if network_target(href) not in (("https", True), ("mailto", True), ("", False))
        ]
        findings += [
            f"{path}: card link {named[1]!r}"
            for cell in cells
            for named in cell.get("l", [])
            if named[1] is not None and network_target(named[1])[1]
        ]
        texts += [record["tagline"] for record in records if "tagline" in record]
        findings += audit_fragments(path, texts)
    assert findings == []
    assert len(pages) >= 100
    print(f"pages checked: {len(pages)}")


def test_titles_reach_the_theme_escaped(hostile):
    page = hostile.html("methodes/texte-01/")
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)[1]
    assert "<" not in title and MARK in title
    assert "&lt;script&gt;alert(&#39;pwned-t1&#39;)&lt;/script&gt;" in page  # the <h1>
    nav = page.split('class="md-nav md-nav--primary"')[1]
    assert "Méthode 6 ‹/script›‹script›alert(&#x27;pwned-t6&#x27;)‹/script›" in nav
    meta = hostile.html("methodes/meta/")
    assert "<h1>Clés de thème</h1>" in meta
    assert "window.location" not in meta and 'name="author"' not in meta
    assert 'class="md-nav__link"' in hostile.html("methodes/texte-02/")


def test_search_index_holds_no_live_html(hostile):
    index = json.loads((hostile.site_dir / "search/search_index.json").read_text("utf-8"))
    fragments = [doc[key] for doc in index["docs"] for key in ("title", "text")]
    assert audit_fragments("search_index.json", fragments) == []
    assert any("pwned-t2" in doc["title"] for doc in index["docs"])


def test_embedded_json_cannot_close_a_script(hostile):
    script = (hostile.site_dir / "assets/participation/participation.js").read_text("utf-8")
    settings = script.split("\n", 1)[0]
    assert "</script" not in settings and "<!--" not in settings
    data = json.loads(settings.removeprefix("window.participationCompare = ").rstrip(";"))
    assert data["kinds"][0]["labels"]["compare_bar"] == LABELS["compare_bar"]
    chooser = hostile.html("choisir/")
    assert LABELS["chooser_summary"] not in chooser
    assert "&lt;/script&gt;&lt;!--{count} méthodes" in chooser


def test_exports_hold_only_safe_addresses_and_no_formula(hostile):
    folder = hostile.site_dir / "donnees"
    document = json.loads((folder / "fiches.json").read_text("utf-8"))
    records = document["fiches"]
    assert len(records) == len(card_pages(hostile))
    unsafe = []
    for record in records:
        for spec in FIELDS:
            value = record["fields"].get(spec.name)
            if spec.type is Type.DETAILS:
                urls = [row["link"] for row in value or [] if row["link"]]
            elif spec.type in (Type.URL, Type.CONTACT, Type.IMAGE, Type.VIDEO) and value:
                urls = [value]
            else:
                continue
            unsafe += [
                f"{record['id']} {spec.name} {url!r}"
                for url in urls
                if network_target(url)[0] not in ("http", "https", "mailto")
            ]
    assert unsafe == []
    csv_text = (folder / "fiches.csv").read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
    assert len(rows) == len(records) + 1
    assert [cell for row in rows for cell in row if cell.startswith(FORMULA)] == []
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
    feed = ET.parse(folder / "fiches.atom").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    dated = [r for r in records if r["date"] and r["type"] != "suivi"]
    assert len(entries) == len(dated) >= 1
    hrefs = [link.get("href") for link in feed.iter(f"{atom}link")]
    assert all(href.startswith("https://example.org/") for href in hrefs), hrefs
    assert {child.tag for child in feed.iter()} <= {
        f"{atom}{name}"
        for name in (
            *("feed", "id", "title", "updated", "link", "author", "name", "rights"),
            *("generator", "entry", "published", "category", "summary"),
        )
    }


def test_a_hostile_file_name_stays_inside_its_attribute(hostile):
    folder = PurePosixPath(FILE_NAME).with_suffix("")
    assert (hostile.site_dir / folder / "index.html").exists()
    catalogue = audit("methodes/", hostile.html("methodes/"))
    assert catalogue.findings == []
    assert "onerror=alert('pwned-f1')>" not in hostile.html("methodes/").replace("&#39;", "'")


def test_markdown_too_deep_to_render_is_reported_and_shown_as_written(hostile):
    deep = [line.split(": ")[1] for line in hostile.problems if "nests too deeply" in line]
    assert sorted(deep) == [
        *(f"methodes/profond-{number}.md:8" for number in range(1, len(DEEP) + 1)),
        f"{FOLDERS['suivi']}/profond.md:3",
    ]
    page = hostile.html("methodes/profond-2/")
    assert "<pre><code>" + "[x" * 50 in page
    assert "- " * 50 in hostile.html(f"{FOLDERS['suivi']}/profond/")
