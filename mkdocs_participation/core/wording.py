"""How card values are written for people, in the site's language: the words of the interface,
the labels of the vocabularies, and short values rendered as inline HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .cards import Card, Range
from .dates import format_date
from .markup import InlineRenderer
from .model import FIELDS_BY_NAME, Field, Type


@dataclass(frozen=True)
class Wording:
    """The words of one site in one language, shared by every view of a build."""

    labels: dict[str, str]
    vocabularies: dict[str, dict[str, str]]
    language: str = "fr"
    inline: InlineRenderer = field(default_factory=InlineRenderer, compare=False)

    def field(self, spec: Field, kind: str | None = None) -> str:
        """The heading of ``spec`` on ``kind`` cards: that kind's own word, else the field's."""
        name = f"field.{spec.name}"
        return self.labels.get(f"{name}.{kind}") or self.labels[name]

    def heading(self, name: str, kind: str | None = None) -> str:
        """The heading of the field ``name`` (a key of the model)."""
        return self.field(FIELDS_BY_NAME[name], kind)

    def value(self, card: Card, name: str) -> str:
        """The value of ``card`` for the field ``name``, written out; '' when not given."""
        return self.text(FIELDS_BY_NAME[name], card[name])

    def text(self, spec: Field, value: Any) -> str:
        """``value`` of the field ``spec`` written out for people; '' for no value."""
        if value is None or value == [] or value == "":
            return ""
        if spec.type is Type.RANGE:
            return range_text(value, self.labels)
        if spec.type is Type.DATE:
            return format_date(value, self.language)
        if spec.type is Type.BOOLEAN:
            answer = "yes" if value else "no"
            return self.labels.get(f"{spec.name}_{answer}", self.labels[answer])
        if spec.type in (Type.CHOICE, Type.CHOICES):
            vocabulary = self.vocabularies.get(spec.vocabulary or "", {})
            values = value if isinstance(value, list) else [value]
            return ", ".join(vocabulary.get(v, v) for v in values)
        if isinstance(value, list):
            return ", ".join(map(str, value))
        if isinstance(value, float):
            return str(value).replace(".", "," if self.language == "fr" else ".")
        return str(value)


def range_text(value: Range, labels: dict[str, str]) -> str:
    """A range of participants written out: '15 à 40 personnes', 'jusqu’à 19 personnes'…"""
    low, high = (
        None if n is None else f"{n:,}".replace(",", labels["thousands"])
        for n in (value.min, value.max)
    )
    if low is not None and high is not None:
        if value.min == value.max:
            return labels["participants_exact"].format(min=low)
        return labels["participants_range"].format(min=low, max=high)
    if low is not None:
        return labels["participants_min"].format(min=low)
    return labels["participants_max"].format(max=high)
