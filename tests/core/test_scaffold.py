"""New cards written by `mkdocs-participation new`: every key, French comments, no overwrite."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.model import VOCABULARIES, Type, fields_for
from mkdocs_participation.core.scaffold import CardExists, card_text, new_card
from mkdocs_participation.core.source import read_source

TODAY = dt.date(2026, 3, 9)


@pytest.mark.parametrize("kind", ["methode", "outil", "exemple"])
def test_every_key_of_the_kind_is_present_with_a_comment_above_it(kind):
    lines = card_text(kind, "Essai", today=TODAY).split("\n")
    keys = [spec.name for spec in fields_for(kind) if spec.type is not Type.LEGACY]
    for key in keys:
        position = next(i for i, line in enumerate(lines) if line.split(":")[0] == key)
        comment = lines[position - 1]
        assert comment.startswith("# "), (key, comment)
        assert comment.removeprefix("# ").split(" : ")[0] == next(
            spec.label for spec in fields_for(kind) if spec.name == key
        )
    assert "layout:" not in lines and "default_logo:" not in lines


@pytest.mark.parametrize("kind", ["methode", "outil", "exemple"])
def test_a_new_card_reads_without_yaml_error_and_only_asks_for_what_is_required(kind):
    text = card_text(kind, "L’atelier « test » : essai", today=TODAY)
    source = read_source("x.md", text)
    assert source.problems == []
    assert source.data["title"] == "L’atelier « test » : essai"
    assert source.data["date"] == TODAY
    card = load_card(f"{kind}s/essai.md", text, kind)
    wanted = {
        f"missing required key '{spec.name}'"
        for spec in fields_for(kind)
        if kind in spec.required and spec.name != "title"
    }
    assert {problem.message for problem in card.problems} == wanted


def test_comments_are_french_and_say_what_is_required_and_which_values_are_allowed():
    text = card_text("methode", "Essai", today=TODAY)
    assert "# Accroche : Une phrase qui résume la méthode ou l’outil. Obligatoire." in text
    assert "(une valeur parmi : faible, moyen, eleve)" in text
    assert "(une ou plusieurs valeurs parmi : locale, departementale" in text
    assert "categorie: methode" in text
    assert "## Objectif du dispositif" in text


def test_the_site_vocabularies_are_the_ones_listed():
    vocabularies = {**VOCABULARIES, "cout": {"gratuit": "Gratuit", "payant": "Payant"}}
    text = card_text("methode", "Essai", vocabularies, today=TODAY)
    assert "(une valeur parmi : gratuit, payant)" in text


def test_a_filled_in_card_has_no_problem():
    text = (
        card_text("methode", "Essai", today=TODAY)
        .replace("\ntagline:\n", "\ntagline: Une phrase\n")
        .replace("\ncout:\n", "\ncout: faible\n")
    )
    card = load_card("methodes/essai.md", text, "methode")
    assert card.problems == []
    assert card["cout"] == "faible"


def test_new_card_uses_a_slug_file_name_in_the_folder(tmp_path):
    path = new_card(tmp_path, "methodes", "methode", "L’Atelier des Élus !", today=TODAY)
    assert path == tmp_path / "methodes" / "latelier-des-elus.md"
    assert yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])["title"] == (
        "L’Atelier des Élus !"
    )


def test_new_card_refuses_to_overwrite(tmp_path):
    path = tmp_path / "outils" / "mon-outil.md"
    path.parent.mkdir()
    path.write_text("déjà là", encoding="utf-8")
    with pytest.raises(CardExists):
        new_card(tmp_path, "outils", "outil", "Mon outil")
    assert path.read_text(encoding="utf-8") == "déjà là"


def test_a_title_without_letters_is_refused(tmp_path):
    with pytest.raises(ValueError, match="letter or digit"):
        new_card(tmp_path, "methodes", "methode", "« ! »")
    assert not (tmp_path / "methodes").exists()
