"""The front-matter keys a card page keeps for the theme and the other plugins of the site.

A card's front matter is card data: the page shows it through the plugin's own templates,
escaped. Only the keys below also stay in the page's metadata, because Material and common
plugins read them there, and each is checked first: Material's templates do not escape page
metadata, so no value reaches them as raw text. Any other key (``template``, ``redirect``,
``description``, ``icon``…) never becomes an instruction to the theme.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from markupsafe import escape

from .dates import parse_date
from .problems import Problem
from .source import Source

_WORD = re.compile(r"^[\w-]{1,40}$")
_DATE_TYPES = (datetime.date, datetime.datetime)
# What Material hides on a page with ``hide:``.
HIDDEN_PARTS = frozenset({"navigation", "toc", "footer", "tags", "path", "feedback"})


def _texts(value: Any) -> list[str] | None:
    """A list of short texts, escaped (Material prints tags and authors unescaped)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str | int) for i in items):
        return None
    return [str(escape(str(item).strip())) for item in items if str(item).strip()]


def _date(value: Any) -> Any:
    """A date, or the blog's mapping of dates (``created``, ``updated``: a date or a list)."""
    if isinstance(value, _DATE_TYPES):
        return value
    if isinstance(value, str):
        return parse_date(value)
    if isinstance(value, dict) and value and all(isinstance(k, str) for k in value):
        dates = [v for item in value.values() for v in (item if isinstance(item, list) else [item])]
        return value if dates and all(isinstance(v, _DATE_TYPES) for v in dates) else None
    return None


def _hide(value: Any) -> list[str] | None:
    parts = [value] if isinstance(value, str) else value
    if isinstance(parts, list) and all(part in HIDDEN_PARTS for part in parts):
        return parts
    return None


def _search(value: Any) -> dict[str, Any] | None:
    """Material's search options for the page: ``exclude`` and ``boost``."""
    if not isinstance(value, dict) or not set(value) <= {"exclude", "boost"}:
        return None
    if not isinstance(value.get("exclude", False), bool):
        return None
    boost = value.get("boost", 1)
    if isinstance(boost, bool) or not isinstance(boost, int | float) or not 0 < boost <= 10:
        return None
    return value


def _status(value: Any) -> str | None:
    """A status name from ``extra.status`` (Material turns it into a class and an icon)."""
    return value if isinstance(value, str) and _WORD.match(value) else None


# Each kept key: why other plugins need it, how its value is checked, and what is expected.
PAGE_KEYS: dict[str, tuple[str, Callable[[Any], Any], str]] = {
    "tags": (
        "Material's tags plugin shows them on the page and lists the page in its tags index",
        _texts,
        "a list of texts",
    ),
    "date": (
        "rss, blog and git-revision-date plugins date the page from it (also a card value)",
        _date,
        "",  # the card's own check of its date reports a wrong one
    ),
    "authors": ("rss and the blog credit the page to them", _texts, "a list of names"),
    "hide": (
        "Material hides these parts of the page (navigation, toc, footer, tags…)",
        _hide,
        "a list among " + ", ".join(sorted(HIDDEN_PARTS)),
    ),
    "search": (
        "Material's search leaves the page out or boosts it",
        _search,
        "exclude: true/false, boost: a number up to 10",
    ),
    "status": (
        "Material marks the page as new or deprecated in the navigation",
        _status,
        "a status name from extra.status, such as new",
    ),
}


# What an editor is told of the kept keys that are not card fields (date is one).
PAGE_KEY_SCHEMAS: dict[str, dict[str, Any]] = {
    "tags": {"type": ["array", "string", "null"], "items": {"type": ["string", "number"]}},
    "authors": {"type": ["array", "string", "null"], "items": {"type": ["string", "number"]}},
    "hide": {
        "type": ["array", "string", "null"],
        "items": {"enum": sorted(HIDDEN_PARTS)},
    },
    "search": {
        "type": ["object", "null"],
        "properties": {"exclude": {"type": "boolean"}, "boost": {"type": "number"}},
        "additionalProperties": False,
    },
    "status": {"type": ["string", "null"], "pattern": _WORD.pattern},
}


def page_meta(source: Source, title: str) -> tuple[dict[str, Any], list[Problem]]:
    """The page metadata of the card in ``source``: its plain ``title`` and the kept keys that
    hold a usable value; a problem for each kept key whose value is not."""
    meta: dict[str, Any] = {"title": title}
    problems = []
    for key, (_why, check, expected) in PAGE_KEYS.items():
        if key not in source.data or source.data[key] in (None, "", []):
            continue
        value = check(source.data[key])
        if value is None and expected:
            problems.append(
                Problem(
                    source.path,
                    "value not kept for the theme and other plugins",
                    source.line_of(key),
                    key,
                    f"expected {expected}",
                )
            )
        elif value is not None:
            meta[key] = value
    return meta, problems
