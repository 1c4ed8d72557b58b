"""Legacy bodies: bold pseudo-headings and lists glued to the paragraph above."""

from __future__ import annotations

import pytest

from mkdocs_participation.core.body import markdown_hazard, normalise_body, removed_html_problem


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


def test_removed_html_is_reported_on_the_line_that_holds_it():
    body = "Texte.\n\nAutre ligne <SCRIPT>alert(1)</SCRIPT>\n"
    problem = removed_html_problem("methodes/a.md", body, 5, ["<script>", "onclick="])
    assert str(problem).startswith(
        "methodes/a.md:7: HTML removed from the body: <script>, onclick= (card pages run no "
    )
