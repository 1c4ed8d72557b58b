"""Controlled vocabularies: each value's words in French and English, and which values stand
in for one another (a hybrid method also meets in person and online)."""

from __future__ import annotations

import functools

from .kinds import METHOD, TOOL

# vocabulary -> value -> (French, English). Sites may relabel or add values in mkdocs.yml.
_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "categorie": {METHOD: ("Méthode", "Method"), TOOL: ("Outil", "Tool")},
    "niveau": {
        "informer": ("Informer", "Inform"),
        "consulter": ("Consulter", "Consult"),
        "concerter": ("Concerter", "Involve"),
        "co-construire": ("Co-construire", "Collaborate"),
        "co-decider": ("Co-décider", "Co-decide"),
    },
    "format": {
        "presentiel": ("Présentiel", "In person"),
        "en-ligne": ("En ligne", "Online"),
        "hybride": ("Hybride", "Hybrid"),
    },
    "echelle": {
        "locale": ("Locale", "Local"),
        "departementale": ("Départementale", "County"),
        "regionale": ("Régionale", "Regional"),
        "nationale": ("Nationale", "National"),
    },
    "duree": {
        "quelques-heures": ("Quelques heures", "A few hours"),
        "une-journee": ("Une journée", "One day"),
        "plusieurs-jours": ("Plusieurs jours", "Several days"),
        "plusieurs-semaines": ("Plusieurs semaines", "Several weeks"),
        "plusieurs-mois": ("Plusieurs mois", "Several months"),
    },
    "cout": {
        "faible": ("Faible", "Low"),
        "moyen": ("Moyen", "Medium"),
        "eleve": ("Élevé", "High"),
    },
    "recrutement": {
        "volontaires": ("Volontaires", "Volunteers"),
        "tirage-au-sort": ("Tirage au sort", "Random selection"),
        "panel": ("Panel représentatif", "Representative panel"),
        "parties-prenantes": ("Parties prenantes", "Stakeholders"),
        "invitation": ("Sur invitation", "By invitation"),
    },
    "public": {
        "tous": ("Tout public", "Everyone"),
        "habitants": ("Habitants d’un territoire", "Residents of an area"),
        "jeunes": ("Jeunes", "Young people"),
        "usagers": ("Usagers d’un service", "Users of a service"),
        "eloignes": ("Publics éloignés de la participation", "Seldom-heard groups"),
        "acteurs": ("Associations, entreprises et experts", "Organisations and experts"),
        "agents": ("Agents publics", "Public servants"),
    },
    "thematiques": {
        "environnement": ("Environnement", "Environment"),
        "sante": ("Santé", "Health"),
        "solidarites": ("Solidarités", "Social affairs"),
        "europe-international": ("Europe et international", "Europe and international"),
        "culture": ("Culture", "Culture"),
        "agriculture-alimentation": ("Agriculture et alimentation", "Agriculture and food"),
        "education": ("Éducation", "Education"),
        "recherche-innovation": ("Recherche et innovation", "Research and innovation"),
        "jeunesse": ("Jeunesse", "Youth"),
        "amenagement-urbanisme": ("Aménagement et urbanisme", "Planning and urbanism"),
        "egalite": ("Égalité", "Equality"),
        "numerique": ("Numérique", "Digital"),
        "institutions-democratie": ("Institutions et démocratie", "Institutions and democracy"),
        "economie-emploi": ("Économie et emploi", "Economy and jobs"),
        "mobilites": ("Mobilités", "Transport"),
    },
    "type_organisateur": {
        "etat": ("État et administrations", "Government and administrations"),
        "parlement": ("Parlement", "Parliament"),
        "collectivite": ("Collectivité territoriale", "Local authority"),
        "autorite-independante": ("Autorité ou conseil indépendant", "Independent body"),
        "etablissement-public": ("Établissement public", "Public agency"),
        "institution-europeenne": (
            "Institution européenne ou internationale",
            "European or international institution",
        ),
        "association": ("Association ou collectif citoyen", "Association or citizens' group"),
        "recherche": ("Université ou centre de recherche", "University or research centre"),
        "entreprise": ("Entreprise", "Company"),
        "parti": ("Parti politique", "Political party"),
    },
    "licence": {
        "libre": ("Logiciel libre", "Free software"),
        "open-source": ("Open source", "Open source"),
        "code-ouvert": ("Code source consultable", "Source available"),
        "proprietaire": ("Propriétaire", "Proprietary"),
    },
    "hebergement": {
        "editeur": ("Hébergé par l’éditeur", "Hosted by the publisher"),
        "auto-hebergeable": ("Auto-hébergeable", "Self-hostable"),
        "souverain": ("Hébergement souverain", "Sovereign hosting"),
        "prestataire": ("Hébergé par un prestataire", "Hosted by a provider"),
    },
    "fonctionnalites": {
        "consultation": ("Consultation", "Consultation"),
        "vote": ("Vote", "Voting"),
        "budget-participatif": ("Budget participatif", "Participatory budgeting"),
        "petition": ("Pétition", "Petition"),
        "debat": ("Débat", "Debate"),
        "cartographie": ("Cartographie", "Mapping"),
        "tirage-au-sort": ("Tirage au sort", "Random selection"),
        "synthese": ("Synthèse des contributions", "Summary of contributions"),
        "reunions": ("Réunions et événements", "Meetings and events"),
        "decision": ("Prise de décision en groupe", "Group decision-making"),
    },
    "tarif": {
        "gratuit": ("Gratuit", "Free of charge"),
        "abonnement-modeste": ("Moins de 5 000 € par an", "Under €5,000 a year"),
        "abonnement": ("5 000 à 20 000 € par an", "€5,000 to €20,000 a year"),
        "sur-devis": ("Sur devis, plus de 20 000 € par an", "Quoted, over €20,000 a year"),
    },
}
LANGUAGES = ("fr", "en")
VOCABULARY_WORDS: dict[str, dict[str, dict[str, str]]] = {
    language: {
        name: {value: words[index] for value, words in values.items()}
        for name, values in _WORDS.items()
    }
    for index, language in enumerate(LANGUAGES)
}
# The French labels: what cards are checked against.
VOCABULARIES: dict[str, dict[str, str]] = VOCABULARY_WORDS["fr"]

