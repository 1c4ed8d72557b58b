"""Legacy bodies: bold pseudo-headings and lists glued to the paragraph above."""

from __future__ import annotations

from mkdocs_participation.core.body import normalise_body


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
