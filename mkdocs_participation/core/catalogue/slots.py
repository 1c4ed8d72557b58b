"""Where a catalogue goes on a page: the marker an author writes,
``<!-- participation:catalogue methode -->``, and the slot it becomes once checked.

Slots are filled as soon as the page's HTML exists: nothing after that (a minifier that drops
comments, print or search plugins) depends on a comment surviving, and they all see the
catalogue itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

MARKER = re.compile(r"<!--\s*participation:catalogue\b[ \t]*([^\s>]*)\s*-->")
_HEADING = re.compile(r"<h([1-6])[\s>]")


@dataclass(frozen=True, slots=True)
class Marker:
    """A catalogue marker found in a page's HTML."""

    kind: str
    start: int
    end: int
    level: int


def marker(kind: str) -> str:
    """The comment an author writes in a page to show the catalogue of ``kind`` there."""
    return f"<!-- participation:catalogue {kind} -->"


def find_markers(html: str) -> list[Marker]:
    """Markers in rendered page HTML (not those shown inside code), with the level their card
    titles take: one below the heading that precedes them, h2 at least."""
    found = []
    for match in MARKER.finditer(html):
        headings = _HEADING.findall(html, 0, match.start())
        level = min(max(int(headings[-1]) + 1 if headings else 2, 2), 6)
        found.append(Marker(match.group(1), match.start(), match.end(), level))
    return found


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a checked marker puts a catalogue: the marker's place in the page, the kind, the
    level of the card titles and an id unique on the page."""

    kind: str
    level: int
    id: str
    start: int
    end: int


def place_markers(html: str, accept: Callable[[Marker], bool]) -> list[Slot]:
    """The slots of the markers in ``html`` that ``accept`` takes, each with an id unique on
    the page; a refused marker stays as written."""
    slots: list[Slot] = []
    ids: set[str] = set()
    for found in find_markers(html):
        if not accept(found):
            continue
        html_id = f"catalogue-{found.kind}"
        while html_id in ids:
            html_id = f"catalogue-{found.kind}-{len(ids) + 1}"
        ids.add(html_id)
        slots.append(Slot(found.kind, found.level, html_id, found.start, found.end))
    return slots


def fill_slots(html: str, slots: list[Slot], render: Callable[[Slot], str]) -> str:
    """``html`` with the marker of each slot replaced by ``render(slot)``."""
    parts: list[str] = []
    end = 0
    for slot in slots:
        parts += [html[end : slot.start], render(slot)]
        end = slot.end
    return "".join(parts) + html[end:]


def marker_line(text: str, kind: str) -> int | None:
    """The line of the first marker for ``kind`` in a page's Markdown ``text``."""
    for match in MARKER.finditer(text):
        if match.group(1) == kind:
            return text.count("\n", 0, match.start()) + 1
    return None
