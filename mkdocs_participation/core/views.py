"""Values precomputed for each card page, so that templates only loop and test."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from .body import normalise_body
from .cards import Card, Range
from .cardset import CardSet
from .dates import format_date
from .keys import slug
from .markup import InlineRenderer
from .model import CASE, FIELDS_BY_NAME, FOLLOW_UP, METHOD, TOOL, Type


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    label: str


@dataclass(frozen=True, slots=True)
class Image:
    src: str
    alt: str


@dataclass(frozen=True, slots=True)
class Section:
    """A titled list on a card page: sanitised HTML fragments, named cards or case studies."""

    id: str
    title: str
    items: list[Markup] | list[LinkItem] | list[CaseItem]


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value: str
    provided: bool


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    content: str
    href: str | None


@dataclass(frozen=True, slots=True)
class VideoView:
    provider: str
    embed: str
    watch: str
    thumbnail: str | None
    notice: str
    open_label: str


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
    banner: Image | None
    logo: Image | None
    owner: str | None
    contact: Link | None
    access: Link | None
    date_iso: str | None
    date_label: str | None
    facts: list[Fact]
    sections: list[Section]
    video: VideoView | None
    licence: str | None = None
    website: Link | None = None
    offer: list[Section] = field(default_factory=list)
    details: list[Row] = field(default_factory=list)
    clients: list[str] = field(default_factory=list)
    buttons: list[Link] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    screenshot: Image | None = None
    uses: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    case_studies: Section | None = None
    related: Section | None = None
    open_data: Link | None = None
    body: Markup = field(default_factory=Markup)


LIST_SECTIONS = ("priorites", "qualites", "atouts", "inconvenients")
OFFER_SECTIONS = (
    "feature_inclus",
    "feature_plusloin",
    "accompagnement_inclus",
    "accompagnement_plusloin",
)
FACTS = ("niveau", "format", "echelle", "participants", "duree", "cout", "recrutement")
CASE_FACTS = (
    "organisateur",
    "date",
    "in_progress",
    "echelle",
    "thematiques",
    "note-citoyenne",
    "note-decidee",
)
FOLLOW_UP_FACTS = ("organisateur", "date-banniere", "date")
# In the order the legacy follow-up pages tell their story.
FOLLOW_UP_BLOCKS = (
    "presentation",
    "engagements",
    "dispositif",
    "resultats",
    "devoir_def",
    "devoir",
    "message_sponsor",
    "annexes",
)
PROVIDER_NAMES = {"youtube": "YouTube", "dailymotion": "Dailymotion", "vimeo": "Vimeo"}


class ViewBuilder:
    """Builds page values for the cards of one catalogue, in one language."""

    def __init__(
        self,
        card_set: CardSet,
        labels: dict[str, str],
        vocabularies: dict[str, dict[str, str]],
        language: str = "fr",
    ) -> None:
        self.card_set = card_set
        self.labels = labels
        self.vocabularies = vocabularies
        self.language = language
        self.inline = InlineRenderer()

    def card(self, card: Card) -> CardView:
        """The values of the page of ``card``."""
        labels = self.labels
        owner = card["owner"]
        logo = self.card_set.image(card, "logo")
        banner = self.card_set.image(card, "img-bg")
        date = card["date"]
        view = CardView(
            kind=card.kind,
            kind_label=labels[card.kind],
            title=Markup.escape(card.title),
            tagline=self.inline(card["tagline"] or card["description"] or ""),
            banner=Image(banner, card["img-alt"] or "") if banner else None,
            logo=Image(logo, labels["logo_alt"].format(owner=owner or card.title))
            if logo
            else None,
            owner=owner,
            contact=contact_link(card["contact"]),
            access=Link(card["access_link"], labels["access_link"])
            if card["access_link"]
            else None,
            date_iso=date.isoformat() if date else None,
            date_label=format_date(date, self.language) if date else None,
            facts=self.facts(card) if card.kind in (METHOD, TOOL) else [],
            sections=self.sections(card, LIST_SECTIONS),
            video=self.video(card),
            labels=labels,
        )
        if card.kind == TOOL:
            self._tool(card, view)
        if card.kind == CASE:
            self._case(card, view)
        elif card.kind == FOLLOW_UP:
            self._follow_up(card, view)
        else:
            view.case_studies = self.case_studies(card)
            view.related = self.link_group(
                "methodes_liees",
                [
                    self.link(other)
                    for other in self.card_set.links.outgoing(card).get("methodes_liees", [])
                ],
            )
        return view

    def sections(self, card: Card, names: tuple[str, ...]) -> list[Section]:
        """The non-empty lists of ``card`` among ``names``, with their headings."""
        return [
            Section(
                slug(self.labels.get(name, name)),
                self.labels.get(name, name),
                [self.inline(item) for item in card[name]],
            )
            for name in names
            if card[name]
        ]

    def facts(self, card: Card) -> list[Fact]:
        """The structured attributes, 'not provided' where missing, in a fixed order."""
        facts = []
        for name in FACTS:
            label = self.labels.get(name, FIELDS_BY_NAME[name].label)
            text = self.fact_text(card, name)
            facts.append(Fact(label, text or self.labels["not_provided"], bool(text)))
        return facts

    def fact_text(self, card: Card, name: str) -> str:
        """One structured attribute written out for people."""
        value = card[name]
        spec = FIELDS_BY_NAME[name]
        if spec.type is Type.RANGE:
            return range_text(value, self.labels) if value else ""
        vocabulary = self.vocabularies.get(spec.vocabulary or "", {})
        values = value if isinstance(value, list) else [value] if value else []
        return ", ".join(vocabulary.get(v, v) for v in values)

    def video(self, card: Card) -> VideoView | None:
        video = card["url_video_demo"]
        if video is None:
            return None
        provider = PROVIDER_NAMES.get(video.provider, video.provider)
        return VideoView(
            provider=provider,
            embed=video.embed,
            watch=video.watch,
            thumbnail=self.card_set.image(card, "vignette_video_demo"),
            notice=self.labels["video_notice"].format(provider=provider),
            open_label=self.labels["video_open"].format(provider=provider),
        )

    def _tool(self, card: Card, view: CardView) -> None:
        labels = self.labels
        view.licence = card["contract"]
        view.website = Link(card["domain"], card["domain"]) if card["domain"] else None
        view.offer = self.sections(card, OFFER_SECTIONS)
        view.details = [Row(row.name, row.content, row.link) for row in card["details_techniques"]]
        view.clients = card["clients"]
        view.buttons = [
            Link(card[name], labels[name])
            for name in ("demo_link", "doc_tech", "lettre_engagement")
            if card[name]
        ]

    def link(self, card: Card) -> LinkItem:
        """A link to the page of ``card``."""
        return LinkItem(Markup.escape(card.title), self.card_set.url(card))

    def link_group(self, key: str, items: list[LinkItem]) -> Section | None:
        """A titled list of cards, None when empty."""
        title = self.labels[key]
        return Section(slug(title), title, items) if items else None

    def uses(self, card: Card, key: str) -> Section | None:
        """The cards a case study names under ``key``; sentinels and dangling names as text."""
        items = [
            self.link(mention.target)
            if mention.target
            else LinkItem(self.inline(mention.text), None)
            for mention in self.card_set.links.mentions(card, key)
        ]
        return self.link_group(f"{key}_used", items)

    def case_studies(self, card: Card) -> Section | None:
        """The case studies that used a method or tool, in catalogue order."""
        cases = self.card_set.links.incoming(card, CASE)
        if not cases:
            return None
        title = self.labels["case_studies"]
        return Section(slug(title), title, [self._case_item(case) for case in cases])

    def provided_facts(self, card: Card, names: tuple[str, ...]) -> list[Fact]:
        """The attributes among ``names`` that ``card`` gives, written out for people."""
        facts = []
        for name in names:
            text = self._value_text(card, name)
            if text:
                facts.append(Fact(self.labels.get(name, FIELDS_BY_NAME[name].label), text, True))
        return facts

    def _value_text(self, card: Card, name: str) -> str:
        value = card[name]
        kind = FIELDS_BY_NAME[name].type
        if value is None or value == []:
            return ""
        if kind is Type.DATE:
            return format_date(value, self.language)
        if kind is Type.BOOLEAN:
            return self.labels[f"{name}_{'yes' if value else 'no'}"]
        if kind in (Type.CHOICE, Type.CHOICES, Type.RANGE):
            return self.fact_text(card, name)
        return str(value)

    def _case_item(self, case: Card) -> CaseItem:
        date = case["date"]
        return CaseItem(
            label=Markup.escape(case.title),
            href=self.card_set.url(case),
            organiser=case["organisateur"],
            date_iso=date.isoformat() if date else None,
            date_label=format_date(date, self.language) if date else None,
            status=self._value_text(case, "in_progress") or None,
        )

    def _screenshot(self, card: Card) -> Image | None:
        path = self.card_set.image(card, "screenshot")
        return Image(path, self.labels["screenshot_alt"].format(title=card.title)) if path else None

    def _case(self, card: Card, view: CardView) -> None:
        labels = self.labels
        view.access = Link(card["link"], labels["case_link"]) if card["link"] else None
        view.facts = self.provided_facts(card, CASE_FACTS)
        view.uses = [
            group for group in (self.uses(card, "methodes"), self.uses(card, "outil")) if group
        ]
        view.details = [Row(row.name, row.content, row.link) for row in card["parameters"]]
        view.open_data = Link(card["opendata"], labels["opendata"]) if card["opendata"] else None
        view.screenshot = self._screenshot(card)

    def _follow_up(self, card: Card, view: CardView) -> None:
        view.access = Link(card["link"], self.labels["case_link"]) if card["link"] else None
        view.facts = self.provided_facts(card, FOLLOW_UP_FACTS)
        view.screenshot = self._screenshot(card)
        view.blocks = [
            Block(
                slug(self.labels[name]),
                self.labels[name],
                self.inline.block(normalise_body(card[name], heading_level=3)),
            )
            for name in FOLLOW_UP_BLOCKS
            if card[name]
        ]


def contact_link(value: str | None) -> Link | None:
    """The link of a card's contact, shown without its 'mailto:'."""
    if not value:
        return None
    return Link(value, value.removeprefix("mailto:"))


def range_text(value: Range, labels: dict[str, str]) -> str:
    """A range of participants written out: '15 à 40 personnes', 'jusqu’à 19 personnes'…"""
    low, high = (
        None if n is None else f"{n:,}".replace(",", labels["thousands"])
        for n in (value.min, value.max)
    )
    if low is not None and high is not None:
        if value.min == value.max:
            return labels["participants_exact"].format(min=low)
        return labels["participants_range"].format(min=low, max=high)
    if low is not None:
        return labels["participants_min"].format(min=low)
    return labels["participants_max"].format(max=high)
