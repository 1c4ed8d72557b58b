"""Build a card from its source: pick its kind, check every value against the schema, normalise."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .body import hazard_problem, markdown_hazard, refused_links, refused_url_problem
from .dates import parse_date
from .keys import search_key, slug
from .markup import plain_title
from .model import ALIASES, FIELDS_BY_NAME, KINDS, VOCABULARIES, Field, Type, fields_for
from .page_meta import PAGE_KEYS, page_meta
from .problems import Problem, Severity, clip
from .source import Source, decode_card, read_source
from .urls import is_safe_url, url_error
from .video import Video, parse_video

# Whole numbers are written in ASCII digits, with at most one sign; beyond MAX_INTEGER a rank
# or a count means a typing slip (and loses precision in the scripts that read the exports).
_INTEGER = re.compile(r"[+-]?[0-9]+")
MAX_INTEGER, _DIGITS = 10**9, 12


@dataclass(frozen=True, slots=True)
class Detail:
    """One row of a tool's technical details or a case study's key figures."""

    name: str
    content: str
    link: str | None = None


@dataclass(frozen=True, slots=True)
class Range:
    """A range of whole numbers, such as the usual number of participants."""

    min: int | None
    max: int | None


@dataclass(frozen=True)
class Settings:
    """What the site configures about cards: vocabularies and the video hosts it allows."""

    vocabularies: dict[str, dict[str, str]] = field(default_factory=lambda: VOCABULARIES)
    video_hosts: frozenset[str] = frozenset()


@dataclass
class Card:
    """A card with every value checked and normalised; ``values`` holds every field of its kind."""

    path: str
    kind: str
    slug: str
    title: str
    values: dict[str, Any]
    body: str
    source: Source
    problems: list[Problem] = field(default_factory=list)
    # What the card's page keeps in its metadata for the theme and other plugins (page_meta.py).
    meta: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.values.get(name)

    @functools.cached_property
    def order(self) -> tuple[int, str]:
        """Sort key: ``ordre`` first (cards without it last), then the title."""
        rank = self.values.get("ordre")
        return (rank if isinstance(rank, int) else 1_000_000, search_key(self.title))


def slug_of(path: str) -> str:
    """The stable slug of a card: its file name, lower-case, without accents or spaces."""
    return slug(PurePosixPath(path).stem) or "fiche"


def build_card(source: Source, default_kind: str, settings: Settings | None = None) -> Card:
    """Check ``source`` against the schema; every problem is recorded, nothing is dropped."""
    settings = settings or Settings()
    builder = _Builder(source, settings)
    kind = builder.kind(default_kind)
    values = builder.values(kind)
    title = values.get("title") or PurePosixPath(source.path).stem
    if (hazard := markdown_hazard(source.body)) is not None:
        builder.problems.append(hazard_problem(source.path, source.body_line + hazard))
    if (nul := source.body.find("\x00")) >= 0:
        builder.problems.append(
            Problem(
                source.path,
                "a NUL character (U+0000) in the body; it is not shown",
                source.body_line + source.body.count("\n", 0, nul),
                suggestion="remove it: an editor can show it as ^@ or \\0",
            )
        )
    for line, url, error in refused_links(source.body):
        builder.problems.append(
            refused_url_problem(source.path, source.body_line + line, url, error)
        )
    meta, meta_problems = page_meta(source, plain_title(title))
    return Card(
        path=source.path,
        kind=kind,
        slug=slug_of(source.path),
        title=title,
        values=values,
        body=source.body,
        source=source,
        problems=[*source.problems, *builder.problems, *meta_problems],
        meta=meta,
    )


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """'did you mean …' for a mistyped key or value."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


