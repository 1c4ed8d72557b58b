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


def compact_array(objects: Iterable[Iterable[str]]) -> str:
    """A compact JSON array of objects, each given as the texts of its members."""
    return "[" + ",".join("{" + ",".join(parts) + "}" for parts in objects) + "]"