# What values mean, where a visitor may not know (French, English): shown beside the chooser's
# answers and on the glossary page (core/glossary.py).
_DEFINITIONS: dict[str, dict[str, tuple[str, str]]] = {
    "niveau": {
        "informer": (
            "Les participants reçoivent une information sur le projet ; leur avis n’est pas "
            "demandé.",
            "Participants are told about the project; their opinion is not asked for.",
        ),
        "consulter": (
            "Les participants donnent leur avis ; l’autorité décide seule et dit ce qu’elle en "
            "retient.",
            "Participants give their opinion; the authority decides alone and says what it kept.",
        ),
        "concerter": (
            "Les participants débattent entre eux et avec l’autorité pendant que le projet "
            "s’élabore ; l’autorité décide ensuite et justifie ses choix.",
            "Participants debate among themselves and with the authority while the project "
            "takes shape; the authority then decides and explains its choices.",
        ),
        "co-construire": (
            "Les participants élaborent avec l’autorité des propositions, voire le projet "
            "lui-même ; l’autorité s’engage à partir de ce travail.",
            "Participants draw up proposals, or the project itself, with the authority, which "
            "commits to build on that work.",
        ),
        "co-decider": (
            "Les participants prennent part à la décision : leur choix, un vote ou un budget "
            "attribué, s’applique.",
            "Participants take part in the decision: their choice, a vote or an allocated "
            "budget, applies.",
        ),
    },
    "recrutement": {
        "volontaires": (
            "Participe qui le souhaite, après un appel ouvert à tous.",
            "Whoever wishes takes part, after a call open to all.",
        ),
        "tirage-au-sort": (
            "Les participants sont tirés au sort, par exemple sur les listes électorales, pour "
            "donner à chacun la même chance d’être choisi.",
            "Participants are drawn by lot, from the electoral roll for instance, so that "
            "everyone has the same chance to be chosen.",
        ),
        "panel": (
            "Un groupe composé pour ressembler à la population concernée (âge, sexe, "
            "territoire, milieu social), souvent par un tirage au sort par quotas.",
            "A group put together to resemble the population concerned (age, sex, area, "
            "background), often by a lot drawn within quotas.",
        ),
        "parties-prenantes": (
            "Les organisations concernées par le projet : associations, entreprises, "
            "syndicats, élus, services publics.",
            "The organisations the project concerns: associations, firms, unions, elected "
            "members, public services.",
        ),
        "invitation": (
            "L’organisateur choisit et invite les participants, par exemple des experts ou les "
            "usagers d’un service.",
            "The organiser chooses and invites the participants, experts or the users of a "
            "service for instance.",
        ),
    },
}
# language -> vocabulary -> value -> definition.
DEFINITIONS: dict[str, dict[str, dict[str, str]]] = {
    language: {
        name: {value: words[index] for value, words in values.items()}
        for name, values in _DEFINITIONS.items()
    }
    for index, language in enumerate(LANGUAGES)
}

# Values that stand in for another, by vocabulary: {wanted: {offered: share}}, share 1 meaning
# fully (a facet option then lists those cards too), 0.5 meaning in part (the chooser's half
# points). A hybrid method meets both in person and online; who wants hybrid finds half of it in
# a method that offers one of the two.
STAND_INS: dict[str, dict[str, dict[str, float]]] = {
    "format": {
        "presentiel": {"hybride": 1},
        "en-ligne": {"hybride": 1},
        "hybride": {"presentiel": 0.5, "en-ligne": 0.5},
    },
    # A representative panel is drawn with quotas: half of what a draw by lot offers.
    "recrutement": {"tirage-au-sort": {"panel": 0.5}, "panel": {"tirage-au-sort": 0.5}},
}


def stand_in(vocabulary: str | None, wanted: str, offered: str) -> float:
    """How much a card offering ``offered`` gives who wants ``wanted``: 1 for the same value or
    a full stand-in, 0.5 for a partial one, 0 otherwise."""
    if wanted == offered:
        return 1
    return STAND_INS.get(vocabulary or "", {}).get(wanted, {}).get(offered, 0)


@functools.cache
def full_stand_ins(vocabulary: str | None, offered: str) -> frozenset[str]:
    """The other values of ``vocabulary`` that a card offering ``offered`` fully stands in
    for (``stand_in`` gives 1)."""
    wanted = STAND_INS.get(vocabulary or "", {})
    return frozenset(value for value, given in wanted.items() if given.get(offered) == 1)
