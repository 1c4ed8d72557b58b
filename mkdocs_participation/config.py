"""The options of the participation plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from .core.catalogue.options import DEFAULT_PAGES
from .core.exports import LICENCE, LICENCE_URL
from .core.model import DEFAULT_FOLDERS, KINDS
from .core.options import DEFAULT_CHOOSER, DEFAULT_COMPARISON, DEFAULT_GLOSSARY


class ParticipationConfig(Config):
    """Options of the ``participation`` plugin."""

    enabled = opt.Type(bool, default=True)

    # Which docs folder holds which kind of card; ``categorie`` in a card wins.
    folders = opt.DictOfItems(opt.Choice(KINDS), default=DEFAULT_FOLDERS)
    # Docs folder where image file names (img-bg, logo, …) are looked up.
    images = opt.Type(str, default="images")
    # How a missing image is reported: a warning (fails --strict) or an info line.
    missing_images = opt.Choice(("warn", "info"), default="warn")
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
    # Catalogue page generated for each kind, by URL ("" for none); an author's page there wins.
    catalogues = opt.DictOfItems(opt.Type(str), default=DEFAULT_PAGES)
    # Facet filters of each kind's catalogue, as card keys; kinds not given keep the default.
    facets = opt.DictOfItems(opt.ListOfItems(opt.Type(str)), default={})
    # Columns of each kind's table, also the facts shown on its cards; "title" is the page link.
    columns = opt.DictOfItems(opt.ListOfItems(opt.Type(str)), default={})
    # URL of the side-by-side comparison of methods ("" for none); an author's page there wins.
    comparison = opt.Type(str, default=DEFAULT_COMPARISON)
    # URL of the guided chooser "Quelle méthode pour mon projet ?" ("" for none), likewise.
    chooser = opt.Type(str, default=DEFAULT_CHOOSER)
    # URL of the glossary of participation levels and ways of recruiting ("" for none), likewise.
    glossary = opt.Type(str, default=DEFAULT_GLOSSARY)
    # Open-data exports (JSON, CSV, JSON Schema, Atom feed), generated under this site folder.
    exports = opt.Type(bool, default=True)
    exports_folder = opt.Type(str, default="donnees")
    # Licence under which the exports are published, and the address of its text ("" for none).
    licence = opt.Type(str, default=LICENCE)
    licence_url = opt.Type(str, default=LICENCE_URL)
