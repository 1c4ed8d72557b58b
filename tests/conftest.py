"""Shared fixtures: fixture sites, the demo site built once, and a real Chromium."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

from .sites import ROOT, Site, ZensicalSite, build_site, build_with_zensical, run_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

# Property tests assert behaviour, never speed: no per-example deadline on a shared machine.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")


@pytest.fixture
def site(tmp_path: Path):
    """Build a fixture site: ``site({"methodes/x.md": card(...)}, plugin={...})``."""
    return functools.partial(build_site, tmp_path)


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The demo toolbox of this repository, built once with --strict."""
    return run_build(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="session")
def zensical_demo(tmp_path_factory: pytest.TempPathFactory) -> ZensicalSite:
    """The demo toolbox of this repository, built once by Zensical after `build-data`."""
    return build_with_zensical(ROOT, tmp_path_factory.mktemp("zensical"))


@pytest.fixture(scope="session")
def zensical_url(zensical_demo: ZensicalSite, serve) -> str:
    """The demo toolbox built by Zensical, served."""
    assert zensical_demo.ok, zensical_demo.output
    return serve(zensical_demo.site_dir)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that drops a connection (a navigation, a cancelled fetch) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def serve() -> Iterator:
    """Serve a folder on 127.0.0.1; returns its base URL. Servers stop at the end of the session."""
    servers: list[_QuietServer] = []

    def start(directory: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        server = _QuietServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def demo_url(demo: Site, serve) -> str:
    """The built demo toolbox, served."""
    assert demo.ok, demo.problems
    return serve(demo.site_dir)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Tab:
    """A browser page that records every request leaving for a host other than 127.0.0.1."""

    def __init__(self, page) -> None:
        self.page = page
        self.foreign: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "dialog",
            lambda dialog: (self.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()),
        )

    def _request(self, request) -> None:
        host = urlsplit(request.url).hostname
        if request.url.startswith(("http:", "https:")) and host not in ("127.0.0.1", "localhost"):
            self.foreign.append(request.url)


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    """A fresh browser page; third-party requests are recorded, never sent."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    tab = Tab(page)
    page.route(
        "**/*",
        lambda route: (
            route.abort()
            if urlsplit(route.request.url).hostname not in ("127.0.0.1", "localhost", None)
            and route.request.url.startswith("http")
            else route.continue_()
        ),
    )
    yield tab
    context.close()


def wait_for_views(page) -> None:
    """Waits until the comparison and the chooser of the current page, if any, have been drawn
    from their fetched data file."""
    page.wait_for_function(
        "() => !document.querySelector("
        "'[data-participation-comparison]:not([data-ready]),"
        " [data-participation-chooser]:not([data-ready])')"
    )


def axe_violations(page) -> list[str]:
    """WCAG 2.0/2.1 A and AA violations that axe-core finds on the current page, once its views
    are drawn."""
    from axe_playwright_python.sync_playwright import Axe

    wait_for_views(page)

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    return [
        f"{violation['id']}: {node['target']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]
