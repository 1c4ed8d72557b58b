"""The card schema: one source for validation, the JSON Schema and the fields page."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

METHOD, TOOL, CASE, FOLLOW_UP = "methode", "outil", "exemple", "suivi"
KINDS = (METHOD, TOOL, CASE, FOLLOW_UP)
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


@dataclass(frozen=True)
class Field:
    """One front-matter key: its type, the kinds of card that use it and how to explain it."""

    name: str
    type: Type
    kinds: tuple[str, ...]
    label: str
    help: str
    aliases: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    vocabulary: str | None = None
    target: str | None = None

    def applies_to(self, kind: str) -> bool:
        return kind in self.kinds


def _f(
    name: str, type_: Type, kinds: tuple[str, ...], label: str, help_: str, **extra: Any
) -> Field:
    return Field(name, type_, kinds, label, help_, **extra)


FIELDS: tuple[Field, ...] = (
    _f("title", Type.TEXT, ALL, "Titre", "Nom affiché de la fiche.", required=ALL),
    _f(
        "tagline",
        Type.TEXT,
        ALL,
        "Accroche",
        "Une phrase qui résume la méthode ou l’outil.",
        required=CARDS,
    ),
    _f(
        "categorie",
        Type.CHOICE,
        CARDS,
        "Catégorie",
        "« methode » ou « outil » ; à défaut, le dossier de la fiche décide.",
        vocabulary="categorie",
    ),
    _f(
        "img-bg",
        Type.IMAGE,
        ALL,
        "Image de bandeau",
        "Fichier image, cherché dans le dossier d’images du site.",
    ),
    _f(
        "img-alt",
        Type.TEXT,
        ALL,
        "Texte alternatif de l’image",
        "Ce que montre l’image, pour qui ne la voit pas ; vide si elle est décorative.",
    ),
    _f("contact", Type.CONTACT, CARDS, "Contact", "Adresse électronique ou lien de contact."),
    _f("contract", Type.TEXT, CARDS, "Licence", "Licence ou contrat d’utilisation."),
    _f("logo", Type.IMAGE, CARDS, "Logo", "Logo du porteur, cherché dans le dossier d’images."),
    _f("owner", Type.TEXT, CARDS, "Porteur", "Organisation qui porte la méthode ou édite l’outil."),
    _f("access_link", Type.URL, CARDS, "Lien d’accès", "Page où accéder au dispositif."),
    _f(
        "url_video_demo",
        Type.VIDEO,
        CARDS,
        "Vidéo de démonstration",
        "Adresse d’une vidéo Dailymotion, YouTube ou Vimeo (forme « embed » ou page de la vidéo).",
    ),
    _f(
        "vignette_video_demo",
        Type.IMAGE,
        CARDS,
        "Vignette de la vidéo",
        "Image montrée avant que la vidéo ne soit chargée.",
    ),
    _f("date", Type.DATE, ALL, "Date", "Date de publication ou de début (AAAA-MM-JJ)."),
    _f(
        "priorites",
        Type.LIST,
        CARDS,
        "Priorités pour l’organisateur",
        "Ce que l’organisateur cherche à obtenir.",
    ),
    _f(
        "qualites",
        Type.LIST,
        CARDS,
        "Facteurs clés de succès",
        "Les conditions de réussite.",
        aliases=("facteurscles", "facteursclés"),
    ),
    _f("atouts", Type.LIST, CARDS, "Atouts", "Les points forts."),
    _f(
        "inconvenients",
        Type.LIST,
        CARDS,
        "Limites",
        "Les limites et points de vigilance.",
        aliases=("risques",),
    ),
    _f("ordre", Type.INTEGER, ALL, "Ordre", "Rang dans les listes (les plus petits d’abord)."),
    _f("layout", Type.LEGACY, ALL, "Gabarit Jekyll", "Hérité de Jekyll ; ignoré."),
    _f("default_logo", Type.LEGACY, CARDS, "Logo par défaut", "Hérité de Jekyll ; ignoré."),
    # Tools
    _f("domain", Type.URL, (TOOL,), "Site web", "Site officiel de l’outil."),
    _f("clients", Type.LIST, (TOOL,), "Clients", "Types d’organisations qui l’utilisent."),
    _f(
        "details_techniques",
        Type.DETAILS,
        (TOOL,),
        "Détails techniques",
        "Liste de lignes « name », « content » et, si besoin, « link ».",
    ),
    _f(
        "feature_inclus",
        Type.LIST,
        (TOOL,),
        "Fonctionnalités incluses",
        "Ce que comprend l’offre de base.",
    ),
    _f(
        "feature_plusloin",
        Type.LIST,
        (TOOL,),
        "Pour aller plus loin",
        "Fonctionnalités en option ou payantes.",
    ),
    _f(
        "accompagnement_inclus",
        Type.LIST,
        (TOOL,),
        "Accompagnement inclus",
        "L’aide comprise dans l’offre de base.",
    ),
    _f(
        "accompagnement_plusloin",
        Type.LIST,
        (TOOL,),
        "Accompagnement en option",
        "L’aide proposée en supplément.",
    ),
    _f("doc_tech", Type.URL, (TOOL,), "Documentation", "Documentation technique."),
    _f("demo_link", Type.URL, (TOOL,), "Démonstration", "Site de démonstration."),
    _f(
        "lettre_engagement",
        Type.URL,
        (TOOL,),
        "Lettre d’engagement",
        "Lettre d’engagement de l’éditeur (lien ou fichier du site).",
    ),
    # Structured attributes for choosing
    _f(
        "niveau",
        Type.CHOICE,
        CARDS,
        "Niveau de participation",
        "Jusqu’où les participants pèsent sur la décision.",
        vocabulary="niveau",
    ),
    _f(
        "format",
        Type.CHOICE,
        CARDS,
        "Format",
        "Présentiel, en ligne ou les deux.",
        vocabulary="format",
    ),
    _f(
        "echelle",
        Type.CHOICES,
        (METHOD, TOOL, CASE),
        "Échelle",
        "Territoires pour lesquels la méthode convient.",
        vocabulary="echelle",
    ),
    _f(
        "participants",
        Type.RANGE,
        CARDS,
        "Nombre de participants",
        "Fourchette habituelle : « {min: 15, max: 40} ».",
    ),
    _f("duree", Type.CHOICE, CARDS, "Durée", "Durée habituelle du dispositif.", vocabulary="duree"),
    _f("cout", Type.CHOICE, CARDS, "Coût", "Ordre de grandeur du budget.", vocabulary="cout"),
    _f(
        "recrutement",
        Type.CHOICES,
        CARDS,
        "Recrutement",
        "Comment les participants sont choisis.",
        vocabulary="recrutement",
    ),
    _f(
        "thematiques",
        Type.CHOICES,
        ALL,
        "Thématiques",
        "Domaines de politique publique.",
        vocabulary="thematiques",
    ),
    _f(
        "methodes_liees",
        Type.REFERENCES,
        (METHOD,),
        "Méthodes proches",
        "Titres ou noms de fichier d’autres méthodes ; le lien est fait dans les deux sens.",
        target=METHOD,
    ),
    # Case studies
    _f("link", Type.URL, (CASE, FOLLOW_UP), "Site de la démarche", "Page publique de la démarche."),
    _f("description", Type.TEXT, (CASE,), "Description", "Une phrase de présentation."),
    _f("organisateur", Type.TEXT, (CASE, FOLLOW_UP), "Organisateur", "Qui a mené la démarche."),
    _f(
        "outil",
        Type.REFERENCES,
        (CASE,),
        "Outils utilisés",
        "Titres ou noms de fichier des outils.",
        target=TOOL,
    ),
    _f(
        "methodes",
        Type.REFERENCES,
        (CASE,),
        "Méthodes utilisées",
        "Titres ou noms de fichier des méthodes.",
        aliases=("methode",),
        target=METHOD,
    ),
    _f(
        "screenshot",
        Type.IMAGE,
        (CASE, FOLLOW_UP),
        "Capture d’écran",
        "Image de la plateforme ou de la démarche.",
    ),
    _f("in_progress", Type.BOOLEAN, (CASE,), "En cours", "true si la démarche est en cours."),
    _f("opendata", Type.URL, (CASE,), "Données ouvertes", "Jeu de données publié."),
    _f(
        "parameters",
        Type.DETAILS,
        (CASE,),
        "Chiffres clés",
        "Liste de lignes « name » et « content ».",
    ),
    _f("note-citoyenne", Type.NUMBER, (CASE,), "Note citoyenne", "Hérité : note sur 10."),
    _f("note-decidee", Type.NUMBER, (CASE,), "Note décidée", "Hérité : note sur 10."),
    # Follow-up pages of the legacy toolbox
    _f("date-banniere", Type.TEXT, (FOLLOW_UP,), "Statut affiché", "Texte court du bandeau."),
    _f("devoir_de_suite", Type.LEGACY, (FOLLOW_UP,), "Adresse Jekyll", "Hérité ; ignoré."),
    _f("presentation", Type.BLOCK, (FOLLOW_UP,), "Présentation", "Texte Markdown."),
    _f("dispositif", Type.BLOCK, (FOLLOW_UP,), "Le dispositif", "Texte Markdown."),
    _f("engagements", Type.BLOCK, (FOLLOW_UP,), "Les engagements", "Texte Markdown."),
    _f("resultats", Type.BLOCK, (FOLLOW_UP,), "Les résultats", "Texte Markdown."),
    _f("devoir", Type.BLOCK, (FOLLOW_UP,), "Le devoir de suite", "Texte Markdown."),
    _f("devoir_def", Type.BLOCK, (FOLLOW_UP,), "Définition du devoir de suite", "Texte Markdown."),
    _f("message_sponsor", Type.BLOCK, (FOLLOW_UP,), "Le mot du commanditaire", "Texte Markdown."),
    _f("annexes", Type.BLOCK, (FOLLOW_UP,), "Annexes", "Texte Markdown."),
)

FIELDS_BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}
ALIASES: dict[str, str] = {alias: field.name for field in FIELDS for alias in field.aliases}

# Controlled vocabularies: value -> French label. Labels can be replaced in mkdocs.yml.
VOCABULARIES: dict[str, dict[str, str]] = {
    "categorie": {METHOD: "Méthode", TOOL: "Outil"},
    "niveau": {
        "informer": "Informer",
        "consulter": "Consulter",
        "concerter": "Concerter",
        "co-construire": "Co-construire",
        "co-decider": "Co-décider",
    },
    "format": {"presentiel": "Présentiel", "en-ligne": "En ligne", "hybride": "Hybride"},
    "echelle": {
        "locale": "Locale",
        "departementale": "Départementale",
        "regionale": "Régionale",
        "nationale": "Nationale",
    },
    "duree": {
        "quelques-heures": "Quelques heures",
        "une-journee": "Une journée",
        "plusieurs-jours": "Plusieurs jours",
        "plusieurs-semaines": "Plusieurs semaines",
        "plusieurs-mois": "Plusieurs mois",
    },
    "cout": {"faible": "Faible", "moyen": "Moyen", "eleve": "Élevé"},
    "recrutement": {
        "volontaires": "Volontaires",
        "tirage-au-sort": "Tirage au sort",
        "panel": "Panel représentatif",
        "parties-prenantes": "Parties prenantes",
        "invitation": "Sur invitation",
    },
    "thematiques": {
        "environnement": "Environnement",
        "sante": "Santé",
        "solidarites": "Solidarités",
        "europe-international": "Europe et international",
        "culture": "Culture",
        "agriculture-alimentation": "Agriculture et alimentation",
        "education": "Éducation",
        "recherche-innovation": "Recherche et innovation",
        "jeunesse": "Jeunesse",
        "amenagement-urbanisme": "Aménagement et urbanisme",
        "egalite": "Égalité",
        "numerique": "Numérique",
        "institutions-democratie": "Institutions et démocratie",
        "economie-emploi": "Économie et emploi",
        "mobilites": "Mobilités",
    },
}


# What the values of a vocabulary mean, where a visitor may not know: shown beside the chooser's
# answers and on the glossary page (core/glossary.py). The English ones are in labels.py.
DEFINITIONS: dict[str, dict[str, str]] = {
    "niveau": {
        "informer": "Les participants reçoivent une information sur le projet ; leur avis n’est "
        "pas demandé.",
        "consulter": "Les participants donnent leur avis ; l’autorité décide seule et dit ce "
        "qu’elle en retient.",
        "concerter": "Les participants débattent entre eux et avec l’autorité pendant que le "
        "projet s’élabore ; l’autorité décide ensuite et justifie ses choix.",
        "co-construire": "Les participants élaborent avec l’autorité des propositions, voire le "
        "projet lui-même ; l’autorité s’engage à partir de ce travail.",
        "co-decider": "Les participants prennent part à la décision : leur choix, un vote ou un "
        "budget attribué, s’applique.",
    },
    "recrutement": {
        "volontaires": "Participe qui le souhaite, après un appel ouvert à tous.",
        "tirage-au-sort": "Les participants sont tirés au sort, par exemple sur les listes "
        "électorales, pour donner à chacun la même chance d’être choisi.",
        "panel": "Un groupe composé pour ressembler à la population concernée (âge, sexe, "
        "territoire, milieu social), souvent par un tirage au sort par quotas.",
        "parties-prenantes": "Les organisations concernées par le projet : associations, "
        "entreprises, syndicats, élus, services publics.",
        "invitation": "L’organisateur choisit et invite les participants, par exemple des "
        "experts ou les usagers d’un service.",
    },
}


@functools.cache
def fields_for(kind: str) -> tuple[Field, ...]:
    """The fields a card of this kind may carry, in schema order."""
    return tuple(field for field in FIELDS if field.applies_to(kind))


_JSON_TYPES: dict[Type, dict[str, Any]] = {
    Type.TEXT: {"type": ["string", "number", "null"]},
    Type.LIST: {"type": ["array", "null"], "items": {"type": ["string", "number"]}},
    Type.URL: {"type": ["string", "null"], "pattern": r"^(https?://|/|mailto:)"},
    Type.CONTACT: {"type": ["string", "null"]},
    Type.IMAGE: {"type": ["string", "null"]},
    Type.VIDEO: {"type": ["string", "null"], "pattern": r"^https://"},
    Type.DATE: {"type": ["string", "null"]},
    Type.INTEGER: {"type": ["integer", "null"]},
    Type.NUMBER: {"type": ["number", "null"]},
    Type.BOOLEAN: {"type": ["boolean", "null"]},
    Type.DETAILS: {
        "type": ["array", "null"],
        "items": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "content": {"type": ["string", "number", "null"]},
                "link": {"type": ["string", "null"]},
            },
            "additionalProperties": False,
        },
    },
    Type.RANGE: {
        "type": ["object", "null"],
        "properties": {
            "min": {"type": "integer", "minimum": 0},
            "max": {"type": "integer", "minimum": 0},
        },
        "additionalProperties": False,
    },
    Type.REFERENCES: {"type": ["array", "string", "null"], "items": {"type": "string"}},
    Type.BLOCK: {"type": ["string", "null"]},
    Type.LEGACY: {},
}


def json_schema(vocabularies: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a card's front matter, for editors and CI."""
    vocabularies = vocabularies or VOCABULARIES
    properties: dict[str, Any] = {}
    for field in FIELDS:
        if field.type is Type.CHOICE:
            spec: dict[str, Any] = {"enum": [*vocabularies[field.vocabulary], None]}
        elif field.type is Type.CHOICES:
            values = list(vocabularies[field.vocabulary])
            spec = {
                "anyOf": [
                    {"enum": values},
                    {"type": "array", "items": {"enum": values}},
                    {"type": "null"},
                ]
            }
        else:
            spec = dict(_JSON_TYPES[field.type])
        spec["title"] = field.label
        spec["description"] = field.help
        properties[field.name] = spec
        for alias in field.aliases:
            properties[alias] = {
                **spec,
                "deprecated": True,
                "description": f"Ancien nom de « {field.name} ».",
            }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:mkdocs-participation:card",
        "title": "Fiche de la boîte à outils de la participation",
        "type": "object",
        "required": ["title"],
        "properties": properties,
        "additionalProperties": False,
    }
