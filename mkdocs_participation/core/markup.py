"""Card values as safe HTML: escaped text, inline Markdown with a few tags, safe URLs.

Policy for HTML written inside card values (the legacy toolbox has ``<br/>``, ``<i>`` and
``<a href>`` in list items): inline Markdown and the tags in ``INLINE_TAGS`` are kept, links only
with http(s) or mailto targets; every other tag is removed and its text kept; text is escaped.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

INLINE_TAGS = {"a", "abbr", "b", "br", "code", "em", "i", "small", "strong", "sub", "sup"}
BLOCK_TAGS = INLINE_TAGS | {
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
SAFE_SCHEMES = {"http", "https", "mailto"}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "th": {"scope"},
    "td": {"colspan"},
    "*": {"id"},
}
_MARKUP_HINT = re.compile(r"[<>&*_`\[\\]")


def is_safe_url(url: str) -> bool:
    """True for http(s) and mailto URLs and for paths inside the site; false for anything else."""
    url = url.strip()
    if not url or any(ord(char) < 32 for char in url):
        return False
    scheme = urlsplit(url).scheme.lower()
    if scheme:
        return scheme in SAFE_SCHEMES
    return not url.startswith("//")


def _keep_safe_links(tag: str, attribute: str, value: str) -> str | None:
    if attribute in {"href", "src"}:
        return value if is_safe_url(value) else None
    return value


def clean(fragment: str, *, block: bool = False) -> str:
    """Sanitise an HTML fragment with the inline (or block) allow-list."""
    tags = BLOCK_TAGS if block else INLINE_TAGS
    return nh3.clean(
        fragment,
        tags=tags,
        attributes=_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        attribute_filter=_keep_safe_links,
        link_rel="noopener noreferrer",
    )


class InlineRenderer:
    """Renders short values (titles, list items) as inline HTML; plain text skips Markdown."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=["sane_lists"])

    def __call__(self, text: str) -> Markup:
        text = " ".join(text.split())
        if not _MARKUP_HINT.search(text):
            return Markup.escape(text)
        rendered = self._markdown.reset().convert(text)
        rendered = rendered.removeprefix("<p>").removesuffix("</p>")
        return Markup(clean(rendered))

    def block(self, text: str) -> Markup:
        """Render a Markdown block (a legacy follow-up section) to sanitised HTML."""
        return Markup(clean(self._markdown.reset().convert(text), block=True))


def plain_title(title: str) -> str:
    """A title safe to hand to themes that print it without escaping (and may unescape it)."""
    return html.escape(" ".join(title.split()).replace("<", "‹").replace(">", "›"))
