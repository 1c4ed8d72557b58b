"""The fields reference page, written from the schema so that it cannot drift from validation."""

from __future__ import annotations

from .model import FIELDS, KINDS, Field, Type

# Where a page shows the reference of every field, in its Markdown.
FIELDS_MARKER = "<!-- participation:fields -->"

KIND_TITLES = {
    "methode": "Méthodes",
    "outil": "Outils",
    "exemple": "Exemples (études de cas)",
    "suivi": "Suivis de démarche",
}
TYPE_NAMES = {
    Type.TEXT: "texte",
    Type.LIST: "liste de textes",
    Type.URL: "lien https://",
    Type.CONTACT: "adresse électronique ou lien",
    Type.IMAGE: "fichier image",
    Type.VIDEO: "lien de vidéo",
    Type.DATE: "date AAAA-MM-JJ",
    Type.INTEGER: "nombre entier",
    Type.NUMBER: "nombre",
    Type.BOOLEAN: "true ou false",
    Type.DETAILS: "liste de lignes name / content / link",
    Type.CHOICE: "une valeur du vocabulaire",
    Type.CHOICES: "une ou plusieurs valeurs du vocabulaire",
    Type.RANGE: "{min: …, max: …}",
    Type.REFERENCES: "liste de titres ou de noms de fichier",
    Type.BLOCK: "texte Markdown",
    Type.LEGACY: "ignoré",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(field: Field, kind: str) -> str:
    key = f"`{field.name}`" + "".join(f"<br>(ou `{alias}`)" for alias in field.aliases)
    required = "oui" if kind in field.required else ""
    kind_of_value = TYPE_NAMES[field.type]
    if field.vocabulary:
        kind_of_value = f"[{kind_of_value}](#vocabulaire-{field.vocabulary})"
    return f"| {key} | {_cell(field.label)} | {kind_of_value} | {required} | {_cell(field.help)} |"


def fields_reference(vocabularies: dict[str, dict[str, str]]) -> str:
    """Markdown tables of every key by kind of card, then every controlled vocabulary."""
    parts: list[str] = []
    for kind in KINDS:
        parts += [
            f"## {KIND_TITLES[kind]} {{ #champs-{kind} }}",
            "",
            "| Clé | Libellé | Valeur attendue | Obligatoire | Description |",
            "| --- | --- | --- | --- | --- |",
            *(_row(field, kind) for field in FIELDS if field.applies_to(kind)),
            "",
        ]
    parts += ["## Vocabulaires contrôlés", ""]
    used = [field for field in FIELDS if field.vocabulary]
    for field in used:
        parts += [
            f"### {field.label} {{ #vocabulaire-{field.vocabulary} }}",
            "",
            f"Clé `{field.name}`. Valeurs admises (accents et majuscules indifférents) :",
            "",
            "| Valeur | Libellé affiché |",
            "| --- | --- |",
            *(
                f"| `{value}` | {_cell(label)} |"
                for value, label in vocabularies[field.vocabulary or ""].items()
            ),
            "",
        ]
    return "\n".join(parts)