class _Builder:
    def __init__(self, source: Source, settings: Settings) -> None:
        self.source = source
        self.settings = settings
        self.problems: list[Problem] = []

    def report(
        self,
        key: str | None,
        message: str,
        *,
        index: int | None = None,
        suggestion: str | None = None,
        severity: Severity = Severity.WARNING,
    ) -> None:
        line = self.source.line_of(key, index) if key else None
        self.problems.append(Problem(self.source.path, message, line, key, suggestion, severity))

    def kind(self, default_kind: str) -> str:
        """``categorie`` decides when it names a kind; a wrong value is reported with the rest."""
        declared = slug(str(self.source.data.get("categorie") or ""))
        return declared if declared in KINDS else default_kind

    def values(self, kind: str) -> dict[str, Any]:
        allowed = {field.name: field for field in fields_for(kind)}
        values: dict[str, Any] = {name: _EMPTY[f.type]() for name, f in allowed.items()}
        given_by: dict[str, str] = {}
        for key, raw in self.source.data.items():
            name = ALIASES.get(key, key)
            spec = allowed.get(name)
            if spec is None and key in PAGE_KEYS:
                continue
            if spec is None:
                self._unknown(key, kind, allowed)
                continue
            if raw is None or raw == "" or raw == [] or raw == {}:
                continue
            if name != key:
                self._adopt_lines(key, name)
            try:
                checked = self.check(key, spec, raw)
            except Exception as error:  # any failure is this value's problem
                self.report(
                    key,
                    f"this value cannot be read ({type(error).__name__}: {clip(str(error))}); "
                    "it is left out",
                    suggestion="write it as the fields page shows",
                    severity=Severity.ERROR,
                )
                continue
            if checked is None:
                continue
            if name in given_by:
                self.report(
                    key,
                    f"'{key}' and '{given_by[name]}' both give '{name}'",
                    suggestion=f"merge them under '{name}'",
                )
                if isinstance(checked, list):
                    checked = values[name] + checked
            given_by[name] = key
            values[name] = checked
        unreadable = any(p.severity is Severity.ERROR for p in self.source.problems)
        for spec in allowed.values():
            if kind in spec.required and not values.get(spec.name) and not unreadable:
                self.report(
                    None if spec.name not in self.source.key_lines else spec.name,
                    f"missing required key '{spec.name}'",
                    suggestion=f"add a line '{spec.name}: …'",
                )
        return values

    def _adopt_lines(self, alias: str, name: str) -> None:
        """Problems found later under the field's name point at the line of the older key."""
        self.source.key_lines.setdefault(name, self.source.key_lines.get(alias, 0))
        for (key, index), line in list(self.source.item_lines.items()):
            if key == alias:
                self.source.item_lines.setdefault((name, index), line)

    def _unknown(self, key: str, kind: str, allowed: dict[str, Field]) -> None:
        if key in FIELDS_BY_NAME or key in ALIASES:
            self.report(key, f"key not used on a card of kind '{kind}'; it is not shown")
            return
        self.report(
            key, "unknown key; it is not shown", suggestion=suggest(key, [*allowed, *ALIASES])
        )

    def check(self, key: str, spec: Field, raw: Any) -> Any:
        return getattr(self, f"_check_{spec.type.value}")(key, spec, raw)

    def _text(self, key: str, raw: Any, index: int | None = None) -> str | None:
        if isinstance(raw, bool) or not isinstance(raw, str | int | float | dt.date):
            if isinstance(raw, dict) and len(raw) == 1:
                label, text = next(iter(raw.items()))
                self.report(
                    key,
                    "an item was read as 'label: text'",
                    index=index,
                    suggestion="put the whole item in double quotes",
                )
                return f"{label} : {text}" if text is not None else str(label)
            self.report(key, f"expected text, got {_describe(raw)}", index=index)
            return None
        text = str(raw).strip()
        for _, url, error in refused_links(text):
            line = self.source.line_of(key, index)
            self.problems.append(refused_url_problem(self.source.path, line, url, error, key))
        return text or None

    def _check_text(self, key: str, spec: Field, raw: Any) -> str | None:
        return self._text(key, raw)

    def _check_block(self, key: str, spec: Field, raw: Any) -> str | None:
        text = self._text(key, raw)
        if text is not None and markdown_hazard(text) is not None:
            self.problems.append(hazard_problem(self.source.path, self.source.line_of(key), key))
        return text

    def _check_legacy(self, key: str, spec: Field, raw: Any) -> Any:
        return raw

    def _check_list(self, key: str, spec: Field, raw: Any) -> list[str]:
        if not isinstance(raw, list):
            self.report(
                key,
                f"expected a list, got {_describe(raw)}",
                suggestion="write each item on its own line starting with '- '",
            )
            raw = [raw]
        items = (self._text(key, item, index) for index, item in enumerate(raw))
        return [item for item in items if item]

    def _refused(self, key: str, url: str) -> bool:
        """Report an address Python's URL parser refuses; True when it does."""
        error = url_error(url)
        if error is not None:
            line = self.source.line_of(key)
            self.problems.append(
                refused_url_problem(self.source.path, line, url, error, key, Severity.ERROR)
            )
        return error is not None

    def _check_url(self, key: str, spec: Field, raw: Any) -> str | None:
        url = self._text(key, raw)
        if url is None or self._refused(key, url):
            return None
        if not is_safe_url(url) or url.lower().startswith("mailto:"):
            self.report(
                key,
                f"unsafe or unsupported link '{clip(url)}'; it is not shown",
                suggestion="use an address starting with https://",
                severity=Severity.ERROR,
            )
            return None
        return url

    def _check_contact(self, key: str, spec: Field, raw: Any) -> str | None:
        contact = self._text(key, raw)
        if contact is None or self._refused(key, contact):
            return None
        if "@" in contact and ":" not in contact and " " not in contact:
            return f"mailto:{contact}"
        if is_safe_url(contact) and ":" in contact:
            return contact
        self.report(
            key,
            f"not an e-mail address or a link: '{clip(contact)}'",
            suggestion="write an e-mail address or an https:// link",
            severity=Severity.ERROR,
        )
        return None

    def _check_image(self, key: str, spec: Field, raw: Any) -> str | None:
        image = self._text(key, raw)
        if image is None or self._refused(key, image):
            return None
        if not is_safe_url(image):
            self.report(
                key,
                f"unsafe image address '{clip(image)}'; it is not shown",
                severity=Severity.ERROR,
            )
            return None
        return image

    def _check_video(self, key: str, spec: Field, raw: Any) -> Video | None:
        url = self._text(key, raw)
        if url is None or self._refused(key, url):
            return None
        video = parse_video(url, self.settings.video_hosts)
        if video is None:
            self.report(
                key,
                f"video host not supported: '{clip(url)}'; the video is not shown",
                suggestion="use a Dailymotion, YouTube or Vimeo address, or allow the host "
                "in the plugin's video_hosts option",
            )
        return video

    def _check_date(self, key: str, spec: Field, raw: Any) -> dt.date | None:
        date = parse_date(raw)
        if date is None:
            self.report(key, f"not a date: '{clip(str(raw))}'", suggestion="write it as 2024-05-31")
        return date

    def _check_integer(self, key: str, spec: Field, raw: Any) -> int | None:
        if isinstance(raw, str) and _INTEGER.fullmatch(raw.strip()):
            raw = raw.strip()
            # int() refuses thousands of digits: the range check comes first.
            raw = int(raw) if len(raw.lstrip("+-")) <= _DIGITS else raw
            if isinstance(raw, str):
                self._out_of_range(key, raw)
                return None
        if not isinstance(raw, int) or isinstance(raw, bool):
            digits = isinstance(raw, str) and raw.strip().lstrip("+-").isdigit()
            self.report(
                key,
                f"expected a whole number, got {_describe(raw)}",
                suggestion="write it in digits 0 to 9, such as 12" if digits else None,
            )
            return None
        return raw if abs(raw) <= MAX_INTEGER else self._out_of_range(key, str(raw))

    def _check_number(self, key: str, spec: Field, raw: Any) -> float | int | None:
        if not isinstance(raw, int | float) or isinstance(raw, bool) or not math.isfinite(raw):
            self.report(key, f"expected a number, got {_describe(raw)}")
            return None
        return raw if abs(raw) <= MAX_INTEGER else self._out_of_range(key, str(raw))

    def _out_of_range(self, key: str, number: str) -> None:
        limit = f"{MAX_INTEGER:,}".replace(",", " ")
        self.report(
            key,
            f"number out of range: {clip(number, 20)}; it is left out",
            suggestion=f"write a number between -{limit} and {limit}",
        )

    def _check_boolean(self, key: str, spec: Field, raw: Any) -> bool | None:
        if isinstance(raw, bool):
            return raw
        self.report(key, f"expected true or false, got {_describe(raw)}")
        return None

    def _check_details(self, key: str, spec: Field, raw: Any) -> list[Detail]:
        if not isinstance(raw, list):
            self.report(
                key,
                f"expected a list of rows, got {_describe(raw)}",
                suggestion="write rows as '- name: …' then '  content: …'",
            )
            return []
        rows = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict) or "name" not in item:
                self.report(key, "a row needs a 'name' (and a 'content' or a 'link')", index=index)
                continue
            extra = set(item) - {"name", "content", "link"}
            if extra:
                self.report(
                    key,
                    f"unknown row key '{sorted(extra)[0]}'",
                    index=index,
                    suggestion=suggest(sorted(extra)[0], ("name", "content", "link")),
                )
            link = self._check_url(key, spec, item["link"]) if item.get("link") else None
            content = self._text(key, item.get("content") or item.get("link") or "", index)
            rows.append(Detail(self._text(key, item["name"], index) or "", content or "", link))
        return rows

    def _vocabulary_value(self, key: str, spec: Field, raw: Any, index: int | None) -> str | None:
        vocabulary = self.settings.vocabularies.get(spec.vocabulary or "", {})
        value = slug(str(raw)) if raw is not None else ""
        if value in vocabulary:
            return value
        self.report(
            key,
            f"'{clip(str(raw))}' is not in the vocabulary",
            index=index,
            suggestion=suggest(value, vocabulary) or "one of: " + ", ".join(vocabulary),
        )
        return None

    def _check_choice(self, key: str, spec: Field, raw: Any) -> str | None:
        if isinstance(raw, list):
            self.report(key, "expected one value, got a list", suggestion="keep a single value")
            raw = raw[0] if raw else None
        return self._vocabulary_value(key, spec, raw, None)

    def _check_choices(self, key: str, spec: Field, raw: Any) -> list[str]:
        items = raw if isinstance(raw, list) else [raw]
        values = (self._vocabulary_value(key, spec, item, i) for i, item in enumerate(items))
        return list(dict.fromkeys(value for value in values if value))

    def _check_range(self, key: str, spec: Field, raw: Any) -> Range | None:
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = {"min": raw, "max": raw}  # one number: checked as a range from it to it
        if not isinstance(raw, dict) or not set(raw) <= {"min", "max"}:
            self.report(
                key,
                f"expected {{min: …, max: …}}, got {_describe(raw)}",
                suggestion="write it as {min: 15, max: 40}",
            )
            return None
        low, high = raw.get("min"), raw.get("max")
        if any(
            v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0)
            for v in (low, high)
        ):
            self.report(key, "min and max must be whole numbers")
            return None
        if any(v is not None and v > MAX_INTEGER for v in (low, high)):
            return self._out_of_range(key, str(max(v for v in (low, high) if v is not None)))
        if low is not None and high is not None and low > high:
            self.report(key, f"min ({low}) is greater than max ({high})")
            return None
        return Range(low, high)

    def _check_references(self, key: str, spec: Field, raw: Any) -> list[str]:
        items = raw if isinstance(raw, list) else [raw]
        texts = (self._text(key, item, index) for index, item in enumerate(items))
        return [text for text in texts if text]


