"""Import a Jekyll toolbox (``_outil/``, ``_usage/``, ``_usage_citoyens/``, ``_data/``).

Everything is computed in memory first: the files to write, what changed in each one, and the
problems the import could not fix (found by the same checks as the plugin's). Nothing is read
twice and the source folder is only ever read.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .body import normalise_body
from .cards import Settings, build_card, load_card, slug_of
from .cardset import ImageOptions, build_card_set
from .dates import parse_date
from .keys import match_key
from .model import ALIASES, COLLECTIONS, FIELDS_BY_NAME, KIND_TABLE, Type
from .problems import Problem, Severity
from .source import Source, load_yaml, read_regular_file, read_source

# The docs folder each kind of card goes to in a new site.
TARGET_FOLDERS = {kind.name: kind.folder for kind in KIND_TABLE}
# Source folders copied as they are: the files that cards name as images or documents.
ASSET_FOLDERS = ("images", "uploads")
# The URL under which Jekyll published each collection.
_JEKYLL_LINK = re.compile(
    r"(?P<url>/(?P<collection>usage_citoyens|usage|outil)/(?P<name>[^\"'\s)#?]+?)\.html)"
)
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_SPACED_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]+:(?:[ \t]|$)", re.MULTILINE)


@dataclass
class ImportedFile:
    """One card of the source and what became of it."""

    source: str
    target: str
    kind: str
    changes: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    """Every file to write under the docs folder, with the report of the import."""

    files: dict[str, str | bytes] = field(default_factory=dict)
    cards: list[ImportedFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Card:
    imported: ImportedFile
    source: Source
    text: str


def plan_import(
    src: Path,
    folders: dict[str, str] | None = None,
    settings: Settings | None = None,
    images: ImageOptions | None = None,
    sentinels: Iterable[str] = ("Autre",),
) -> ImportPlan:
    """What importing the Jekyll toolbox at ``src`` writes, kind by kind into ``folders``."""
    folders = {**TARGET_FOLDERS, **(folders or {})}
    plan = ImportPlan()
    cards = _read_cards(src, folders, plan.problems)
    index = _reference_index(cards)
    links = {
        (
            PurePosixPath(c.imported.source).parent.name.removeprefix("_"),
            PurePosixPath(c.imported.source).stem,
        ): c.imported.target
        for c in cards
    }
    for card in cards:
        if any(p.severity is Severity.ERROR for p in card.source.problems):
            card.imported.changes.append("front matter unreadable: copied as it was")
            text = card.text
        else:
            text = _convert(card, index)
        plan.files[card.imported.target] = text
        plan.problems.extend(_old_links(card.imported.target, text, links))
        plan.cards.append(card.imported)
    _copy_assets(src, plan)
    for path in sorted(src.iterdir()):
        if path.name not in (*COLLECTIONS, *ASSET_FOLDERS):
            plan.skipped.append(path.name + ("/" if path.is_dir() else ""))
    plan.problems.extend(_remaining_problems(plan, settings, images, sentinels))
    return plan


def site_yaml(src: Path) -> str:
    """A ``mkdocs.yml`` for the imported toolbox, named after the Jekyll site when it can be."""
    config = {
        "site_name": _jekyll_title(src) or src.resolve().name,
        "theme": {"name": "material", "language": "fr", "font": False},
        "plugins": [
            {"search": {"lang": "fr"}},
            {
                "participation": {
                    "folders": {folder: kind for kind, folder in TARGET_FOLDERS.items()}
                }
            },
        ],
        "markdown_extensions": [
            "abbr",
            "admonition",
            "attr_list",
            "md_in_html",
            "tables",
            {"toc": {"permalink": True}},
        ],
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def _jekyll_title(src: Path) -> str | None:
    try:
        config, _ = load_yaml((src / "_config.yml").read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None
    title = config.get("title") if isinstance(config, dict) else None
    return str(title) if title else None


def _read_cards(src: Path, folders: dict[str, str], problems: list[Problem]) -> list[_Card]:
    """The cards of the Jekyll collections; a file that cannot be read is a problem of its own."""
    cards: list[_Card] = []
    taken: set[str] = set()
    for collection, default_kind in COLLECTIONS.items():
        for path in sorted((src / collection).glob("*.md")):
            relative = f"{collection}/{path.name}"
            try:
                text, encoding = _decode(read_regular_file(path))
            except OSError as error:
                problems.append(
                    Problem(
                        relative,
                        f"not imported: {error.strerror or error}",
                        severity=Severity.ERROR,
                    )
                )
                continue
            source = read_source(relative, text)
            kind = build_card(source, default_kind).kind
            target = _free_name(f"{folders[kind]}/{slug_of(path.name)}", taken)
            imported = ImportedFile(relative, target, kind)
            if encoding != "utf-8":
                imported.changes.append(f"text re-encoded from {encoding} to UTF-8")
            if PurePosixPath(target).name != path.name:
                imported.changes.append(
                    f"file name '{path.name}' -> '{PurePosixPath(target).name}'"
                )
            cards.append(_Card(imported, source, text))
    return cards


def _decode(data: bytes) -> tuple[str, str]:
    """The text of a file, and its encoding: UTF-8, else the Windows encoding old editors used."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _free_name(stem: str, taken: set[str]) -> str:
    candidate, number = f"{stem}.md", 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}.md", number + 1
    taken.add(candidate)
    return candidate


