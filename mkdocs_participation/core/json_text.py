"""Large JSON files written from pieces: each card's piece is serialised once (and kept with
the value it comes from across serve's rebuilds), then the pieces are joined, so a build holds
neither the whole file's objects at once nor serialises an unchanged card again."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

COMPACT = (",", ":")


def members(values: Mapping[str, object]) -> str:
    """``values`` as the members of a compact JSON object, without its braces."""
    return json.dumps(values, ensure_ascii=False, allow_nan=False, separators=COMPACT)[1:-1]


def plain(value: object) -> str:
    """``value`` as JSON text, as ``json.dumps`` writes it by default (but not escaping
    non-ASCII characters)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def ending_with_array(values: Mapping[str, object], key: str, items: Iterable[str]) -> str:
    """The ``plain`` JSON object of ``values`` with, last, ``key``: the array of ``items``,
    given as their ``plain`` JSON texts."""
    head = plain({name: value for name, value in values.items() if name != key})
    return f"{head[:-1]}, {plain(key)}: [" + ", ".join(items) + "]}"


def compact_array(objects: Iterable[Iterable[str]]) -> str:
    """A compact JSON array of objects, each given as the texts of its members."""
    return "[" + ",".join("{" + ",".join(parts) + "}" for parts in objects) + "]"
