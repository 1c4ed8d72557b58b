"""The comparisons and the chooser of a build, computed once, and the data files that their
pages fetch.

Those pages hold their questions and rows only, so they weigh the same at ten cards or five
thousand; what each card shows there is in one compact JSON file per compared kind (the
methods' also serves the chooser), fetched once and cached by the browser. Without JavaScript
the pages link to the catalogue's table instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .cardset import CardSet
from .chooser import Chooser, Entry, build_chooser
from .comparison import TABLE_VIEW, Column, Comparison, build_comparison
from .json_text import compact_array, members
from .memo import Keep, unkept
from .model import KINDS_BY_NAME, METHOD
from .options import CHOOSER_TEMPLATE, COMPARISON_TEMPLATE
from .wording import Wording

DATA_FOLDER = "assets/participation/"


def data_path(kind: str) -> str:
    """The site-relative path of the data file of the guide pages of ``kind`` cards."""
    return DATA_FOLDER + str(KINDS_BY_NAME[kind].data_file)


GUIDE_DATA = data_path(METHOD)


@dataclass(frozen=True)
class GuideViews:
    """The comparisons (by kind) and the chooser of a site that has their pages; ``pages``
    gives the kind of each comparison page by its site-relative URL."""

    comparisons: Mapping[str, Comparison] = field(default_factory=dict)
    pages: Mapping[str, str] = field(default_factory=dict)
    chooser: Chooser | None = None

    def values(self, template: Any, url: str, folder: str = "") -> dict[str, Any]:
        """What the comparison or the chooser page (by its ``template``) at the site-relative
        ``url`` shows, for its template, with the site-relative URL of the data file it fetches
        (under ``folder``, a language's); nothing for other pages. A page of the author's
        elsewhere that takes the comparison's template shows the methods'."""
        if template == COMPARISON_TEMPLATE:
            comparison = self.comparisons.get(self.pages.get(url, METHOD))
            if comparison is not None:
                return {
                    "participation_comparison": comparison,
                    "participation_data": folder + data_path(comparison.kind),
                }
        if template == CHOOSER_TEMPLATE and self.chooser is not None:
            return {
                "participation_chooser": self.chooser,
                "participation_data": folder + data_path(METHOD),
            }
        return {}

    def for_pages(self) -> GuideViews:
        """These views as their pages show them: rows, questions and words, without the cards'
        values, which the data files carry (a build holds them no longer than it needs)."""
        return replace(
            self,
            comparisons={
                kind: replace(comparison, columns=())
                for kind, comparison in self.comparisons.items()
            },
            chooser=self.chooser and replace(self.chooser, entries=()),
        )

    def data_files(self) -> dict[str, str]:
        """Each data file by its site-relative path: the cards of its kind in catalogue order,
        each {slug, title, url} with its comparison ``cells`` and, for methods, its chooser
        ``tagline`` and ``fits``; none for a site with neither page."""
        records: dict[str, dict[str, list[str]]] = {}
        parts: list[tuple[str, Iterable[Column | Entry]]] = [
            (kind, comparison.columns) for kind, comparison in self.comparisons.items()
        ]
        if self.chooser is not None:
            parts.append((METHOD, self.chooser.entries))
        for kind, views in parts:
            found = records.setdefault(kind, {})
            for view in views:
                if view.slug not in found:
                    identity = {"slug": view.slug, "title": view.title, "url": view.url}
                    found[view.slug] = [members(identity)]
                found[view.slug].append(view.data)
        return {data_path(kind): compact_array(found.values()) for kind, found in records.items()}


def build_guide_views(
    cards: CardSet,
    wording: Wording,
    comparisons: Mapping[str, str],
    chooser: bool,
    catalogues: Mapping[str, str],
    method_facets: Iterable[str],
    definitions: Mapping[str, Mapping[str, str]] | None = None,
    keep: Keep = unkept,
) -> GuideViews:
    """The comparison of each kind in ``comparisons`` (kind: its page's URL) and, when the
    site has its page, the ``chooser``. URLs are site-relative; ``catalogues`` gives each
    kind's catalogue, whose table a comparison links to and whose filters the chooser's
    answers open (by ``method_facets``); ``keep`` may give the comparisons' columns and the
    chooser's options of unchanged cards."""
    views = {
        kind: build_comparison(
            kind,
            cards,
            wording,
            f"{catalogues[kind]}{TABLE_VIEW}" if kind in catalogues else None,
            keep,
        )
        for kind in comparisons
    }
    chosen = None
    if chooser:
        chosen = build_chooser(
            cards,
            wording,
            catalogues.get(METHOD),
            method_facets,
            comparisons.get(METHOD),
            definitions,
            keep,
        )
    return GuideViews(views, {url: kind for kind, url in comparisons.items()}, chosen)
