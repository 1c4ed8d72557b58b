"""One build's toolbox: every card of a docs folder read, checked and cross-linked, with the
values every page takes from it.

Each engine lists the files and reads them its own way (MkDocs from its ``Files``, the Markdown
extension and the ``build-data`` command straight from the docs folder) and hands them here, so
that both read the same cards, with the same problems, into the same catalogue and views.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .cards import Card, Settings, folder_kind, load_card, slug_of
from .cardset import CardSet, ImageOptions, build_card_set
from .comparison import compare_item
from .labels import labels_for
from .wording import Wording

# The file name endings MkDocs and Zensical read as Markdown pages.
MARKDOWN_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


@dataclass(frozen=True)
class CardOptions:
    """What a site says about reading its cards and wording their pages."""

    folders: dict[str, str]
    settings: Settings = field(default_factory=Settings)
    images: ImageOptions = field(default_factory=ImageOptions)
    sentinels: tuple[str, ...] = ("Autre",)
    language: str = "fr"
    labels: dict[str, str] = field(default_factory=dict)


@dataclass
class Toolbox:
    """The cards of a site by docs path, their card set and the words of their pages."""

    cards: dict[str, Card]
    card_set: CardSet
    wording: Wording


def read_toolbox(
    pages: Iterable[str],
    files: Iterable[str],
    read: Callable[[str], bytes],
    options: CardOptions,
    url: Callable[[str], str] | None = None,
    names: Mapping[str, str] | None = None,
    load: Callable[[str, bytes, str, Settings], Card] = load_card,
) -> Toolbox:
    """Read the cards among a site's Markdown ``pages`` with ``read``, resolve their images
    against its ``files`` (docs-relative paths) and their references, and prepare their views;
    ``url`` gives a page's site-relative URL (by default, its directory URL). ``names`` gives
    the path a page is known by, for its kind and slug, where the engine files it elsewhere
    (mkdocs-static-i18n's ``fr/…`` or ``….en.md``). ``load`` reads a card (``cards.load_card``,
    or a ``CardCache``'s, which keeps the cards of unchanged files)."""
    cards: dict[str, Card] = {}
    for path in pages:
        name = names.get(path, path) if names is not None else path
        kind = folder_kind(name, options.folders)
        if kind is not None:
            card = cards[path] = load(path, read(path), kind, options.settings)
            if name != path:
                card.slug = slug_of(name)
    card_set = build_card_set(cards.values(), files, options.images, options.sentinels, read=read)
    if url is not None:
        card_set.urls = {path: url(path) for path in cards}
    wording = Wording(
        labels_for(options.language, options.labels),
        options.settings.vocabularies,
        options.language,
    )
    return Toolbox(cards, card_set, wording)


def card_context(
    card: Card,
    cards: CardSet,
    wording: Wording,
    comparing: frozenset[str],
    catalogue_urls: Mapping[str, str],
    glossary_url: str | None,
) -> dict[str, Any]:
    """What a card page's template takes besides its view, under either engine: the
    "Comparer" toggle for the kinds the site ``comparing``, the way back to the card's
    catalogue, the glossary's URL."""
    back = None
    if card.kind in catalogue_urls:
        back = {
            "url": catalogue_urls[card.kind],
            "label": wording.labels[f"{card.kind}_plural"],
            "results": wording.labels["back_to_results"],
        }
    return {
        "compare_item": compare_item(card, cards, wording) if card.kind in comparing else None,
        "participation_back": back,
        "participation_glossary_url": glossary_url,
    }


def page_url(path: str, directory_urls: bool = True) -> str:
    """The site-relative URL of the page of docs file ``path``, as MkDocs and Zensical give it:
    'methodes/atelier.md' is 'methodes/atelier/' (or 'methodes/atelier.html'), an index page
    is its folder."""
    page = PurePosixPath(path).with_suffix("")
    folder = "" if str(page.parent) == "." else f"{page.parent}/"
    if page.name.lower() in ("index", "readme"):
        return folder
    return f"{folder}{page.name}/" if directory_urls else f"{folder}{page.name}.html"
