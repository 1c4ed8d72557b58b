"""The guided chooser "Quelle méthode pour mon projet ?": questions, points and ranking.

Each question asks for one structured attribute; its answers are the catalogue's own options for
that attribute (vocabulary values, or bands of participants). The rule is data: for every method,
question and answer, the points its card earns, computed here from card fields only. The page
documents that table, the methods' data file (core/guide_data.py) holds it, chooser.js adds up
the points of the answers given, and ``rank`` below is the same sum, for tests and any other
consumer.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from .cards import Card
from .cardset import CardSet
from .facets import NOT_PROVIDED, Faceting
from .json_text import members
from .memo import Keep, unkept
from .model import METHOD, Field, Rule, stand_in
from .model import questions as asked_fields
from .wording import Wording

FULL, HALF = 2, 1
# How many of the best-ranked methods the "compare" link opens.
COMPARE_TOP = 3


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: its value in URLs, its label, the catalogue filter that gives full points
    (comma-separated values, '' if none), what each card value earns (for the page) and what
    the value means, if its vocabulary says."""

    value: str
    label: str
    facet: str
    points_text: str
    definition: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    """A question on one card attribute, its answers and the rule it scores by."""

    name: str
    label: str
    prompt: str
    rule: Rule
    explanation: str
    answers: tuple[Answer, ...]
    full: int = FULL


@dataclass(frozen=True, slots=True)
class Fit:
    """A card's value for a question, written out ('' when not provided), and the points it
    earns for each answer (answers earning none are left out)."""

    text: str
    points: dict[str, int]


@dataclass(frozen=True, slots=True)
class Entry:
    """A method as the chooser ranks it, and ``data``, what chooser.js ranks it by (JSON
    members: ``"tagline"`` as sanitised HTML, ``"fits"``: {question: [text, {answer: points}]})."""

    slug: str
    title: str
    url: str
    tagline: Markup
    fits: dict[str, Fit]
    data: str


@dataclass(frozen=True, slots=True)
class Result:
    """A method's rank material for the answers given, with the reasons as sentences."""

    entry: Entry
    points: int
    maximum: int
    matches: tuple[str, ...]
    partial: tuple[str, ...]
    mismatches: tuple[str, ...]
    unknown: tuple[str, ...]


@dataclass(frozen=True)
class Chooser:
    """The questions, every method's fits, and the words and links of the chooser page."""

    questions: tuple[Question, ...]
    entries: tuple[Entry, ...]
    labels: dict[str, str]
    rule_intro: str
    catalogue_url: str | None
    compare_url: str | None
    full: int = FULL
    top: int = COMPARE_TOP


def build_chooser(
    cards: CardSet,
    wording: Wording,
    catalogue_url: str | None = None,
    catalogue_facets: Iterable[str] = (),
    compare_url: str | None = None,
    definitions: Mapping[str, Mapping[str, str]] | None = None,
    keep: Keep = unkept,
) -> Chooser:
    """The chooser over the methods of ``cards``: one question per field the model asks about.

    A question is asked only when at least one method answers it. Answers link to the catalogue
    at ``catalogue_url`` filtered on the attributes among ``catalogue_facets``, and carry the
    meaning ``definitions`` gives their value ({field: {value: definition}}).
    """
    definitions = definitions or {}
    labels = wording.labels
    methods = cards.of_kind(METHOD)
    asked = asked_fields()
    faceting = Faceting(cards, METHOD, [spec.name for spec in asked], wording, keep)
    filtered = set(catalogue_facets) if catalogue_url else set()
    questions: list[Question] = []
    tables: list[tuple[Field, dict[str, dict[str, int]]]] = []
    for spec, facet in zip(asked, faceting.facets(methods), strict=True):
        name, rule, weight = spec.name, spec.question.rule, spec.question.weight
        full, half = FULL * weight, HALF * weight
        options = [
            (option.key, option.label) for option in facet.options if option.key != NOT_PROVIDED
        ]
        if not options:
            continue
        vocabulary = wording.vocabularies.get(spec.vocabulary or "") or dict(options)
        table = {
            answer: {
                v: points * weight
                for v in vocabulary
                if (points := points_for(rule, answer, v, vocabulary, spec.vocabulary))
            }
            for answer, _ in options
        }
        answers = tuple(
            Answer(
                key,
                label,
                ",".join(v for v, points in table[key].items() if points == full)
                if name in filtered
                else "",
                _points_text(rule, vocabulary[key], table[key], vocabulary, labels, weight),
                definitions.get(name, {}).get(key, ""),
            )
            for key, label in options
        )
        questions.append(
            Question(
                name,
                faceting.label(spec),
                labels[f"question.{name}"],
                rule,
                labels[f"chooser_rule_{rule.value}"].format(full=full, half=half),
                answers,
                full,
            )
        )
        tables.append((spec, table))
    key = repr([(spec.name, table) for spec, table in tables])
    make = functools.partial(_entry, cards=cards, wording=wording, faceting=faceting, tables=tables)
    entries = tuple(keep("chooser", card, functools.partial(make, card), key) for card in methods)
    return Chooser(
        tuple(questions),
        entries,
        labels,
        labels["chooser_rule_intro"].format(full=FULL),
        catalogue_url,
        compare_url,
    )


