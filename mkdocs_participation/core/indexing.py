"""What the site's search indexes of a card page: every word the page shows, in few tags.

Material's search plugin reads the HTML of each page with Python's HTMLParser, at a cost that
grows with the number of tags; a card page's landmarks, definition lists, figures and buttons
hold few words but many tags. Search is handed this compact text instead (same headings, same
anchors, so that results still point into the page), and the page itself is rendered after.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .views import Block, CardView, Section


def search_html(view: CardView) -> str:
    """The HTML indexed for the page of ``view``: the words of the header and facts (search
    titles that part with the page's title), each titled list under its own heading, then the
    body and the closing lists; the items of a list make one paragraph, separated by dots."""
    parts = [_paragraph(view.kind_label, view.tagline, view.summary)]
    parts.append(
        _paragraph(
            view.owner.value if view.owner else None,
            view.contact.label if view.contact else None,
            *(f"{fact.label} : {fact.value}" for fact in view.facts if fact.provided),
            *(f"{row.name} : {row.content}" for table in view.tables for row in table.rows),
        )
    )
    parts.extend(_section(section, "h3") for section in view.offer)
    parts.extend(
        _heading("h2", part.id, part.title) + part.html
        if isinstance(part, Block)
        else _section(part)
        for part in view.leading
    )
    parts.append(view.body)
    parts.extend(_section(section) for section in view.closing)
    return "".join(parts)


def _paragraph(*texts: str | Markup | None) -> str:
    words = " · ".join(escape(text) for text in texts if text)
    return f"<p>{words}</p>" if words else ""


def _section(section: Section, heading: str = "h2") -> str:
    labels = (getattr(item, "label", item) for item in section.items)
    return _heading(heading, section.id, section.title) + _paragraph(*labels)


def _heading(tag: str, id: str, title: str) -> str:
    return f'<{tag} id="{escape(id)}">{escape(title)}</{tag}>'
