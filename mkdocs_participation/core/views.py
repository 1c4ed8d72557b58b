"""Values precomputed for each card page, so that templates only loop and test."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup
from slugify import slugify

from .cards import Card, Range
from .catalog import Catalog
from .dates import format_date
from .markup import InlineRenderer
from .schema import FIELDS_BY_NAME, METHOD, TOOL, Type


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
    """A titled list on a card page; ``items`` are sanitised HTML fragments."""

    id: str
    title: str
    items: list[Markup]


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


@dataclass
class CardView:
    """Everything a method or tool page shows, ready to print."""

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


LIST_SECTIONS = ("priorites", "qualites", "atouts", "inconvenients")
OFFER_SECTIONS = ("feature_inclus", "feature_plusloin", "accompagnement_inclus",
                  "accompagnement_plusloin")
FACTS = ("niveau", "format", "echelle", "participants", "duree", "cout", "recrutement")
PROVIDER_NAMES = {"youtube": "YouTube", "dailymotion": "Dailymotion", "vimeo": "Vimeo"}


class ViewBuilder:
    """Builds page values for the cards of one catalogue, in one language."""

    def __init__(self, catalog: Catalog, labels: dict[str, str],
                 vocabularies: dict[str, dict[str, str]], language: str = "fr") -> None:
        self.catalog = catalog
        self.labels = labels
        self.vocabularies = vocabularies
        self.language = language
        self.inline = InlineRenderer()

    def card(self, card: Card) -> CardView:
        """The values of the page of ``card``."""
        labels = self.labels
        owner = card["owner"]
        logo = self.catalog.image(card, "logo")
        banner = self.catalog.image(card, "img-bg")
        date = card["date"]
        view = CardView(
            kind=card.kind,
            kind_label=labels[card.kind],
            title=Markup.escape(card.title),
            tagline=self.inline(card["tagline"] or card["description"] or ""),
            banner=Image(banner, card["img-alt"] or "") if banner else None,
            logo=Image(logo, labels["logo_alt"].format(owner=owner or card.title)) if logo else None,
            owner=owner,
            contact=_contact(card["contact"]),
            access=Link(card["access_link"], labels["access_link"]) if card["access_link"] else None,
            date_iso=date.isoformat() if date else None,
            date_label=format_date(date, self.language) if date else None,
            facts=self.facts(card) if card.kind in (METHOD, TOOL) else [],
            sections=self.sections(card, LIST_SECTIONS),
            video=self.video(card),
            labels=labels,
        )
        if card.kind == TOOL:
            self._tool(card, view)
        return view

    def sections(self, card: Card, names: tuple[str, ...]) -> list[Section]:
        """The non-empty lists of ``card`` among ``names``, with their headings."""
        return [
            Section(slugify(self.labels.get(name, name)), self.labels.get(name, name),
                    [self.inline(item) for item in card[name]])
            for name in names
            if card[name]
        ]

    def facts(self, card: Card) -> list[Fact]:
        """The structured attributes, 'not provided' where missing, in a fixed order."""
        facts = []
        for name in FACTS:
            label = FIELDS_BY_NAME[name].label
            text = self.fact_text(card, name)
            facts.append(Fact(label, text or self.labels["not_provided"], bool(text)))
        return facts

    def fact_text(self, card: Card, name: str) -> str:
        """One structured attribute written out for people."""
        value = card[name]
        spec = FIELDS_BY_NAME[name]
        if spec.type is Type.RANGE:
            return _range_text(value, self.labels) if value else ""
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
            thumbnail=self.catalog.image(card, "vignette_video_demo"),
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
        view.buttons = [Link(card[name], labels[name])
                        for name in ("demo_link", "doc_tech", "lettre_engagement") if card[name]]


def _contact(value: str | None) -> Link | None:
    if not value:
        return None
    return Link(value, value.removeprefix("mailto:"))


def _range_text(value: Range, labels: dict[str, str]) -> str:
    if value.min is not None and value.max is not None:
        if value.min == value.max:
            return labels["participants_exact"].format(min=value.min)
        return labels["participants_range"].format(min=value.min, max=value.max)
    if value.min is not None:
        return labels["participants_min"].format(min=value.min)
    return labels["participants_max"].format(max=value.max)
