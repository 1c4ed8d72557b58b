"""The Jekyll import, on a fixture toolbox that reproduces every quirk of the legacy corpus."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
import yaml

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.jekyll import ImportPlan, plan_import, site_yaml
from mkdocs_participation.core.source import read_source

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "jekyll"


def tree_digest(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def plan() -> ImportPlan:
    return plan_import(FIXTURE)


def front(plan: ImportPlan, path: str) -> dict:
    return read_source(path, str(plan.files[path])).data


def body(plan: ImportPlan, path: str) -> str:
    return read_source(path, str(plan.files[path])).body


def changes(plan: ImportPlan, path: str) -> list[str]:
    return next(card.changes for card in plan.cards if card.target == path)


def test_the_source_is_only_read(tmp_path):
    before = tree_digest(FIXTURE)
    plan_import(FIXTURE)
    assert tree_digest(FIXTURE) == before


def test_every_card_gets_a_slug_file_name_in_the_folder_of_its_kind(plan):
    assert {card.source: card.target for card in plan.cards} == {
        "_outil/atelier de quartier.md": "methodes/atelier-de-quartier.md",
        "_outil/carnet-de-bord.md": "methodes/carnet-de-bord.md",
        "_outil/jury-habitants.md": "methodes/jury-habitants.md",
        "_outil/panel-en-ligne.md": "methodes/panel-en-ligne.md",
        "_outil/plateforme ouverte.md": "outils/plateforme-ouverte.md",
        "_usage/Quartier-Nord.md": "exemples/quartier-nord.md",
        "_usage/budget ecoles.md": "exemples/budget-ecoles.md",
        "_usage_citoyens/suivi quartier.md": "suivis/suivi-quartier.md",
    }
    assert "file name 'atelier de quartier.md' -> 'atelier-de-quartier.md'" in changes(
        plan, "methodes/atelier-de-quartier.md"
    )


def test_folders_can_be_chosen(tmp_path):
    plan = plan_import(FIXTURE, {"exemple": "cas", "suivi": "_usage_citoyens"})
    targets = {card.target for card in plan.cards}
    assert "cas/quartier-nord.md" in targets
    assert "_usage_citoyens/suivi-quartier.md" in targets


def test_bold_pseudo_headings_become_headings_and_lists_get_their_blank_line(plan):
    text = body(plan, "methodes/atelier-de-quartier.md")
    assert "## Objectif du dispositif\n\n* Imaginer" in text
    assert "## Public visé\n\n* Une vingtaine" in text
    assert "**" not in text.split("## Grandes lignes")[0]
    assert "## Déroulement\n\n1. Tirage au sort" in body(plan, "methodes/jury-habitants.md")
    assert "usages : \n* propositions" not in body(plan, "outils/plateforme-ouverte.md")
    assert "usages :\n\n* propositions" in body(plan, "outils/plateforme-ouverte.md")
    assert "**Dispositif**\n\n* Trois soirées" in body(plan, "exemples/quartier-nord.md")
    assert changes(plan, "methodes/atelier-de-quartier.md")[-2:] == [
        "body: 3 bold line(s) made heading(s)",
        "body: 4 blank line(s) added before lists or after headings",
    ]


def test_html_typographic_quotes_and_non_breaking_spaces_are_kept(plan):
    data = front(plan, "methodes/atelier-de-quartier.md")
    assert data["atouts"][1].startswith("Des échanges <i>vraiment</i> ouverts, avec <a href=")
    assert data["inconvenients"] == [
        "Demande deux soirées de préparation et un budget «\u00a0buffet\u00a0»"
    ]
    assert data["title"] == "L’atelier de quartier"
    assert "grand plan<br/>et présentées" in body(plan, "methodes/atelier-de-quartier.md")


def test_trailing_spaces_are_dropped(plan):
    text = str(plan.files["methodes/atelier-de-quartier.md"])
    assert not any(line != line.rstrip() for line in text.split("\n"))


def test_hyphenated_keys_and_empty_keys_are_kept_and_jekyll_keys_removed(plan):
    data = front(plan, "methodes/atelier-de-quartier.md")
    assert data["img-bg"] == "place-du-marche.png"
    assert "contract" in data and data["contract"] is None
    assert "layout" not in data and "default_logo" not in data
    case = front(plan, "exemples/quartier-nord.md")
    assert (case["note-citoyenne"], case["note-decidee"]) == (4, 3)
    follow_up = front(plan, "suivis/suivi-quartier.md")
    assert follow_up["date-banniere"] == "démarche terminée"
    assert "devoir_de_suite" not in follow_up


def test_both_legacy_date_forms_become_dates(plan):
    assert front(plan, "methodes/atelier-de-quartier.md")["date"] == dt.date(2017, 4, 4)
    assert front(plan, "exemples/quartier-nord.md")["date"] == dt.date(2019, 6, 5)
    assert "date: '2019-06-05 09:29:08 +0000' -> 2019-06-05" in changes(
        plan, "exemples/quartier-nord.md"
    )


def test_a_space_before_the_colon_is_removed(plan):
    assert "\norganisateur: Ville de Quartier-Nord\n" in str(
        plan.files["exemples/quartier-nord.md"]
    )
    assert "space removed before ':' in 'organisateur'" in changes(
        plan, "exemples/quartier-nord.md"
    )


def test_references_by_title_become_slugs_whatever_the_apostrophe(plan):
    data = front(plan, "exemples/quartier-nord.md")
    assert data["methodes"] == ["atelier-de-quartier", "jury-habitants"]
    assert data["outil"] == ["plateforme-ouverte"]


def test_the_misspelt_key_is_renamed_and_unresolved_references_are_kept(plan):
    data = front(plan, "exemples/budget-ecoles.md")
    assert "methode" not in data
    assert data["methodes"] == ["panel-en-ligne", "Les plateformes participatives"]
    assert data["outil"] == ["Agora", "Autre"]
    assert "key 'methode' renamed 'methodes'" in changes(plan, "exemples/budget-ecoles.md")


def test_list_items_read_as_maps_become_one_text(plan):
    data = front(plan, "methodes/atelier-de-quartier.md")
    assert data["qualites"][0] == (
        "Qualité de l'animation : 2 à 4<br/><i>(selon la taille du groupe)</i>"
    )
    assert front(plan, "methodes/jury-habitants.md")["atouts"] == [
        "Point fort : un avis lisible par tous"
    ]


def test_embedded_videos_and_tool_details_are_kept(plan):
    method = front(plan, "methodes/atelier-de-quartier.md")
    assert method["url_video_demo"] == "https://www.dailymotion.com/embed/video/x7quart"
    assert method["vignette_video_demo"] == "/uploads/2018/03/01/vignette-atelier.png"
    tool = front(plan, "outils/plateforme-ouverte.md")
    assert tool["details_techniques"][0] == {
        "name": "Démonstration",
        "link": "https://demo.plateforme-ouverte.example.org/",
        "content": "https://demo.plateforme-ouverte.example.org/",
    }
    assert tool["clients"] == ["Communes", "Intercommunalités"]
    assert tool["accompagnement_plusloin"] == [
        "Formation des animateurs et synthèse des contributions"
    ]


def test_markdown_inside_keys_is_normalised_too(plan):
    data = front(plan, "suivis/suivi-quartier.md")
    assert "{:" not in data["dispositif"] and "{:" not in data["resultats"]
    assert data["resultats"].startswith("## Ce qui a été décidé\n\n* Des bancs")
    assert "resultats: 1 kramdown attribute line(s) removed" in changes(
        plan, "suivis/suivi-quartier.md"
    )


def test_empty_bodies_stay_empty(plan):
    assert body(plan, "methodes/panel-en-ligne.md").strip() == ""
    assert body(plan, "exemples/budget-ecoles.md").strip() == ""


def test_unreadable_front_matter_is_copied_unchanged_and_reported(plan):
    original = (FIXTURE / "_outil" / "carnet-de-bord.md").read_text(encoding="utf-8")
    assert plan.files["methodes/carnet-de-bord.md"] == original
    assert "front matter unreadable: copied as it was" in changes(
        plan, "methodes/carnet-de-bord.md"
    )
    assert (
        "methodes/carnet-de-bord.md:3: invalid YAML: mapping values are not allowed"
        in "\n".join(map(str, plan.problems))
    )


def test_links_to_pages_of_the_old_site_are_reported_with_their_new_file(plan):
    [problem] = [p for p in plan.problems if "old site" in p.message]
    assert str(problem) == (
        "suivis/suivi-quartier.md:11: presentation: link to a page of the old site: "
        "'/usage/Quartier-Nord.html' (link to exemples/quartier-nord.md instead)"
    )
    assert (
        str(plan.files["suivis/suivi-quartier.md"])
        .split("\n")[10]
        .endswith('<a href="/usage/Quartier-Nord.html">Revoir la démarche</a>')
    )


def test_images_are_copied_and_data_files_reported_as_not_imported(plan):
    assert (
        plan.files["images/logo-quartier.svg"]
        == (FIXTURE / "images" / "logo-quartier.svg").read_bytes()
    )
    assert plan.skipped == ["README.md", "_config.yml", "_data/"]


def test_the_problems_left_are_exactly_what_checking_the_result_finds(plan):
    cards = [load_card(card.target, str(plan.files[card.target]), card.kind) for card in plan.cards]
    card_set = build_card_set(cards, plan.files)
    found = {str(p) for card in card_set.cards for p in card.problems}
    reported = {str(p) for p in plan.problems if "old site" not in p.message}
    assert found == reported
    assert {p.key for p in plan.problems} == {
        "img-bg",
        "vignette_video_demo",
        "screenshot",
        "outil",
        "methodes",
        None,
        "presentation",
    }
    assert not any(p.key in ("title", "tagline", "date", "qualites") for p in plan.problems)


def test_the_site_configuration_names_the_folders_of_the_import():
    config = yaml.safe_load(site_yaml(FIXTURE))
    assert config["site_name"] == "Boîte à outils du quartier"
    assert config["plugins"][1] == {
        "participation": {
            "folders": {
                "methodes": "methode",
                "outils": "outil",
                "exemples": "exemple",
                "suivis": "suivi",
            }
        }
    }


def test_a_card_saved_in_the_old_windows_encoding_is_re_encoded(tmp_path):
    (tmp_path / "_outil").mkdir()
    text = "---\ntitle: L’été des idées\ntagline: Œuvrer ensemble\ncategorie: methode\n---\n"
    (tmp_path / "_outil" / "ete.md").write_bytes(text.encode("cp1252"))
    plan = plan_import(tmp_path)
    assert plan.files["methodes/ete.md"].startswith("---\ntitle: L’été des idées\n")
    assert changes(plan, "methodes/ete.md") == ["text re-encoded from cp1252 to UTF-8"]


def test_an_unreadable_jekyll_config_leaves_the_folder_name_as_site_name(tmp_path):
    source = tmp_path / "boite-a-outils"
    source.mkdir()
    (source / "_config.yml").write_text("title: " + "[" * 5000 + "\n", encoding="utf-8")
    assert yaml.safe_load(site_yaml(source))["site_name"] == "boite-a-outils"
