"""The HTML of a catalogue, rendered once per build, page depth and heading level."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, Protocol

from markupsafe import Markup

from .listing import WORDS, Entry, Listing, ListingBuilder
from .options import TITLE, Options
from .slots import Slot


class Template(Protocol):
    """A template that renders to text, such as a Jinja template."""

    def render(self, **context: Any) -> str: ...


class CatalogueRenderer:
    """Renders the catalogue of a kind for pages: the listing once per build, its HTML once
    per page depth (links are relative) and heading level, with ``template`` around the HTML
    of each card, made by ``entry_template`` and kept with the card's values across serve's
    rebuilds. ``folder`` is where the site's files are (a language's folder under
    mkdocs-static-i18n, else '')."""

    def __init__(
        self,
        builder: ListingBuilder,
        options: Options,
        template: Template,
        entry_template: Template,
        folder: str = "",
    ) -> None:
        self.builder = builder
        self.options = options
        self.template = template
        self.entry_template = entry_template
        self.folder = folder
        self.listings: dict[str, Listing] = {}
        self.rendered: dict[tuple[str, int, str, str], str] = {}

    def listing(self, kind: str) -> Listing:
        """The catalogue of ``kind`` cards, computed on first use."""
        if kind not in self.listings:
            self.listings[kind] = self.builder.listing(
                kind, self.options.facets.get(kind, []), self.options.columns.get(kind, [TITLE])
            )
        return self.listings[kind]

    def render(self, slot: Slot, base_url: str) -> str:
        """The HTML of the catalogue of ``slot`` for a page whose root is at ``base_url``."""
        key = (slot.kind, slot.level, base_url, slot.id)
        if key not in self.rendered:
            listing = self.listing(slot.kind)
            self.rendered[key] = self.template.render(
                listing=listing,
                entries=self.entries(listing, slot.level, base_url),
                id=slot.id,
                level=slot.level,
                base_url=base_url,
                words_url=self.folder + WORDS.format(kind=slot.kind),
                page=None,
            )
        return self.rendered[key]

    def entries(self, listing: Listing, level: int, base_url: str) -> list[Markup]:
        """The HTML of each card of ``listing``, its title at heading ``level``, for a page
        whose root is at ``base_url``."""
        keep = self.builder.keep
        return [
            keep(
                "entry html",
                card,
                functools.partial(self._entry, entry, level, base_url),
                *listing.key,
                level,
                base_url,
            )
            for card, entry in zip(listing.cards, listing.entries, strict=True)
        ]

    def _entry(self, entry: Entry, level: int, base_url: str) -> Markup:
        return Markup(
            self.entry_template.render(entry=entry, level=level, base_url=base_url, page=None)
        )

    def data_files(self, kinds: Iterable[str]) -> dict[str, str]:
        """The search words of the cards of each of ``kinds``, by path under ``folder``:
        catalogue.js fetches them when a visitor first types."""
        return {WORDS.format(kind=kind): self.listing(kind).words_json() for kind in kinds}
