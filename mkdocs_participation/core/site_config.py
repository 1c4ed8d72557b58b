"""What a site says about its cards in ``mkdocs.yml``, read without importing MkDocs.

This reads the site's own settings (docs folder, excluded files, theme language, repository)
and the participation plugin's entry as it is written. The entry is validated outside the
core, by the plugin's own option classes (``config.py``), which hand back plain values: the
folders, image options, card settings, sentinels, language and the problems of the options.
``mkdocs.yml`` often holds tags that only MkDocs can build (``!!python/name:…``, ``!ENV``,
``!relative``): they are read as plain values here, since none of them concerns cards.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pathspec
import yaml

from .cards import Settings
from .cardset import ImageOptions
from .model import DEFAULT_FOLDERS
from .problems import Problem

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
PLUGIN_NAME = "participation"

# What MkDocs leaves out of every site, before the site's own exclude_docs.
DEFAULT_EXCLUDED = (".*", "/templates/")


class SiteConfigError(Exception):
    """``mkdocs.yml`` cannot be read."""


@dataclass
class SiteConfig:
    """The options of a site that matter to its cards."""

    root: Path
    docs_dir: Path
    config_file: Path | None = None
    has_plugin: bool = False
    # The participation plugin's options as written, and the theme's language.
    options: dict[str, Any] = field(default_factory=dict)
    theme_language: str | None = None
    folders: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FOLDERS))
    images: ImageOptions = field(default_factory=ImageOptions)
    settings: Settings = field(default_factory=Settings)
    sentinels: tuple[str, ...] = ("Autre",)
    language: str = "fr"
    repo: str | None = None
    excluded: pathspec.PathSpec = field(
        default_factory=lambda: pathspec.GitIgnoreSpec.from_lines(DEFAULT_EXCLUDED)
    )
    # What the build reports about the plugin's own options, located in the config file.
    problems: list[Problem] = field(default_factory=list)
    # The pages the plugin generates, by option key ('catalogues.methode.url', 'comparison'…).
    pages: dict[str, str] = field(default_factory=dict)

    def folder_for(self, kind: str) -> str | None:
        """The first docs folder that holds cards of ``kind``, or None."""
        return next((folder.strip("/") for folder, k in self.folders.items() if k == kind), None)

    def docs_files(self) -> list[str]:
        """Every file MkDocs would take from the docs folder, as sorted docs-relative paths."""
        found, seen = [], set()
        for directory, folders, names in os.walk(self.docs_dir, followlinks=True):
            # A link to a folder above it would be walked again and again: each folder once.
            seen.add(os.path.realpath(directory))
            folders[:] = [f for f in folders if os.path.realpath(Path(directory, f)) not in seen]
            base = Path(directory).relative_to(self.docs_dir)
            for name in names:
                relative = (base / name).as_posix()
                if not self.excluded.match_file(relative):
                    found.append(relative)
        return sorted(found)


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that reads tags meant for MkDocs or Python as plain values."""


def _plain(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


def _environment(loader: _ConfigLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``, as MkDocs reads it."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    *names, default = loader.construct_sequence(node, deep=True)
    return next((os.environ[n] for n in names if isinstance(n, str) and n in os.environ), default)


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)
_ConfigLoader.add_multi_constructor("!", _plain)
_ConfigLoader.add_constructor("!ENV", _environment)


def find_config(start: Path) -> Path | None:
    """The ``mkdocs.yml`` that governs ``start``: in it or in the nearest parent folder."""
    start = start.resolve()
    if start.is_file() and start.suffix in (".yml", ".yaml"):
        return start
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
    return None


def read_site_config(config_file: Path | None, fallback_docs: Path | None = None) -> SiteConfig:
    """The site options in ``config_file``; defaults with ``fallback_docs`` when there is none."""
    if config_file is None:
        docs = (fallback_docs or Path("docs")).resolve()
        return SiteConfig(root=docs.parent, docs_dir=docs)
    data = read_config_file(config_file)
    root = config_file.parent
    options, has_plugin = plugin_options(data.get("plugins"))
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    language = theme.get("language")
    site = SiteConfig(
        root=root,
        docs_dir=(root / str(data.get("docs_dir") or "docs")).resolve(),
        config_file=config_file,
        has_plugin=has_plugin,
        options=options,
        theme_language=language if isinstance(language, str) else None,
        repo=_repository(data.get("repo_url")),
    )
    exclude = data.get("exclude_docs")
    if isinstance(exclude, str):
        site.excluded = pathspec.GitIgnoreSpec.from_lines(
            [*DEFAULT_EXCLUDED, *exclude.splitlines()]
        )
    return site


def read_config_file(config_file: Path) -> dict[str, Any]:
    """The settings in ``config_file``, with the tags only MkDocs can build read as plain
    values."""
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, ValueError, OverflowError, yaml.YAMLError) as error:
        raise SiteConfigError(f"{config_file}: cannot read it: {error}") from error
    except RecursionError as error:
        raise SiteConfigError(f"{config_file}: cannot read it: nested too deeply") from error
    if not isinstance(data, dict):
        raise SiteConfigError(f"{config_file}: expected 'key: value' lines")
    return data


def plugin_options(plugins: Any) -> tuple[dict[str, Any], bool]:
    """The options of the participation plugin, and whether the site uses it at all."""
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    else:
        entries = [
            next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None)
            for p in plugins or []
        ]
    for name, options in entries:
        if name == PLUGIN_NAME:
            return (options if isinstance(options, dict) else {}), True
    return {}, False


def _repository(repo_url: Any) -> str | None:
    """'owner/name' from a GitHub ``repo_url``."""
    if not isinstance(repo_url, str) or "github.com/" not in repo_url:
        return None
    path = repo_url.split("github.com/", 1)[1].strip("/").removesuffix(".git")
    return path if path.count("/") == 1 else None
