"""The plugin's options as the core takes them (reading cards, the exports, the pages they ask
for), and the checks
that their types cannot make: folders and addresses stay inside the site, vocabulary names
exist, and a generated page never takes a card's address.

The plugin and ``check`` both call these, so they word each problem alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urljoin

from .cards import Settings, suggest
from .cardset import ImageOptions
from .model import VOCABULARIES
from .problems import Problem, Severity

LICENCE = "Licence Ouverte 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

# Where the chooser and the glossary are generated unless the site says otherwise (the
# comparisons' addresses are the model's: Kind.comparison).
DEFAULT_CHOOSER, DEFAULT_GLOSSARY = "choisir/", "lexique/"
# The templates of the pages the options ask for besides the catalogues.
CHOOSER_TEMPLATE = "participation/chooser.html"
COMPARISON_TEMPLATE = "participation/comparison.html"
GLOSSARY_TEMPLATE = "participation/glossary.html"


@dataclass(frozen=True, slots=True)
class GuidePage:
    """A page the options ask for besides the catalogues: a comparison (of ``kind`` cards),
    the chooser or the glossary; ``key`` is its option, dotted, and ``title`` and ``intro``
    the keys of its interface words."""

    key: str
    url: str
    template: str
    kind: str | None
    title: str
    intro: str


@dataclass(frozen=True)
class CardOptions:
    """What a site says about reading its cards and wording their pages."""

    folders: dict[str, str]
    settings: Settings = field(default_factory=Settings)
    images: ImageOptions = field(default_factory=ImageOptions)
    sentinels: tuple[str, ...] = ("Autre",)
    language: str = "fr"
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportOptions:
    """What the exports say about the site: its address, name, licence and vocabularies."""

    site_url: str | None = None
    site_name: str = ""
    author: str | None = None
    folder: str = "donnees"
    licence: str = LICENCE
    licence_url: str | None = LICENCE_URL
    language: str = "fr"
    vocabularies: dict[str, dict[str, str]] = field(default_factory=lambda: VOCABULARIES)
    kind_labels: dict[str, str] = field(default_factory=dict)

    def path(self, name: str) -> str:
        """The site-relative path of the export file ``name``."""
        folder = self.folder.strip("/")
        return f"{folder}/{name}" if folder else name

    def absolute(self, url: str) -> str:
        """``url`` made absolute against the site's address; unchanged without one."""
        return urljoin(self.site_url, url) if self.site_url else url


def leaves_site(path: str) -> bool:
    """True when the site-relative ``path`` climbs out of the site with '..'."""
    depth = 0
    for part in PurePosixPath(path.strip().replace("\\", "/").lstrip("/")).parts:
        depth += -1 if part == ".." else 0 if part == "." else 1
        if depth < 0:
            return True
    return False


def option_problems(
    paths: Mapping[str, str], vocabularies: Iterable[str], where: str
) -> list[Problem]:
    """What is wrong in the plugin's options beyond their types (``where`` names the
    configuration file): one of the ``paths`` (option key -> folder or address) that leaves
    the site (nothing is written there), one of the ``vocabularies`` named in the options that
    does not exist (its words are not used)."""
    problems = []
    for key, value in paths.items():
        if leaves_site(value):
            problems.append(
                Problem(
                    where,
                    f"'{value}' leads out of the site; nothing is written there",
                    None,
                    key,
                    "write a folder or an address inside the site, without '..'",
                    Severity.ERROR,
                )
            )
    for name in vocabularies:
        if name not in VOCABULARIES:
            problems.append(
                Problem(
                    where,
                    "no vocabulary has this name; its words are not used",
                    None,
                    f"vocabularies.{name}",
                    suggest(str(name), VOCABULARIES),
                )
            )
    return problems


def page_collisions(
    pages: Mapping[str, str], cards: Mapping[str, str], where: str
) -> list[Problem]:
    """An error for each page the plugin would generate (``pages``: option key -> URL) at the
    URL of a card (``cards``: docs path -> URL): the card keeps its page."""
    by_url = {url.strip("/"): path for path, url in cards.items()}
    problems = []
    for key, url in pages.items():
        card = by_url.get(url.strip("/"))
        if card is not None:
            problems.append(
                Problem(
                    where,
                    f"'{url}' is the address of the card {card}; this page is not generated",
                    None,
                    key,
                    "choose another address, or rename the card",
                    Severity.ERROR,
                )
            )
    return problems
