"""The words of the interface, in French and English; sites may override any of them."""

from __future__ import annotations

from string import Formatter

from .cards import suggest
from .model import METHOD, VOCABULARIES, VOCABULARY_WORDS, field_words, kind_words
from .problems import Problem

# The words each compared kind has its own of (``compare_bar.outil``: "Outils à comparer");
# the others are shared by every comparison.
KIND_WORDED = (
    "compare_title",
    "compare_intro",
    "compare_help",
    "compare_no_js",
    "compare_table_link",
    "compare_add",
    "compare_bar",
    "compare_open",
    "compare_need_more",
    "compare_full",
    "compare_added",
    "compare_removed",
    "compare_unknown",
    "compare_beyond",
)

# The interface's own words; those of kinds and fields come from the model.
LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "permalink": "Lien vers cette section",
        "thousands": "\u202f",
        "published": "Fiche publiée le",
        "video_play": "Lire la vidéo",
        "video_notice": "La vidéo est hébergée par {provider}. Elle n’est chargée, avec ses "
        "traceurs éventuels, que si vous cliquez sur « Lire la vidéo ».",
        "video_open": "Voir la vidéo sur {provider}",
        "logo_alt": "Logo de {owner}",
        "offer": "Offre",
        "detail_name": "Caractéristique",
        "detail_value": "Valeur",
        "facts": "En bref",
        "not_provided": "Non renseigné",
        "errors_title": "Cette fiche contient des erreurs",
        "errors_help": "Ce panneau n’apparaît qu’avec mkdocs serve. Corrigez le fichier : "
        "la page se met à jour à l’enregistrement.",
        "card_body": "Texte de la fiche",
        "participants_range": "{min} à {max} personnes",
        "participants_exact": "{min} personnes",
        "participants_min": "{min} personnes ou plus",
        "participants_max": "jusqu’à {max} personnes",
        "compare_toggle": "Comparer",
        "compare_title": "Comparer des méthodes",
        "compare_intro": "Lisez côte à côte deux à quatre méthodes, critère par critère. Les "
        "lignes où les méthodes diffèrent sont signalées.",
        "compare_help": "Pour choisir les méthodes, cochez « Comparer » sur leur carte dans le "
        "catalogue ou sur leur fiche, puis ouvrez la comparaison depuis la barre « Méthodes à "
        "comparer ». Vous pouvez aussi les ajouter ici.",
        "compare_no_js": "Sans JavaScript, cette page ne peut pas afficher la comparaison ; le "
        "tableau des méthodes présente leurs caractéristiques côte à côte.",
        "compare_table_link": "Voir le tableau des méthodes",
        "compare_add": "Ajouter une méthode",
        "compare_add_button": "Ajouter",
        "compare_choose": "Choisir…",
        "compare_print": "Imprimer",
        "compare_online": "Cette comparaison en ligne :",
        "compare_criterion": "Critère",
        "compare_differs": "Diffère",
        "compare_page_row": "Fiche complète",
        "compare_page_link": "Lire la fiche",
        "compare_bar": "Méthodes à comparer",
        "compare_count": "{count} sur {maximum}",
        "compare_open": "Comparer ces méthodes",
        "compare_clear": "Vider la sélection",
        "compare_remove": "Retirer",
        "compare_need_more": "Choisissez au moins {minimum} méthodes pour les comparer.",
        "compare_full": "Vous comparez déjà {maximum} méthodes, le maximum : retirez-en une pour "
        "ajouter « {title} ».",
        "compare_added": "« {title} » ajoutée à la comparaison.",
        "compare_removed": "« {title} » retirée de la comparaison.",
        "compare_cleared": "La sélection est vide.",
        "compare_unknown": "Aucune méthode de cette boîte à outils ne porte le nom « {slugs} » : "
        "sa fiche a peut-être été renommée ou retirée.",
        "compare_beyond": "On compare {maximum} méthodes au plus ; non affichées : « {titles} ».",
        "compare_caption": "Comparaison de : {titles}",
        "compare_only_differences": "Afficher seulement les différences",
        "compare_shared": "Ce lien montre une autre comparaison que la vôtre ({titles}). Votre "
        "sélection est gardée tant que vous ne la remplacez pas.",
        "compare_keep_shared": "Remplacer ma sélection par celle-ci",
        "compare_back_mine": "Revenir à ma sélection",
        "compare_fold": "Replier",
        "compare_unfold": "Déplier",
        # The words of the comparison of tools where they differ from those of methods
        # (KIND_WORDED).
        "compare_title.outil": "Comparer des outils",
        "compare_intro.outil": "Lisez côte à côte deux à quatre outils numériques, critère par "
        "critère : licence, hébergement, fonctionnalités, tarif, méthodes qu’ils permettent. Les "
        "lignes où les outils diffèrent sont signalées.",
        "compare_help.outil": "Pour choisir les outils, cochez « Comparer » sur leur carte dans le "
        "catalogue ou sur leur fiche, puis ouvrez la comparaison depuis la barre « Outils à "
        "comparer ». Vous pouvez aussi les ajouter ici.",
        "compare_no_js.outil": "Sans JavaScript, cette page ne peut pas afficher la comparaison ; "
        "le tableau des outils présente leurs caractéristiques côte à côte.",
        "compare_table_link.outil": "Voir le tableau des outils",
        "compare_add.outil": "Ajouter un outil",
        "compare_bar.outil": "Outils à comparer",
        "compare_open.outil": "Comparer ces outils",
        "compare_need_more.outil": "Choisissez au moins {minimum} outils pour les comparer.",
        "compare_full.outil": "Vous comparez déjà {maximum} outils, le maximum : retirez-en un "
        "pour ajouter « {title} ».",
        "compare_added.outil": "« {title} » ajouté à la comparaison.",
        "compare_removed.outil": "« {title} » retiré de la comparaison.",
        "compare_unknown.outil": "Aucun outil de cette boîte à outils ne porte le nom "
        "« {slugs} » : sa fiche a peut-être été renommée ou retirée.",
        "compare_beyond.outil": "On compare {maximum} outils au plus ; non affichés : "
        "« {titles} ».",
        "chooser_title": "Quelle méthode pour mon projet ?",
        "chooser_intro": "Répondez aux questions qui comptent pour votre projet et passez les "
        "autres : les méthodes sont classées d’après leurs fiches, avec les raisons du classement.",
        "chooser_no_js": "Le classement a besoin de JavaScript. Vous pouvez aussi parcourir les "
        "méthodes et les filtrer dans le catalogue.",
        "chooser_catalogue_link": "Voir le catalogue des méthodes",
        "chooser_skip": "Sans préférence",
        "chooser_submit": "Voir les méthodes adaptées",
        "chooser_results": "Méthodes classées pour votre projet",
        "chooser_summary": "{count} méthodes classées selon vos réponses à {answered} "
        "question(s) sur {questions}.",
        "chooser_none": "Répondez à au moins une question pour classer les méthodes.",
        "chooser_score": "Score : {points} sur {maximum}",
        "chooser_match": "Ce qui correspond",
        "chooser_partial": "Ce qui correspond en partie",
        "chooser_mismatch": "Ce qui ne correspond pas",
        "chooser_unknown": "À vérifier, non renseigné sur la fiche",
        "chooser_reason": "{question} : {value}",
        "chooser_catalogue": "Voir dans le catalogue les méthodes qui remplissent ces critères",
        "chooser_compare": "Comparer les {count} premières",
        "chooser_rule_title": "Comment le classement est calculé",
        "chooser_rule_intro": "Le classement n’utilise que les informations des fiches. Chaque "
        "question à laquelle vous répondez rapporte au plus {full} points à une méthode (davantage "
        "quand son explication le dit) ; une "
        "question passée ne compte pas. Une information absente de la fiche ne rapporte rien et "
        "s’affiche « à vérifier ». À points égaux, la méthode qui a le moins de critères qui ne "
        "correspondent pas passe devant, puis l’ordre du catalogue.",
        "chooser_rule_same": "{full} points si la fiche indique la réponse choisie.",
        "chooser_rule_near": "{full} points si la fiche indique la réponse choisie, {half} point "
        "si elle indique une réponse voisine dans la liste.",
        "chooser_rule_at-most": "{full} points si la fiche indique la réponse choisie ou une "
        "réponse placée avant elle dans la liste, {half} point si elle indique la réponse "
        "placée juste après.",
        "chooser_rule_fits": "{full} points si la fiche indique la réponse choisie ou une "
        "réponse compatible, {half} point pour une réponse proche :",
        "chooser_rule_overlap": "{full} points si la fourchette de participants de la fiche "
        "recoupe la tranche choisie.",
        "chooser_points_one": "{points} point pour {values}",
        "chooser_points_other": "{points} points pour {values}",
        "chooser_points_separator": " ; ",
        "chooser_points_answer": "Réponse « {answer} » : {points}.",
        "yes": "Oui",
        "no": "Non",
        "filters": "Filtrer les fiches",
        "search": "Rechercher (titre, accroche, listes)",
        "reset": "Réinitialiser les filtres",
        "results_one": "{shown} fiche sur {total}",
        "results_other": "{shown} fiches sur {total}",
        "no_results": "Aucune fiche ne correspond à ces critères.",
        "glossary_title": "Lexique de la participation",
        "glossary_intro": "Ce que veulent dire les niveaux de participation et les modes de "
        "recrutement qu’utilisent les fiches, le catalogue et le questionnaire.",
        "glossary_link": "Que veulent dire ces termes ? Voir le lexique",
        "glossary_question": "Définitions dans le lexique",
        "not_found_title": "Page introuvable",
        "not_found_text": "Aucune page ne se trouve à cette adresse : la fiche a peut-être été "
        "renommée ou retirée. Cherchez ce que vous vouliez, ou repartez d’une des pages "
        "ci-dessous.",
        "not_found_search": "Rechercher dans le site",
        "not_found_search_button": "Rechercher",
        "not_found_links": "Repartir de",
        "not_found_home": "Accueil",
        "back_to_results": "Retour aux résultats",
        "print_address": "Page en ligne :",
        "filters_button": "Filtres",
        "active_filters": "Filtres appliqués :",
        "remove_filter": "Retirer le filtre {filter}",
        "text_filter": "Texte « {text} »",
        "relax_intro": "Retirez un critère pour élargir la recherche :",
        "relax_one": "Sans « {filter} » : {count} fiche",
        "relax_other": "Sans « {filter} » : {count} fiches",
        "copy_link": "Copier le lien",
        "link_copied": "Lien copié",
        "title_filters": "{filters} – {title}",
        "more_one": "Afficher {shown} fiche de plus",
        "more_other": "Afficher {shown} fiches de plus",
        "view": "Affichage",
        "view_cards": "Cartes",
        "view_table": "Tableau",
        "table_caption": "Tableau comparatif des fiches",
        "in_progress_yes": "En cours",
        "in_progress_no": "Terminée",
        "screenshot_alt": "Capture d’écran : {title}",
        "case_studies": "Exemples d’utilisation",
    },
    "en": {
        "permalink": "Link to this section",
        "thousands": ",",
        "published": "Card published on",
        "video_play": "Play the video",
        "video_notice": "The video is hosted by {provider}. It is loaded, with any trackers, "
        "only if you click “Play the video”.",
        "video_open": "Watch the video on {provider}",
        "logo_alt": "Logo of {owner}",
        "offer": "Offer",
        "detail_name": "Property",
        "detail_value": "Value",
        "facts": "At a glance",
        "not_provided": "Not provided",
        "errors_title": "This card has errors",
        "errors_help": "This panel only shows under mkdocs serve. Fix the file: the page "
        "updates when you save.",
        "card_body": "Card text",
        "participants_range": "{min} to {max} people",
        "participants_exact": "{min} people",
        "participants_min": "{min} people or more",
        "participants_max": "up to {max} people",
        "compare_toggle": "Compare",
        "compare_title": "Compare methods",
        "compare_intro": "Read two to four methods side by side, criterion by criterion. Rows "
        "where the methods differ are marked.",
        "compare_help": "To choose the methods, tick “Compare” on their card in the catalogue or "
        "on their page, then open the comparison from the “Methods to compare” bar. You can "
        "also add them here.",
        "compare_no_js": "Without JavaScript this page cannot show the comparison; the table of "
        "methods shows their features side by side.",
        "compare_table_link": "See the table of methods",
        "compare_add": "Add a method",
        "compare_add_button": "Add",
        "compare_choose": "Choose…",
        "compare_print": "Print",
        "compare_online": "This comparison online:",
        "compare_criterion": "Criterion",
        "compare_differs": "Differs",
        "compare_page_row": "Full card",
        "compare_page_link": "Read the card",
        "compare_bar": "Methods to compare",
        "compare_count": "{count} of {maximum}",
        "compare_open": "Compare these methods",
        "compare_clear": "Clear the selection",
        "compare_remove": "Remove",
        "compare_need_more": "Choose at least {minimum} methods to compare them.",
        "compare_full": "You are already comparing {maximum} methods, the most there can be: "
        "remove one to add “{title}”.",
        "compare_added": "“{title}” added to the comparison.",
        "compare_removed": "“{title}” removed from the comparison.",
        "compare_cleared": "The selection is empty.",
        "compare_unknown": "No method of this toolbox is named “{slugs}”: its card may have been "
        "renamed or removed.",
        "compare_beyond": "At most {maximum} methods are compared; not shown: “{titles}”.",
        "compare_caption": "Comparison of: {titles}",
        "compare_only_differences": "Show only the differences",
        "compare_shared": "This link shows another comparison than yours ({titles}). Your "
        "selection is kept until you replace it.",
        "compare_keep_shared": "Replace my selection with this one",
        "compare_back_mine": "Back to my selection",
        "compare_fold": "Fold",
        "compare_unfold": "Unfold",
        "compare_title.outil": "Compare tools",
        "compare_intro.outil": "Read two to four digital tools side by side, criterion by "
        "criterion: licence, hosting, features, price, the methods they support. Rows where the "
        "tools differ are marked.",
        "compare_help.outil": "To choose the tools, tick “Compare” on their card in the catalogue "
        "or on their page, then open the comparison from the “Tools to compare” bar. You can "
        "also add them here.",
        "compare_no_js.outil": "Without JavaScript this page cannot show the comparison; the "
        "table of tools shows their features side by side.",
        "compare_table_link.outil": "See the table of tools",
        "compare_add.outil": "Add a tool",
        "compare_bar.outil": "Tools to compare",
        "compare_open.outil": "Compare these tools",
        "compare_need_more.outil": "Choose at least {minimum} tools to compare them.",
        "compare_full.outil": "You are already comparing {maximum} tools, the most there can be: "
        "remove one to add “{title}”.",
        "compare_added.outil": "“{title}” added to the comparison.",
        "compare_removed.outil": "“{title}” removed from the comparison.",
        "compare_unknown.outil": "No tool of this toolbox is named “{slugs}”: its card may have "
        "been renamed or removed.",
        "compare_beyond.outil": "At most {maximum} tools are compared; not shown: “{titles}”.",
        "chooser_title": "Which method for my project?",
        "chooser_intro": "Answer the questions that matter for your project and skip the others: "
        "the methods are ranked from their cards, with the reasons for their rank.",
        "chooser_no_js": "The ranking needs JavaScript. You can also browse the methods and "
        "filter them in the catalogue.",
        "chooser_catalogue_link": "See the catalogue of methods",
        "chooser_skip": "No preference",
        "chooser_submit": "See the methods that fit",
        "chooser_results": "Methods ranked for your project",
        "chooser_summary": "{count} methods ranked by your answers to {answered} question(s) "
        "of {questions}.",
        "chooser_none": "Answer at least one question to rank the methods.",
        "chooser_score": "Score: {points} of {maximum}",
        "chooser_match": "What fits",
        "chooser_partial": "What partly fits",
        "chooser_mismatch": "What does not fit",
        "chooser_unknown": "To check, not given on the card",
        "chooser_reason": "{question}: {value}",
        "chooser_catalogue": "See the methods that meet these criteria in the catalogue",
        "chooser_compare": "Compare the first {count}",
        "chooser_rule_title": "How the ranking is computed",
        "chooser_rule_intro": "The ranking only uses what the cards say. Each question you "
        "answer gives a method at most {full} points (more where its explanation says so); a "
        "skipped question does not count. "
        "Information missing from a card gives nothing and shows as “to check”. Among equal "
        "scores, the method with the fewest criteria that do not fit comes first, then the "
        "catalogue order.",
        "chooser_rule_same": "{full} points if the card gives the chosen answer.",
        "chooser_rule_near": "{full} points if the card gives the chosen answer, {half} point if "
        "it gives an answer next to it in the list.",
        "chooser_rule_at-most": "{full} points if the card gives the chosen answer or one before "
        "it in the list, {half} point if it gives the one just after it.",
        "chooser_rule_fits": "{full} points if the card gives the chosen answer or a compatible "
        "one, {half} point for a close one:",
        "chooser_rule_overlap": "{full} points if the card's range of participants meets the "
        "chosen band.",
        "chooser_points_one": "{points} point for {values}",
        "chooser_points_other": "{points} points for {values}",
        "chooser_points_separator": "; ",
        "chooser_points_answer": "Answer “{answer}”: {points}.",
        "yes": "Yes",
        "no": "No",
        "filters": "Filter the cards",
        "search": "Search (title, tagline, lists)",
        "reset": "Reset the filters",
        "results_one": "{shown} card of {total}",
        "results_other": "{shown} cards of {total}",
        "no_results": "No card matches these criteria.",
        "glossary_title": "Glossary of participation",
        "glossary_intro": "What the levels of participation and the ways of recruiting used by "
        "the cards, the catalogue and the questionnaire mean.",
        "glossary_link": "What do these terms mean? See the glossary",
        "glossary_question": "Definitions in the glossary",
        "not_found_title": "Page not found",
        "not_found_text": "No page is at this address: the card may have been renamed or "
        "removed. Search for what you wanted, or start again from one of the pages below.",
        "not_found_search": "Search the site",
        "not_found_search_button": "Search",
        "not_found_links": "Start again from",
        "not_found_home": "Home",
        "back_to_results": "Back to the results",
        "print_address": "Page online:",
        "filters_button": "Filters",
        "active_filters": "Filters applied:",
        "remove_filter": "Remove the filter {filter}",
        "text_filter": "Text “{text}”",
        "relax_intro": "Remove a criterion to widen the search:",
        "relax_one": "Without “{filter}”: {count} card",
        "relax_other": "Without “{filter}”: {count} cards",
        "copy_link": "Copy the link",
        "link_copied": "Link copied",
        "title_filters": "{filters} – {title}",
        "more_one": "Show {shown} more card",
        "more_other": "Show {shown} more cards",
        "view": "Display",
        "view_cards": "Cards",
        "view_table": "Table",
        "table_caption": "Comparison table of the cards",
        "in_progress_yes": "In progress",
        "in_progress_no": "Closed",
        "screenshot_alt": "Screenshot: {title}",
        "case_studies": "Case studies",
    },
}


