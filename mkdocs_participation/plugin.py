"""The MkDocs adapter: wires build events to the core, nothing else."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from .config import ParticipationConfig
from .core.body import normalise_body
from .core.cards import Card, Settings, folder_kind, load_card
from .core.catalog import Catalog, ImageOptions, build_catalog
from .core.labels import labels_for
from .core.markup import plain_title
from .core.problems import Problem, Severity
from .core.reference import fields_reference
from .core.schema import VOCABULARIES
from .core.views import ViewBuilder

log = get_plugin_logger(__name__)

PACKAGE = Path(__file__).parent
FIELDS_MARKER = "<!-- participation:fields -->"
ASSETS = ("assets/participation/participation.css", "assets/participation/participation.js")


class ParticipationPlugin(BasePlugin[ParticipationConfig]):
    """Turns Markdown cards into method, tool and case-study pages."""

    supports_multiple_instances = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.cards: dict[str, Card] = {}
        self.catalog: Catalog | None = None
        self.views: ViewBuilder | None = None
        if not self.config.enabled:
            return None
        if not hasattr(self, "serving"):
            self.serving = False
        config.theme.dirs.append(str(PACKAGE / "templates"))
        config.extra_css.append(ASSETS[0])
        config.extra_javascript.append(ASSETS[1])
        language = self.config.language or config.theme.get("language") or "fr"
        self.language = language if language in ("fr", "en") else "fr"
        vocabularies = {name: {**values, **self.config.vocabularies.get(name, {})}
                        for name, values in VOCABULARIES.items()}
        self.settings = Settings(vocabularies=vocabularies,
                                 video_hosts=frozenset(self.config.video_hosts))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        for path in ASSETS:
            files.append(File.generated(config, path, abs_src_path=str(PACKAGE / path)))
        for file in files.documentation_pages():
            kind = folder_kind(file.src_uri, self.config.folders)
            if kind is not None:
                self.cards[file.src_uri] = load_card(
                    file.src_uri, _read(file), kind, self.settings)
        images = ImageOptions(
            folder=self.config.images.strip("/"),
            missing=Severity.WARNING if self.config.missing_images == "warn" else Severity.INFO,
        )
        self.catalog = build_catalog(self.cards.values(), (f.src_uri for f in files), images,
                                     self.config.sentinels)
        self.views = ViewBuilder(self.catalog, labels_for(self.language, self.config.labels),
                                 self.settings.vocabularies, self.language)
        for card in self.catalog.cards:
            for problem in card.problems:
                _report(problem)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.config.navigation:
            return None
        nav.items = _without_cards(nav.items, self.cards)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if FIELDS_MARKER in markdown:
            markdown = markdown.replace(FIELDS_MARKER,
                                        fields_reference(self.settings.vocabularies))
        card = self.cards.get(page.file.src_uri)
        if card is None:
            return markdown
        page.meta["title"] = plain_title(card.title)
        page.meta.setdefault("template", f"participation/{card.kind}.html")
        return normalise_body(card.body, self.config.heading_level)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        card = self.cards.get(page.file.src_uri)
        if card is None or self.views is None:
            return None
        view = self.views.card(card)
        if self.serving:
            view.problems = [str(problem) for problem in card.problems]
        page.participation = view  # type: ignore[attr-defined]
        anchors = [AnchorLink(section.title, section.id, 2) for section in view.sections]
        page.toc.items[:0] = anchors
        return None

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav: Navigation):
        view = getattr(page, "participation", None)
        if view is not None:
            context["participation"] = view
        return context


def _read(file: File) -> str:
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError) as error:
        raise PluginError(f"{file.src_uri}: cannot read the card: {error}") from error


def _report(problem: Problem) -> None:
    if problem.severity is Severity.INFO:
        log.info(str(problem))
    elif problem.severity is Severity.ERROR:
        log.error(str(problem))
    else:
        log.warning(str(problem))


def _without_cards(items: list, cards: dict[str, Card]) -> list:
    kept = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in cards:
            continue
        if isinstance(item, Section):
            item.children = _without_cards(item.children, cards)
            if not item.children:
                continue
        kept.append(item)
    return kept
