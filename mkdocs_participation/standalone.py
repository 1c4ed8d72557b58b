"""The toolbox of a site read straight from its files, for engines that run no MkDocs plugin.

Zensical renders each page through Python-Markdown and runs no plugin: the Markdown extension
(``markdown.py``) renders card pages, catalogues, the comparison and the chooser from a
``Site``, and ``mkdocs-participation build-data`` writes from one the files such an engine
cannot generate. The options are the plugin's: its ``participation`` entry in ``mkdocs.yml``,
checked by the plugin's own ``ParticipationConfig``; the extension's own settings, if any,
override them. Reading, checking, views and templates are the plugin's too.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import url_filter

from .config import (
    ParticipationConfig,
    card_options,
    check_options,
    export_options,
    guide_pages,
    load_options,
)
from .core.body import normalise_body, removed_html_problem
from .core.cards import MARKDOWN_SUFFIXES
from .core.catalogue.listing import ListingBuilder
from .core.catalogue.options import page_markdown, page_path, unknown_kind
from .core.catalogue.render import CatalogueRenderer
from .core.catalogue.slots import fill_slots, marker_line, place_markers
from .core.comparison import guide_page, script_settings
from .core.datafiles import SCRIPT, STYLESHEET, script, stylesheet
from .core.exports import export_files
from .core.glossary import build_glossary
from .core.guide_data import build_guide_views
from .core.labels import interface_language
from .core.markup import clean_body, plain_title
from .core.model import DEFINITIONS, KINDS, KINDS_BY_NAME, METHOD
from .core.options import CHOOSER_TEMPLATE, COMPARISON_TEMPLATE, GLOSSARY_TEMPLATE
from .core.problems import Problem
from .core.site_config import (
    CONFIG_NAMES,
    SiteConfig,
    plugin_options,
    read_config_file,
    read_site_config,
)
from .core.toolbox import card_context, page_url, read_toolbox
from .core.views import card_view

PACKAGE = Path(__file__).resolve().parent
GUIDE_FRAGMENTS = {
    COMPARISON_TEMPLATE: "participation/fragments/comparison.html",
    CHOOSER_TEMPLATE: "participation/fragments/chooser.html",
    GLOSSARY_TEMPLATE: "participation/fragments/glossary.html",
}


@dataclass(frozen=True)
class PageLinks:
    """What the templates use of a page: the URL links are relative to, its canonical one."""

    url: str
    canonical_url: str | None


@dataclass(frozen=True)
class Heading:
    """A heading a card page adds to its table of contents."""

    title: str
    id: str


class Site:
    """A site's cards and options, read once for one state of its files.

    ``settings`` are the site's settings as its engine read them (``docs_dir``, ``site_url``,
    ``use_directory_urls``, ``theme``…), ``root`` the folder they are relative to and
    ``config_file`` the ``mkdocs.yml`` holding the plugin's options, if any.
    """

    def __init__(
        self,
        root: Path,
        settings: Mapping[str, Any],
        config_file: Path | None,
        overrides: Mapping[str, Any] | None = None,
    ) -> None:
        self.settings = settings
        self.where = config_file.name if config_file is not None else "mkdocs.yml"
        self.problems: list[Problem] = []
        options: dict[str, Any] = {}
        if config_file is not None:
            options = dict(plugin_options(read_config_file(config_file).get("plugins"))[0])
        options.update(overrides or {})
        self.config = self._checked(options, config_file)
        theme = settings.get("theme") if isinstance(settings.get("theme"), Mapping) else {}
        self.language = interface_language(self.config.language, theme.get("language"))
        self.directory_urls = settings.get("use_directory_urls", True) is not False
        docs = (root / str(settings.get("docs_dir") or "docs")).resolve()
        folder = read_site_config(config_file) if config_file else SiteConfig(root, docs)
        self.docs_dir = folder.docs_dir
        self.files = folder.docs_files()
        self.card_options = card_options(self.config, self.language)
        self.toolbox = read_toolbox(
            (path for path in self.files if path.endswith(MARKDOWN_SUFFIXES)),
            self.files,
            lambda path: (self.docs_dir / path).read_bytes(),
            self.card_options,
            url=self.url,
        )
        self.listing_options, problems = check_options(self.config, self.language, self.where)
        self.problems += problems
        self.problems += [p for card in self.toolbox.card_set.cards for p in card.problems]
        card_set = self.toolbox.card_set
        # The comparison of each compared kind that has cards, the chooser, the glossary.
        self.guide_pages = [
            page
            for page in guide_pages(self.config)
            if page.kind is None or card_set.of_kind(page.kind)
        ]
        self.guides = {
            page.template: self.url(page_path(page.url))
            for page in self.guide_pages
            if page.kind is None
        }
        self.comparisons = {
            page.kind: self.url(page_path(page.url))
            for page in self.guide_pages
            if page.kind is not None
        }
        self.catalogue_urls = {
            kind: self.url(path)
            for kind, path in self.listing_options.pages.items()
            if card_set.of_kind(kind) and path in self.files
        }
        # The kinds the site compares: those with a comparison page.
        self.comparing = frozenset(self.comparisons)
        self.guide_views = build_guide_views(
            card_set,
            self.toolbox.wording,
            self.comparisons,
            CHOOSER_TEMPLATE in self.guides,
            self.catalogue_urls,
            self.listing_options.facets.get(METHOD, []),
            DEFINITIONS[self.language],
        )
        custom = theme.get("custom_dir")
        folders = [str(root / custom)] if isinstance(custom, str) and custom else []
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([*folders, str(PACKAGE / "templates")]),
            auto_reload=False,
        )
        # MkDocs' own filter, which the templates share with the plugin's build.
        self.env.filters["url"] = url_filter
        self.catalogues = CatalogueRenderer(
            ListingBuilder(self.toolbox.card_set, self.toolbox.wording, self.comparing),
            self.listing_options,
            self.env.get_template("participation/catalogue.html"),
            self.env.get_template("participation/fragments/entry.html"),
        )

    def _checked(self, options: dict[str, Any], config_file: Path | None) -> ParticipationConfig:
        """The options as the plugin takes them; a wrong one is reported and left at its
        default."""
        path = str(config_file or "")
        config, failed, warnings = load_options(options, path)
        for key, message in [*failed, *warnings]:
            self.problems.append(Problem(self.where, message, None, key))
        if failed:
            wrong = {key.split(".")[0] for key, _ in failed}
            config, _, _ = load_options({k: v for k, v in options.items() if k not in wrong}, path)
        return config

    def url(self, path: str) -> str:
        """The site-relative URL of the page of docs file ``path``."""
        return page_url(path, self.directory_urls)

    def card_markdown(self, path: str) -> str | None:
        """The Markdown body of the card at ``path``, as its page renders it; None for a page
        that is no card."""
        card = self.toolbox.cards.get(path)
        if card is None:
            return None
        return normalise_body(card.body, self.config.heading_level)

    def card_title(self, path: str) -> str:
        """The title of the page of the card at ``path``, safe for any theme."""
        return plain_title(self.toolbox.cards[path].title)

    def card_page(self, path: str, html: str) -> tuple[str, list[Heading], list[Heading]]:
        """The whole content of the page of the card at ``path`` from the ``html`` of its body,
        and the headings it adds before and after those of the body."""
        card = self.toolbox.cards[path]
        html, removed = clean_body(html)
        if removed:
            report(removed_html_problem(card.path, card.body, card.source.body_line, removed))
        cards, wording = self.toolbox.card_set, self.toolbox.wording
        view = card_view(card, cards, wording)
        view.body = Markup(html)
        context: dict[str, Any] = {"participation": view, **self._page(path)}
        context |= card_context(
            card,
            cards,
            wording,
            self.comparing,
            self.catalogue_urls,
            self.guides.get(GLOSSARY_TEMPLATE),
        )
        content = self.env.get_template(KINDS_BY_NAME[view.kind].template).render(context)
        leading = [Heading(part.title, part.id) for part in view.leading]
        closing = [Heading(part.title, part.id) for part in view.closing]
        return content, leading, closing

    def with_catalogues(self, html: str, path: str) -> str:
        """``html`` of the page at ``path`` with the catalogue of each marker in it."""

        def known(found) -> bool:
            if found.kind in KINDS:
                return True
            text = (self.docs_dir / path).read_text(encoding="utf-8-sig", errors="replace")
            report(unknown_kind(path, found.kind, marker_line(text, found.kind)))
            return False

        if "participation:catalogue" not in html:
            return html
        base_url = self._page(path)["base_url"]
        return fill_slots(
            html,
            place_markers(html, known),
            lambda slot: self.catalogues.render(slot, base_url=base_url),
        )

    def guide(self, template: str, path: str) -> str:
        """The comparison or the chooser (by its page ``template``) for the page of ``path``."""
        wording = self.toolbox.wording
        values = self.guide_views.values(template, self.url(path))
        if template == GLOSSARY_TEMPLATE:
            values["participation_glossary"] = build_glossary(DEFINITIONS[self.language], wording)
        return self.env.get_template(GUIDE_FRAGMENTS[template]).render(values, **self._page(path))

    def _page(self, path: str) -> dict[str, Any]:
        """What the templates read of the page of docs file ``path``: links are made relative
        to the file's folder, as in its Markdown, which Zensical then adapts to the page's
        URL; the canonical address is the site's."""
        site_url = self.settings.get("site_url")
        canonical = urljoin(site_url, self.url(path)) if isinstance(site_url, str) else None
        return {"base_url": get_relative_url(".", path), "page": PageLinks(path, canonical)}

    def data_files(self) -> dict[str, str | bytes]:
        """The files the plugin would add to a MkDocs build, that an engine running no plugin
        needs in the docs folder: exports, missing catalogue and guide pages, styles, script."""
        labels = self.toolbox.wording.labels
        files: dict[str, str | bytes] = {}
        if self.config.exports.enabled:
            options = export_options(
                self.config,
                self.settings,
                self.language,
                self.card_options.settings.vocabularies,
                labels,
            )
            files.update(export_files(self.toolbox.card_set, options))
        kinds = [kind for kind in self.listing_options.pages if self.toolbox.card_set.of_kind(kind)]
        for kind in kinds:
            files[self.listing_options.pages[kind]] = page_markdown(kind, labels[f"{kind}_plural"])
        files.update(self.catalogues.data_files(kinds))
        files.update(self.guide_views.data_files())
        for page in self.guide_pages:
            files[page_path(page.url)] = guide_page(
                labels[page.title], labels[page.intro], page.template
            )
        settings = script_settings(self.toolbox.card_set, self.toolbox.wording, self.comparisons)
        files[STYLESHEET] = stylesheet()
        files[SCRIPT] = script(settings)
        return files


def config_file_in(root: Path) -> Path | None:
    """The ``mkdocs.yml`` (or ``mkdocs.yaml``) of the site whose folder is ``root``."""
    return next((root / name for name in CONFIG_NAMES if (root / name).is_file()), None)


def files_stamp(docs_dir: Path, config_file: Path | None) -> dict[str, tuple]:
    """What changes when a file of the site is added, removed or written: the time and size of
    each file of the docs folder, by docs-relative path, and of the configuration file."""
    found = {}
    for directory, _, names in os.walk(docs_dir, followlinks=True):
        base = Path(directory).relative_to(docs_dir)
        for name in names:
            found[(base / name).as_posix()] = file_stamp(Path(directory, name))
    if config_file is not None:
        found[str(config_file)] = file_stamp(config_file)
    return found


def file_stamp(path: Path) -> tuple | None:
    """The time and size of the file at ``path``; None when it cannot be read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def report(problem: Problem) -> None:
    """Print one line for ``problem``, as the build log shows it."""
    print(f"participation: {problem.severity}: {problem}", file=sys.stderr)
