"""Values precomputed for each card page, so that templates only loop and test.

The page of a card shows each field the way the model's ``Use.role`` says, in model order:
nothing here lists fields by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from .body import normalise_body
from .cards import Card
from .cardset import CardSet
from .keys import slug
from .model import CASE, KINDS_BY_NAME, Field, Role, Type, fields_for, with_role
from .wording import Wording


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    label: str


@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str


@dataclass(frozen=True, slots=True)
class LinkItem:
    """A card named on a page: its site-relative URL, or None when shown as plain text."""

    label: Markup
    href: str | None


@dataclass(frozen=True, slots=True)
class CaseItem:
    """A case study in the list on the page of a method or tool it used."""

    label: Markup
    href: str
    organiser: str | None
    date_iso: str | None
    date_label: str | None
    status: str | None


@dataclass(frozen=True, slots=True)
class Section:
    """A titled list on a card page: sanitised HTML fragments, named cards or case studies."""

    id: str
    title: str
    items: list[Markup] | list[LinkItem] | list[CaseItem]


@dataclass(frozen=True, slots=True)
class Fact:
    """One line of facts; ``href`` when the value is a link, ``sort`` the key a catalogue
    sorts it by ('' sorts last)."""

    label: str
    value: str
    provided: bool
    href: str | None = None
    sort: str = ""


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    content: str
    href: str | None


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of name and value under a heading: a tool's technical details, key figures."""

    id: str
    title: str
    rows: list[Row]


@dataclass(frozen=True, slots=True)
class VideoView:
    title: str
    provider: str
    embed: str
    watch: str
    thumbnail: str | None
    notice: str
    open_label: str


@dataclass(frozen=True, slots=True)
class Block:
    """A Markdown section of a follow-up page, rendered and sanitised."""

    id: str
    title: str
    html: Markup


@dataclass
class CardView:
    """Everything the page of a card shows (method, tool, case study, follow-up), ready to print."""

    kind: str
    kind_label: str
    title: Markup
    tagline: Markup
    # A case study's description, when its tagline takes the header's first line.
    summary: Markup
    banner: Image | None
    logo: Image | None
    owner: Fact | None
    contact: Link | None
    contact_label: str
    access: Link | None
    date_iso: str | None
    date_label: str | None
    facts: list[Fact]
    sections: list[Section]
    video: VideoView | None
    offer: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    buttons: list[Link] = field(default_factory=list)
    links: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    screenshot: Image | None = None
    case_studies: Section | None = None
    problems: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    body: Markup = field(default_factory=Markup)

    @property
    def leading(self) -> list[Section | Block]:
        """The parts before the body that the page's table of contents lists."""
        first = self.links if KINDS_BY_NAME[self.kind].links_first else []
        return [*self.sections, *first, *self.blocks]

    @property
    def closing(self) -> list[Section]:
        """The parts after the body that the table of contents lists."""
        last = [] if KINDS_BY_NAME[self.kind].links_first else self.links
        return [part for part in (self.case_studies, *last) if part]


PROVIDER_NAMES = {"youtube": "YouTube", "dailymotion": "Dailymotion", "vimeo": "Vimeo"}


def card_view(card: Card, cards: CardSet, wording: Wording) -> CardView:
    """The values of the page of ``card``, each field where its role puts it."""
    labels = wording.labels
    kind = card.kind
    owner = card["owner"]
    logo = cards.image(card, "logo")
    banner = cards.image(card, "img-bg")
    date = card["date"] if _role(kind, "date") is Role.DATELINE else None
    access = next((spec for spec in with_role(kind, Role.HEADER) if spec.action), None)
    view = CardView(
        kind=kind,
        kind_label=labels[kind],
        title=Markup.escape(card.title),
        tagline=wording.inline(card["tagline"] or card["description"] or ""),
        summary=wording.inline(card["description"] or "") if card["tagline"] else Markup(),
        banner=Image(banner, card["img-alt"] or "") if banner else None,
        logo=Image(logo, labels["logo_alt"].format(owner=owner or card.title)) if logo else None,
        owner=Fact(wording.heading("owner", kind), owner, True) if owner else None,
        contact=contact_link(card["contact"]),
        contact_label=wording.heading("contact", kind),
        access=_button(card, access, wording) if access else None,
        date_iso=date.isoformat() if date else None,
        date_label=wording.value(card, "date") if date else None,
        facts=facts(card, wording),
        sections=sections(card, Role.LIST, wording),
        video=video(card, cards, wording),
        offer=sections(card, Role.OFFER, wording),
        tables=[
            Table(slug(title), title, _rows(card[spec.name]))
            for spec in with_role(kind, Role.TABLE)
            if card[spec.name] and (title := wording.field(spec, kind))
        ],
        buttons=[
            _button(card, spec, wording) for spec in with_role(kind, Role.BUTTON) if card[spec.name]
        ],
        links=[
            group
            for spec in with_role(kind, Role.LINKS)
            if (group := linked(card, spec, cards, wording))
        ],
        blocks=[
            Block(
                slug(wording.field(spec, kind)),
                wording.field(spec, kind),
                wording.inline.block(normalise_body(card[spec.name], heading_level=3)),
            )
            for spec in with_role(kind, Role.BLOCK)
            if card[spec.name]
        ],
        screenshot=_screenshot(card, cards, wording),
        case_studies=case_studies(card, cards, wording),
        labels=labels,
    )
    return view


