"""The options of the participation plugin in mkdocs.yml, defined once.

The plugin and ``mkdocs-participation check`` both validate a site's options with
``ParticipationConfig``, so they accept, default and word them alike. Options are grouped by
feature, one ``SubConfig`` each (images, exports, catalogues); the flat keys of earlier
releases (``missing_images``, ``exports_folder``, ``licence``, ``licence_url``, ``facets``,
``columns``) are still read, with a note naming where they now belong. ``comparison``, once the
address of the one comparison (of methods), is now one address per compared kind; the address
alone still names the methods'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError

from .core.cards import Settings
from .core.cardset import ImageOptions
from .core.catalogue.options import DEFAULT_PAGES
from .core.catalogue.options import Options as ListingOptions
from .core.catalogue.options import read_options as read_listing_options
from .core.labels import check_labels, interface_language, vocabularies_for, worded
from .core.model import DEFAULT_COMPARISONS, DEFAULT_FOLDERS, KINDS, METHOD
from .core.options import (
    CHOOSER_TEMPLATE,
    COMPARISON_TEMPLATE,
    DEFAULT_CHOOSER,
    DEFAULT_GLOSSARY,
    GLOSSARY_TEMPLATE,
    LICENCE,
    LICENCE_URL,
    CardOptions,
    ExportOptions,
    GuidePage,
    option_problems,
)
from .core.problems import Problem, Severity
from .core.site_config import SiteConfig


class Shorthand(opt.SubConfig):
    """A sub-config that also takes a single value, short for ``{key: value}``:
    ``images: img`` is ``images: {folder: img}``."""

    def __init__(self, config_class: type[Config], key: str) -> None:
        super().__init__(config_class)
        self.config_class = config_class
        self.key = key

    def pre_validation(self, config: Config, key_name: str) -> None:
        super().pre_validation(config, key_name)
        config[key_name] = self.expanded(config.get(key_name))

    def run_validation(self, value: object) -> Config:
        return super().run_validation(self.expanded(value))

    def expanded(self, value: object) -> dict:
        """``value`` as a mapping of sub-options."""
        if value is None:
            return {}
        return dict(value) if isinstance(value, dict) else {self.key: value}


class ImagesConfig(Config):
    """Where image file names (img-bg, logo, …) are looked up, and how a missing one is told."""

    folder = opt.Type(str, default="images")
    # A warning fails --strict; an info line does not.
    missing = opt.Choice(("warn", "info"), default="warn")


class ExportsConfig(Config):
    """The open-data exports (JSON, CSV, JSON Schema, Atom feed) and their licence."""

    enabled = opt.Type(bool, default=True)
    folder = opt.Type(str, default="donnees")
    licence = opt.Type(str, default=LICENCE)
    # The address of the licence's text ("" for none).
    licence_url = opt.Type(str, default=LICENCE_URL)


class CatalogueConfig(Config):
    """One kind's catalogue: its page, facet filters and table columns; unset, the model's."""

    # URL of the generated page ("" for none); an author's page there wins.
    url = opt.Optional(opt.Type(str))
    facets = opt.Optional(opt.ListOfItems(opt.Type(str)))
    # Also the facts shown on the catalogue's cards; "title" is the page link.
    columns = opt.Optional(opt.ListOfItems(opt.Type(str)))


class Catalogues(opt.BaseConfigOption[dict[str, CatalogueConfig]]):
    """``catalogues``: one ``CatalogueConfig`` per kind, or the URL alone (``outil: outils/``)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}
        self.entry = Shorthand(CatalogueConfig, "url")

    def run_validation(self, value: object) -> dict[str, CatalogueConfig]:
        if not isinstance(value, dict):
            raise ValidationError(f"expected 'kind: options' lines, not {type(value).__name__}")
        catalogues = {}
        for kind, entry in value.items():
            try:
                catalogues[str(kind)] = self.entry.run_validation(entry)
            except ValidationError as error:
                raise ValidationError(f"Sub-option '{kind}': {error}") from error
            self.warnings += [f"Sub-option '{kind}': {w}" for w in self.entry.warnings]
            self.entry.reset_warnings()
        return catalogues