def _reference_index(cards: list[_Card]) -> dict[str, dict[str, list[str]]]:
    """kind -> matching form of each title and old file name -> slugs of the cards it names."""
    index: dict[str, dict[str, list[str]]] = {}
    for card in cards:
        slug = PurePosixPath(card.imported.target).stem
        names = {match_key(slug), match_key(PurePosixPath(card.imported.source).stem)}
        title = card.source.data.get("title")
        if title:
            names.add(match_key(str(title)))
        for name in names:
            index.setdefault(card.imported.kind, {}).setdefault(name, []).append(slug)
    return index


def _convert(card: _Card, index: dict[str, dict[str, list[str]]]) -> str:
    source, changes = card.source, card.imported.changes
    for match in _SPACED_KEY.finditer(card.text.split("\n---", 1)[0]):
        changes.append(f"space removed before ':' in '{match.group('key')}'")
    values: dict[str, Any] = {}
    for key, raw in source.data.items():
        name = ALIASES.get(key, key)
        spec = FIELDS_BY_NAME.get(name)
        if spec is not None and spec.type is Type.LEGACY:
            changes.append(f"Jekyll key '{key}' removed")
            continue
        if name != key:
            changes.append(f"key '{key}' renamed '{name}'")
        value = _value(spec, key, raw, index, changes) if spec else raw
        if name in values and isinstance(values[name], list) and isinstance(value, list):
            changes.append(f"'{key}' merged into '{name}'")
            value = values[name] + value
        values[name] = value
    body = normalise_body(source.body)
    changes.extend(_body_changes(source.body, body))
    return f"---\n{_front_matter(values)}---\n{body}"


def _value(
    spec: Any, key: str, raw: Any, index: dict[str, dict[str, list[str]]], changes: list[str]
) -> Any:
    if raw is None or raw == "":
        return None
    if spec.type is Type.DATE:
        date = parse_date(raw)
        if date is not None and (isinstance(raw, str | dt.datetime)):
            changes.append(f"{key}: '{raw}' -> {date.isoformat()}")
            return date
    if spec.type in (Type.LIST, Type.REFERENCES) and isinstance(raw, list):
        items = [_item_as_text(key, item, changes) for item in raw]
        if spec.type is Type.REFERENCES:
            return [
                _reference(key, item, index.get(spec.target or "", {}), changes) for item in items
            ]
        return items
    if spec.type is Type.BLOCK and isinstance(raw, str):
        block = normalise_body(raw.strip("\n"))
        changes.extend(_body_changes(raw.strip("\n"), block, key))
        return block
    return raw


