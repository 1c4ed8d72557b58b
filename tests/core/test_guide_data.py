"""The comparisons and the chooser of a build: the data files their pages fetch, and what the
pages themselves hold."""

from __future__ import annotations

import json

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.guide_data import build_guide_views, data_path
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.model import VOCABULARIES
from mkdocs_participation.core.options import CHOOSER_TEMPLATE, COMPARISON_TEMPLATE
from mkdocs_participation.core.wording import Wording

CARDS = [
    load_card("methodes/jury.md", b"---\ntitle: Jury citoyen\nniveau: concerter\n---\n", "methode"),
    load_card("methodes/forum.md", b"---\ntitle: Forum\nformat: hybride\n---\n", "methode"),
    load_card("outils/agora.md", b"---\ntitle: Agora\nlicence: libre\n---\n", "outil"),
]


def views():
    return build_guide_views(
        build_card_set(CARDS, []),
        Wording(labels_for("fr"), VOCABULARIES, "fr"),
        {"methode": "comparer/", "outil": "comparer-outils/"},
        True,
        {"methode": "methodes/", "outil": "outils/"},
        ["niveau", "format"],
    )


def test_one_data_file_per_compared_kind_holds_each_card_once_with_all_it_shows():
    files = views().data_files()
    assert set(files) == {data_path("methode"), data_path("outil")}
    methods = json.loads(files[data_path("methode")])
    # Compact, and each member once: the pieces of each record join into one object.
    compact = json.dumps(methods, ensure_ascii=False, separators=(",", ":"))
    assert files[data_path("methode")] == compact
    assert [record["slug"] for record in methods] == ["forum", "jury"]
    jury = methods[1]
    assert jury["title"] == "Jury citoyen" and jury["url"] == "methodes/jury/"
    assert "cells" in jury and "fits" in jury, "the comparison's and the chooser's values merged"
    assert [record["title"] for record in json.loads(files[data_path("outil")])] == ["Agora"]


def test_the_pages_hold_their_rows_and_questions_but_no_card():
    built = views()
    pages = built.for_pages()
    comparison = pages.values(COMPARISON_TEMPLATE, "comparer-outils/")["participation_comparison"]
    assert comparison.kind == "outil" and comparison.rows == built.comparisons["outil"].rows
    assert comparison.columns == () and built.comparisons["outil"].columns
    chooser = pages.values(CHOOSER_TEMPLATE, "choisir/")["participation_chooser"]
    assert chooser.questions == built.chooser.questions and chooser.entries == ()
    assert pages.data_files() != built.data_files(), "the data files are made before"
