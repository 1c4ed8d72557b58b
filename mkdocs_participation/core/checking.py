"""Check every card of a site without building it: the plugin's checks, run from the core.

The plugin reads each card with ``load_card`` and resolves images and references with
``build_card_set``; this module calls the same two functions on the same files, so the command
line reports the same problems, with the same words, in a fraction of a build's time. The
problems of the plugin's own options come first, located in ``mkdocs.yml`` as the build does.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from .cards import Card, folder_kind, load_card
from .cardset import build_card_set
from .options import page_collisions
from .problems import Problem, Severity
from .site_config import SiteConfig
from .source import read_regular_file
from .toolbox import MARKDOWN_SUFFIXES


@dataclass
class CheckReport:
    """The cards of a site and the problems found in those that were asked about."""

    site: SiteConfig
    cards: list[Card]
    problems: list[Problem]

    @property
    def failed(self) -> bool:
        """True when a problem would make ``mkdocs build --strict`` fail."""
        return any(problem.severity is not Severity.INFO for problem in self.problems)

    def file_of(self, problem: Problem, base: Path) -> str:
        """The file of ``problem`` relative to ``base`` when inside it, else absolute."""
        config = self.site.config_file
        if config is not None and problem in self.site.problems:
            return shown_path(config, base)
        return shown_path(self.site.docs_dir / problem.path, base)


def shown_path(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` when inside it, else absolute: how a file is printed."""
    resolved, base = _resolved(path), _resolved(base)
    return (resolved.relative_to(base) if resolved.is_relative_to(base) else resolved).as_posix()


def _resolved(path: Path) -> Path:
    """``path`` made absolute, its links followed when they lead somewhere (not in a loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.normpath(path.absolute()))


def check_site(site: SiteConfig, only: str | None = None) -> CheckReport:
    """Read and check every card of ``site``; keep the problems of cards under ``only``, and
    those of the site's options unless ``only`` names part of the docs folder."""
    files = site.docs_files()
    cards: list[Card] = []
    unreadable: list[Problem] = []
    for path in files:
        kind = folder_kind(path, site.folders) if path.endswith(MARKDOWN_SUFFIXES) else None
        if kind is None:
            continue
        try:
            data = read_regular_file(site.docs_dir / path)
        except OSError as error:
            unreadable.append(
                Problem(
                    path,
                    f"cannot read the card: {error.strerror or error}",
                    severity=Severity.ERROR,
                )
            )
            continue
        cards.append(load_card(path, data, kind, site.settings))
    card_set = build_card_set(
        cards,
        files,
        site.images,
        site.sentinels,
        read=lambda path: (site.docs_dir / path).read_bytes(),
    )
    problems = [*unreadable, *(p for card in card_set.cards for p in card.problems)]
    where = site.config_file.name if site.config_file is not None else "mkdocs.yml"
    cards = {card.path: card_set.url(card) for card in card_set.cards}
    site = replace(site, problems=[*site.problems, *page_collisions(site.pages, cards, where)])
    own = site.problems
    if only and only.strip("/") not in ("", "."):
        # A card or a folder of cards: the options in mkdocs.yml are no part of it.
        own = []
        problems = [p for p in problems if _is_under(p.path, only)]
    problems.sort(key=lambda p: (p.path, p.line or 0))
    return CheckReport(site, card_set.cards, [*own, *problems])


def _is_under(path: str, prefix: str) -> bool:
    prefix = prefix.strip("/")
    return path == prefix or PurePosixPath(path).is_relative_to(prefix)


def as_text(report: CheckReport, base: Path) -> list[str]:
    """One ``file:line: key: message (suggestion)`` line per problem."""
    return [
        str(replace(problem, path=report.file_of(problem, base))) for problem in report.problems
    ]


def as_github(report: CheckReport, base: Path) -> list[str]:
    """GitHub Actions workflow commands: one annotation on the card's line per problem."""
    lines = []
    for problem in report.problems:
        level = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(
            problem.severity, "notice"
        )
        properties = [f"file={_property(report.file_of(problem, base))}"]
        if problem.line is not None:
            properties.append(f"line={problem.line}")
        if problem.key:
            properties.append(f"title={_property(problem.key)}")
        hint = f" ({problem.suggestion})" if problem.suggestion else ""
        lines.append(f"::{level} {','.join(properties)}::{_data(problem.message + hint)}")
    return lines


def as_json(report: CheckReport, base: Path) -> str:
    """The problems as a JSON document, for other tools."""
    return json.dumps(
        {
            "cards": len(report.cards),
            "failed": report.failed,
            "problems": [
                {
                    "file": report.file_of(problem, base),
                    "path": problem.path,
                    "line": problem.line,
                    "key": problem.key,
                    "message": problem.message,
                    "suggestion": problem.suggestion,
                    "severity": str(problem.severity),
                    "text": str(problem),
                }
                for problem in report.problems
            ],
        },
        ensure_ascii=False,
        allow_nan=False,
        indent=2,
    )


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
