"""The fields of a card: how each is checked, and how every view uses it.

A field says its type and vocabulary (validation, JSON Schema, CMS, scaffold), and for each kind
of card that carries it, a ``Use``: its role on the page, whether the comparison has a row for
it, whether the kind's catalogue filters by it and tabulates it by default. It also says its
chooser question, its weight in search and its words in French and English. Every view walks
``FIELDS``: adding a field shown everywhere is one declaration here and its words.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from .kinds import CASE, FOLLOW_UP, KINDS, METHOD, TOOL

CARDS = (METHOD, TOOL)
ALL = KINDS


class Type(StrEnum):
    """What a value must be; each type has one way to be checked and one way to be shown."""

    TEXT = "text"
    LIST = "list"
    URL = "url"
    CONTACT = "contact"
    IMAGE = "image"
    VIDEO = "video"
    DATE = "date"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DETAILS = "details"
    CHOICE = "choice"
    CHOICES = "choices"
    RANGE = "range"
    REFERENCES = "references"
    BLOCK = "block"
    LEGACY = "legacy"


# The types of value a catalogue can filter on (a table column can also show a date).
FACET_TYPES = frozenset(
    {Type.CHOICE, Type.CHOICES, Type.RANGE, Type.BOOLEAN, Type.TEXT, Type.REFERENCES}
)


class Role(StrEnum):
    """Where a field shows on the page of a card."""

    HEADER = "header"  # the page's header: title, tagline, picture, owner, contact, access
    FACT = "fact"  # a line of the facts ("En bref" on methods and tools)
    LIST = "list"  # a titled list
    OFFER = "offer"  # a part of a tool's offer
    LINKS = "links"  # a titled list of the cards it names (and, back, of those naming this one)
    TABLE = "table"  # rows of name and value
    BUTTON = "button"  # a link drawn as a button
    BLOCK = "block"  # a Markdown section
    MEDIA = "media"  # the video, its thumbnail, a screenshot
    DATELINE = "dateline"  # "Fiche publiée le …" under the text
    HIDDEN = "hidden"  # not shown: ``Use.reason`` says why


class Rule(StrEnum):
    """How a card's value earns chooser points for an answer."""

    SAME = "same"  # the card gives the answer
    NEAR = "near"  # the answer; half for the value next to it in the vocabulary
    AT_MOST = "at-most"  # the answer or a lower value; half for the value just above
    FITS = "fits"  # the answer or a value that stands in for it (vocabularies.STAND_INS)
    OVERLAP = "overlap"  # the card's range of participants meets the chosen band


@dataclass(frozen=True)
class Use:
    """How one kind of card uses a field. ``always``: a missing fact reads "not provided";
    ``words``: this kind's own heading for the field (French, English)."""

    role: Role
    compare: bool = False
    facet: bool = False
    column: bool = False
    always: bool = False
    words: tuple[str, str] | None = None
    reason: str | None = None


@dataclass(frozen=True)
class Question:
    """The chooser's question on a field (asked about methods), its rule, its words and its
    weight: the points of a question weighing 2 count twice (how participants are recruited
    decides more than the budget)."""

    rule: Rule
    words: tuple[str, str]
    weight: int = 1


@dataclass(frozen=True)
class Field:
    """One front-matter key: its type, how each kind uses it, its words and its help."""

    name: str
    type: Type
    uses: dict[str, Use]
    words: tuple[str, str]
    help: str
    aliases: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    vocabulary: str | None = None
    target: str | None = None
    question: Question | None = None
    # How much the words of the value count in search: 0 not searched, then 1, 2, 3.
    search: int = 0
    # The words of the button or link that shows a URL (French, English).
    action: tuple[str, str] | None = None
    # Whether a text may hold inline Markdown (emphasis, links), rendered and sanitised.
    inline: bool = False

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.uses)

    @property
    def label(self) -> str:
        """The French name of the field, as the fields reference gives it."""
        return self.words[0]

    def applies_to(self, kind: str) -> bool:
        return kind in self.uses

    def use(self, kind: str) -> Use:
        return self.uses[kind]


def _all(kinds: tuple[str, ...], use: Use) -> dict[str, Use]:
    return dict.fromkeys(kinds, use)