class Comparisons(opt.BaseConfigOption[dict[str, str]]):
    """``comparison``: the address of each compared kind's comparison ("" for none), over the
    model's; the address alone is the methods' (``comparison: comparer/``), as it was when
    only methods were compared. A kind the model does not compare is reported and left out."""

    def __init__(self) -> None:
        super().__init__()
        self.default = dict(DEFAULT_COMPARISONS)

    def run_validation(self, value: object) -> dict[str, str]:
        if isinstance(value, str):
            value = {METHOD: value}
        if not isinstance(value, dict):
            raise ValidationError(
                f"expected an address or 'kind: address' lines, not {type(value).__name__}"
            )
        addresses = dict(DEFAULT_COMPARISONS)
        for kind, url in value.items():
            if kind not in DEFAULT_COMPARISONS:
                known = ", ".join(DEFAULT_COMPARISONS)
                self.warnings.append(
                    f"Sub-option '{kind}': {kind} cards are not compared; this line is not "
                    f"used (the compared kinds: {known})"
                )
            elif not isinstance(url, str):
                raise ValidationError(
                    f"Sub-option '{kind}': expected an address, not {type(url).__name__}"
                )
            else:
                addresses[kind] = url
        return addresses


class Moved(opt.BaseConfigOption[Any]):
    """A key of an earlier release, read as ``group.name`` (``per_kind``: a ``{kind: value}``
    mapping read as ``group.kind.name``). A value also given at the new place wins."""

    def __init__(self, group: str, name: str, *, per_kind: bool = False) -> None:
        super().__init__()
        self.group, self.name, self.per_kind = group, name, per_kind

    @property
    def target(self) -> str:
        """Where the value now belongs, as a dotted key."""
        return f"{self.group}.<kind>.{self.name}" if self.per_kind else f"{self.group}.{self.name}"

    def pre_validation(self, config: Config, key_name: str) -> None:
        value = config.get(key_name)
        group = config.get(self.group)
        if value is None or not isinstance(group, dict | None):
            return
        # A copy: the group's default belongs to every config.
        group = config[self.group] = dict(group or {})
        if not self.per_kind:
            group.setdefault(self.name, value)
            return
        if not isinstance(value, dict):
            raise ValidationError(f"expected 'kind: [card keys]' lines (write {self.target})")
        for kind, item in value.items():
            entry = group.get(kind)
            entry = {"url": entry} if isinstance(entry, str) else dict(entry or {})
            entry.setdefault(self.name, item)
            group[kind] = entry


class ParticipationConfig(Config):
    """Options of the ``participation`` plugin."""

    enabled = opt.Type(bool, default=True)

    # Which docs folder holds which kind of card; ``categorie`` in a card wins.
    folders = opt.DictOfItems(opt.Choice(KINDS), default=DEFAULT_FOLDERS)
    images = Shorthand(ImagesConfig, "folder")
    # Cards in the sidebar navigation: off, because every page renders the whole nav.
    navigation = opt.Type(bool, default=False)
    # Level of the headings made from legacy bold lines such as "**Public visé :**".
    heading_level = opt.Choice((2, 3, 4), default=2)
    # Video hosts allowed besides Dailymotion, YouTube and Vimeo (https only).
    video_hosts = opt.ListOfItems(opt.Type(str), default=[])
    # Interface language: defaults to the theme's language.
    language = opt.Optional(opt.Choice(("fr", "en")))
    # Replacements for any interface word, by key.
    labels = opt.DictOfItems(opt.Type(str), default={})
    # Replacements or additions to the controlled vocabularies: {vocabulary: {value: label}}.
    vocabularies = opt.DictOfItems(opt.DictOfItems(opt.Type(str)), default={})
    # References shown as plain text rather than resolved, such as "Autre".
    sentinels = opt.ListOfItems(opt.Type(str), default=["Autre"])
    catalogues = Catalogues()
    # URL of the side-by-side comparison of each compared kind ("" for none); an author's page
    # there wins.
    comparison = Comparisons()
    # URL of the guided chooser "Quelle méthode pour mon projet ?" ("" for none), likewise.
    chooser = opt.Type(str, default=DEFAULT_CHOOSER)
    # URL of the glossary of participation levels and ways of recruiting ("" for none), likewise.
    glossary = opt.Type(str, default=DEFAULT_GLOSSARY)
    exports = Shorthand(ExportsConfig, "enabled")

    # The flat keys of earlier releases.
    missing_images = Moved("images", "missing")
    exports_folder = Moved("exports", "folder")
    licence = Moved("exports", "licence")
    licence_url = Moved("exports", "licence_url")
    facets = Moved("catalogues", "facets", per_kind=True)
    columns = Moved("catalogues", "columns", per_kind=True)


