"""The kinds of card: where their files live, how their pages and catalogues are made, and
their words."""

from __future__ import annotations

from dataclasses import dataclass

METHOD, TOOL, CASE, FOLLOW_UP = "methode", "outil", "exemple", "suivi"
CARD_PAGE = "participation/partials/card.html"


@dataclass(frozen=True)
class Kind:
    """One kind of card.

    ``folder`` is the docs folder its cards take in a new site (and, when ``mapped``, in every
    site unless it says otherwise); ``collection`` the Jekyll folder of the legacy toolbox that
    holds it; ``catalogue`` the address of its generated catalogue (None: none); ``template``
    the template of its page's content; ``headings`` the sections a new card starts with;
    ``feed`` whether the Atom feed lists it; ``links_first`` whether the cards it names come
    before the body of its page (a case study's methods and tools) or after; ``new`` whether
    ``mkdocs-participation new`` offers it; ``words`` its name, plural and reference-page
    title by language; ``search_boost`` how much its pages weigh in the site's search against
    other pages (Material's page boost); ``comparison`` the address of its side-by-side
    comparison, unless the site says otherwise (None: its cards are never compared), and
    ``data_file`` the name of the file under ``assets/participation/`` holding what each of
    its cards shows there, which that page fetches.
    """

    name: str
    folder: str
    collection: str | None
    catalogue: str | None
    template: str
    headings: tuple[str, ...]
    feed: bool
    links_first: bool
    new: bool
    mapped: bool
    words: dict[str, tuple[str, str, str]]
    search_boost: float = 1.0
    comparison: str | None = None
    data_file: str | None = None


KIND_TABLE: tuple[Kind, ...] = (
    Kind(
        METHOD,
        folder="methodes",
        collection="_outil",
        catalogue="methodes/",
        template=CARD_PAGE,
        headings=("Objectif du dispositif", "Public visé", "Déroulement"),
        feed=True,
        links_first=False,
        new=True,
        mapped=True,
        words={
            "fr": ("Méthode", "Méthodes", "Méthodes"),
            "en": ("Method", "Methods", "Methods"),
        },
        search_boost=2.0,
        comparison="comparer/",
        data_file="methods.json",
    ),
    Kind(
        TOOL,
        folder="outils",
        collection=None,
        catalogue="outils/",
        template=CARD_PAGE,
        headings=("Présentation", "Fonctionnalités principales"),
        feed=True,
        links_first=False,
        new=True,
        mapped=True,
        words={"fr": ("Outil", "Outils", "Outils"), "en": ("Tool", "Tools", "Tools")},
        search_boost=2.0,
        comparison="comparer-outils/",
        data_file="tools.json",
    ),
    Kind(
        CASE,
        folder="exemples",
        collection="_usage",
        catalogue="exemples/",
        template="participation/partials/case-study.html",
        headings=("La démarche", "Résultats"),
        feed=True,
        links_first=True,
        new=True,
        mapped=True,
        words={
            "fr": ("Exemple", "Exemples", "Exemples (études de cas)"),
            "en": ("Case study", "Case studies", "Case studies"),
        },
    ),
    Kind(
        FOLLOW_UP,
        folder="suivis",
        collection="_usage_citoyens",
        catalogue=None,
        template="participation/partials/follow-up.html",
        headings=(),
        feed=False,
        links_first=False,
        new=False,
        mapped=False,
        words={
            "fr": ("Suivi de démarche", "Suivis de démarche", "Suivis de démarche"),
            "en": ("Follow-up", "Follow-ups", "Follow-ups"),
        },
    ),
)
KINDS_BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KIND_TABLE}
KINDS: tuple[str, ...] = tuple(KINDS_BY_NAME)
# Which docs folder holds which kind of card, unless the site says otherwise.
DEFAULT_FOLDERS: dict[str, str] = {
    **{kind.folder: kind.name for kind in KIND_TABLE if kind.mapped},
    **{kind.collection: kind.name for kind in KIND_TABLE if kind.collection},
}
# The address of each kind's generated catalogue, unless the site says otherwise.
DEFAULT_CATALOGUES: dict[str, str] = {
    kind.name: kind.catalogue for kind in KIND_TABLE if kind.catalogue
}
# The address of each compared kind's comparison, unless the site says otherwise.
DEFAULT_COMPARISONS: dict[str, str] = {
    kind.name: kind.comparison for kind in KIND_TABLE if kind.comparison
}
# The legacy Jekyll collections, and the kind each holds (``categorie`` decides in ``_outil``).
COLLECTIONS: dict[str, str] = {kind.collection: kind.name for kind in KIND_TABLE if kind.collection}


def kind_words(language: str) -> dict[str, str]:
    """The interface words naming each kind: ``methode``, ``methode_plural``,
    ``methode_title`` (the heading of its part of the fields reference)."""
    words: dict[str, str] = {}
    for kind in KIND_TABLE:
        one, many, title = kind.words[language]
        words |= {kind.name: one, f"{kind.name}_plural": many, f"{kind.name}_title": title}
    return words