HEADER = Use(Role.HEADER)
FACT = Use(Role.FACT)
LIST = Use(Role.LIST)
MEDIA = Use(Role.MEDIA)
BLOCK = Use(Role.BLOCK)
# A structured attribute of a method: on its page even when missing, compared, filtered, tabled.
CHOOSING = Use(Role.FACT, compare=True, facet=True, column=True, always=True)
# Likewise for a tool, from the tool vocabularies.
TOOLING = CHOOSING
LEGACY_REASON = "hérité de Jekyll, sans effet sur le site"


def _legacy(kinds: tuple[str, ...]) -> dict[str, Use]:
    return _all(kinds, Use(Role.HIDDEN, reason=LEGACY_REASON))


def _list(words: tuple[str, str], help_: str, name: str, **extra) -> Field:
    """A list of methods and tools, compared between methods."""
    return Field(
        name,
        Type.LIST,
        {METHOD: Use(Role.LIST, compare=True), TOOL: LIST},
        words,
        help_,
        search=1,
        **extra,
    )


FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        Type.TEXT,
        _all(ALL, HEADER),
        ("Titre", "Title"),
        "Nom affiché de la fiche.",
        required=ALL,
        search=3,
    ),
    Field(
        "tagline",
        Type.TEXT,
        {**_all(ALL, HEADER), **_all(CARDS, Use(Role.HEADER, compare=True))},
        ("Accroche", "Tagline"),
        "Une phrase qui résume la méthode ou l’outil.",
        required=CARDS,
        search=2,
        inline=True,
    ),
    Field(
        "categorie",
        Type.CHOICE,
        _all(CARDS, HEADER),
        ("Catégorie", "Category"),
        "« methode » ou « outil » ; à défaut, le dossier de la fiche décide. Affichée en tête "
        "de page.",
        vocabulary="categorie",
    ),
    Field(
        "img-bg",
        Type.IMAGE,
        _all(ALL, HEADER),
        ("Image de bandeau", "Banner image"),
        "Fichier image, cherché dans le dossier d’images du site.",
    ),
    Field(
        "img-alt",
        Type.TEXT,
        _all(ALL, HEADER),
        ("Texte alternatif de l’image", "Alternative text of the image"),
        "Ce que montre l’image, pour qui ne la voit pas ; vide si elle est décorative.",
    ),
    Field(
        "logo",
        Type.IMAGE,
        _all(CARDS, HEADER),
        ("Logo", "Logo"),
        "Logo du porteur, cherché dans le dossier d’images.",
    ),
    Field(
        "date",
        Type.DATE,
        {
            **_all(CARDS, Use(Role.DATELINE)),
            CASE: Use(Role.FACT, column=True),
            FOLLOW_UP: FACT,
        },
        ("Date", "Date"),
        "Date de publication ou de début (AAAA-MM-JJ).",
    ),
    Field(
        "ordre",
        Type.INTEGER,
        _all(ALL, Use(Role.HIDDEN, reason="sert seulement à ranger les fiches dans les listes")),
        ("Ordre", "Order"),
        "Rang dans les listes (les plus petits d’abord).",
    ),
    Field("layout", Type.LEGACY, _legacy(ALL), ("Gabarit Jekyll", "Jekyll layout"), "Ignoré."),
    Field(
        "default_logo",
        Type.LEGACY,
        _legacy(CARDS),
        ("Logo par défaut", "Default logo"),
        "Ignoré.",
    ),
    # Tools
    Field(
        "domain",
        Type.URL,
        {TOOL: Use(Role.FACT, compare=True)},
        ("Site web", "Website"),
        "Site officiel de l’outil.",
    ),
    Field(
        "licence",
        Type.CHOICE,
        {TOOL: TOOLING},
        ("Licence", "Licence"),
        "Sous quelle licence le logiciel est publié.",
        vocabulary="licence",
        search=1,
    ),
    Field(
        "hebergement",
        Type.CHOICES,
        {TOOL: TOOLING},
        ("Hébergement", "Hosting"),
        "Qui peut héberger l’outil et les données des participants.",
        vocabulary="hebergement",
        search=1,
    ),
    Field(
        "fonctionnalites",
        Type.CHOICES,
        {TOOL: TOOLING},
        ("Fonctionnalités", "Features"),
        "Ce que l’outil permet de faire avec les participants.",
        vocabulary="fonctionnalites",
        search=1,
    ),
    Field(
        "tarif",
        Type.CHOICE,
        {TOOL: TOOLING},
        ("Tarif", "Price"),
        "Ordre de grandeur du prix pour une collectivité (hors hébergement par ses soins).",
        vocabulary="tarif",
    ),
    Field(
        "clients",
        Type.LIST,
        {TOOL: LIST},
        ("Clients", "Clients"),
        "Types d’organisations qui l’utilisent.",
        search=1,
    ),
    Field(
        "details_techniques",
        Type.DETAILS,
        {TOOL: Use(Role.TABLE)},
        ("Détails techniques", "Technical details"),
        "Liste de lignes « name », « content » et, si besoin, « link ».",
    ),
    Field(
        "feature_inclus",
        Type.LIST,
        {TOOL: Use(Role.OFFER)},
        ("Fonctionnalités incluses", "Included features"),
        "Ce que comprend l’offre de base.",
        search=1,
    ),
    Field(
        "feature_plusloin",
        Type.LIST,
        {TOOL: Use(Role.OFFER)},
        ("Fonctionnalités en option", "Optional features"),
        "Fonctionnalités en option ou payantes.",
        search=1,
    ),
    Field(
        "accompagnement_inclus",
        Type.LIST,
        {TOOL: Use(Role.OFFER)},
        ("Accompagnement inclus", "Included support"),
        "L’aide comprise dans l’offre de base.",
        search=1,
    ),
    Field(
        "accompagnement_plusloin",
        Type.LIST,
        {TOOL: Use(Role.OFFER)},
        ("Accompagnement en option", "Optional support"),
        "L’aide proposée en supplément.",
        search=1,
    ),
    Field(
        "demo_link",
        Type.URL,
        {TOOL: Use(Role.BUTTON)},
        ("Démonstration", "Demo"),
        "Site de démonstration.",
        action=("Voir la démonstration", "See the demo"),
    ),
    Field(
        "doc_tech",
        Type.URL,
        {TOOL: Use(Role.BUTTON)},
        ("Documentation", "Documentation"),
        "Documentation technique.",
        action=("Lire la documentation", "Read the documentation"),
    ),
    Field(
        "lettre_engagement",
        Type.URL,
        {TOOL: Use(Role.BUTTON)},
        ("Lettre d’engagement", "Letter of commitment"),
        "Lettre d’engagement de l’éditeur (lien ou fichier du site).",
        action=("Lettre d’engagement", "Letter of commitment"),
    ),
    # Structured attributes for choosing
    Field(
        "niveau",
        Type.CHOICE,
        {METHOD: CHOOSING, TOOL: FACT},
        ("Niveau de participation", "Level of participation"),
        "Jusqu’où les participants pèsent sur la décision.",
        vocabulary="niveau",
        question=Question(
            Rule.NEAR,
            (
                "Quelle place voulez-vous donner aux participants ?",
                "What part do you want the participants to play?",
            ),
        ),
    ),
    Field(
        "format",
        Type.CHOICE,
        {METHOD: CHOOSING, TOOL: FACT},
        ("Format", "Format"),
        "Présentiel, en ligne ou les deux.",
        vocabulary="format",
        question=Question(
            Rule.FITS,
            (
                "Sous quelle forme les participants se retrouvent-ils ?",
                "How do the participants meet?",
            ),
        ),
    ),
    Field(
        "echelle",
        Type.CHOICES,
        {METHOD: CHOOSING, TOOL: FACT, CASE: Use(Role.FACT, facet=True)},
        ("Échelle", "Scale"),
        "Territoires pour lesquels la méthode convient.",
        vocabulary="echelle",
        question=Question(
            Rule.SAME,
            ("À quelle échelle se situe votre projet ?", "At what scale is your project?"),
        ),
    ),
    Field(
        "participants",
        Type.RANGE,
        {METHOD: CHOOSING, TOOL: FACT},
        ("Nombre de participants", "Number of participants"),
        "Fourchette habituelle : « {min: 15, max: 40} ».",
        question=Question(
            Rule.OVERLAP,
            (
                "Combien de personnes voulez-vous faire participer ?",
                "How many people do you want to take part?",
            ),
        ),
    ),
    Field(
        "duree",
        Type.CHOICE,
        {METHOD: CHOOSING, TOOL: FACT},
        ("Durée", "Duration"),
        "Durée habituelle du dispositif.",
        vocabulary="duree",
        question=Question(
            Rule.AT_MOST,
            ("De combien de temps disposez-vous ?", "How much time do you have?"),
        ),
    ),
    Field(
        "cout",
        Type.CHOICE,
        {METHOD: CHOOSING, TOOL: FACT},
        ("Coût", "Cost"),
        "Ordre de grandeur du budget.",
        vocabulary="cout",
        question=Question(
            Rule.AT_MOST,
            ("Quel budget pouvez-vous y consacrer ?", "What budget can you spend on it?"),
        ),
    ),
    Field(
        "recrutement",
        Type.CHOICES,
        {METHOD: Use(Role.FACT, compare=True, facet=True, column=True, always=True), TOOL: FACT},
        ("Recrutement", "Recruitment"),
        "Comment les participants sont choisis.",
        vocabulary="recrutement",
        question=Question(
            Rule.FITS,
            (
                "Comment les participants seront-ils choisis ?",
                "How will the participants be chosen?",
            ),
            weight=2,
        ),
    ),
    Field(
        "public",
        Type.CHOICES,
        {METHOD: Use(Role.FACT, compare=True, facet=True, always=True)},
        ("Public visé", "Intended public"),
        "Les publics que la méthode sait faire participer.",
        vocabulary="public",
        question=Question(
            Rule.SAME,
            ("Quel public voulez-vous faire participer ?", "Whom do you want to take part?"),
        ),
    ),
    Field(
        "thematiques",
        Type.CHOICES,
        {
            METHOD: Use(Role.FACT, compare=True, facet=True),
            TOOL: FACT,
            CASE: Use(Role.FACT, facet=True),
            FOLLOW_UP: FACT,
        },
        ("Thématiques", "Themes"),
        "Domaines de politique publique.",
        vocabulary="thematiques",
        search=1,
        question=Question(
            Rule.SAME,
            ("Sur quel thème porte votre projet ?", "What is your project about?"),
        ),
    ),
    Field(
        "mots_cles",
        Type.LIST,
        _all(ALL, FACT),
        ("Mots-clés", "Keywords"),
        "Synonymes et mots qu’un visiteur pourrait chercher (« open source », « jury »…).",
        search=3,
    ),
    Field(
        "outils",
        Type.REFERENCES,
        {METHOD: Use(Role.LINKS, compare=True)},
        ("Outils pour la mettre en œuvre", "Tools to run it"),
        "Titres ou noms de fichier des outils numériques adaptés ; l’outil liste la méthode.",
        target=TOOL,
    ),
    # Lists of methods and tools
    _list(
        ("Priorités pour l’organisateur", "Priorities for the organiser"),
        "Ce que l’organisateur cherche à obtenir.",
        "priorites",
    ),
    _list(
        ("Facteurs clés de succès", "Key success factors"),
        "Les conditions de réussite.",
        "qualites",
        aliases=("facteurscles", "facteursclés"),
    ),
    _list(("Atouts", "Strengths"), "Les points forts.", "atouts"),
    _list(
        ("Limites", "Drawbacks"),
        "Les limites et points de vigilance.",
        "inconvenients",
        aliases=("risques",),
    ),
    Field(
        "owner",
        Type.TEXT,
        _all(CARDS, Use(Role.HEADER, compare=True)),
        ("Porteur", "Owner"),
        "Organisation qui porte la méthode ou édite l’outil.",
        search=1,
    ),
    Field(
        "contact",
        Type.CONTACT,
        _all(CARDS, Use(Role.HEADER, compare=True)),
        ("Contact", "Contact"),
        "Adresse électronique ou lien de contact.",
    ),
    Field(
        "contract",
        Type.TEXT,
        _all(CARDS, FACT),
        ("Conditions d’utilisation", "Terms of use"),
        "Licence du contenu de la fiche ou contrat d’utilisation du dispositif.",
    ),
    Field(
        "access_link",
        Type.URL,
        _all(CARDS, HEADER),
        ("Lien d’accès", "Access link"),
        "Page où accéder au dispositif.",
        action=("Accéder au dispositif", "Go to the service"),
    ),
    Field(
        "url_video_demo",
        Type.VIDEO,
        _all(CARDS, MEDIA),
        ("Vidéo de démonstration", "Demo video"),
        "Adresse d’une vidéo Dailymotion, YouTube ou Vimeo (forme « embed » ou page de la vidéo).",
    ),
    Field(
        "vignette_video_demo",
        Type.IMAGE,
        _all(CARDS, MEDIA),
        ("Vignette de la vidéo", "Video thumbnail"),
        "Image montrée avant que la vidéo ne soit chargée.",
    ),
    Field(
        "methodes_liees",
        Type.REFERENCES,
        {METHOD: Use(Role.LINKS)},
        ("Méthodes proches", "Related methods"),
        "Titres ou noms de fichier d’autres méthodes ; le lien est fait dans les deux sens.",
        target=METHOD,
    ),
    # Case studies
    Field(
        "outil",
        Type.REFERENCES,
        {CASE: Use(Role.LINKS, facet=True, column=True)},
        ("Outils utilisés", "Tools used"),
        "Titres ou noms de fichier des outils.",
        target=TOOL,
    ),
    Field(
        "methodes",
        Type.REFERENCES,
        {
            CASE: Use(Role.LINKS, facet=True, column=True),
            TOOL: Use(
                Role.LINKS, compare=True, words=("Méthodes qu’il permet", "Methods it supports")
            ),
        },
        ("Méthodes utilisées", "Methods used"),
        "Titres ou noms de fichier des méthodes ; la méthode liste l’exemple ou l’outil.",
        aliases=("methode",),
        target=METHOD,
    ),
    Field(
        "organisateur",
        Type.TEXT,
        {CASE: Use(Role.FACT, column=True), FOLLOW_UP: FACT},
        ("Organisateur", "Organiser"),
        "Qui a mené la démarche.",
        search=1,
    ),
    Field(
        "type_organisateur",
        Type.CHOICE,
        {CASE: Use(Role.FACT, facet=True)},
        ("Type d’organisateur", "Kind of organiser"),
        "La famille de l’organisateur, qui regroupe les démarches dans le catalogue.",
        vocabulary="type_organisateur",
    ),
    Field(
        "in_progress",
        Type.BOOLEAN,
        {CASE: Use(Role.FACT, facet=True, column=True)},
        ("Statut", "Status"),
        "true si la démarche est en cours.",
    ),
    Field(
        "link",
        Type.URL,
        _all((CASE, FOLLOW_UP), HEADER),
        ("Site de la démarche", "Website of the process"),
        "Page publique de la démarche.",
        action=("Voir la démarche", "See the process"),
    ),
    Field(
        "description",
        Type.TEXT,
        {CASE: HEADER},
        ("Description", "Description"),
        "Une phrase de présentation.",
        search=2,
        inline=True,
    ),
    Field(
        "screenshot",
        Type.IMAGE,
        _all((CASE, FOLLOW_UP), MEDIA),
        ("Capture d’écran", "Screenshot"),
        "Image de la plateforme ou de la démarche.",
    ),
    Field(
        "opendata",
        Type.URL,
        {CASE: Use(Role.BUTTON)},
        ("Données ouvertes", "Open data"),
        "Jeu de données publié.",
        action=("Données ouvertes de la démarche", "Open data of the process"),
    ),
    Field(
        "parameters",
        Type.DETAILS,
        {CASE: Use(Role.TABLE)},
        ("Chiffres clés", "Key figures"),
        "Liste de lignes « name » et « content ».",
    ),
    Field(
        "note-citoyenne",
        Type.NUMBER,
        {CASE: FACT},
        ("Note citoyenne", "Citizen rating"),
        "Hérité : note sur 10.",
    ),
    Field(
        "note-decidee",
        Type.NUMBER,
        {CASE: FACT},
        ("Note décidée", "Decision rating"),
        "Hérité : note sur 10.",
    ),
    # Follow-up pages of the legacy toolbox
    Field(
        "date-banniere",
        Type.TEXT,
        {FOLLOW_UP: FACT},
        ("Statut", "Status"),
        "Texte court du bandeau.",
    ),
    Field(
        "devoir_de_suite",
        Type.LEGACY,
        _legacy((FOLLOW_UP,)),
        ("Adresse Jekyll", "Jekyll address"),
        "Ignoré.",
    ),
    Field(
        "presentation",
        Type.BLOCK,
        {FOLLOW_UP: BLOCK},
        ("Présentation", "Overview"),
        "Texte Markdown.",
    ),
    Field(
        "engagements",
        Type.BLOCK,
        {FOLLOW_UP: BLOCK},
        ("Les engagements", "Commitments"),
        "Texte Markdown.",
    ),
    Field(
        "dispositif",
        Type.BLOCK,
        {FOLLOW_UP: BLOCK},
        ("Le dispositif", "The process"),
        "Texte Markdown.",
    ),
    Field(
        "resultats",
        Type.BLOCK,
        {FOLLOW_UP: BLOCK},
        ("Les résultats", "Results"),
        "Texte Markdown.",
    ),
    Field(
        "devoir_def",
        Type.BLOCK,
        {FOLLOW_UP: BLOCK},
        ("Qu’est-ce que le devoir de suite ?", "What is the duty to follow up?"),
        "Texte Markdown.",
    ),
    Field(
        "devoir",
        Type.BLOCK,
        {FOLLOW_UP: BLOCK},
        ("Le devoir de suite", "Following up"),
        "Texte Markdown.",
    ),
    Field(
        "message_sponsor",
        Type.BLOCK,
        {FOLLOW_UP: BLOCK},
        ("Le mot du commanditaire", "A word from the sponsor"),
        "Texte Markdown.",
    ),
    Field("annexes", Type.BLOCK, {FOLLOW_UP: BLOCK}, ("Annexes", "Appendices"), "Texte Markdown."),
)