# How MkDocs words an error or warning inside a sub-config.
_SUB_OPTION = re.compile(r"Sub-option '([^']*)': (.*)", re.DOTALL)


def dotted(key: str, message: object) -> tuple[str, str]:
    """The dotted key and the message of one of MkDocs' validation messages:
    ``('images', "Sub-option 'missing': …")`` gives ``('images.missing', '…')``."""
    text = str(message)
    while match := _SUB_OPTION.fullmatch(text):
        key, text = f"{key}.{match[1]}", match[2]
    return key, text


def load_options(
    options: dict[str, Any], config_file_path: str | None
) -> tuple[ParticipationConfig, list[tuple[str, str]], list[tuple[str, str]]]:
    """The plugin's ``options`` validated: the config, its errors and its warnings, each a
    (dotted key, message) pair. MkDocs' build and ``check`` both read them from here."""
    config = ParticipationConfig(config_file_path=config_file_path)
    config.load_dict(options)
    failed, warnings = config.validate()
    return (
        config,
        [dotted(key, message) for key, message in failed],
        [dotted(key, message) for key, message in warnings],
    )


def check_options(
    config: ParticipationConfig, language: str, where: str
) -> tuple[ListingOptions, list[Problem]]:
    """What the validated ``config`` asks of the catalogues, and what is wrong in it beyond
    its types (``where`` names the configuration file): the keys written the old way, the
    catalogues' facets and columns, the interface words."""
    moved = [
        Problem(
            where,
            f"this key is now written '{option.target}'; it is still read for now",
            None,
            key,
            f"move it under '{option.group}'",
            Severity.INFO,
        )
        for key, option in config._schema
        if isinstance(option, Moved) and config.get(key) is not None
    ]
    catalogues = config.catalogues
    listing, problems = read_listing_options(
        {kind: c.url for kind, c in catalogues.items() if c.url is not None},
        {kind: c.facets for kind, c in catalogues.items() if c.facets is not None},
        {kind: c.columns for kind, c in catalogues.items() if c.columns is not None},
        where,
    )
    paths = {
        **{f"catalogues.{kind}.url": c.url for kind, c in catalogues.items() if c.url is not None},
        **{f"comparison.{kind}": url for kind, url in config.comparison.items()},
        "chooser": config.chooser,
        "glossary": config.glossary,
        "exports.folder": config.exports.folder,
    }
    return listing, [
        *moved,
        *problems,
        *check_labels(language, config.labels, where),
        *option_problems(paths, config.vocabularies, where),
    ]


