"""The model drives every view: each field a card can carry shows on its page (or is declared
hidden with a reason), and a field added to a copy of the model reaches every view."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from mkdocs_participation.core import exports
from mkdocs_participation.core.model import (
    FIELDS_BY_NAME,
    KIND_TABLE,
    METHOD,
    VOCABULARIES,
    Field,
    Question,
    Role,
    Rule,
    Type,
    Use,
    fields_for,
    vocabularies,
)
from mkdocs_participation.core.model import fields as model

from .sites import ROOT, card

PICTURE = (ROOT / "docs/images/groupetable.png").read_bytes()
# The title of one complete card of each kind, which the others name.
TITLES = {kind.name: f"Fiche complète {kind.name}" for kind in KIND_TABLE}


def value(spec: Field, kind: str) -> tuple[object, str]:
    """A value of ``spec`` for a card of ``kind``, and a text its page must then show."""
    token = f"valeur-{spec.name}"
    if spec.type in (Type.TEXT, Type.BLOCK):
        return token, token
    if spec.type is Type.LIST:
        return [token], token
    if spec.type is Type.URL:
        return f"https://example.org/{token}", f"https://example.org/{token}"
    if spec.type is Type.CONTACT:
        return f"{token}@example.org", f"{token}@example.org"
    if spec.type is Type.IMAGE:
        return "groupetable.png", "groupetable.png"
    if spec.type is Type.VIDEO:
        return "https://www.youtube.com/watch?v=abcdefghijk", "abcdefghijk"
    if spec.type is Type.DATE:
        return "2024-05-31", "31 mai 2024"
    if spec.type is Type.NUMBER:
        return 7.5, "7,5"
    if spec.type is Type.BOOLEAN:
        return True, "En cours"
    if spec.type is Type.DETAILS:
        return [{"name": f"ligne-{spec.name}", "content": token}], token
    if spec.type is Type.RANGE:
        return {"min": 12, "max": 34}, "12 à 34 personnes"
    if spec.type is Type.REFERENCES:
        target = f"{TITLES[spec.target]} cible"
        return [target], target
    if spec.name == "categorie":
        return kind, VOCABULARIES["categorie"][kind]
    first, label = next(iter(VOCABULARIES[spec.vocabulary].items()))
    return ([first] if spec.type is Type.CHOICES else first), label


def complete_card(kind: str) -> tuple[str, dict[str, str]]:
    """A card of ``kind`` giving every field, and the text each shown field puts on its page."""
    front, expected = {}, {}
    for spec in fields_for(kind):
        if spec.type is Type.LEGACY or spec.name == "ordre":
            continue
        front[spec.name], expected[spec.name] = value(spec, kind)
    front["title"] = expected["title"] = TITLES[kind]
    return json.dumps(front, ensure_ascii=False), expected


def test_every_field_of_every_kind_is_shown_or_hidden_with_a_reason(site):
    docs: dict[str, str | bytes] = {"images/groupetable.png": PICTURE}
    expected = {}
    for kind in KIND_TABLE:
        front, expected[kind.name] = complete_card(kind.name)
        docs[f"{kind.folder}/complete.md"] = card(front)
        # The cards the references name, one per kind.
        docs[f"{kind.folder}/cible.md"] = card(f"title: {TITLES[kind.name]} cible\ntagline: x")
    folders = {kind.folder: kind.name for kind in KIND_TABLE}
    built = site(docs, plugin={"folders": folders})
    assert built.ok, built.problems
    missing = []
    for kind in KIND_TABLE:
        page = built.html(f"{kind.folder}/complete/")
        for spec in fields_for(kind.name):
            use = spec.use(kind.name)
            if use.role is Role.HIDDEN:
                assert use.reason, f"{kind.name}.{spec.name} is hidden without a reason"
            elif spec.name in expected[kind.name] and expected[kind.name][spec.name] not in page:
                missing.append(f"{kind.name}.{spec.name}")
    assert missing == []


EXTRA = Field(
    "accessibilite",
    Type.CHOICE,
    {METHOD: Use(Role.FACT, compare=True, facet=True, column=True, always=True)},
    ("Accessibilité du lieu", "Accessibility of the venue"),
    "Si le lieu de la démarche est accessible aux personnes en fauteuil.",
    vocabulary="accessibilite",
    question=Question(Rule.SAME, ("Le lieu doit-il être accessible ?", "Must it be accessible?")),
)


@pytest.fixture
def extended_model(monkeypatch):
    """A copy of the model with one more field and its vocabulary, in French and English."""
    monkeypatch.setattr(model, "FIELDS", (*model.FIELDS, EXTRA))
    monkeypatch.setitem(FIELDS_BY_NAME, EXTRA.name, EXTRA)
    monkeypatch.setitem(VOCABULARIES, "accessibilite", {"oui": "Accessible", "non": "Non"})
    english = vocabularies.VOCABULARY_WORDS["en"]
    monkeypatch.setitem(english, "accessibilite", {"oui": "Accessible", "non": "No"})
    fields_for.cache_clear()
    exports._references.cache_clear()
    yield
    fields_for.cache_clear()
    exports._references.cache_clear()


def test_a_field_added_to_the_model_reaches_every_view(site, extended_model):
    built = site(
        {
            "methodes/a.md": card("title: Atelier A\ntagline: x\naccessibilite: oui"),
            "methodes/b.md": card("title: Atelier B\ntagline: y\naccessibilite: non"),
            "champs.md": "# Champs\n\n<!-- participation:fields -->\n",
        }
    )
    assert built.ok, built.problems
    page = built.html("methodes/a/")
    assert "<dt>Accessibilité du lieu</dt>" in page and "<dd>Accessible</dd>" in page
    catalogue = built.html("methodes/")
    assert "accessibilite=oui" in catalogue  # a facet option on the card
    assert 'data-column="accessibilite"' in catalogue  # a table column
    assert re.search(r"<dt>Accessibilité du lieu</dt><dd[^>]*>Accessible</dd>", catalogue)
    assert 'data-row="accessibilite"' in built.html("comparer/")
    assert 'data-question="accessibilite"' in built.html("choisir/")
    assert "Le lieu doit-il être accessible ?" in built.html("choisir/")
    records = json.loads((built.site_dir / "donnees/fiches.json").read_text("utf-8"))["fiches"]
    assert {r["fields"]["accessibilite"] for r in records} == {"oui", "non"}
    table = (built.site_dir / "donnees/fiches.csv").read_text("utf-8-sig")
    assert "accessibilite" in next(csv.reader(io.StringIO(table), delimiter=";"))
    schema = json.loads((built.site_dir / "donnees/fiche.schema.json").read_text("utf-8"))
    assert schema["properties"]["accessibilite"]["enum"] == ["oui", "non", None]
    assert "<code>accessibilite</code>" in built.html("champs/")
