"""The MkDocs adapter: wires build events to the core, nothing else."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from .config import ParticipationConfig
from .core.body import normalise_body, removed_html_problem, without_refused_links
from .core.card_cache import CardCache
from .core.cards import Card, Settings, folder_kind
from .core.cardset import CardSet, ImageOptions, build_card_set
from .core.catalogue.listing import ListingBuilder
from .core.catalogue.options import page_markdown, page_path, unknown_kind
from .core.catalogue.options import read_options as read_listing_options
from .core.catalogue.render import CatalogueRenderer
from .core.catalogue.slots import Marker, fill_slots, marker_line, place_markers
from .core.chooser import CHOOSER_TEMPLATE, Chooser, build_chooser
from .core.comparison import (
    COMPARISON_TEMPLATE,
    TABLE_VIEW,
    Comparison,
    build_comparison,
    compare_item,
    guide_page,
    script_settings,
)
from .core.exports import ExportOptions, export_files
from .core.glossary import GLOSSARY_TEMPLATE, build_glossary
from .core.guide_data import GUIDE_DATA, guide_data
from .core.indexing import search_html
from .core.labels import check_labels, interface_language, labels_for, vocabularies_for
from .core.markup import clean_body, plain_title
from .core.model import DEFINITIONS, KINDS, KINDS_BY_NAME, METHOD
from .core.options import generated_pages, option_problems, page_collisions
from .core.problems import Problem, Severity, failure_problem
from .core.reference import fields_reference
from .core.views import card_view
from .core.wording import Wording

log = get_plugin_logger(__name__)
T = TypeVar("T")

PACKAGE = Path(__file__).parent
FIELDS_MARKER = "<!-- participation:fields -->"
# The plugin's styles and scripts, served as one file each on every page (two requests, not
# eight): the kit first (window.participationKit), then the catalogue, comparison and chooser.
SOURCES = PACKAGE / "assets" / "participation"
STYLES = ("kit.css", "catalogue.css", "compare.css", "chooser.css")
SCRIPTS = ("kit.js", "catalogue.js", "compare.js", "chooser.js")
STYLESHEET = "assets/participation/participation.css"
SCRIPT = "assets/participation/participation.js"


class ParticipationPlugin(BasePlugin[ParticipationConfig]):
    """Turns Markdown cards into method, tool and case-study pages."""

    supports_multiple_instances = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.card_cache = CardCache()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.cards: dict[str, Card] = {}
        self.card_set: CardSet | None = None
        self.wording: Wording | None = None
        self.guides: dict[str, str] = {}
        self.guide_paths: set[str] = set()
        self.methods_url: str | None = None
        self.comparison: Comparison | None = None
        self.chooser: Chooser | None = None
        if not self.config.enabled:
            return None
        if not hasattr(self, "serving"):
            self.serving = False
            self.card_cache = CardCache()
        where = Path(config.config_file_path or "mkdocs.yml").name
        if config.theme.name != "material":
            raise PluginError(
                f"{where}: theme: the participation plugin needs Material for MkDocs, not "
                f"'{config.theme.name}' (set 'theme: name: material')"
            )
        config.theme.dirs.append(str(PACKAGE / "templates"))
        # Before Material's own folder, so that its 404 page is the plugin's, in the site's
        # language; an author's custom_dir still comes first.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE / "theme"))
        config.extra_css.append(STYLESHEET)
        config.extra_javascript.append(SCRIPT)
        self.language = interface_language(self.config.language, config.theme.get("language"))
        vocabularies = vocabularies_for(self.language, self.config.vocabularies)
        self.settings = Settings(
            vocabularies=vocabularies, video_hosts=frozenset(self.config.video_hosts)
        )
        # Heading permalinks in the interface language, as the card pages' own, unless the
        # site words them itself.
        toc = config.mdx_configs.get("toc")
        if "toc" in config.markdown_extensions and toc is not None and toc.get("permalink"):
            toc.setdefault(
                "permalink_title", labels_for(self.language, self.config.labels)["permalink"]
            )
        self.listing_options, problems = read_listing_options(
            self.config.catalogues, self.config.facets, self.config.columns, where
        )
        problems += [
            *check_labels(self.language, self.config.labels, where),
            *option_problems(self.config, where),
        ]
        for problem in problems:
            _report(problem)
        # Options whose page or folder cannot be written: nothing is generated for them.
        self.refused = {problem.key for problem in problems if problem.severity is Severity.ERROR}
        self.where = where
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        found = (
            (file, folder_kind(file.src_uri, self.config.folders))
            for file in files.documentation_pages()
        )
        self.cards = self.card_cache.load(
            ((file.src_uri, _read(file), kind) for file, kind in found if kind is not None),
            self.settings,
        )
        images = ImageOptions(
            folder=self.config.images.strip("/"),
            missing=Severity.WARNING if self.config.missing_images == "warn" else Severity.INFO,
        )
        self.card_set = build_card_set(
            self.cards.values(),
            (f.src_uri for f in files),
            images,
            self.config.sentinels,
            read=lambda path: files.get_file_from_path(path).content_bytes,
        )
        self.card_set.urls = {uri: files.get_file_from_path(uri).url for uri in self.cards}
        pages = {
            key: File.generated(config, page_path(url), content="").url
            for key, url in generated_pages(self.config).items()
            if key not in self.refused
        }
        for problem in page_collisions(pages, self.card_set.urls, self.where):
            _report(problem)
            self.refused.add(problem.key)
        self.wording = Wording(
            labels_for(self.language, self.config.labels),
            self.settings.vocabularies,
            self.language,
        )
        for card in self.card_set.cards:
            for problem in card.problems:
                _report(problem)
        if self.config.exports and "exports_folder" not in self.refused:
            self._add_exports(files, config)
        self.catalogue_titles: dict[str, str] = {}
        for kind, path in self.listing_options.pages.items():
            if f"catalogues.{kind}" in self.refused:
                continue
            if not self.card_set.of_kind(kind):
                log.info(f"no card of kind '{kind}': no catalogue page at {path}")
            elif files.get_file_from_path(path) is None:
                self.catalogue_titles[path] = self.wording.labels[f"{kind}_plural"]
                markdown = page_markdown(kind, self.catalogue_titles[path])
                files.append(File.generated(config, path, content=markdown))
        self._add_guides(files, config)
        self._add_catalogue_words(files, config)
        self._add_guide_data(files, config)
        self._add_assets(files, config)
        self.catalogue_urls = {
            kind: found.url
            for kind, path in self.listing_options.pages.items()
            if self.card_set.of_kind(kind) and (found := files.get_file_from_path(path))
        }
        self.ways_in = [
            (self.wording.labels[f"{kind}_plural"], url)
            for kind, url in self.catalogue_urls.items()
        ] + [
            (self.wording.labels[title], self.guides[template])
            for template, title in (
                (CHOOSER_TEMPLATE, "chooser_title"),
                (COMPARISON_TEMPLATE, "compare_title"),
                (GLOSSARY_TEMPLATE, "glossary_title"),
            )
            if template in self.guides
        ]
        return files

    def on_template_context(self, context, /, *, template_name: str, config: MkDocsConfig):
        """The 404 page: its words, and the catalogues and guides to start again from."""
        if template_name == "404.html" and self.wording is not None:
            context["participation_not_found"] = {
                "labels": self.wording.labels,
                "links": self.ways_in,
            }
        return context

    def _add_guides(self, files: Files, config: MkDocsConfig) -> None:
        """The comparison and chooser pages, unless the site has its own at their URL."""
        labels = self.wording.labels
        for template, key, title, intro in (
            (COMPARISON_TEMPLATE, "comparison", "compare_title", "compare_intro"),
            (CHOOSER_TEMPLATE, "chooser", "chooser_title", "chooser_intro"),
            (GLOSSARY_TEMPLATE, "glossary", "glossary_title", "glossary_intro"),
        ):
            url = self.config[key]
            if not url.strip() or key in self.refused:
                continue
            page = File.generated(
                config, page_path(url), content=guide_page(labels[title], labels[intro], template)
            )
            own = next(
                (file for file in files.documentation_pages() if file.dest_uri == page.dest_uri),
                None,
            )
            if own is None:
                files.append(page)
                self.guide_paths.add(page.src_uri)
            self.guides[template] = (own or page).url
        catalogue = self.listing_options.pages.get(METHOD)
        found = files.get_file_from_path(catalogue) if catalogue else None
        self.methods_url = found.url if found else None

    def _add_catalogue_words(self, files: Files, config: MkDocsConfig) -> None:
        """The catalogues, computed once, and the search words of each kind of card, which
        catalogue.js fetches when a visitor first types."""
        self.catalogues = CatalogueRenderer(
            ListingBuilder(self.card_set, self.wording, self._comparing()), self.listing_options
        )
        for kind in KINDS:
            if self.card_set.of_kind(kind):
                listing = self.catalogues.listing(kind)
                files.append(
                    File.generated(config, listing.words_url, content=listing.words_json())
                )

    def _add_guide_data(self, files: Files, config: MkDocsConfig) -> None:
        """The comparison and the chooser, computed once, and the methods' data file that
        their pages fetch."""
        if COMPARISON_TEMPLATE in self.guides:
            table = f"{self.methods_url}{TABLE_VIEW}" if self.methods_url is not None else None
            self.comparison = build_comparison(METHOD, self.card_set, self.wording, table)
        if CHOOSER_TEMPLATE in self.guides:
            self.chooser = build_chooser(
                self.card_set,
                self.wording,
                self.methods_url,
                self.listing_options.facets.get(METHOD, []),
                self.guides.get(COMPARISON_TEMPLATE),
                DEFINITIONS[self.language],
            )
        if self.comparison is not None or self.chooser is not None:
            content = guide_data(self.comparison, self.chooser)
            files.append(File.generated(config, GUIDE_DATA, content=content))

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        """The stylesheet, and the script, which opens with the settings of the comparison
        (its URL, its words) when the site has one."""
        comparison = self.guides.get(COMPARISON_TEMPLATE)
        methods = [
            compare_item(card, self.card_set, self.wording)
            for card in self.card_set.of_kind(METHOD)
        ]
        settings = (
            script_settings(self.wording.labels, comparison, methods)
            if comparison is not None
            else ""
        )
        files.append(File.generated(config, STYLESHEET, content=_joined(STYLES)))
        files.append(File.generated(config, SCRIPT, content=settings + _joined(SCRIPTS)))

    def _add_exports(self, files: Files, config: MkDocsConfig) -> None:
        options = ExportOptions(
            site_url=config.site_url,
            site_name=config.site_name,
            author=config.site_author,
            folder=self.config.exports_folder,
            licence=self.config.licence,
            licence_url=self.config.licence_url or None,
            language=self.language,
            vocabularies=self.settings.vocabularies,
            kind_labels=self.wording.labels,
        )
        for uri, content in export_files(self.card_set, options).items():
            if files.get_file_from_path(uri) is not None:
                log.warning(
                    f"{uri}: a docs file has the path of a generated export, which is "
                    "not written (set the plugin's exports_folder to another folder)"
                )
                continue
            files.append(File.generated(config, uri, content=content))
        if not config.site_url:
            log.info(
                "site_url is not set: the exports use relative addresses and no Atom feed "
                "is written"
            )

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled:
            return None
        _title_sections(nav.items, self.catalogue_titles)
        if not self.config.navigation:
            generated = {*self.catalogue_titles, *self.guide_paths}
            nav.items = _without_cards(nav.items, self.cards, generated)
        return nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A card's page is made of the card as read (MkDocs would stop at a byte that is not
        UTF-8, where the card reports it)."""
        card = self.cards.get(page.file.src_uri)
        return card.body if card is not None else None

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if FIELDS_MARKER in markdown:
            markdown = markdown.replace(FIELDS_MARKER, fields_reference(self.settings.vocabularies))
        card = self.cards.get(page.file.src_uri)
        if card is None:
            return markdown
        # Front matter is card data, never instructions to the theme (template, description…).
        page.meta.clear()
        page.meta["title"] = plain_title(card.title)
        boost = KINDS_BY_NAME[card.kind].search_boost
        if boost != 1:
            page.meta["search"] = {"boost": boost}
        return self._guarded(
            card,
            lambda: normalise_body(without_refused_links(card.body), self.config.heading_level),
            "\n".join("    " + line for line in card.body.split("\n")),
        )

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        card = self.cards.get(page.file.src_uri)
        if card is None or self.wording is None:
            return None
        html, removed = self._guarded(card, lambda: clean_body(html), ("", []))
        if removed:
            problem = removed_html_problem(card.path, card.body, card.source.body_line, removed)
            card.problems.append(problem)
            _report(problem)
        view = self._guarded(card, lambda: card_view(card, self.card_set, self.wording), None)
        if view is None:
            return html
        view.body = Markup(html)
        if self.serving:
            view.problems = [str(problem) for problem in card.problems]
        page.participation = view  # type: ignore[attr-defined]
        page.toc.items[:0] = [AnchorLink(part.title, part.id, 2) for part in view.leading]
        page.toc.items.extend(AnchorLink(part.title, part.id, 2) for part in view.closing)
        return html

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        """Check catalogue markers now that every page is read; catalogues fill them in
        on_post_page, rendered once per build and page depth."""
        if not self.config.enabled or self.wording is None:
            return None
        self.env = env
        self.catalogue_template = env.get_template("participation/catalogue.html")
        for file in files.documentation_pages():
            page = file.page
            if page is not None and page.content and "participation:catalogue" in page.content:
                page.content = place_markers(page.content, functools.partial(self._known, file))
        return env

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

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # A card page's view is only needed to render it: kept, the views of every card would
        # stay in memory until the end of the build.
        if hasattr(page, "participation"):
            del page.participation  # type: ignore[attr-defined]
        if not self.config.enabled or "participation:slot" not in output:
            return None
        base_url = get_relative_url(".", page.url)
        render = functools.partial(
            self.catalogues.render, template=self.catalogue_template, base_url=base_url
        )
        return fill_slots(output, render)

    @event_priority(50)
    def _index_card_page(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        """Before the search plugin reads the page: the guides' values, and for a card page the
        compact text that search indexes (every word it shows, few tags)."""
        self._guide_context(context, page)
        view = getattr(page, "participation", None)
        if view is not None:
            page.content = search_html(view)
        return context

    @event_priority(-50)
    def _render_card_page(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        """After it: a card page's whole content, from the card templates."""
        view = getattr(page, "participation", None)
        card = self.cards.get(page.file.src_uri)
        if view is not None:
            context["participation"] = view
            template = self.env.get_template(KINDS_BY_NAME[view.kind].template)
            content = self._guarded(card, lambda: template.render(context), None)
            if content is not None:
                page.content = content
                return context
            page.content = str(view.body)
        if card is not None and self.serving and card.problems:
            # A card whose page could not be made still shows its problems under serve.
            context["participation"] = {
                "problems": [str(problem) for problem in card.problems],
                "labels": self.wording.labels,
            }
            panel = self.env.get_template("participation/partials/problems.html")
            page.content = panel.render(context) + (page.content or "")
        return context

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

    on_page_context = CombinedEvent(_index_card_page, _render_card_page)

    def _guide_context(self, context, page: Page) -> None:
        """The comparison or the chooser for their pages; the "Comparer" toggle for methods."""
        if self.wording is None:
            return
        template = page.meta.get("template")
        if template == COMPARISON_TEMPLATE and self.comparison is not None:
            context["participation_comparison"] = self.comparison
            context["participation_data"] = GUIDE_DATA
        elif template == CHOOSER_TEMPLATE and self.chooser is not None:
            context["participation_chooser"] = self.chooser
            context["participation_data"] = GUIDE_DATA
        elif template == GLOSSARY_TEMPLATE:
            context["participation_glossary"] = build_glossary(
                DEFINITIONS[self.language], self.wording
            )
        context["participation_glossary_url"] = self.guides.get(GLOSSARY_TEMPLATE)
        card = self.cards.get(page.file.src_uri)
        if card is not None and card.kind in self.catalogue_urls:
            context["participation_back"] = {
                "url": self.catalogue_urls[card.kind],
                "label": self.wording.labels[f"{card.kind}_plural"],
                "results": self.wording.labels["back_to_results"],
            }
        if card is not None and card.kind in self._comparing():
            context["compare_item"] = compare_item(card, self.card_set, self.wording)

    def _comparing(self) -> frozenset[str]:
        """The kinds of card the site compares: methods, when it has a comparison page."""
        return frozenset({METHOD} if COMPARISON_TEMPLATE in self.guides else ())


def _joined(names: tuple[str, ...]) -> str:
    return "\n".join((SOURCES / name).read_text(encoding="utf-8") for name in names)


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


def _title_sections(items: list, titles: dict[str, str]) -> None:
    """A section holding a generated catalogue page takes its title: 'Méthodes', not the
    folder name."""
    for item in items:
        if isinstance(item, Section):
            for child in item.children:
                if isinstance(child, Page) and child.file.src_uri in titles:
                    item.title = titles[child.file.src_uri]
            _title_sections(item.children, titles)


def _without_cards(items: list, cards: dict[str, Card], generated: set[str]) -> list:
    """``items`` without card pages. A section left with one page (the folder of the methods
    holds its catalogue) or holding only a page the plugin wrote becomes that page: a link,
    not a folder of one link."""
    kept = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in cards:
            continue
        if isinstance(item, Section):
            children = _without_cards(item.children, cards, generated)
            if not children:
                continue
            lone = children[0] if len(children) == 1 else None
            if isinstance(lone, Page) and (
                len(item.children) > 1 or lone.file.src_uri in generated
            ):
                lone.parent = item.parent
                item = lone
            else:
                item.children = children
        kept.append(item)
    return kept