FIELDS_BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}
ALIASES: dict[str, str] = {alias: field.name for field in FIELDS for alias in field.aliases}


def all_fields() -> tuple[Field, ...]:
    """Every field of the model, in order (read when called: a test may extend the model)."""
    return FIELDS


@functools.cache
def fields_for(kind: str) -> tuple[Field, ...]:
    """The fields a card of this kind may carry, in model order."""
    return tuple(field for field in all_fields() if field.applies_to(kind))


def with_role(kind: str, *roles: Role) -> tuple[Field, ...]:
    """The fields of ``kind`` cards shown in one of ``roles``, in model order."""
    return tuple(field for field in fields_for(kind) if field.use(kind).role in roles)


def default_facets(kind: str) -> list[str]:
    """The facets of the catalogue of ``kind`` cards, unless the site says otherwise."""
    return [field.name for field in fields_for(kind) if field.use(kind).facet]


def default_columns(kind: str) -> list[str]:
    """The columns of the table of ``kind`` cards (the title first), unless the site says
    otherwise; they are also the facts shown on its cards in the catalogue."""
    return ["title", *(field.name for field in fields_for(kind) if field.use(kind).column)]


def compared(kind: str) -> tuple[Field, ...]:
    """The fields the comparison of ``kind`` cards has a row for, in model order."""
    return tuple(field for field in fields_for(kind) if field.use(kind).compare)


def questions() -> tuple[Field, ...]:
    """The fields the chooser asks about, in model order."""
    return tuple(field for field in fields_for(METHOD) if field.question is not None)


def field_words(language: str) -> dict[str, str]:
    """The interface words of every field: ``field.NAME``, ``field.NAME.KIND`` where a kind
    names it its own way, ``action.NAME`` for a link's button, ``question.NAME``."""
    index = 0 if language == "fr" else 1
    words: dict[str, str] = {}
    for field in all_fields():
        words[f"field.{field.name}"] = field.words[index]
        for kind, use in field.uses.items():
            if use.words:
                words[f"field.{field.name}.{kind}"] = use.words[index]
        if field.action:
            words[f"action.{field.name}"] = field.action[index]
        if field.question:
            words[f"question.{field.name}"] = field.question.words[index]
    return words