def _item_as_text(key: str, item: Any, changes: list[str]) -> Any:
    """``- Label : text`` is read by YAML as a map; the author meant one line of text."""
    if isinstance(item, dict) and len(item) == 1:
        label, text = next(iter(item.items()))
        joined = f"{label} : {text}" if text is not None else str(label)
        changes.append(f"{key}: item '{joined}' read as 'label: text', made one text")
        return joined
    return item


def _reference(key: str, reference: Any, names: dict[str, list[str]], changes: list[str]) -> Any:
    if not isinstance(reference, str):
        return reference
    found = names.get(match_key(reference), [])
    if len(found) != 1 or found[0] == reference:
        return reference
    changes.append(f"{key}: '{reference}' -> {found[0]}")
    return found[0]


def _body_changes(before: str, after: str, where: str = "body") -> list[str]:
    """What ``normalise_body`` did, counted for the report."""
    added = removed = headings = 0
    for line in difflib.ndiff(before.split("\n"), after.split("\n")):
        if line.startswith("+ #"):
            headings += 1
        elif line.startswith("+ ") and not line[2:].strip():
            added += 1
        elif line.startswith("- ") and line[2:].strip().startswith("{:"):
            removed += 1
    counts = (
        (headings, "bold line(s) made heading(s)"),
        (added, "blank line(s) added before lists or after headings"),
        (removed, "kramdown attribute line(s) removed"),
    )
    return [f"{where}: {count} {what}" for count, what in counts if count]


def _old_links(path: str, text: str, links: dict[tuple[str, str], str]) -> list[Problem]:
    """Links to pages of the Jekyll site, which this site does not have: to fix by hand."""
    problems = []
    key, closing = None, text.startswith("---\n")
    for number, line in enumerate(text.split("\n"), start=1):
        if closing and number > 1 and line.rstrip() in ("---", "..."):
            key, closing = None, False
        elif closing and (top := _TOP_KEY.match(line)):
            key = top.group(1)
        for match in _JEKYLL_LINK.finditer(line):
            target = links.get((match.group("collection"), match.group("name")))
            hint = f"link to {target} instead" if target else "link to a page of this site"
            problems.append(
                Problem(
                    path,
                    f"link to a page of the old site: '{match.group('url')}'",
                    number,
                    key,
                    hint,
                )
            )
    return problems


class _CardDumper(yaml.SafeDumper):
    """Writes multi-line text as ``|`` blocks, the way people write it by hand."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    return dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    )


_CardDumper.add_representer(str, _represent_text)


def _front_matter(values: dict[str, Any]) -> str:
    lines = []
    for key, value in values.items():
        if value is None or value == [] or value == "":
            lines.append(f"{key}:\n")
        else:
            lines.append(
                yaml.dump(
                    {key: value},
                    Dumper=_CardDumper,
                    allow_unicode=True,
                    sort_keys=False,
                    width=1_000_000,
                )
            )
    return "".join(lines)


def _copy_assets(src: Path, plan: ImportPlan) -> None:
    for folder in ASSET_FOLDERS:
        root = src / folder
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.is_file():
                plan.files[path.relative_to(src).as_posix()] = path.read_bytes()


def _remaining_problems(
    plan: ImportPlan,
    settings: Settings | None,
    images: ImageOptions | None,
    sentinels: Iterable[str],
) -> list[Problem]:
    """The problems the imported cards still have, as the plugin will report them."""
    cards = [
        load_card(card.target, str(plan.files[card.target]), card.kind, settings)
        for card in plan.cards
    ]
    card_set = build_card_set(cards, plan.files, images, sentinels)
    return [problem for card in card_set.cards for problem in card.problems]