def facts(card: Card, wording: Wording) -> list[Fact]:
    """The facts of ``card`` in model order: a fact its kind always shows reads "not provided"
    when missing; the others show only when given."""
    found = []
    for spec in with_role(card.kind, Role.FACT):
        text = wording.value(card, spec.name)
        if text or spec.use(card.kind).always:
            href = card[spec.name] if spec.type is Type.URL and text else None
            label = wording.field(spec, card.kind)
            found.append(Fact(label, text or wording.labels["not_provided"], bool(text), href))
    return found


def sections(card: Card, role: Role, wording: Wording) -> list[Section]:
    """The non-empty lists of ``card`` shown in ``role``, with their headings."""
    return [
        Section(
            slug(wording.field(spec, card.kind)),
            wording.field(spec, card.kind),
            [wording.inline(item) for item in card[spec.name]],
        )
        for spec in with_role(card.kind, role)
        if card[spec.name]
    ]


def linked(card: Card, spec: Field, cards: CardSet, wording: Wording) -> Section | None:
    """The cards ``card`` names under ``spec``, dangling names and sentinels as text, then the
    cards of the target kind that name ``card`` back; None when there are none."""
    items: list[LinkItem] = []
    seen: set[str] = set()
    for mention in cards.links.mentions(card, spec.name):
        if mention.target is None:
            items.append(LinkItem(wording.inline(mention.text), None))
        elif mention.target.path not in seen:
            seen.add(mention.target.path)
            items.append(link(mention.target, cards))
    for other in cards.links.linked(card, spec.name):
        if other.path not in seen:
            seen.add(other.path)
            items.append(link(other, cards))
    title = wording.field(spec, card.kind)
    return Section(slug(title), title, items) if items else None


def link(card: Card, cards: CardSet) -> LinkItem:
    """A link to the page of ``card``."""
    return LinkItem(Markup.escape(card.title), cards.url(card))


def case_studies(card: Card, cards: CardSet, wording: Wording) -> Section | None:
    """The case studies that used a method or tool, in catalogue order."""
    used_by = cards.links.incoming(card, CASE)
    if not used_by:
        return None
    title = wording.labels["case_studies"]
    return Section(slug(title), title, [_case_item(case, cards, wording) for case in used_by])


def video(card: Card, cards: CardSet, wording: Wording) -> VideoView | None:
    spec = next((spec for spec in fields_for(card.kind) if spec.type is Type.VIDEO), None)
    found = card[spec.name] if spec else None
    if found is None:
        return None
    provider = PROVIDER_NAMES.get(found.provider, found.provider)
    thumbnail = next(
        filter(None, (cards.image(card, name) for name in _media_images(card.kind))), None
    )
    return VideoView(
        title=wording.field(spec, card.kind),
        provider=provider,
        embed=found.embed,
        watch=found.watch,
        thumbnail=thumbnail,
        notice=wording.labels["video_notice"].format(provider=provider),
        open_label=wording.labels["video_open"].format(provider=provider),
    )


def contact_link(value: str | None) -> Link | None:
    """The link of a card's contact, shown without its 'mailto:'."""
    if not value:
        return None
    return Link(value, value.removeprefix("mailto:"))


def _role(kind: str, name: str) -> Role | None:
    spec = next((spec for spec in fields_for(kind) if spec.name == name), None)
    return spec.use(kind).role if spec else None


def _button(card: Card, spec: Field, wording: Wording) -> Link | None:
    href = card[spec.name]
    return Link(href, wording.labels[f"action.{spec.name}"]) if href else None


def _rows(details: list) -> list[Row]:
    return [Row(row.name, row.content, row.link) for row in details]


def _case_item(case: Card, cards: CardSet, wording: Wording) -> CaseItem:
    date = case["date"]
    return CaseItem(
        label=Markup.escape(case.title),
        href=cards.url(case),
        organiser=case["organisateur"],
        date_iso=date.isoformat() if date else None,
        date_label=wording.value(case, "date") or None,
        status=wording.value(case, "in_progress") or None,
    )


def _media_images(kind: str) -> list[str]:
    return [spec.name for spec in with_role(kind, Role.MEDIA) if spec.type is Type.IMAGE]


def _screenshot(card: Card, cards: CardSet, wording: Wording) -> Image | None:
    """The picture of a card that has no video: a case study's screenshot."""
    if any(spec.type is Type.VIDEO for spec in fields_for(card.kind)):
        return None
    path = next(filter(None, (cards.image(card, name) for name in _media_images(card.kind))), None)
    return Image(path, wording.labels["screenshot_alt"].format(title=card.title)) if path else None
