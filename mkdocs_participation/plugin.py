"""The MkDocs adapter: wires build events to the core, nothing else."""

from __future__ import annotations

import functools
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from .config import ParticipationConfig, card_options, export_options
from .core.body import normalise_body, removed_html_problem
from .core.cards import Card
from .core.cardset import CardSet
from .core.catalogue.listing import ListingBuilder
from .core.catalogue.options import page_markdown, page_path, unknown_kind
from .core.catalogue.options import read_options as read_listing_options
from .core.catalogue.render import CatalogueRenderer
from .core.catalogue.slots import Marker, fill_slots, marker_line, place_markers
from .core.chooser import CHOOSER_TEMPLATE
from .core.comparison import COMPARISON_TEMPLATE, compare_item, guide_page, script_settings
from .core.datafiles import SCRIPT, STYLESHEET, generated_files, script, stylesheet
from .core.exports import export_files
from .core.glossary import GLOSSARY_TEMPLATE, build_glossary
from .core.indexing import search_html
from .core.labels import check_labels, interface_language, labels_for
from .core.markup import clean_body, plain_title
from .core.model import DEFINITIONS, KINDS, KINDS_BY_NAME, METHOD
from .core.problems import Problem, Severity
from .core.reference import FIELDS_MARKER, fields_reference
from .core.toolbox import guide_values, read_toolbox
from .core.views import card_view
from .core.wording import Wording

log = get_plugin_logger(__name__)

PACKAGE = Path(__file__).parent


class ParticipationPlugin(BasePlugin[ParticipationConfig]):
    """Turns Markdown cards into method, tool and case-study pages."""

    supports_multiple_instances = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.cards: dict[str, Card] = {}
        self.card_set: CardSet | None = None
        self.wording: Wording | None = None
        self.guides: dict[str, str] = {}
        self.guide_paths: set[str] = set()
        self.methods_url: str | None = None
        if not self.config.enabled:
            return None
        if not hasattr(self, "serving"):
            self.serving = False
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
        # A site that also builds with Zensical names them itself (see core/datafiles.py).
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in map(str, config.extra_javascript):
            config.extra_javascript.append(SCRIPT)
        self.language = interface_language(self.config.language, config.theme.get("language"))
        self.card_options = card_options(self.config, self.language)
        self.settings = self.card_options.settings
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
        for problem in [*problems, *check_labels(self.language, self.config.labels, where)]:
            _report(problem)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        for path in generated_files(Path(config.docs_dir)):
            if (file := files.get_file_from_path(path)) is not None:
                files.remove(file)
        toolbox = read_toolbox(
            (file.src_uri for file in files.documentation_pages()),
            (file.src_uri for file in files),
            lambda path: _read(files.get_file_from_path(path)),
            self.card_options,
            url=lambda path: files.get_file_from_path(path).url,
        )
        self.cards, self.card_set, self.wording = toolbox.cards, toolbox.card_set, toolbox.wording
        for card in self.card_set.cards:
            for problem in card.problems:
                _report(problem)
        if self.config.exports:
            self._add_exports(files, config)
        self.catalogue_titles: dict[str, str] = {}
        for kind, path in self.listing_options.pages.items():
            if not self.card_set.of_kind(kind):
                log.info(f"no card of kind '{kind}': no catalogue page at {path}")
            elif files.get_file_from_path(path) is None:
                self.catalogue_titles[path] = self.wording.labels[f"{kind}_plural"]
                markdown = page_markdown(kind, self.catalogue_titles[path])
                files.append(File.generated(config, path, content=markdown))
        self._add_guides(files, config)
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
        for template, url, title, intro in (
            (COMPARISON_TEMPLATE, self.config.comparison, "compare_title", "compare_intro"),
            (CHOOSER_TEMPLATE, self.config.chooser, "chooser_title", "chooser_intro"),
            (GLOSSARY_TEMPLATE, self.config.glossary, "glossary_title", "glossary_intro"),
        ):
            if not url.strip():
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

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        """The stylesheet, and the script, which opens with the settings of the comparison
        (its URL, its words) when the site has one."""
        comparison = self.guides.get(COMPARISON_TEMPLATE)
        settings = (
            script_settings(self.wording.labels, comparison) if comparison is not None else ""
        )
        files.append(File.generated(config, STYLESHEET, content=stylesheet()))
        files.append(File.generated(config, SCRIPT, content=script(settings)))

    def _add_exports(self, files: Files, config: MkDocsConfig) -> None:
        options = export_options(
            self.config, config, self.language, self.settings.vocabularies, self.wording.labels
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
        return normalise_body(card.body, self.config.heading_level)

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        card = self.cards.get(page.file.src_uri)
        if card is None or self.wording is None:
            return None
        html, removed = clean_body(html)
        if removed:
            problem = removed_html_problem(card.path, card.body, card.source.body_line, removed)
            card.problems.append(problem)
            _report(problem)
        view = card_view(card, self.card_set, self.wording)
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
        self.catalogues = CatalogueRenderer(
            ListingBuilder(self.card_set, self.wording, self._comparing()),
            self.listing_options,
            env.get_template("participation/catalogue.html"),
        )
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
        if not self.config.enabled or "participation:slot" not in output:
            return None
        base_url = get_relative_url(".", page.url)
        return fill_slots(output, functools.partial(self.catalogues.render, base_url=base_url))

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
        if view is not None:
            context["participation"] = view
            template = KINDS_BY_NAME[view.kind].template
            page.content = self.env.get_template(template).render(context)
        return context

    on_page_context = CombinedEvent(_index_card_page, _render_card_page)

    def _guide_context(self, context, page: Page) -> None:
        """The comparison or the chooser for their pages; the "Comparer" toggle for methods."""
        if self.wording is None:
            return
        comparison = self.guides.get(COMPARISON_TEMPLATE)
        facets = self.listing_options.facets.get(METHOD, [])
        context.update(
            guide_values(
                self.card_set,
                self.wording,
                page.meta.get("template"),
                self.methods_url,
                facets,
                comparison,
                DEFINITIONS[self.language],
            )
        )
        if page.meta.get("template") == GLOSSARY_TEMPLATE:
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
