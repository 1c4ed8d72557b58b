"""The methods' data file that the comparison and chooser pages fetch when they run.

Those pages hold their questions and rows only, so they weigh the same at ten methods or five
thousand; what each method shows there is in one compact JSON file, fetched once and cached by
the browser. Without JavaScript the pages link to the catalogue's table instead.
"""

from __future__ import annotations

import json

from .chooser import Chooser
from .comparison import Comparison

GUIDE_DATA = "assets/participation/methods.json"


def guide_data(comparison: Comparison | None, chooser: Chooser | None) -> str:
    """The methods in catalogue order, each {slug, title, url} with its comparison ``cells``
    and its chooser ``tagline`` and ``fits`` when the site has those pages."""
    records: dict[str, dict[str, object]] = {}
    for part in (
        comparison.columns_data() if comparison is not None else [],
        chooser.entries_data() if chooser is not None else [],
    ):
        for record in part:
            records.setdefault(str(record["slug"]), {}).update(record)
    return json.dumps(
        list(records.values()), ensure_ascii=False, allow_nan=False, separators=(",", ":")
    )