_EMPTY: dict[Type, Any] = {
    type_: (
        list if type_ in {Type.LIST, Type.DETAILS, Type.CHOICES, Type.REFERENCES} else lambda: None
    )
    for type_ in Type
}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'key: value' pairs"
    if isinstance(value, str):
        return f"the text '{clip(value)}'"
    return f"'{value}'"


def is_index(path: str) -> bool:
    """True for the page MkDocs makes a folder's index: 'index.md' or 'README.md', exactly so
    written (MkDocs' ``File.name``); 'Index.md' and 'readme.md' are pages of their own."""
    return PurePosixPath(path).stem in ("index", "README")


def page_url(path: str) -> str:
    """The site-relative URL MkDocs gives the docs page ``path``: 'methodes/atelier.md' gives
    'methodes/atelier/', 'methodes/index.md' gives 'methodes/'."""
    page = PurePosixPath(path).with_suffix("")
    if is_index(path):
        return "" if str(page.parent) == "." else f"{page.parent}/"
    return f"{page}/"


def folder_kind(path: str, folders: dict[str, str]) -> str | None:
    """The kind of card a docs-relative ``path`` holds, from the folder it is in; None if none."""
    parts = PurePosixPath(path).parts
    if is_index(path):
        return None
    for folder, kind in folders.items():
        prefix = PurePosixPath(folder.strip("/")).parts
        if parts[: len(prefix)] == prefix and len(parts) > len(prefix):
            return kind
    return None


def load_card(
    path: str, text: str | bytes, default_kind: str, settings: Settings | None = None
) -> Card:
    """Read and check one card file, given as text or as the bytes of the file."""
    problems: list[Problem] = []
    if isinstance(text, bytes):
        text, problems = decode_card(path, text)
    try:
        source = read_source(path, text)
        source.problems[:0] = problems
        return build_card(source, default_kind, settings)
    except Exception as error:  # the card still gets its page, with the reason
        problem = Problem(
            path,
            f"the card cannot be read ({type(error).__name__}: {clip(str(error))}); "
            "its front matter is left out",
            1,
            severity=Severity.ERROR,
        )
        return build_card(Source(path, body=text, problems=[*problems, problem]), default_kind)
