"""Card values and bodies as safe HTML: escaped text, a few tags, safe URLs (docs/securite.md).

Policy for HTML written inside card values (the legacy toolbox has ``<br/>``, ``<i>`` and
``<a href>`` in list items): inline Markdown and the tags in ``INLINE_TAGS`` are kept, links only
with http(s) or mailto targets; every other tag is removed and its text kept; text is escaped.
Card bodies keep what Python-Markdown, pymdownx and Material write (``BODY_TAGS``); nothing that
runs, embeds another site or loads an image from it. A known video player becomes a link.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markupsafe import Markup

from .body import markdown_hazard
from .urls import SAFE_SCHEMES, is_local_url, is_safe_url, split_url
from .video import parse_video

INLINE_TAGS = {"a", "abbr", "b", "br", "code", "em", "i", "small", "strong", "sub", "sup"}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "*": {"id"}}
_MARKUP_HINT = re.compile(r"[<>&*_`\[\\]")
# What Python-Markdown, its extensions, pymdownx and Material write in a page: admonitions,
# details, tables, code, footnotes, task lists, content tabs, icons, attr_list ids and classes.
BODY_TAGS = INLINE_TAGS | {
    *("blockquote", "caption", "dd", "del", "details", "div", "dl", "dt", "figcaption"),
    *("figure", "h2", "h3", "h4", "h5", "h6", "hr", "img", "input", "ins", "kbd", "label"),
    *("li", "mark", "ol", "p", "path", "pre", "q", "s", "samp", "span", "summary", "svg"),
    *("table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var"),
}
# No data-* attribute: the plugin's scripts act on some (a data-participation-video frame).
_BODY_ATTRIBUTES = {
    "*": {"class", "dir", "id", "lang", "title"},
    "a": {"href", "name"},
    "details": {"open"},
    "img": {"alt", "height", "loading", "src", "width"},
    "input": {"checked", "disabled", "name"},
    "label": {"for"},
    "ol": {"start"},
    "path": {"d"},
    "svg": {"height", "viewBox", "width", "xmlns"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "time": {"datetime"},
}
# Removed with everything inside: what runs, embeds another page or sends a form.
_FORBIDDEN = {"applet", "base", "embed", "form", "frame", "iframe", "link", "meta", "object"}
_FORBIDDEN |= {"script", "style", "template"}
# The opening tag only ("[^<>]", never ".*", keeps it linear); the sanitiser drops the rest.
_IFRAME = re.compile(r"<iframe\b(?P<attributes>[^<>]*)>", re.IGNORECASE)
# An input the sanitiser left without a type would show as a text field: only boxes are kept.
_TEXT_INPUT = re.compile(r'<input(?![^<>]*\btype="(?:checkbox|radio)")[^<>]*>')
# Start tags and their attributes, read the linear way (no HTML parser: it is quadratic on
# thousands of unclosed tags).
_START_TAG = re.compile(r"<([a-zA-Z][\w:-]*)([^<>]*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_SVG_ACTIVE = re.compile(
    r"<\s*(?:script|foreignObject|iframe|embed|object)\b|[\s/\"']on[a-z]+\s*="
    r"|j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:",
    re.IGNORECASE,
)


def _keep_safe_links(tag: str, attribute: str, value: str) -> str | None:
    if attribute in {"href", "src"}:
        return value if is_safe_url(value) else None
    return value


def _keep_body_links(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "src":
        return value if is_local_url(value) else None
    return _keep_safe_links(tag, attribute, value)


# Built once: a Cleaner compiles its allow-lists, which nh3.clean does again on every call.
_BODY_CLEANER = nh3.Cleaner(
    tags=BODY_TAGS,
    clean_content_tags=_FORBIDDEN,
    attributes=_BODY_ATTRIBUTES,
    tag_attribute_values={"input": {"type": {"checkbox", "radio"}}},
    url_schemes=SAFE_SCHEMES,
    attribute_filter=_keep_body_links,
    filter_style_properties={"text-align"},
    link_rel="noopener noreferrer",
)
_INLINE_CLEANER = nh3.Cleaner(
    tags=INLINE_TAGS,
    attributes=_ATTRIBUTES,
    url_schemes=SAFE_SCHEMES,
    attribute_filter=_keep_safe_links,
    link_rel="noopener noreferrer",
)


def clean_body(fragment: str) -> tuple[str, list[str]]:
    """Sanitise the HTML of a card body with ``BODY_TAGS``; also say what was taken out that
    a reader would miss (scripts, embedded pages, handlers, unsafe links, remote images)."""
    fragment = videos_as_links(fragment)
    cleaned = _BODY_CLEANER.clean(fragment)
    return _TEXT_INPUT.sub("", cleaned), removed_html(fragment)


def removed_html(fragment: str) -> list[str]:
    """What ``clean_body`` takes out of ``fragment`` that changes what a page shows or does."""
    removed: list[str] = []
    for tag in _START_TAG.finditer(fragment):
        name = tag[1].lower()
        if name in _FORBIDDEN:
            removed.append(f"<{name}>")
            continue
        for key, value in _attributes(tag[2]):
            if key.startswith("on"):
                removed.append(f"{key}=")
            elif key in ("href", "src") and split_url(value) is None:
                continue  # the card reports an address the parser refuses on its own line
            elif key == "href" and not is_safe_url(value):
                removed.append(f"link '{_clip(value)}'")
            elif key == "src" and name == "img" and value and not is_local_url(value):
                removed.append(f"image '{_clip(value)}'")
    return list(dict.fromkeys(removed))


def _attributes(text: str) -> list[tuple[str, str]]:
    """The attributes of a start tag, names in lower case, values unescaped."""
    return [
        (found[1].lower(), html.unescape(next(filter(None, found.groups()[1:]), "")))
        for found in _ATTRIBUTE.finditer(text)
    ]


def _clip(url: str) -> str:
    url = " ".join(url.split())
    return url if len(url) <= 40 else url[:39] + "…"


def videos_as_links(fragment: str) -> str:
    """Embedded players of known video sites become a link to the video: no request to their
    host when the page loads. Other embedded pages are left to the sanitiser to remove."""

    def link(match: re.Match[str]) -> str:
        video = parse_video(dict(_attributes(match["attributes"])).get("src", ""))
        if video is None:
            return match[0]
        watch = html.escape(video.watch)
        return f'<a href="{watch}">{watch}</a>'

    return _IFRAME.sub(link, fragment)


def active_svg(svg: str) -> bool:
    """True when an SVG file holds script, event handlers or javascript: links, which run when
    a visitor opens the file itself (never inside an <img>)."""
    return bool(_SVG_ACTIVE.search(html.unescape(svg)))


def clean(fragment: str) -> str:
    """Sanitise an HTML fragment with the inline allow-list."""
    return _INLINE_CLEANER.clean(fragment)


class InlineRenderer:
    """Renders short values (titles, list items) as inline HTML; plain text skips Markdown.

    A value is rendered once: the card page, its catalogue entry and the comparison show the
    same items."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=["sane_lists"])
        self._rendered: dict[str, Markup] = {}

    def __call__(self, text: str) -> Markup:
        if text not in self._rendered:
            self._rendered[text] = self._render(" ".join(text.split()))
        return self._rendered[text]

    def _render(self, text: str) -> Markup:
        if not _MARKUP_HINT.search(text) or markdown_hazard(text) is not None:
            return Markup.escape(text)
        rendered = self._markdown.reset().convert(text)
        rendered = rendered.removeprefix("<p>").removesuffix("</p>")
        return Markup(clean(rendered))

    def block(self, text: str) -> Markup:
        """Render a Markdown block (a legacy follow-up section) as a card body is rendered."""
        return Markup(clean_body(self._markdown.reset().convert(text))[0])


def plain_title(title: str) -> str:
    """A title safe to hand to themes that print it without escaping (and may unescape it)."""
    return html.escape(" ".join(title.split()).replace("<", "‹").replace(">", "›"))
