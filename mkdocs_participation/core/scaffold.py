"""A new card to fill in: every key of its kind, each with a French comment saying what it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from slugify import slugify

from .model import CARDS, KINDS_BY_NAME, VOCABULARIES, Field, Type, fields_for

# How to write each type of value, told to the contributor next to the key.
_HOW = {
    Type.LIST: "une ligne « - … » par élément",
    Type.URL: "adresse commençant par https://",
    Type.CONTACT: "adresse électronique ou lien https://",
    Type.IMAGE: "nom du fichier image",
    Type.VIDEO: "adresse https:// de la vidéo",
    Type.INTEGER: "nombre entier",
    Type.NUMBER: "nombre",
    Type.BOOLEAN: "true ou false",
    Type.DETAILS: "lignes « - name: … » puis « content: … » ou « link: … »",
    Type.REFERENCES: "une ligne « - … » par titre ou nom de fichier",
    Type.BLOCK: "texte Markdown sur plusieurs lignes après « |- »",
}


class CardExists(Exception):
    """The card file is already there; nothing was written."""


def card_text(
    kind: str,
    title: str,
    vocabularies: dict[str, dict[str, str]] | None = None,
    today: dt.date | None = None,
) -> str:
    """The text of a new card of ``kind`` titled ``title``, ready to fill in."""
    vocabularies = vocabularies or VOCABULARIES
    lines = ["---"]
    for spec in fields_for(kind):
        if spec.type is Type.LEGACY:
            continue
        lines.append(f"# {_comment(spec, kind, vocabularies)}")
        lines.append(_line(spec, _initial(spec, kind, title, today or dt.date.today())))
    lines.append("---")
    lines.append("")
    for heading in KINDS_BY_NAME[kind].headings:
        lines.extend((f"## {heading}", "", "À compléter.", ""))
    return "\n".join(lines).rstrip("\n") + "\n"


MAX_FILE_STEM = 80


def new_card(
    docs_dir: Path,
    folder: str,
    kind: str,
    title: str,
    vocabularies: dict[str, dict[str, str]] | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write a new card under ``docs_dir/folder`` with a file name made from ``title``."""
    slug = slugify(title)
    if not slug:
        raise ValueError("the title must contain at least one letter or digit")
    if len(slug) > MAX_FILE_STEM:
        # A file name has at most 255 bytes: a long title keeps its first words.
        slug = slug[: MAX_FILE_STEM + 1].rsplit("-", 1)[0][:MAX_FILE_STEM].strip("-")
    path = docs_dir / folder / f"{slug}.md"
    if path.exists():
        raise CardExists(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:
        file.write(card_text(kind, title, vocabularies, today))
    return path


def _comment(spec: Field, kind: str, vocabularies: dict[str, dict[str, str]]) -> str:
    parts = [f"{spec.label} : {spec.help}"]
    if kind in spec.required:
        parts.append("Obligatoire.")
    if spec.vocabulary:
        values = ", ".join(vocabularies.get(spec.vocabulary, {}))
        many = "une ou plusieurs valeurs parmi" if spec.type is Type.CHOICES else "une valeur parmi"
        parts.append(f"({many} : {values})")
    elif spec.type in _HOW:
        parts.append(f"({_HOW[spec.type]})")
    return " ".join(parts)


def _initial(spec: Field, kind: str, title: str, today: dt.date) -> object:
    if spec.name == "title":
        return title
    if spec.name == "categorie" and kind in CARDS:
        return kind
    if spec.name == "date":
        return today
    return None


def _line(spec: Field, value: object) -> str:
    if value is None:
        return f"{spec.name}:"
    return yaml.safe_dump({spec.name: value}, allow_unicode=True, width=1_000_000).rstrip("\n")
