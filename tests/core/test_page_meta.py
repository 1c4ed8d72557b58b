"""The front-matter keys a card page keeps for the theme and other plugins, each checked."""

from __future__ import annotations

import datetime as dt

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.page_meta import PAGE_KEYS


def make(front: str):
    return load_card(
        "methodes/a.md", f"---\ntitle: A\ntagline: B\n{front.strip()}\n---\nCorps\n", "methode"
    )


def test_kept_keys_reach_the_page_and_are_not_unknown_keys():
    card = make("""
tags: [Délibération, Jeunesse & climat]
date: 2024-03-05
authors: [equipe]
hide: [toc]
search: {boost: 2}
status: new
""")
    assert card.problems == []
    assert card.meta == {
        "title": "A",
        "tags": ["Délibération", "Jeunesse &amp; climat"],
        "date": dt.date(2024, 3, 5),
        "authors": ["equipe"],
        "hide": ["toc"],
        "search": {"boost": 2},
        "status": "new",
    }


def test_theme_instructions_stay_card_data():
    card = make("template: redirect.html\nredirect: https://evil.example.net/\ndescription: x")
    assert set(card.meta) == {"title"}
    assert {"template", "redirect"} <= {problem.key for problem in card.problems}


def test_a_kept_key_with_an_unusable_value_is_reported_on_its_line_and_left_out():
    card = make('status: "\\"><script>x</script>"\nhide: [everything]\ntags: {a: 1}')
    assert set(card.meta) == {"title"}
    assert [(p.key, p.line) for p in card.problems] == [("tags", 6), ("hide", 5), ("status", 4)]
    assert all("value not kept for the theme" in str(p) for p in card.problems)


def test_tags_and_authors_are_escaped_for_templates_that_do_not_escape():
    card = make("tags: ['<img src=x onerror=alert(1)>']\nauthors: 'a\"b'")
    assert card.meta["tags"] == ["&lt;img src=x onerror=alert(1)&gt;"]
    assert card.meta["authors"] == ["a&#34;b"]


def test_the_blog_forms_of_a_date_are_kept():
    created = dt.date(2024, 1, 2)
    assert make("date: {created: 2024-01-02}").meta["date"] == {"created": created}


def test_every_kept_key_says_why():
    assert all(len(why) > 20 for why, _check, _expected in PAGE_KEYS.values())
