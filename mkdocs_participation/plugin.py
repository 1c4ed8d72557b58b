"""The MkDocs adapter: wires build events to the core, nothing else."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

import jinja2
import yaml
from markupsafe import Markup
from mkdocs.config.base import ConfigErrors, ConfigWarnings
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from .config import (
    ParticipationConfig,
    card_options,
    check_options,
    export_options,
    generated_pages,
    guide_pages,
    load_options,
)
from .core.body import normalise_body, removed_html_problem, without_refused_links
from .core.card_cache import CardCache
from .core.cards import Card, load_card
from .core.cardset import CardSet
from .core.catalogue.listing import ListingBuilder
from .core.catalogue.options import page_markdown, page_path, unknown_kind
from .core.catalogue.render import CatalogueRenderer
from .core.catalogue.slots import Marker, fill_slots, marker_line, place_markers
from .core.comparison import guide_page, script_settings
from .core.datafiles import SCRIPT, STYLESHEET, generated_files, script, stylesheet
from .core.exports import export_files
from .core.glossary import build_glossary
from .core.guide_data import GuideViews, build_guide_views
from .core.indexing import search_html
from .core.keys import digest
from .core.labels import interface_language, labels_for
from .core.markup import clean_body
from .core.memo import Memo
from .core.model import DEFINITIONS, KINDS, KINDS_BY_NAME, METHOD
from .core.options import CHOOSER_TEMPLATE, GLOSSARY_TEMPLATE, page_collisions
from .core.problems import Problem, Severity, failure_problem
from .core.reference import FIELDS_MARKER, fields_reference
from .core.toolbox import card_context, read_toolbox
from .core.views import card_view
from .core.word_forms import PageWords, add_word_forms, page_location
from .core.wording import Wording
from .navigation import lift_generated_pages

log = get_plugin_logger(__name__)
T = TypeVar("T")

PACKAGE = Path(__file__).parent
# libyaml's emitter where PyYAML was built with it: the same YAML, written several times faster.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
CACHE = Path(".cache", "plugin", "participation")
# Compiled templates, apart for each version of Jinja.
TEMPLATES = CACHE / "templates" / f"jinja-{version('jinja2')}"


class ParticipationPlugin(BasePlugin[ParticipationConfig]):
    """Turns Markdown cards into method, tool and case-study pages."""

    supports_multiple_instances = False

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """The options validated as ``check`` validates them, keys dotted into sub-options."""
        self.config, failed, warnings = load_options(options, config_file_path)
        return failed, warnings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = self.serving and dirty
        # The plugin object lives across serve's rebuilds: so do the cards of unchanged files
        # and what their views made.
        self.card_cache = CardCache()
        self.memo = Memo()
        self.page_words = PageWords()
        # The pages seen holding a catalogue, which --dirty must build again after an edit.
        self.listing_pages: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.cards: dict[str, Card] = {}
        self.card_set: CardSet | None = None
        self.wording: Wording | None = None
        self.guides: dict[str, str] = {}
        self.guide_paths: set[str] = set()
        # The URL of each compared kind's comparison page.
        self.comparisons: dict[str, str] = {}
        self.catalogues: CatalogueRenderer | None = None
        self.guide_views = GuideViews()
        self.cache_refused = False
        if not self.config.enabled:
            return None
        if not hasattr(self, "serving"):
            self.serving = self.dirty = False
            self.card_cache = CardCache()
            self.memo = Memo()
            self.page_words = PageWords()
            self.listing_pages = set()
        where = Path(config.config_file_path or "mkdocs.yml").name
        COMPILED.folder = Path(config.config_file_path or "mkdocs.yml").parent / TEMPLATES
        if config.theme.name != "material":
            raise PluginError(
                f"{where}: theme: the participation plugin needs Material for MkDocs, not "
                f"'{config.theme.name}' (set 'theme: name: material')"
            )
        # mkdocs-static-i18n builds each language with the same config, one after the other.
        self.translated, self.folders, self.suffixed = _translation(config)
        self.folder = self.folders.get(self.translated, "")
        self.script = self.folder + SCRIPT
        if str(PACKAGE / "templates") not in config.theme.dirs:
            config.theme.dirs.append(str(PACKAGE / "templates"))
            # Before Material's own folder, so that its 404 page is the plugin's, in the site's
            # language; an author's custom_dir still comes first.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE / "theme"))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        # A site that also builds with Zensical names the script itself (core/datafiles.py);
        # with static-i18n, each language has its own.
        config.extra_javascript[:] = [
            item for item in config.extra_javascript if not str(item).endswith(SCRIPT)
        ]
        config.extra_javascript.append(self.script)
        self.language = interface_language(
            self.translated or self.config.language, config.theme.get("language")
        )
        self.card_options = card_options(self.config, self.language)
        self.settings = self.card_options.settings
        # Heading permalinks in the interface language, as the card pages' own, unless the
        # site words them itself.
        toc = config.mdx_configs.get("toc")
        if "toc" in config.markdown_extensions and toc is not None and toc.get("permalink"):
            toc.setdefault(
                "permalink_title", labels_for(self.language, self.config.labels)["permalink"]
            )
        self.listing_options, problems = check_options(self.config, self.language, where)
        for problem in problems:
            _report(problem)
        # Options whose page or folder cannot be written: nothing is generated for them.
        self.refused = {problem.key for problem in problems if problem.severity is Severity.ERROR}
        self.where = where
        return config

    def _files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if self.config.enabled and self.translated is None:
            return self._add_files(files, config)
        return None

    @event_priority(-110)
    def _translated_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """With mkdocs-static-i18n, after it (-100) has kept the files of the language built."""
        if self.config.enabled and self.translated is not None:
            return self._add_files(files, config)
        return None

    on_files = CombinedEvent(_files, _translated_files)

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The cards read, and the pages, exports and assets the plugin writes, added."""
        for path in generated_files(Path(config.docs_dir)):
            if (file := files.get_file_from_path(path)) is not None:
                files.remove(file)
        # static-i18n names a page by its path without the language (fr/… or ….en.md).
        names = {
            file.src_uri: getattr(file, "norm_src_uri", file.src_uri)
            for file in files.documentation_pages()
        }
        toolbox = read_toolbox(
            names,
            (file.src_uri for file in files),
            lambda path: _read(files.get_file_from_path(path)),
            self.card_options,
            url=lambda path: files.get_file_from_path(path).url,
            names=names,
            # A single build reads each card once: nothing to keep, nor to copy.
            load=self.card_cache.load_card if self.serving else load_card,
        )
        if self.serving:
            self.card_cache.keep(names)
        self.cards, self.card_set, self.wording = toolbox.cards, toolbox.card_set, toolbox.wording
        if not self.config.navigation:
            # Out of the automatic nav (an author's nav may still list them): every page
            # renders the whole nav, and visitors reach cards through the catalogues.
            for path in self.cards:
                files.get_file_from_path(path).inclusion = InclusionLevel.NOT_IN_NAV
        pages = {
            key: File.generated(config, page_path(url), content="").url
            for key, url in generated_pages(self.config).items()
            if key not in self.refused
        }
        for problem in page_collisions(pages, self.card_set.urls, self.where):
            _report(problem)
            self.refused.add(problem.key)
        for card in self.card_set.cards:
            for problem in card.problems:
                _report(problem)
        self.generated_catalogues: set[str] = set()
        for kind, path in self.listing_options.pages.items():
            if f"catalogues.{kind}.url" in self.refused:
                continue
            if not self.card_set.of_kind(kind):
                log.info(f"no card of kind '{kind}': no catalogue page at {path}")
            elif files.get_file_from_path(path) is None:
                title = self.wording.labels[f"{kind}_plural"]
                self.generated_catalogues.add(path)
                files.append(self._page_file(config, path, page_markdown(kind, title)))
        self.catalogue_urls = {
            kind: found.url
            for kind, path in self.listing_options.pages.items()
            if self.card_set.of_kind(kind) and (found := files.get_file_from_path(path))
        }
        self._add_guides(files, config)
        self._add_assets(files, config)
        self._share_with_redirects(files, config)
        self.search_texts: dict[str, str] = {}
        self.page_words.start()
        # A single build keeps nothing: neither the words of its pages nor their entries.
        words_of = self.page_words if self.serving else None
        kept = self._page_entries if self.serving else None
        for name in ("material/search", "search"):
            search = config.plugins.get(name)
            if hasattr(search, "search_index"):
                index = search.search_index
                if isinstance(index, CompactSearch):  # static-i18n's next language
                    index = index.index
                search.search_index = CompactSearch(index, self.search_texts, words_of, kept)
        self.env = config.theme.get_env()
        self.env.bytecode_cache = COMPILED
        if self.serving:  # a single build has nothing to keep
            changed = self.memo.start(
                self.card_set, self.card_cache.digests(), self._context(config)
            )
            if self.dirty and changed:
                self._outdate(files, changed)
        if self.config.exports.enabled and "exports.folder" not in self.refused:
            self._add_exports(files, config)
        self.catalogues = CatalogueRenderer(
            ListingBuilder(self.card_set, self.wording, self._comparing(), self.memo.get),
            self.listing_options,
            self.env.get_template("participation/catalogue.html"),
            self.env.get_template("participation/fragments/entry.html"),
            self.folder,
        )
        kinds = [kind for kind in self.listing_options.pages if self.card_set.of_kind(kind)]
        for path, content in self.catalogues.data_files(kinds).items():
            files.append(self._cached_file(config, path, content))
        self._add_guide_data(files, config)
        self.ways_in = [
            *(
                (self.wording.labels[f"{kind}_plural"], url)
                for kind, url in self.catalogue_urls.items()
            ),
            *self.guide_links,
        ]
        return files

    # First, on the nav MkDocs made: a plugin that makes its own (awesome-nav, at 100) after.
    @event_priority(110)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        """In a nav made from the folders, the catalogues and guide pages stand for the
        sections that would hold only them."""
        if self.config.enabled and config.nav is None and self.wording is not None:
            lift_generated_pages(nav, self.generated_catalogues | self.guide_paths)

    def on_template_context(self, context, /, *, template_name: str, config: MkDocsConfig):
        """The 404 page: its words, and the catalogues and guides to start again from."""
        if template_name == "404.html" and self.wording is not None:
            context["participation_not_found"] = {
                "labels": self.wording.labels,
                "links": self.ways_in,
            }
        return context

    def _add_guides(self, files: Files, config: MkDocsConfig) -> None:
        """The comparison of each compared kind that has cards, the chooser and the glossary,
        unless the site has its own page at their URL."""
        labels = self.wording.labels
        self.guide_links: list[tuple[str, str]] = []
        for guide in guide_pages(self.config):
            if guide.key in self.refused:
                continue
            if guide.kind is not None and not self.card_set.of_kind(guide.kind):
                log.info(f"no card of kind '{guide.kind}': no comparison page at {guide.url}")
                continue
            path = page_path(guide.url)
            markdown = guide_page(labels[guide.title], labels[guide.intro], guide.template)
            page = self._page_file(config, path, markdown)
            own = next(
                (file for file in files.documentation_pages() if file.dest_uri == page.dest_uri),
                None,
            )
            if own is None:
                files.append(page)
                self.guide_paths.add(path)
            url = (own or page).url
            if guide.kind is None:
                self.guides[guide.template] = url
            else:
                self.comparisons[guide.kind] = url
            self.guide_links.append((labels[guide.title], url))

    def _outdate(self, files: Files, changed: set[str]) -> None:
        """Under ``serve --dirty``, MkDocs builds only the pages whose source is newer than
        their output: the pages of cards whose neighbours changed, and the pages that list
        cards (catalogues, guides), lose their output, so that they are built again."""
        for file in files.documentation_pages():
            path = file.src_uri
            if path in changed or path in self.listing_pages or path in self.guide_paths:
                Path(file.abs_dest_path).unlink(missing_ok=True)

    def _add_guide_data(self, files: Files, config: MkDocsConfig) -> None:
        """The comparisons and the chooser, computed once, and the data files that their
        pages fetch."""
        views = build_guide_views(
            self.card_set,
            self.wording,
            self.comparisons,
            CHOOSER_TEMPLATE in self.guides,
            self.catalogue_urls,
            self.listing_options.facets.get(METHOD, []),
            DEFINITIONS[self.language],
            self.memo.get,
        )
        for path, data in views.data_files().items():
            files.append(self._cached_file(config, path, data))
        self.guide_views = views.for_pages()

    def _share_with_redirects(self, files: Files, config: MkDocsConfig) -> None:
        """mkdocs-redirects lists the site's pages in its own on_files, and writes a redirect
        only to a page of that list: listed before this plugin, it has not seen the pages the
        plugin generates, which are added to its list (listed after, it sees them)."""
        pages = getattr(config.plugins.get("redirects"), "doc_pages", None)
        if isinstance(pages, dict):
            for file in files.documentation_pages():
                pages.setdefault(file.src_uri, file)

    def _file(self, config: MkDocsConfig, path: str, **source: Any) -> File:
        """A file the plugin writes at ``path`` of the site, or of the language that
        mkdocs-static-i18n builds, named as that plugin names its files there (en/… or ….en.md),
        so that links and the nav find it."""
        if not self.folder:
            return File.generated(config, path, **source)
        if not self.suffixed:
            return File.generated(config, self.folder + path, **source)
        plain = PurePosixPath(path)
        file = File.generated(
            config, str(plain.with_suffix(f".{self.translated}{plain.suffix}")), **source
        )
        file.dest_uri = self.folder + File.generated(config, path, content="").dest_uri
        return file

    def _cached_file(
        self, config: MkDocsConfig, path: str, content: str | bytes, folder: str = "files"
    ) -> File:
        """A file the plugin writes at ``path``, backed by a file in the plugin's cache (under
        ``folder``; never under docs_dir), which MkDocs copies: the build keeps no copy of its
        ``content`` in memory, and a file unchanged since the last build is not written again.
        Where the cache cannot be written, the file is kept in memory."""
        cache = Path(config.config_file_path or "mkdocs.yml").parent / CACHE
        target = cache / folder / self.folder / path
        data = content.encode() if isinstance(content, str) else content
        try:
            if not target.is_file() or target.read_bytes() != data:
                _write_whole(target, data)
        except OSError as error:
            if not self.cache_refused:
                self.cache_refused = True
                log.info(
                    f"{CACHE}: cannot write the plugin's cache ({error}): the files it "
                    "generates are kept in memory"
                )
            return self._file(config, path, content=content)
        return self._file(config, path, abs_src_path=str(target))

    def _page_file(self, config: MkDocsConfig, path: str, markdown: str) -> File:
        """A page the plugin writes (its ``generated_by`` is set by MkDocs), backed by a file in
        the plugin's cache, so that plugins that read a page's source file (rss, git dates)
        find one."""
        file = self._cached_file(config, path, markdown, "pages")
        if self.translated is not None:
            # What static-i18n knows of its own pages: the language switcher then links each
            # language's version of the page, not the one of the page built before it.
            file.locale = file.locale_alternate_of = self.translated
            file.localization = self.translated if self.folder else None
            file.norm_src_uri = path
            file.alternates = {
                language: File.generated(config, folder + path, content="")
                for language, folder in self.folders.items()
            }
        return file

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        """The stylesheet, and the script, which opens with the settings of the comparisons
        (their URLs, their words) when the site has one."""
        settings = script_settings(self.card_set, self.wording, self.comparisons)
        files.append(File.generated(config, STYLESHEET, content=stylesheet()))
        files.append(self._file(config, SCRIPT, content=script(settings)))

    def _add_exports(self, files: Files, config: MkDocsConfig) -> None:
        options = export_options(
            self.config, config, self.language, self.settings.vocabularies, self.wording.labels
        )
        # Under static-i18n, a language's exports sit in its folder (en/donnees/…).
        options = replace(options, folder=self.folder + options.folder)
        for uri, content in export_files(self.card_set, options, self.memo.get).items():
            uri = uri.removeprefix(self.folder)
            if files.get_file_from_path(uri) is not None:
                log.warning(
                    f"{uri}: a docs file has the path of a generated export, which is "
                    "not written (set the plugin's exports.folder to another folder)"
                )
                continue
            files.append(self._cached_file(config, uri, content))
        if not config.site_url:
            log.info(
                "site_url is not set: the exports use relative addresses and no Atom feed "
                "is written"
            )

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> None:
        """The theme's templates, compiled once for all of serve's rebuilds and kept in the
        plugin's cache for the next build."""
        env.bytecode_cache = COMPILED

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A card's page is made of the card as read (MkDocs would stop at a byte that is not
        UTF-8, where the card reports it), under a front matter that holds only the keys the
        theme and other plugins may read (core/page_meta.py)."""
        card = self.cards.get(page.file.src_uri)
        if card is None:
            return None
        return self.memo.get("source", card, functools.partial(_page_source, card))

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """The Markdown as the plugins before this one left it; a card's legacy habits (bold
        pseudo-headings, lists glued to a paragraph) rewritten."""
        if FIELDS_MARKER in markdown:
            markdown = markdown.replace(FIELDS_MARKER, fields_reference(self.settings.vocabularies))
        if page.file.src_uri not in self.cards:
            return markdown
        card = self.cards.get(page.file.src_uri)
        if card is None:
            return markdown
        # Kept across serve's rebuilds for the same card and Markdown (the plugins before this
        # one may change it).
        written = digest(markdown)
        level = self.config.heading_level
        return self._guarded(
            card,
            lambda: self.memo.get(
                "markdown",
                card,
                lambda: normalise_body(without_refused_links(markdown), level),
                written,
            ),
            "\n".join("    " + line for line in markdown.split("\n")),
        )

    # Early, before the other plugins' default priority (0): what they read of a page's HTML in
    # on_page_content, on_page_context and on_post_page (search, lightbox, print, minification)
    # is the whole page a visitor sees, catalogues and card pages alike.
    @event_priority(90)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.catalogues is None:
            return None
        if "participation:catalogue" not in html:
            self.listing_pages.discard(page.file.src_uri)
        else:
            self.listing_pages.add(page.file.src_uri)
            slots = place_markers(html, functools.partial(self._known, page.file))
            # Search indexes the page around its catalogues, not thousands of card entries.
            self.search_texts[page.file.src_uri] = fill_slots(html, slots, lambda slot: "")
            base_url = get_relative_url(".", page.url)
            render = functools.partial(self.catalogues.render, base_url=base_url)
            html = fill_slots(html, slots, render)
        card = self.cards.get(page.file.src_uri)
        if card is None:
            return html
        return self._card_page(card, html, page, config)

    def _card_page(self, card: Card, html: str, page: Page, config: MkDocsConfig) -> str:
        """The whole content of a card's page: the card templates around its body, made again
        only when the card, its neighbours, its body or the site changed (core/memo.py)."""
        key = (digest(html), page.canonical_url)
        made = self.memo.find("page", card, *key)
        if not isinstance(made, CardPage):
            made = self._made_card_page(card, html, page, config)
            if made.complete:
                self.memo.put("page", card, made, *key)
        elif made.removed is not None:
            card.problems.append(made.removed)
            _report(made.removed)
        page.toc.items[:0] = [AnchorLink(title, id, 2) for title, id in made.leading]
        page.toc.items.extend(AnchorLink(title, id, 2) for title, id in made.closing)
        if made.search is not None:
            self.search_texts[page.file.src_uri] = made.search
        return made.content

    def _made_card_page(self, card: Card, html: str, page: Page, config: MkDocsConfig) -> CardPage:
        """A card's page made: a part that fails is left out (and recorded on the card); the
        body is still shown."""
        problems = len(card.problems)
        html, removed = self._guarded(card, lambda: clean_body(html), ("", []))
        problem = None
        if removed:
            problem = removed_html_problem(card.path, card.body, card.source.body_line, removed)
            card.problems.append(problem)
            _report(problem)
        view = self._guarded(card, lambda: card_view(card, self.card_set, self.wording), None)
        content = search = None
        leading: list[tuple[str, str]] = []
        closing: list[tuple[str, str]] = []
        if view is not None:
            view.body = Markup(html)
            if self.serving:
                view.problems = [str(problem) for problem in card.problems]
            leading = [(part.title, part.id) for part in view.leading]
            closing = [(part.title, part.id) for part in view.closing]
            search = search_html(view)
            content = self._guarded(card, lambda: self._render_card(card, view, page, config), None)
        complete = len(card.problems) == problems + (problem is not None)
        if content is None:
            content = self._problems_panel(card) + html
        return CardPage(content, leading, closing, search, problem, complete)

    def _render_card(self, card: Card, view: Any, page: Page, config: MkDocsConfig) -> str:
        neighbours = card_context(
            card,
            self.card_set,
            self.wording,
            self._comparing(),
            self.catalogue_urls,
            self.guides.get(GLOSSARY_TEMPLATE),
        )
        return self.env.get_template(KINDS_BY_NAME[view.kind].template).render(
            page=page,
            config=config,
            base_url=get_relative_url(".", page.url),
            participation=view,
            **neighbours,
        )

    def _problems_panel(self, card: Card) -> str:
        """Under ``mkdocs serve``, the problems of a card whose page could not be made."""
        if not (self.serving and card.problems):
            return ""
        problems = [str(problem) for problem in card.problems]
        return self.env.get_template("participation/partials/problems.html").render(
            participation={"problems": problems, "labels": self.wording.labels}
        )

    def _known(self, file: File, found: Marker) -> bool:
        if found.kind in KINDS:
            return True
        _report(
            unknown_kind(
                file.src_uri,
                found.kind,
                marker_line(_read(file).decode("utf-8-sig", "replace"), found.kind),
            )
        )
        return False

    def _guarded(self, card: Card, make: Callable[[], T], fallback: T) -> T:
        """``make()``; when it fails, the card records why and ``fallback`` stands in, so
        that one card never stops a build or ``mkdocs serve``."""
        try:
            return make()
        except Exception as error:
            problem = failure_problem(card.path, error)
            card.problems.append(problem)
            _report(problem)
            return fallback

    def _page_entries(
        self, page: Page, make: Callable[[], list[dict]], key: Hashable
    ) -> list[dict]:
        """A card page's search entries, made by ``make()`` unless serve's last build made
        them for the same card and ``key``."""
        card = self.cards.get(page.file.src_uri)
        return make() if card is None else self.memo.get("search entries", card, make, key)

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        """The values of the comparison and chooser pages."""
        if self.wording is None:
            return None
        context.update(self.guide_views.values(page.meta.get("template"), page.url, self.folder))
        if page.meta.get("template") == GLOSSARY_TEMPLATE:
            context["participation_glossary"] = build_glossary(
                DEFINITIONS[self.language], self.wording
            )
        context["participation_glossary_url"] = self.guides.get(GLOSSARY_TEMPLATE)
        return context

    def _context(self, config: MkDocsConfig) -> str:
        """What a card's pages and catalogue entries depend on besides the cards: the plugin's
        options, the site's words and URLs, and the plugin's templates as the theme finds them
        (an author may override one while serve runs)."""
        templates = [
            (str(path), path.stat().st_mtime_ns)
            for folder in config.theme.dirs
            for path in sorted(Path(folder, "participation").rglob("*.html"))
        ]
        return repr(
            (
                dict(self.config),
                self.language,
                self.folder,
                self.serving,
                config.site_url,
                config.use_directory_urls,
                sorted(self.guides.items()),
                sorted(self.comparisons.items()),
                sorted(self.catalogue_urls.items()),
                templates,
            )
        )

    def _comparing(self) -> frozenset[str]:
        """The kinds of card the site compares: those with a comparison page."""
        return frozenset(self.comparisons)


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once: kept for the process, since MkDocs makes a new Jinja
    environment for each of serve's rebuilds, and in the plugin's cache ``folder`` for the
    next build. Jinja checks each template's source (and its own format) against the one
    compiled, and compiles again when they differ."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}
        self.folder: Path | None = None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / bucket.key).read_bytes()
            except OSError:
                return
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            # A project whose cache cannot be written compiles at each build.
            with contextlib.suppress(OSError):
                _write_whole(self.folder / bucket.key, code)


COMPILED = CompiledTemplates()


@dataclass(frozen=True)
class CardPage:
    """A card's page as made: its content, the headings it adds before and after its body's
    (title, id), its compact search text, the problem of the HTML its body lost, if any, and
    whether every part of it was made (a page with a failed part is made again)."""

    content: str
    leading: list[tuple[str, str]]
    closing: list[tuple[str, str]]
    search: str | None
    removed: Problem | None
    complete: bool


class CompactSearch:
    """A search plugin's index that reads, in place of a page's HTML, the text the plugin
    gives for it: a card page's compact text (core/indexing.py: the same words in far fewer
    tags), a page without its catalogues. The page's content is swapped only while the index
    reads it, so no other plugin ever sees anything but the page itself. The index it writes
    also holds the other forms of each page's words (core/word_forms.py), ``words_of`` giving
    the words of its pages' texts. ``kept(page, make, key)`` may give the entries that an
    index like this one made of a page before, for the same ``key``: its text, address,
    title, headings and front matter."""

    def __init__(
        self,
        index: Any,
        texts: dict[str, str],
        words_of: PageWords | None = None,
        kept: Callable[[Page, Callable[[], list[dict]], Hashable], list[dict]] | None = None,
    ) -> None:
        self.index = index
        self.texts = texts
        self.words_of = words_of
        self.kept = kept

    def add_entry_from_context(self, page: Page) -> None:
        text = self.texts.pop(page.file.src_uri, None)  # read once: the build keeps no copy
        if text is None:
            self.index.add_entry_from_context(page)
        elif self.kept is None:
            self._read(page, text)
        else:
            key = (
                digest(text),
                page.url,
                page.title,
                repr(page.meta),
                _headings(page.toc),
                repr(self.index.config),
            )
            made = self.kept(page, functools.partial(self._made_entries, page, text), key)
            # Copies: the other forms of the words are added to the index's own entries.
            self.index.entries.extend(dict(entry) for entry in made)

    def _read(self, page: Page, text: str) -> None:
        content, page.content = page.content, text
        try:
            self.index.add_entry_from_context(page)
        finally:
            page.content = content

    def _made_entries(self, page: Page, text: str) -> list[dict]:
        """The entries the index makes of ``page`` read as ``text``, taken back out of it.
        (Not ``_entries``: mkdocs-static-i18n looks for that name, MkDocs' own index's list.)"""
        entries = self.index.entries
        before = len(entries)
        self._read(page, text)
        made = entries[before:]
        del entries[before:]
        return made

    def generate_search_index(self, prev: Any) -> str:
        """The index's JSON text, with the other forms of each page's words. Under serve
        --dirty (``prev``: the index of the build before), the entries of the pages not built
        again are kept and those of every page built replaced: Material's own merge replaces
        the first page's only, and takes every page away when that one is the site's home."""
        if prev:
            built = {page_location(entry) for entry in self.index.entries}
            kept = [entry for entry in prev.entries if page_location(entry) not in built]
            self.index.entries = kept + self.index.entries
        # On a copy: the search plugin's own options stay as the author wrote them.
        config = {**self.index.config, "fields": dict(self.index.config.get("fields") or {})}
        if add_word_forms(config, self.index.entries, self.words_of):
            self.index.config = config
        return self.index.generate_search_index(None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.index, name)


def _headings(items: Iterable[AnchorLink]) -> tuple:
    """A page's table of contents as values: each heading's title, address, level and own."""
    return tuple((item.title, item.url, item.level, _headings(item.children)) for item in items)


def _page_source(card: Card) -> str:
    meta = dict(card.meta)
    boost = KINDS_BY_NAME[card.kind].search_boost
    if boost != 1:  # the card's own search options win
        meta["search"] = {"boost": boost, **meta.get("search", {})}
    front_matter = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return f"---\n{front_matter}---\n\n{card.body}"


def _translation(config: MkDocsConfig) -> tuple[str | None, dict[str, str], bool]:
    """The language mkdocs-static-i18n is building, the folder of each language it builds
    ('' for the default language) and whether its files are named with a suffix (….en.md);
    (None, {None: ''}, False) without that plugin."""
    i18n = config.plugins.get("i18n")
    if i18n is None or not hasattr(i18n, "build_languages"):
        return None, {None: ""}, False
    default = i18n.default_language
    folders = {lang: "" if lang == default else f"{lang}/" for lang in i18n.build_languages}
    suffixed = i18n.config.docs_structure == "suffix"
    return i18n.current_language or default, folders, suffixed


def _write_whole(target: Path, data: bytes) -> None:
    """``data`` written at ``target`` whole or not at all: another build of the same site may
    be reading it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = target.with_name(f"{target.name}.{os.getpid()}")
    try:
        written.write_bytes(data)
        written.replace(target)
    finally:
        with contextlib.suppress(OSError):
            written.unlink(missing_ok=True)


def _read(file: File) -> bytes:
    try:
        return file.content_bytes
    except OSError as error:
        raise PluginError(f"{file.src_uri}: cannot read the file: {error}") from error


def _report(problem: Problem) -> None:
    if problem.severity is Severity.INFO:
        log.info(str(problem))
    elif problem.severity is Severity.ERROR:
        log.error(str(problem))
    else:
        log.warning(str(problem))
