"""The fields reference page, written from the schema so that it cannot drift from validation."""

from __future__ import annotations

from .model import KIND_TABLE, Field, Role, Type, all_fields

# Where a page shows the reference of every field, in its Markdown.
FIELDS_MARKER = "<!-- participation:fields -->"

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


ROLE_NAMES = {
    Role.HEADER: "en-tête",
    Role.FACT: "en bref",
    Role.LIST: "liste",
    Role.OFFER: "offre",
    Role.LINKS: "liens vers les fiches",
    Role.TABLE: "tableau",
    Role.BUTTON: "bouton",
    Role.BLOCK: "section",
    Role.MEDIA: "média",
    Role.DATELINE: "date de publication",
    Role.HIDDEN: "non affiché",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _row(field: Field, kind: str) -> str:
    key = f"`{field.name}`" + "".join(f"<br>(ou `{alias}`)" for alias in field.aliases)
    required = "oui" if kind in field.required else ""
    kind_of_value = TYPE_NAMES[field.type]
    if field.vocabulary:
        kind_of_value = f"[{kind_of_value}](#vocabulaire-{field.vocabulary})"
    shown = _cell(_shown(field, kind))
    return (
        f"| {key} | {_cell(field.label)} | {kind_of_value} | {required} | {shown} "
        f"| {_cell(field.help)} |"
    )


def _shown(field: Field, kind: str) -> str:
    """Where the field shows, then what else uses it: "en bref ; filtre, colonne"."""
    use = field.use(kind)
    where = ROLE_NAMES[use.role] + (f" ({use.reason})" if use.reason else "")
    uses = [
        name
        for name, used in (
            ("filtre", use.facet),
            ("colonne", use.column),
            ("comparé", use.compare),
            ("question du guide", field.question is not None and kind == "methode"),
            ("recherche", field.search > 1),
        )
        if used
    ]
    return where + (" ; " + ", ".join(uses) if uses else "")


def fields_reference(vocabularies: dict[str, dict[str, str]]) -> str:
    """Markdown tables of every key by kind of card, then every controlled vocabulary."""
    parts: list[str] = []
    for kind in KIND_TABLE:
        parts += [
            f"## {kind.words['fr'][2]} {{ #champs-{kind.name} }}",
            "",
            "| Clé | Libellé | Valeur attendue | Obligatoire | Sur la page | Description |",
            "| --- | --- | --- | --- | --- | --- |",
            *(_row(field, kind.name) for field in all_fields() if field.applies_to(kind.name)),
            "",
        ]
    parts += ["## Vocabulaires contrôlés", ""]
    used = [field for field in all_fields() if field.vocabulary]
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