def _entry(
    card: Card,
    cards: CardSet,
    wording: Wording,
    faceting: Faceting,
    tables: Iterable[tuple[Field, Mapping[str, Mapping[str, int]]]],
) -> Entry:
    """A method as the chooser ranks it: the points it earns for each answer of each question
    (``tables``: by question, the points of each value for each answer)."""
    fits: dict[str, Fit] = {}
    for spec, table in tables:
        keys = [c.key for c in faceting.choices(card, spec) if c.key != NOT_PROVIDED]
        earned = {
            answer: max((row.get(key, 0) for key in keys), default=0)
            for answer, row in table.items()
        }
        fits[spec.name] = Fit(
            wording.value(card, spec.name) if keys else "",
            {answer: points for answer, points in earned.items() if points},
        )
    tagline = wording.inline(card["tagline"] or "")
    data = {
        "tagline": str(tagline),
        "fits": {name: [fit.text, fit.points] for name, fit in fits.items()},
    }
    return Entry(
        card.slug, " ".join(card.title.split()), cards.url(card), tagline, fits, members(data)
    )


def rank(chooser: Chooser, answers: Mapping[str, str]) -> list[Result]:
    """The methods by points for ``answers`` ({question: answer}), fewest misfits first among
    equals, then in catalogue order. Unknown questions and answers are ignored."""
    given = [
        (question, answers[question.name])
        for question in chooser.questions
        if answers.get(question.name) in {a.value for a in question.answers}
    ]
    results = []
    for entry in chooser.entries:
        reasons: dict[str, list[str]] = {"match": [], "partial": [], "mismatch": [], "unknown": []}
        points = 0
        for question, answer in given:
            fit = entry.fits[question.name]
            earned = fit.points.get(answer, 0)
            points += earned
            verdict = (
                "unknown"
                if not fit.text
                else "match"
                if earned == question.full
                else "partial"
                if earned
                else "mismatch"
            )
            reason = (
                question.label
                if not fit.text
                else chooser.labels["chooser_reason"].format(
                    question=question.label, value=fit.text
                )
            )
            reasons[verdict].append(reason)
        results.append(
            Result(
                entry,
                points,
                sum(question.full for question, _ in given),
                tuple(reasons["match"]),
                tuple(reasons["partial"]),
                tuple(reasons["mismatch"]),
                tuple(reasons["unknown"]),
            )
        )
    return sorted(results, key=lambda result: (-result.points, len(result.mismatches)))


def points_for(
    rule: Rule, answer: str, value: str, vocabulary: dict[str, str], name: str | None = None
) -> int:
    """The points a card value earns for an answer under ``rule``: the one place a rule is
    scored (chooser.js only adds up these points). ``vocabulary`` gives the values' order,
    ``name`` the vocabulary whose stand-ins the FITS rule reads."""
    if rule is Rule.FITS:
        share = stand_in(name, answer, value)
        return FULL if share == 1 else HALF if share else 0
    if rule in (Rule.SAME, Rule.OVERLAP):
        return FULL if value == answer else 0
    order = list(vocabulary)
    gap = order.index(value) - order.index(answer)
    if rule is Rule.NEAR:
        gap = abs(gap)
    return FULL if gap <= 0 else HALF if gap == 1 else 0


def _points_text(
    rule: Rule,
    answer: str,
    row: dict[str, int],
    vocabulary: dict[str, str],
    labels: dict[str, str],
    weight: int = 1,
) -> str:
    """'Answer "Concerter": 2 points for Concerter; 1 point for Consulter, Co-construire.' for
    rules that give points to more than the answer itself; '' for the others."""
    if rule in (Rule.SAME, Rule.OVERLAP):
        return ""
    parts = []
    for points in (FULL * weight, HALF * weight):
        names = [vocabulary[v] for v, earned in row.items() if earned == points]
        if names:
            plural = "one" if points == 1 else "other"
            parts.append(
                labels[f"chooser_points_{plural}"].format(points=points, values=", ".join(names))
            )
    return labels["chooser_points_answer"].format(
        answer=answer, points=labels["chooser_points_separator"].join(parts)
    )
