"""Where a catalogue goes on a page: the marker an author writes,
``<!-- participation:catalogue methode -->``, and the slot it becomes once checked.

The slot stays a comment until the page is written, so that the search index and other plugins
never go through thousands of cards; the rendered catalogue then takes its place.
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
    """Where a checked marker puts a catalogue; kept as a comment until the page is written,
    so that the search index and other plugins never go through thousands of cards."""

    kind: str
    level: int
    id: str

    def comment(self) -> str:
        return f"<!-- participation:slot {self.kind} {self.level} {self.id} -->"


SLOT = re.compile(r"<!-- participation:slot ([\w-]+) ([1-6]) ([\w-]+) -->")


def place_markers(html: str, accept: Callable[[Marker], bool]) -> str:
    """``html`` with each accepted marker turned into a slot whose id is unique on the page;
    a refused marker is left as it is."""
    parts: list[str] = []
    end = 0
    ids: set[str] = set()
    for found in find_markers(html):
        if not accept(found):
            continue
        html_id = f"catalogue-{found.kind}"
        while html_id in ids:
            html_id = f"catalogue-{found.kind}-{len(ids) + 1}"
        ids.add(html_id)
        parts += [html[end : found.start], Slot(found.kind, found.level, html_id).comment()]
        end = found.end
    return "".join(parts) + html[end:]


def fill_slots(html: str, render: Callable[[Slot], str]) -> str:
    """``html`` with each slot replaced by ``render(slot)``."""
    return SLOT.sub(lambda match: render(Slot(match[1], int(match[2]), match[3])), html)


def marker_line(text: str, kind: str) -> int | None:
    """The line of the first marker for ``kind`` in a page's Markdown ``text``."""
    for match in MARKER.finditer(text):
        if match.group(1) == kind:
            return text.count("\n", 0, match.start()) + 1
    return None
