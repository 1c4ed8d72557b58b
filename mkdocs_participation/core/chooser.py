"""The guided chooser "Quelle méthode pour mon projet ?": questions, points and ranking.

Each question asks for one structured attribute; its answers are the catalogue's own options for
that attribute (vocabulary values, or bands of participants). The rule is data: for every method,
question and answer, the points its card earns, computed here from card fields only. The page
documents that table and holds it as JSON; chooser.js adds up the points of the answers given,
and ``rank`` below is the same sum, for tests and any other consumer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from markupsafe import Markup

from .facets import NOT_PROVIDED, Faceting
from .model import FIELDS_BY_NAME, METHOD
from .views import ViewBuilder

CHOOSER_TEMPLATE = "participation/chooser.html"
FULL, HALF = 2, 1
# How many of the best-ranked methods the "compare" link opens.
COMPARE_TOP = 3


class Rule(StrEnum):
    """How a card's value earns points for an answer."""

    SAME = "same"  # the card gives the answer
    NEAR = "near"  # the answer; half for the value next to it in the vocabulary
    AT_MOST = "at-most"  # the answer or a lower value; half for the value just above
    FITS = "fits"  # the answer or a value listed as compatible in COMPATIBLE
    OVERLAP = "overlap"  # the card's range of participants meets the chosen band


QUESTIONS: tuple[tuple[str, Rule], ...] = (
    ("niveau", Rule.NEAR),
    ("echelle", Rule.SAME),
    ("participants", Rule.OVERLAP),
    ("duree", Rule.AT_MOST),
    ("cout", Rule.AT_MOST),
    ("format", Rule.FITS),
)
# Points a format earns besides the same value: a hybrid method suits both ways of meeting, and
# who wants hybrid gets half with a method that offers one of the two.
COMPATIBLE: dict[str, dict[str, int]] = {
    "presentiel": {"hybride": FULL},
    "en-ligne": {"hybride": FULL},
    "hybride": {"presentiel": HALF, "en-ligne": HALF},
}


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: its value in URLs, its label, the catalogue filter that gives full points
    (comma-separated values, '' if none) and what each card value earns (for the page)."""

    value: str
    label: str
    facet: str
    points_text: str


@dataclass(frozen=True, slots=True)
class Question:
    """A question on one card attribute, its answers and the rule it scores by."""

    name: str
    label: str
    prompt: str
    rule: Rule
    explanation: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True, slots=True)
class Fit:
    """A card's value for a question, written out ('' when not provided), and the points it
    earns for each answer (answers earning none are left out)."""

    text: str
    points: dict[str, int]


@dataclass(frozen=True, slots=True)
class Entry:
    """A method as the chooser ranks it."""

    slug: str
    title: str
    url: str
    tagline: Markup
    fits: dict[str, Fit]


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

    @property
    def entries_json(self) -> str:
        """The methods as chooser.js ranks them, for a data attribute: [{slug, title, url,
        tagline (sanitised HTML), fits: {question: [text, {answer: points}]}}]."""
        return json.dumps(
            [
                {
                    "slug": entry.slug,
                    "title": entry.title,
                    "url": entry.url,
                    "tagline": str(entry.tagline),
                    "fits": {name: [fit.text, fit.points] for name, fit in entry.fits.items()},
                }
                for entry in self.entries
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )


def build_chooser(
    views: ViewBuilder,
    catalogue_url: str | None = None,
    catalogue_facets: Iterable[str] = (),
    compare_url: str | None = None,
) -> Chooser:
    """The chooser over the methods of the catalogue of ``views``.

    A question is asked only when at least one method answers it. Answers link to the catalogue
    at ``catalogue_url`` filtered on the attributes among ``catalogue_facets``.
    """
    labels = views.labels
    methods = views.card_set.of_kind(METHOD)
    faceting = Faceting(views.card_set, [name for name, _ in QUESTIONS], views.vocabularies, labels)
    filtered = set(catalogue_facets) if catalogue_url else set()
    questions: list[Question] = []
    fits: dict[str, dict[str, Fit]] = {card.path: {} for card in methods}
    for (name, rule), facet in zip(QUESTIONS, faceting.facets(methods), strict=True):
        spec = FIELDS_BY_NAME[name]
        options = [
            (option.key, option.label) for option in facet.options if option.key != NOT_PROVIDED
        ]
        if not options:
            continue
        vocabulary = views.vocabularies.get(spec.vocabulary or "") or dict(options)
        table = {
            answer: {
                v: points for v in vocabulary if (points := _points(rule, answer, v, vocabulary))
            }
            for answer, _ in options
        }
        answers = tuple(
            Answer(
                key,
                label,
                ",".join(v for v, points in table[key].items() if points == FULL)
                if name in filtered
                else "",
                _points_text(rule, vocabulary[key], table[key], vocabulary, labels),
            )
            for key, label in options
        )
        questions.append(
            Question(
                name,
                faceting.label(spec),
                labels[f"chooser_q_{name}"],
                rule,
                labels[f"chooser_rule_{rule.value}"].format(full=FULL, half=HALF),
                answers,
            )
        )
        for card in methods:
            keys = [c.key for c in faceting.choices(card, spec) if c.key != NOT_PROVIDED]
            earned = {
                answer: max((row.get(key, 0) for key in keys), default=0)
                for answer, row in table.items()
            }
            fits[card.path][name] = Fit(
                views.fact_text(card, name) if keys else "",
                {answer: points for answer, points in earned.items() if points},
            )
    entries = tuple(
        Entry(
            card.slug,
            " ".join(card.title.split()),
            views.card_set.url(card),
            views.inline(card["tagline"] or ""),
            fits[card.path],
        )
        for card in methods
    )
    return Chooser(
        tuple(questions),
        entries,
        labels,
        labels["chooser_rule_intro"].format(full=FULL),
        catalogue_url,
        compare_url,
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
                if earned == FULL
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
                FULL * len(given),
                tuple(reasons["match"]),
                tuple(reasons["partial"]),
                tuple(reasons["mismatch"]),
                tuple(reasons["unknown"]),
            )
        )
    return sorted(results, key=lambda result: (-result.points, len(result.mismatches)))


def _points(rule: Rule, answer: str, value: str, vocabulary: dict[str, str]) -> int:
    """The points a card value earns for an answer; ``vocabulary`` gives the values' order."""
    if rule is Rule.FITS:
        return FULL if value == answer else COMPATIBLE.get(answer, {}).get(value, 0)
    if rule in (Rule.SAME, Rule.OVERLAP):
        return FULL if value == answer else 0
    order = list(vocabulary)
    gap = order.index(value) - order.index(answer)
    if rule is Rule.NEAR:
        gap = abs(gap)
    return FULL if gap <= 0 else HALF if gap == 1 else 0


def _points_text(
    rule: Rule, answer: str, row: dict[str, int], vocabulary: dict[str, str], labels: dict[str, str]
) -> str:
    """'Answer "Concerter": 2 points for Concerter; 1 point for Consulter, Co-construire.' for
    rules that give points to more than the answer itself; '' for the others."""
    if rule in (Rule.SAME, Rule.OVERLAP):
        return ""
    parts = []
    for points in (FULL, HALF):
        names = [vocabulary[v] for v, earned in row.items() if earned == points]
        if names:
            plural = "one" if points == 1 else "other"
            parts.append(
                labels[f"chooser_points_{plural}"].format(points=points, values=", ".join(names))
            )
    return labels["chooser_points_answer"].format(
        answer=answer, points=labels["chooser_points_separator"].join(parts)
    )
