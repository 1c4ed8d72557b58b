"""The HTML of a catalogue, rendered once per build, page depth and heading level."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from .listing import WORDS, Listing, ListingBuilder
from .options import TITLE, Options
from .slots import Slot


class Template(Protocol):
    """A template that renders to text, such as a Jinja template."""

    def render(self, **context: Any) -> str: ...


class CatalogueRenderer:
    """Renders the catalogue of a kind for pages: the listing once per build, its HTML once
    per page depth (links are relative) and heading level. ``folder`` is where the site's
    files are (a language's folder under mkdocs-static-i18n, else '')."""

    def __init__(
        self, builder: ListingBuilder, options: Options, template: Template, folder: str = ""
    ) -> None:
        self.builder = builder
        self.options = options
        self.template = template
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
            self.rendered[key] = self.template.render(
                listing=self.listing(slot.kind),
                id=slot.id,
                level=slot.level,
                base_url=base_url,
                words_url=self.folder + WORDS.format(kind=slot.kind),
                page=None,
            )
        return self.rendered[key]

    def data_files(self, kinds: Iterable[str]) -> dict[str, str]:
        """The search words of the cards of each of ``kinds``, by path under ``folder``:
        catalogue.js fetches them when a visitor first types."""
        return {WORDS.format(kind=kind): self.listing(kind).words_json() for kind in kinds}
