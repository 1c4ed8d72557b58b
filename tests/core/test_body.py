"""Legacy bodies: bold pseudo-headings and lists glued to the paragraph above."""

from __future__ import annotations

import html
import re

import markdown
import pytest
import yaml

from mkdocs_participation.core.body import (
    markdown_hazard,
    normalise_body,
    refused_links,
    removed_html_problem,
    without_refused_links,
)
from mkdocs_participation.core.source import read_source

from ..sites import ROOT, SHARED

# Every page of the demo and of the legacy corpus, when it sits next to the project.
ORDINARY = sorted((ROOT / "docs").rglob("*.md")) + sorted((SHARED / "corpus").rglob("*.md"))


def test_bold_line_with_colon_becomes_a_heading_and_its_list_a_list():
    body = "**Objectif de la démarche :**\n* premier point\n* second point\n"
    assert normalise_body(body) == "## Objectif de la démarche\n\n* premier point\n* second point\n"


def test_colon_outside_the_bold_and_double_spaces_are_handled():
    assert normalise_body("**Grandes  lignes**:\ntexte").startswith("## Grandes lignes\n\ntexte")


def test_heading_level_is_configurable():
    assert normalise_body("**Public :**", heading_level=3).startswith("### Public\n")


def test_bold_sentence_without_colon_stays_bold():
    assert normalise_body("**Une phrase importante.**") == "**Une phrase importante.**"


def test_bold_inside_a_paragraph_is_not_a_heading():
    text = "Une ligne\n**Note :**"
    assert normalise_body(text) == text


def test_list_after_paragraph_line_gets_a_blank_line():
    assert normalise_body("Trois étapes :\n- une\n- deux") == "Trois étapes :\n\n- une\n- deux"
    assert normalise_body("Étapes\n1. une\n2. deux") == "Étapes\n\n1. une\n2. deux"


def test_existing_lists_and_code_blocks_are_left_alone():
    text = "- a\n- b\n  suite\n- c\n\n```\n**Pas un titre :**\ntexte\n* pas une liste\n```"
    assert normalise_body(text) == text


def test_whitespace_only_lines_and_kramdown_attributes():
    assert normalise_body("a\n \nb\n{: .text-center }\n") == "a\n\nb\n"


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("Intro\n\n" + "- " * 150 + "x", 2),
        ("Intro\n\n" + "[x" * 600, 2),
        ("*" * 300 + "x", 0),
        ("> " * 300 + "x", 0),
    ],
)
def test_markdown_python_markdown_cannot_render_is_found_and_kept_as_written(body, line):
    assert markdown_hazard(body) == line
    assert normalise_body(body) == "\n".join("    " + text for text in body.split("\n"))


def test_ordinary_markdown_and_code_full_of_brackets_are_not_hazards():
    code = "```json\n" + "[1, [2]],\n" * 400 + "```\n"
    assert markdown_hazard(code) is None
    assert markdown_hazard("- un\n    - deux\n\n> **Note** [lien](https://a.fr)\n") is None


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("<a " * 5000, 0),
        ("<div " * 5000, 0),
        ("<span " * 5000, 0),
        ("Texte <a x='>' " * 5000, 0),
        ("<a " * 20 + "x" * 1_000_000, 0),
        ("```\n" + "<a " * 5000, 1),
    ],
)
def test_runs_of_html_tags_left_open_are_found_and_shown_as_written(body, line):
    assert markdown_hazard(body) == line
    shown = normalise_body(body)
    assert re.search("<[A-Za-z]", shown) is None
    assert shown.replace("\u2060", "") == "\n".join("    " + text for text in body.split("\n"))


def test_tags_left_open_over_many_lines_are_found_inside_the_run():
    assert markdown_hazard("Intro\n\n" + "<a\n" * 5000) > 2


def test_a_body_shown_as_written_reads_as_written_once_rendered():
    demo = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["markdown_extensions"]
    names = [entry if isinstance(entry, str) else next(iter(entry)) for entry in demo]
    settings = {
        name: value for entry in demo if isinstance(entry, dict) for name, value in entry.items()
    }
    body = "Voir <span " * 3000
    rendered = markdown.Markdown(extensions=names, extension_configs=settings).convert(
        normalise_body(body)
    )
    code = rendered.removeprefix("<pre><code>").removesuffix("\n</code></pre>")
    assert html.unescape(code).replace("\u2060", "") == body.strip()


def test_html_with_quoted_attributes_and_a_few_stray_brackets_is_no_hazard():
    assert markdown_hazard("<a href=\"/x\" title='y'>lien</a> <br/> " * 5000) is None
    assert markdown_hazard("si x<y et y<z alors x<z. " * 200) is None


@pytest.mark.parametrize("path", ORDINARY, ids=lambda path: str(path.relative_to(ROOT.parent)))
def test_the_demo_and_corpus_pages_are_no_hazard(path):
    assert markdown_hazard(read_source(path.name, path.read_text("utf-8")).body) is None


def test_removed_html_is_reported_on_the_line_that_holds_it():
    body = "Texte.\n\nAutre ligne <SCRIPT>alert(1)</SCRIPT>\n"
    problem = removed_html_problem("methodes/a.md", body, 5, ["<script>", "onclick="])
    assert str(problem).startswith(
        "methodes/a.md:7: HTML removed from the body: <script>, onclick= (card pages run no "
    )


REFUSED_BODY = """Voir [la page](https://[page]/x) et ![plan](http://[::1/p.png).

[note]: https://[note]/
<https://[auto]/> et <a href="http://[html]/">ici</a>

`[code](https://[span]/)`

```
[bloc](https://[fence]/)
```
[bon](https://example.org/)
"""


def test_addresses_the_parser_refuses_are_found_on_their_line_outside_code():
    found = [(line, url) for line, url, _ in refused_links(REFUSED_BODY)]
    assert found == [
        (0, "https://[page]/x"),
        (0, "http://[::1/p.png"),
        (2, "https://[note]/"),
        (3, "https://[auto]/"),
        (3, "http://[html]/"),
    ]


def test_addresses_the_parser_refuses_become_anchors_and_the_rest_is_kept():
    kept = without_refused_links(REFUSED_BODY)
    assert kept.startswith(
        'Voir [la page](#) et ![plan](#).\n\n[note]: #\n`https://[auto]/` et <a href="#">'
    )
    assert "`[code](https://[span]/)`" in kept
    assert "[bloc](https://[fence]/)" in kept
    assert refused_links(kept) == []
