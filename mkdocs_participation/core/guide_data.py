"""The comparison and the chooser of a build, computed once, and the methods' data file that
their pages fetch.

Those pages hold their questions and rows only, so they weigh the same at ten methods or five
thousand; what each method shows there is in one compact JSON file, fetched once and cached by
the browser. Without JavaScript the pages link to the catalogue's table instead.
"""

from __future__ import annotations

import json
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .cardset import CardSet
from .chooser import CHOOSER_TEMPLATE, Chooser, build_chooser
from .comparison import COMPARISON_TEMPLATE, TABLE_VIEW, Comparison, build_comparison
from .memo import Keep, unkept
from .model import METHOD
from .wording import Wording

GUIDE_DATA = "assets/participation/methods.json"


@dataclass(frozen=True)
class GuideViews:
    """The comparison and the chooser of a site that has their pages."""

    comparison: Comparison | None = None
    chooser: Chooser | None = None

    def values(self, template: Any, data_url: str) -> dict[str, Any]:
        """What the comparison or the chooser page (by its ``template``) shows, for its
        template, with the site-relative URL of the data file it fetches; nothing for other
        pages."""
        if template == COMPARISON_TEMPLATE and self.comparison is not None:
            return {"participation_comparison": self.comparison, "participation_data": data_url}
        if template == CHOOSER_TEMPLATE and self.chooser is not None:
            return {"participation_chooser": self.chooser, "participation_data": data_url}
        return {}

    def data(self) -> str | None:
        """The methods' data file: the methods in catalogue order, each {slug, title, url} with
        its comparison ``cells`` and its chooser ``tagline`` and ``fits``; None for a site with
        neither page."""
        if self.comparison is None and self.chooser is None:
            return None
        records: dict[str, dict[str, object]] = {}
        for part in (
            self.comparison.columns_data() if self.comparison is not None else [],
            self.chooser.entries_data() if self.chooser is not None else [],
        ):
            for record in part:
                records.setdefault(str(record["slug"]), {}).update(record)
        return json.dumps(
            list(records.values()), ensure_ascii=False, allow_nan=False, separators=(",", ":")
        )


def build_guide_views(
    cards: CardSet,
    wording: Wording,
    templates: Container[str],
    methods_url: str | None,
    method_facets: Iterable[str],
    comparison_url: str | None,
    definitions: Mapping[str, Mapping[str, str]] | None = None,
    keep: Keep = unkept,
) -> GuideViews:
    """The comparison and the chooser of the site whose guide pages are ``templates``. URLs are
    site-relative; ``methods_url`` is the methods' catalogue; ``keep`` may give the
    comparison's columns and the chooser's options of unchanged methods."""
    comparison = chooser = None
    if COMPARISON_TEMPLATE in templates:
        table = f"{methods_url}{TABLE_VIEW}" if methods_url is not None else None
        comparison = build_comparison(METHOD, cards, wording, table, keep)
    if CHOOSER_TEMPLATE in templates:
        chooser = build_chooser(
            cards, wording, methods_url, method_facets, comparison_url, definitions, keep
        )
    return GuideViews(comparison, chooser)
