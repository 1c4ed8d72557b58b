"""Make legacy card bodies render as their authors meant, without touching the source file.

Kramdown, which rendered the original toolbox, accepted two habits that Python-Markdown does not:
a list written on the line right after a paragraph line, and bold lines used as section titles.
What the sanitiser takes out of a body is reported on the line where the author wrote it.
"""

from __future__ import annotations

import re

from .problems import Problem

_BOLD_TITLE = re.compile(r"^\s{0,3}\*\*(?P<title>[^*\n]{1,120}?)\s*(?::\s*\*\*|\*\*\s*:)\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[*+-]|\d{1,9}[.)])\s+\S")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_KRAMDOWN_ATTRIBUTES = re.compile(r"^\s*\{:[^}]*\}\s*$")


def normalise_body(markdown: str, heading_level: int = 2) -> str:
    """Rewrite bold pseudo-headings as headings and separate lists from the paragraph above."""
    out: list[str] = []
    fence: str | None = None
    hashes = "#" * heading_level
    for raw in markdown.split("\n"):
        line = raw.rstrip()
        marker = _FENCE.match(line)
        if fence is not None:
            out.append(raw)
            if marker and marker.group(1) == fence:
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            out.append(raw)
            continue
        previous = out[-1] if out else ""
        starts_block = not previous.strip()
        if starts_block and (title := _BOLD_TITLE.match(line)):
            out.extend((f"{hashes} {' '.join(title.group('title').split())}", ""))
            continue
        if _KRAMDOWN_ATTRIBUTES.match(line):
            continue
        if _LIST_ITEM.match(line) and previous.strip() and not _is_list_line(previous):
            out.append("")
        out.append(line if line.strip() else "")
    return "\n".join(out)


def _is_list_line(line: str) -> bool:
    return bool(_LIST_ITEM.match(line)) or line.startswith((" ", "\t"))


def removed_html_problem(path: str, body: str, first_line: int, removed: list[str]) -> Problem:
    """The warning for HTML taken out of the body of the card at ``path`` (``removed``, as
    ``markup.removed_html`` names it), on the line of the first piece when it can be found."""
    needle = removed[0].strip("<>=").removeprefix("link ").removeprefix("image ")
    needle = needle.strip("'").removesuffix("…").lower()
    found = body.lower().find(needle)
    line = first_line + body.count("\n", 0, found) if found >= 0 else None
    return Problem(
        path,
        "HTML removed from the body: " + ", ".join(removed),
        line,
        suggestion="card pages run no script, embed no other page and load no image "
        "from another site",
    )
