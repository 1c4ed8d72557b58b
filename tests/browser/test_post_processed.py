"""A site whose HTML and scripts another plugin rewrote (mkdocs-minify-plugin renaming the script
and removing comments), in Debian's Chromium: catalogues and the comparison still work."""

from __future__ import annotations

import pytest

from ..sites import build_site, card
from ..test_coexistence import MINIFY

pytestmark = pytest.mark.browser

DOCS = {
    "index.md": "# Accueil\n",
    "methodes/atelier.md": card("title: Atelier citoyen\ntagline: Délibérer\nniveau: concerter"),
    "methodes/jury.md": card("title: Jury citoyen\ntagline: Tirés au sort\nniveau: consulter"),
}


@pytest.fixture(scope="module")
def base(tmp_path_factory, serve) -> str:
    """The site served under a sub-path, as on a project site: /boite/."""
    root = tmp_path_factory.mktemp("minified")
    url = serve(root / "www") + "boite/"
    built = build_site(root, DOCS, plugins=["search", "participation", MINIFY], site_url=url)
    assert built.ok, built.problems
    (root / "www").mkdir()
    (root / "site").rename(root / "www" / "boite")
    return url


def test_the_renamed_script_finds_the_site_root_for_the_comparison(tab, base):
    page = tab.page
    page.goto(base + "methodes/atelier/")
    assert page.locator('script[src$="participation.min.js"]').count() == 1
    page.get_by_role("checkbox", name="Comparer Atelier citoyen").check()
    page.goto(base + "methodes/jury/")
    page.get_by_role("checkbox", name="Comparer Jury citoyen").check()
    open_link = page.get_by_role("link", name="Comparer ces méthodes")
    assert open_link.get_attribute("href") == base + "comparer/?m=atelier,jury"
    open_link.click()
    page.wait_for_url(base + "comparer/?m=atelier,jury")
    titles = page.locator(".participation-comparison__table thead th a")
    titles.first.wait_for()
    assert titles.all_inner_texts() == ["Atelier citoyen", "Jury citoyen"]
    assert titles.first.get_attribute("href") == base + "methodes/atelier/"
    assert tab.errors == [] and tab.foreign == []


def test_the_catalogue_without_comments_still_filters(tab, base):
    page = tab.page
    page.goto(base + "methodes/")
    page.locator("[data-participation-filters]").wait_for()
    assert page.locator(".participation-entry").count() == 2
    page.locator("[data-participation-filters] input[name=q]").fill("jury")
    page.wait_for_function(
        "document.querySelectorAll('.participation-entry:not(.participation-off)').length === 1"
    )
    assert tab.errors == []
