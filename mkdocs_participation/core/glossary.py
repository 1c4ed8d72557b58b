"""The glossary page: what the values of the vocabularies that have definitions mean.

The same definitions are shown beside the chooser's answers; method pages and the chooser's
questions link to the glossary's entries, whose anchors are the vocabulary values.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import FIELDS_BY_NAME
from .wording import Wording


@dataclass(frozen=True, slots=True)
class Term:
    """One vocabulary value: its anchor on the page, its label and what it means."""

    anchor: str
    label: str
    definition: str


@dataclass(frozen=True, slots=True)
class Group:
    """The defined values of one field, under the field's label."""

    name: str
    label: str
    terms: tuple[Term, ...]


def build_glossary(definitions: dict[str, dict[str, str]], wording: Wording) -> tuple[Group, ...]:
    """A group per field whose vocabulary has definitions, its values in vocabulary order, under
    the field's heading."""
    groups = []
    for name, meanings in definitions.items():
        spec = FIELDS_BY_NAME[name]
        words = wording.vocabularies.get(spec.vocabulary or name, {})
        terms = tuple(
            Term(f"{name}-{value}", label, meanings[value])
            for value, label in words.items()
            if value in meanings
        )
        if terms:
            groups.append(Group(name, wording.heading(name), terms))
    return tuple(groups)
