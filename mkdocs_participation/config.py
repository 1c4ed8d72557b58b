"""The options of the participation plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from .core.schema import KINDS

DEFAULT_FOLDERS = {
    "methodes": "methode",
    "outils": "outil",
    "exemples": "exemple",
    "_outil": "methode",
    "_usage": "exemple",
    "_usage_citoyens": "suivi",
}


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