def worded(name: str, kind: str) -> str:
    """The key of the interface word ``name`` of the comparison of ``kind`` cards: methods
    have the plain keys of the releases that compared only them, another kind its own
    (``compare_bar.outil``)."""
    return name if kind == METHOD or name not in KIND_WORDED else f"{name}.{kind}"


def default_labels(language: str) -> dict[str, str]:
    """Every word of the interface in ``language`` (French when unknown): its own, the kinds'
    and the fields' (``field.NAME``…), read from the model when called."""
    language = language if language in LABELS else "fr"
    return {**LABELS[language], **kind_words(language), **field_words(language)}


def interface_language(option: str | None, theme_language: str | None) -> str:
    """The language of the interface: the plugin's ``language`` option, else the theme's;
    French unless that is English."""
    language = option or theme_language or "fr"
    return language if language in LABELS else "fr"


def labels_for(language: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The interface words for ``language`` (French when unknown), with the site's overrides;
    an override that ``check_labels`` refuses gives way to the default word."""
    defaults = default_labels(language)
    usable = {
        name: text
        for name, text in (overrides or {}).items()
        if _misfit(text, defaults.get(name)) is None
    }
    return {**defaults, **usable}


def check_labels(language: str, overrides: dict[str, str], where: str) -> list[Problem]:
    """A problem for each override that ``labels_for`` sets aside (``where`` names the
    configuration file): a word the code fills in, whose default has ``{placeholders}``, must
    read as a format string that uses only those placeholders, each written ``{name}``. An
    override of a word the interface does not have is reported too (a field's words are
    ``field.NAME``)."""
    defaults = default_labels(language)
    problems = []
    for name, text in overrides.items():
        if name not in defaults:
            hint = f"write 'field.{name}'" if f"field.{name}" in defaults else None
            message = "no interface word has this key; it is not used"
            problems.append(
                Problem(where, message, None, f"labels.{name}", hint or suggest(name, defaults))
            )
        elif (misfit := _misfit(text, defaults.get(name))) is not None:
            wrong, suggestion = misfit
            message = f"{wrong}, the default label is used"
            problems.append(Problem(where, message, None, f"labels.{name}", suggestion))
    return problems


def _misfit(text: str, default: str | None) -> tuple[str, str] | None:
    """What makes ``text`` unusable in place of ``default``, with a suggestion; None when it
    fits. A word whose default has no placeholder is never filled in: any text fits."""
    expected = {name for _, name, _, _ in Formatter().parse(default or "") if name is not None}
    if not expected:
        return None
    try:
        fields = [field for field in Formatter().parse(text) if field[1] is not None]
    except ValueError:
        return "a '{' or '}' that is not part of a placeholder", "write a literal brace as {{ or }}"
    for _, name, spec, conversion in fields:
        if name not in expected:
            known = ", ".join(f"{{{known}}}" for known in sorted(expected))
            return f"unknown placeholder {{{name}}}", f"use only the placeholders {known}"
        if spec or conversion:
            return f"placeholder {{{name}}} has a format or conversion", f"write it {{{name}}}"
    return None


def vocabularies_for(
    language: str, overrides: dict[str, dict[str, str]] | None = None
) -> dict[str, dict[str, str]]:
    """The controlled vocabularies with their labels in ``language``, then the site's own."""
    translated = VOCABULARY_WORDS.get(language, {})
    overrides = overrides or {}
    return {
        name: {**values, **translated.get(name, {}), **(overrides.get(name) or {})}
        for name, values in VOCABULARIES.items()
    }
