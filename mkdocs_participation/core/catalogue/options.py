"""What a site asks of its catalogues: their generated pages, facets and table columns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..cards import suggest
from ..facets import FACET_TYPES
from ..model import DEFAULT_CATALOGUES, FIELDS_BY_NAME, KINDS, Type, default_columns, default_facets
from ..problems import Problem
from .slots import marker

TITLE = "title"
# The catalogue pages generated unless the site says otherwise (see config.py); the facets
# and columns of a kind the site does not set come from the model when the options are read.
DEFAULT_PAGES = DEFAULT_CATALOGUES


def page_path(url: str) -> str:
    """The docs path of the catalogue page at ``url``: 'methodes/' gives 'methodes/index.md'."""
    url = url.strip().strip("/")
    return url if url.endswith(".md") else str(PurePosixPath(url, "index.md"))


def page_markdown(kind: str, title: str) -> str:
    """The Markdown of a generated catalogue page."""
    return f"# {title}\n\n{marker(kind)}\n"


@dataclass(frozen=True, slots=True)
class Options:
    """What the site asks of catalogues: their generated pages, facets and table columns."""

    pages: dict[str, str]
    facets: dict[str, list[str]]
    columns: dict[str, list[str]]


def read_options(
    pages: dict[str, str], facets: dict[str, list[str]], columns: dict[str, list[str]], where: str
) -> tuple[Options, list[Problem]]:
    """The catalogue options of a site over the defaults, kind by kind, and what is wrong in
    them (``where`` names the configuration file)."""
    problems: list[Problem] = []
    wanted = {kind: url for kind, url in {**DEFAULT_PAGES, **pages}.items() if url.strip()}
    for kind in wanted:
        if kind not in KINDS:
            problems.append(unknown_kind(where, kind, key="catalogues"))
    options = Options(
        {kind: page_path(url) for kind, url in wanted.items() if kind in KINDS}, {}, {}
    )
    for key, given, defaults, target in (
        ("facets", facets, default_facets, options.facets),
        ("columns", columns, default_columns, options.columns),
    ):
        for kind, names in {**{kind: defaults(kind) for kind in DEFAULT_PAGES}, **given}.items():
            target[kind], found = check_keys(
                kind, names, where, f"catalogues.{kind}.{key}", columns=key == "columns"
            )
            problems.extend(found)
    return options, problems


def check_keys(
    kind: str, names: Iterable[str], where: str, key: str, *, columns: bool = False
) -> tuple[list[str], list[Problem]]:
    """The usable card keys among ``names`` for facets (or table ``columns``, always with the
    title) of ``kind`` cards, and a problem for each one left out (located at option ``key``)."""
    if kind not in KINDS:
        return [], [unknown_kind(where, kind, key=key)]
    types = FACET_TYPES | {Type.DATE} if columns else FACET_TYPES
    allowed = [
        spec.name
        for spec in FIELDS_BY_NAME.values()
        if spec.applies_to(kind) and spec.type in types
    ]
    if columns:
        allowed.insert(0, TITLE)
    kept, problems = [], []
    for name in names:
        if name in allowed:
            kept.append(name)
            continue
        use = "a table column" if columns else "a facet"
        problems.append(
            Problem(
                where,
                f"'{name}' cannot be {use} of {kind} cards",
                None,
                key,
                suggest(name, allowed),
            )
        )
    if columns and TITLE not in kept:
        kept.insert(0, TITLE)
    return list(dict.fromkeys(kept)), problems


def unknown_kind(where: str, kind: str, line: int | None = None, key: str | None = None) -> Problem:
    """The problem of a catalogue asked for a kind of card that does not exist."""
    return Problem(
        where,
        f"unknown kind of card '{kind}'",
        line,
        key,
        suggest(kind, KINDS) or "one of: " + ", ".join(KINDS),
    )
