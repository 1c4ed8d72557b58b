"""The Python-Markdown extension that makes the toolbox's pages under Zensical.

Zensical runs no MkDocs plugin, but renders every page through Python-Markdown with the site's
``markdown_extensions``, and hands each extension the page (its URL, docs path and front
matter) and the site's settings through its context extension. With this extension listed::

    markdown_extensions:
      - mkdocs_participation.markdown

a card page gets its whole content (header, facts, lists, body, video, cross-links), a page
holding a catalogue marker gets the catalogue, and the comparison and chooser pages get theirs,
from the same core and templates as the MkDocs plugin. Where no such context exists (under
MkDocs, where the plugin does this work), the extension does nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .core.reference import FIELDS_MARKER, fields_reference
from .standalone import (
    GUIDE_FRAGMENTS,
    Heading,
    Site,
    config_file_in,
    file_stamp,
    files_stamp,
    report,
)

# One site read per state of its files. Zensical parses its configuration again for each full
# build (and when `zensical serve` reloads), so the docs folder is looked at once per
# configuration; in between, only the file of the page being rendered is: `zensical serve`
# renders again the page whose file changed.
_SITES: dict[tuple, _Known] = {}


class ParticipationExtension(Extension):
    """Card pages, catalogues, comparison and chooser under Zensical."""

    def __init__(self, **options: Any) -> None:
        # Any option of the plugin may be given here too; it overrides mkdocs.yml's.
        self.options = options
        super().__init__()

    def extendMarkdown(self, md: Markdown) -> None:
        page = _PageState()
        md.preprocessors.register(_Source(md, self, page), "participation_source", 35)
        md.treeprocessors.register(_Done(md, page), "participation_done", -100)
        md.postprocessors.register(_Content(md, page), "participation_content", 5)


class _PageState:
    """What the preprocessor learned about the page, for the postprocessor."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.path = ""
        self.card = False
        self.guide: str | None = None
        # Postprocessors also run on each heading for the table of contents: the page is
        # only made once every tree processor is done.
        self.tree_done = False


class _Source(Preprocessor):
    """A card page's Markdown is the card's body as the core reads it; the fields reference
    goes where its marker is."""

    def __init__(self, md: Markdown, extension: ParticipationExtension, page: _PageState):
        super().__init__(md)
        self.extension = extension
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        context = _context(self.md)
        if context is None:
            return lines
        site = site_for(context.config, self.extension.options, context.page.path)
        page = self.page
        page.site, page.path = site, context.page.path
        # Heading permalinks in the interface language, unless the site words them itself.
        toc_settings = context.config.get("mdx_configs", {}).get("toc") or {}
        if "toc" in self.md.treeprocessors and "permalink_title" not in toc_settings:
            self.md.treeprocessors["toc"].permalink_title = site.toolbox.wording.labels["permalink"]
        meta = context.page.meta
        if meta.get("template") in GUIDE_FRAGMENTS:
            # The page template is the plugin's, which only MkDocs renders: the theme's page
            # takes the page, and the guide goes after its Markdown.
            page.guide = meta.pop("template")
        body = site.card_markdown(page.path)
        if body is not None:
            page.card = True
            # Front matter is card data, never instructions to the theme.
            meta.clear()
            meta["title"] = context.page.title = site.card_title(page.path)
            return body.split("\n")
        text = "\n".join(lines)
        if FIELDS_MARKER in text:
            vocabularies = site.card_options.settings.vocabularies
            return text.replace(FIELDS_MARKER, fields_reference(vocabularies)).split("\n")
        return lines


class _Done(Treeprocessor):
    """Marks the document as ready for the page's own postprocessing."""

    def __init__(self, md: Markdown, page: _PageState):
        super().__init__(md)
        self.page = page

    def run(self, root: Any) -> None:
        self.page.tree_done = True


class _Content(Postprocessor):
    """The page's final HTML: a card page's whole content, catalogues where their markers
    are, the comparison or the chooser after the page's own text."""

    def __init__(self, md: Markdown, page: _PageState):
        super().__init__(md)
        self.page = page

    def run(self, text: str) -> str:
        page, site = self.page, self.page.site
        if site is None or not page.tree_done:
            return text
        page.tree_done = False
        if page.card:
            text, leading, closing = site.card_page(page.path, text)
            tokens = getattr(self.md, "toc_tokens", None)
            if isinstance(tokens, list):
                tokens[:0] = [_toc_token(heading) for heading in leading]
                tokens.extend(_toc_token(heading) for heading in closing)
            return text
        text = site.with_catalogues(text, page.path)
        if page.guide is not None:
            text += "\n" + site.guide(page.guide, page.path)
        return text


def _context(md: Markdown):
    """Zensical's rendering context of the page, or None when not under Zensical."""
    try:
        from zensical.extensions.context import ContextPreprocessor
    except ImportError:
        return None
    return ContextPreprocessor.from_markdown(md)


class _Known:
    """A site read, the configuration it was read for, and the state of the files it read."""

    def __init__(self, site: Site, config: Mapping[str, Any], stamp: dict[str, tuple]) -> None:
        self.site = site
        self.config = config
        self.stamp = stamp


def site_for(config: Mapping[str, Any], options: Mapping[str, Any], path: str = "") -> Site:
    """The site Zensical builds, read once for each state of its files; ``path`` is the docs
    file of the page being rendered."""
    root = Path(str(config.get("root_dir") or ".")).resolve()
    config_file = config_file_in(root)
    docs_dir = (root / str(config.get("docs_dir") or "docs")).resolve()
    key = (str(docs_dir), repr(sorted(options.items())))
    known = _SITES.get(key)
    if (
        known is not None
        and known.config is config
        and (not path or known.stamp.get(path) == file_stamp(docs_dir / path))
    ):
        return known.site
    stamp = files_stamp(docs_dir, config_file)
    if known is not None and known.stamp == stamp:
        known.config = config
        return known.site
    site = Site(root, config, config_file, options)
    for problem in site.problems:
        report(problem)
    _SITES[key] = _Known(site, config, stamp)
    return site


def _toc_token(heading: Heading) -> dict[str, Any]:
    """A table-of-contents entry as Python-Markdown's ``toc`` extension makes them."""
    return {
        "level": 2,
        "id": heading.id,
        "name": heading.title,
        "html": heading.title,
        "data-toc-label": "",
        "children": [],
    }


def makeExtension(**options: Any) -> ParticipationExtension:
    """The extension, as Python-Markdown loads it by module name."""
    return ParticipationExtension(**options)
