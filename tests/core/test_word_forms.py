"""The other forms of each page's words that Material's search index carries."""

from __future__ import annotations

import json

from mkdocs_participation.core import word_forms
from mkdocs_participation.core.word_forms import PageWords, add_word_forms

CONFIG = {
    "lang": ["fr"],
    "separator": r"[\s\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}},
}
DOCS = [
    {"location": "jury/", "title": "Le jury citoyen", "text": "<p>Des citoyens tirés au sort.</p>"},
    {"location": "jury/#atouts", "title": "Atouts", "text": "<p>Une consultation courte.</p>"},
    {
        "location": "forum/",
        "title": "Les jurys et forums",
        "text": "<p>Des personnes tirées au sort, des consultations, une citoyenne.</p>",
    },
]


def indexed(docs=DOCS, words_of=None, **config) -> dict:
    """The index of ``docs`` with its word forms, as a copy: ``docs`` are left as they are."""
    index = json.loads(json.dumps({"config": {**CONFIG, **config}, "docs": docs}))
    assert add_word_forms(index["config"], index["docs"], words_of)
    return index


def test_each_page_carries_the_forms_of_the_site_that_share_a_stem_with_its_words():
    index = indexed()
    jury, atouts, forum = index["docs"]
    # The page's own words are not repeated, and no form is kept that another form or word
    # starts with: a search for "citoyen" finds "citoyenne", one for "jury" finds "jurys".
    assert jury["text_forms"] == "citoyenne consultations tirées"
    assert jury["title_forms"] == "citoyenne citoyens jurys"
    assert forum["text_forms"] == "citoyens tirés"
    assert "title_forms" not in forum
    assert "text_forms" not in atouts and "title_forms" not in atouts, "once per page, at its top"


def test_forms_an_entry_had_from_an_earlier_build_give_way_to_the_new_ones():
    index = indexed()
    index["docs"][2]["text"] = "<p>Une assemblée.</p>"
    assert add_word_forms(index["config"], index["docs"])
    jury, _, forum = index["docs"]
    # The forum no longer says "citoyenne", "consultations" nor "tirées".
    assert jury["title_forms"] == "citoyens jurys"
    assert "text_forms" not in jury and "text_forms" not in forum
    fields = index["config"]["fields"]
    assert fields["title_forms"] == {"boost": 1000.0} and fields["text_forms"] == {"boost": 1.0}
    assert fields["tags"] == {"boost": 1e6}


def test_a_page_whose_words_have_no_other_form_in_the_site_gets_none():
    docs = [
        {"location": "a/", "title": "Atelier", "text": "<p>Un atelier ouvert.</p>"},
        {"location": "b/", "title": "Forum", "text": "<p>Un forum &amp; des ateliers.</p>"},
    ]
    a, b = indexed(docs)["docs"]
    assert a["text_forms"] == a["title_forms"] == "ateliers"
    assert "text_forms" not in b and "title_forms" not in b, "'atelier' starts 'ateliers'"


def test_the_stemmer_follows_the_language_of_the_index():
    docs = [
        {"location": "a/", "title": "Juries", "text": "<p>Citizens meet.</p>"},
        {"location": "b/", "title": "Jury", "text": "<p>A citizen meeting.</p>"},
    ]
    a, b = indexed(docs, lang=["en"])["docs"]
    assert a["text_forms"] == "meeting" and b["title_forms"] == "juries"


def test_an_index_that_stems_speaks_no_stemmed_language_or_is_not_materials_is_left_alone():
    mkdocs_config = {"lang": ["fr"], "separator": " "}
    for config in (
        {**CONFIG, "pipeline": ["stemmer", "stopWordFilter"]},
        {**CONFIG, "lang": ["ja"]},
        mkdocs_config,
        None,
    ):
        index = json.loads(json.dumps({"config": config, "docs": DOCS}))
        assert not add_word_forms(index["config"], index["docs"])
        assert index == {"config": config, "docs": DOCS}


def test_words_kept_from_an_earlier_build_give_the_same_index_without_reading_again(monkeypatch):
    read = []
    scan = word_forms._words
    monkeypatch.setattr(word_forms, "_words", lambda *texts: read.append(texts) or scan(*texts))
    kept = PageWords()

    def build(docs) -> list[tuple]:
        """The texts ``kept`` read for an index of ``docs``, which must be the index that
        reading every text gives."""
        kept.start()
        read.clear()
        with_kept = indexed(docs, kept)
        texts = list(read)
        assert with_kept == indexed(docs)
        return texts

    assert len(build(DOCS)) == 4, "a title and the texts of each of two pages"
    assert build(DOCS) == []
    edited = [*DOCS[:2], {**DOCS[2], "text": "<p>Des jurés.</p>"}]
    assert build(edited) == [("<p>Des jurés.</p>",)]
    assert len(build(DOCS[:2])) == 0 and len(kept.found) == 2, "the forum's words are gone"
