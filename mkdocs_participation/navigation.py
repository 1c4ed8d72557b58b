"""The plugin's pages in a nav that MkDocs makes from the folders.

MkDocs makes a section of each folder, titled from the folder's name. The catalogue generated
at methodes/index.md, whose cards stay out of the nav, would sit alone in a section
"Methodes" (the folder's name, its accent lost), and each guide page in a section of its own:
one more level to open, and one more for every page of the site to render. Such a section
gives way to its page, under the page's own title. A nav the author writes is left as it is.
"""

from __future__ import annotations

from collections.abc import Collection

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def lift_generated_pages(nav: Navigation, generated: Collection[str]) -> None:
    """Replace each section of ``nav`` that holds one page, generated (its docs path in
    ``generated``), by that page."""
    nav.items = _lifted(nav.items, generated, None)


def _lifted(
    items: list[StructureItem], generated: Collection[str], parent: Section | None
) -> list[StructureItem]:
    lifted: list[StructureItem] = []
    for item in items:
        if isinstance(item, Section):
            item.children = _lifted(item.children, generated, item)
            only = item.children[0] if len(item.children) == 1 else None
            if isinstance(only, Page) and only.file.src_uri in generated:
                only.parent = parent
                item = only
        lifted.append(item)
    return lifted
