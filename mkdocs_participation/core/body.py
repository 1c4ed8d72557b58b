"""Make legacy card bodies render as their authors meant, without touching the source file.

Kramdown, which rendered the original toolbox, accepted two habits that Python-Markdown does not:
a list written on the line right after a paragraph line, and bold lines used as section titles.
What the sanitiser takes out of a body is reported on the line where the author wrote it.
"""

from __future__ import annotations

import re

from .problems import Problem, Severity, clip
from .urls import url_error

_BOLD_TITLE = re.compile(r"^\s{0,3}\*\*(?P<title>[^*\n]{1,120}?)\s*(?::\s*\*\*|\*\*\s*:)\s*$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[*+-]|\d{1,9}[.)])\s+\S")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_KRAMDOWN_ATTRIBUTES = re.compile(r"^\s*\{:[^}]*\}\s*$")
# Beyond these, Python-Markdown recurses too deep or slows down with the square of the length.
MAX_NESTING, MAX_RUN, MAX_BRACKETS = 200, 200, 500
_BLOCK_MARKUP = " \t>-*+.)0123456789"
_LONG_RUN = re.compile(rf"([*_\[\]()<>`~])\1{{{MAX_RUN - 1}}}")
# Python-Markdown's HTML parser scans on from each '<' and letter it cannot close as a tag, past
# quoted '>' and line ends, often to the end of the text: a few thousand such starts take
# seconds. A start counts the rest of the text, unless a plain tag closes it: no '<' before its
# '>', no quote or backtick outside a value written ="…" or ='…'.
MAX_TAG_SCAN = 2_000_000
_TAG = re.compile(r"<[A-Za-z][^<>]*(>?)")
_QUOTED_VALUE = re.compile(r"""=\s*(?:"[^"]*"|'[^']*')""")
# That parser reads indented code too: a word joiner after '<' leaves it no tag to start.
_TAG_OPEN = re.compile(r"<(?=[A-Za-z])")


# Where Markdown and HTML put an address: [text](url), ![alt](url), [label]: url, <url>,
# href="url" and src="url". Code spans and fenced blocks hold no link.
_LINK_TARGETS = re.compile(
    r"\]\(\s*<?(?P<inline>[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(?P<definition>[^\s>]+)"
    r"|<(?P<auto>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>"
    r"|\b(?:href|src)\s*=\s*[\"']?(?P<attribute>[^\"'\s<>]+)",
    re.MULTILINE | re.IGNORECASE,
)
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.DOTALL)


def refused_links(markdown: str) -> list[tuple[int, str, str]]:
    """The link and image addresses of ``markdown`` that Python's URL parser refuses, each
    with its line (from 0) and the parser's reason."""
    return [
        (markdown.count("\n", 0, start), url, error)
        for start, _, url, error in _refused_spans(markdown)
    ]


def without_refused_links(markdown: str) -> str:
    """``markdown`` with each address the URL parser refuses taken out of its link: the link
    points at '#' and keeps its text, an automatic link becomes code. No Markdown host (MkDocs
    reads every link) then trips over the address."""
    for start, end, url, _ in reversed(_refused_spans(markdown)):
        written = markdown[start:end]
        markdown = (
            markdown[:start] + (f"`{url}`" if written.startswith("<") else "#") + markdown[end:]
        )
    return markdown


def _refused_spans(markdown: str) -> list[tuple[int, int, str, str]]:
    """Where each refused address is written (an automatic link with its '<' and '>'), the
    address and the parser's reason."""
    text = _CODE_SPAN.sub(lambda span: re.sub(r"[^\n]", " ", span[0]), _without_fences(markdown))
    spans = []
    for target in _LINK_TARGETS.finditer(text):
        group = next(name for name, url in target.groupdict().items() if url is not None)
        url = target[group]
        if url and (error := url_error(url)) is not None:
            start, end = target.span(group)
            if group == "auto":
                start, end = start - 1, end + 1
            spans.append((start, end, url, error))
    return spans


def _without_fences(markdown: str) -> str:
    """``markdown`` with the lines of fenced code blocks left empty, line numbers kept."""
    lines, fence = markdown.split("\n"), None
    for number, line in enumerate(lines):
        marker = _FENCE.match(line)
        if fence is None and marker is None:
            continue
        if fence is None:
            fence = marker[1]
        elif marker is not None and marker[1] == fence:
            fence = None
        lines[number] = ""
    return "\n".join(lines)


def refused_url_problem(
    path: str,
    line: int | None,
    url: str,
    error: str,
    key: str | None = None,
    severity: Severity = Severity.WARNING,
) -> Problem:
    """The problem for an address Python's URL parser refuses: it is never shown."""
    return Problem(
        path,
        f"not a valid address: '{clip(url)}' ({error}); it is not shown",
        line,
        key,
        "only an IPv6 address goes between '[' and ']': write the full https:// address",
        severity,
    )


def normalise_body(markdown: str, heading_level: int = 2) -> str:
    """Rewrite bold pseudo-headings as headings and separate lists from the paragraph above;
    a body Python-Markdown cannot render safely (``markdown_hazard``) is shown as written, as
    preformatted text (with an invisible U+2060 after each '<' that could open a tag)."""
    if markdown_hazard(markdown) is not None:
        text = _TAG_OPEN.sub("<\u2060", markdown.strip("\n"))
        return "\n".join("    " + line for line in text.split("\n"))
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


def markdown_hazard(markdown: str) -> int | None:
    """The first line (from 0) of ``markdown`` that would make Python-Markdown recurse past
    Python's limit or take minutes: nesting hundreds deep, long runs of one delimiter, hundreds
    of opening brackets in one paragraph, HTML tags left open by the thousand or before a long
    text. None for any ordinary text."""
    found = [line for line in (_block_hazard(markdown), _tag_hazard(markdown)) if line is not None]
    return min(found, default=None)


def _block_hazard(markdown: str) -> int | None:
    brackets, start, fence = 0, 0, None
    for number, line in enumerate(markdown.split("\n")):
        if marker := _FENCE.match(line):
            fence = None if fence == marker[1] else fence or marker[1]
        if not line.strip():
            brackets, start = 0, number + 1
            continue
        brackets += line.count("[") if fence is None else 0
        if len(line) - len(line.lstrip(_BLOCK_MARKUP)) > MAX_NESTING or _LONG_RUN.search(line):
            return number
        if brackets > MAX_BRACKETS:
            return start
    return None


def _tag_hazard(markdown: str) -> int | None:
    """The line of the tag start where the HTML parser's scans pass ``MAX_TAG_SCAN``."""
    scanned = 0
    for tag in _TAG.finditer(markdown):
        plain = tag[1] and not any(mark in _QUOTED_VALUE.sub("", tag[0]) for mark in "\"'`")
        scanned += 0 if plain else len(markdown) - tag.start()
        if scanned > MAX_TAG_SCAN:
            return markdown.count("\n", 0, tag.start())
    return None


def hazard_problem(path: str, line: int | None, key: str | None = None) -> Problem:
    """The error for Markdown shown as written because it cannot be rendered safely."""
    return Problem(
        path,
        "this Markdown nests too deeply, repeats a delimiter too often or leaves too many HTML "
        "tags open to be rendered; it is shown as written",
        line,
        key,
        "break the nesting or the run of symbols up, and end each HTML tag with '>'",
        Severity.ERROR,
    )


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