def guide_pages(config: ParticipationConfig) -> list[GuidePage]:
    """The pages these options ask for besides the catalogues, in the order a visitor is
    offered them: the chooser, the comparison of each compared kind, the glossary; none at
    ''."""
    chooser = GuidePage(
        "chooser", config.chooser, CHOOSER_TEMPLATE, None, "chooser_title", "chooser_intro"
    )
    comparisons = [
        GuidePage(
            f"comparison.{kind}",
            url,
            COMPARISON_TEMPLATE,
            kind,
            worded("compare_title", kind),
            worded("compare_intro", kind),
        )
        for kind, url in config.comparison.items()
    ]
    glossary = GuidePage(
        "glossary", config.glossary, GLOSSARY_TEMPLATE, None, "glossary_title", "glossary_intro"
    )
    pages = [chooser, *comparisons, glossary]
    return [page for page in pages if page.url.strip()]


def generated_pages(config: ParticipationConfig) -> dict[str, str]:
    """The URL of each page these options ask the plugin to generate, by dotted option key:
    the catalogues ('catalogues.KIND.url'), then the pages of ``guide_pages``."""
    given = {kind: c.url for kind, c in config.catalogues.items() if c.url is not None}
    pages = {f"catalogues.{kind}.url": url for kind, url in {**DEFAULT_PAGES, **given}.items()}
    pages.update({page.key: page.url for page in guide_pages(config)})
    return {key: url for key, url in pages.items() if url.strip()}


def card_settings(config: ParticipationConfig, language: str) -> Settings:
    """How cards are read under these options, their vocabularies worded in ``language``."""
    return Settings(
        vocabularies=vocabularies_for(language, config.vocabularies),
        video_hosts=frozenset(config.video_hosts),
    )


def image_options(config: ParticipationConfig) -> ImageOptions:
    """Where the cards' images are looked up, and how a missing one is reported."""
    return ImageOptions(
        folder=config.images.folder.strip("/"),
        missing=Severity.WARNING if config.images.missing == "warn" else Severity.INFO,
    )


def with_options(site: SiteConfig) -> SiteConfig:
    """``site`` with its plugin options validated as the build validates them, for ``check``.
    Errors and warnings come first, located in the config file; when an option is refused,
    as the build would refuse it, the cards are checked under the defaults."""
    path = str(site.config_file) if site.config_file is not None else None
    where = site.config_file.name if site.config_file is not None else "mkdocs.yml"
    config, failed, warnings = load_options(site.options, path)
    problems = [
        *(Problem(where, text, None, key, severity=Severity.ERROR) for key, text in failed),
        *(Problem(where, text, None, key) for key, text in warnings),
    ]
    if failed:
        config = load_options({}, path)[0]
    language = interface_language(config.language, site.theme_language)
    _, found = check_options(config, language, where)
    refused = {problem.key for problem in [*problems, *found] if problem.severity is Severity.ERROR}
    return replace(
        site,
        folders=dict(config.folders),
        images=image_options(config),
        settings=card_settings(config, language),
        sentinels=tuple(config.sentinels),
        language=language,
        problems=[*problems, *found],
        pages={k: url for k, url in generated_pages(config).items() if k not in refused},
    )


def card_options(config: ParticipationConfig, language: str) -> CardOptions:
    """What the options say about reading cards and wording their pages in ``language``."""
    return CardOptions(
        folders=dict(config.folders),
        settings=card_settings(config, language),
        images=image_options(config),
        sentinels=tuple(config.sentinels),
        language=language,
        labels=dict(config.labels),
    )


def export_options(
    config: ParticipationConfig,
    site: Mapping[str, Any],
    language: str,
    vocabularies: dict[str, dict[str, str]],
    labels: dict[str, str],
) -> ExportOptions:
    """What the exports say about the ``site`` (its ``site_url``, ``site_name`` and
    ``site_author`` settings) under these options."""
    return ExportOptions(
        site_url=site.get("site_url"),
        site_name=site.get("site_name") or "",
        author=site.get("site_author"),
        folder=config.exports.folder,
        licence=config.exports.licence,
        licence_url=config.exports.licence_url or None,
        language=language,
        vocabularies=vocabularies,
        kind_labels=labels,
    )
