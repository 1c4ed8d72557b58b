"""Open-data exports: JSON records, their schema, the CSV for spreadsheets and the Atom feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.exports import (
    atom_feed,
    catalogue_document,
    export_files,
    export_schema,
)
from mkdocs_participation.core.model import json_schema
from mkdocs_participation.core.options import ExportOptions

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://example.org/boite/"

CARDS = {
    "methodes/atelier.md": (
        "methode",
        """
title: L’atelier citoyen
tagline: Délibérer à vingt
owner: DITP
date: 2017-04-04
img-bg: salle de réunion.png
url_video_demo: https://www.dailymotion.com/embed/video/x711dei
participants: {min: 15, max: 40}
recrutement: [tirage-au-sort, volontaires]
priorites:
- Éclairer une décision
- "=SOMME(A1:A2)"
methodes_liees:
- Le budget participatif
""",
    ),
    "methodes/budget.md": (
        "methode",
        """
title: Le budget participatif
tagline: Les habitants choisissent des projets
date: 2018-06-01
""",
    ),
    "outils/decidim.md": (
        "outil",
        """
title: Decidim
tagline: Plateforme libre
date: 2019-02-01
lettre_engagement: /uploads/lettre.pdf
clients:
- '=HYPERLINK("https://example.org")'
- Régions
details_techniques:
- name: Licence
  content: AGPL
  link: https://example.org/agpl
""",
    ),
    "exemples/ville.md": (
        "exemple",
        """
title: Budget de la ville
description: Une ville vote ses projets
organisateur : Ville de Quelque-Part
link: https://participer.example.org/
outil:
- Decidim
- Autre
methode:
- le budget participatif
- Assembl
in_progress: true
note-citoyenne: 4.5
note-decidee: 5
date: 2019-01-15 09:29:08 +0000
parameters:
- name: Participants
  content: 801
""",
    ),
    "exemples/sans-date.md": ("exemple", "title: Sans date\nmethodes:\n- L'atelier citoyen"),
    "_usage_citoyens/suivi.md": (
        "suivi",
        """
title: Le suivi
date: 2020-01-01
presentation: |-
  Premier paragraphe.

  Second paragraphe ; avec un point-virgule.
""",
    ),
}


@pytest.fixture(scope="module")
def card_set():
    cards = [
        load_card(path, f"---\n{front.strip()}\n---\nCorps de {path}.\n", kind)
        for path, (kind, front) in CARDS.items()
    ]
    return build_card_set(cards, ["images/salle de réunion.png"])


@pytest.fixture(scope="module")
def options():
    return ExportOptions(
        site_url=SITE,
        site_name="Boîte",
        folder="donnees",
        kind_labels={"methode": "Méthode", "outil": "Outil", "exemple": "Exemple"},
    )


@pytest.fixture(scope="module")
def document(card_set, options):
    return catalogue_document(card_set, options)


def test_the_json_export_joined_from_its_records_is_the_document_itself(
    card_set, options, document
):
    text = export_files(card_set, options)["donnees/fiches.json"]
    assert text == json.dumps(document, ensure_ascii=False) + "\n"


def record(document, card_id):
    (found,) = [r for r in document["fiches"] if r["id"] == card_id]
    return found


def test_records_carry_typed_values_and_absolute_urls(document):
    atelier = record(document, "methodes/atelier")
    assert atelier["type"] == "methode"
    assert atelier["url"] == SITE + "methodes/atelier/"
    assert atelier["date"] == "2017-04-04"
    fields = atelier["fields"]
    assert fields["title"] == "L’atelier citoyen"
    assert fields["img-bg"] == SITE + "images/salle%20de%20r%C3%A9union.png"
    assert fields["url_video_demo"] == "https://www.dailymotion.com/video/x711dei"
    assert fields["participants"] == {"min": 15, "max": 40}
    assert fields["recrutement"] == ["tirage-au-sort", "volontaires"]
    assert fields["niveau"] is None
    assert "layout" not in fields
    assert atelier["body"] == "Corps de methodes/atelier.md."
    decidim = record(document, "outils/decidim")["fields"]
    assert decidim["lettre_engagement"] == "https://example.org/uploads/lettre.pdf"
    assert decidim["details_techniques"] == [
        {"name": "Licence", "content": "AGPL", "link": "https://example.org/agpl"}
    ]
    town = record(document, "exemples/ville")["fields"]
    assert town["in_progress"] is True
    assert town["note-citoyenne"] == 4.5
    assert town["note-decidee"] == 5
    assert town["organisateur"] == "Ville de Quelque-Part"
    assert town["methodes"] == ["le budget participatif", "Assembl"]
    assert town["parameters"] == [{"name": "Participants", "content": "801", "link": None}]
    assert document["licence"] == {
        "name": "Licence Ouverte 2.0",
        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    }
    assert document["schema"] == SITE + "donnees/fiches.schema.json"
    assert document["count"] == len(CARDS)


def test_records_carry_the_cross_links_both_ways(document):
    town = record(document, "exemples/ville")
    assert town["links"] == {
        "outil": [{"id": "outils/decidim", "title": "Decidim", "url": SITE + "outils/decidim/"}],
        "methodes": [
            {
                "id": "methodes/budget",
                "title": "Le budget participatif",
                "url": SITE + "methodes/budget/",
            }
        ],
    }
    budget = record(document, "methodes/budget")["links"]
    assert [link["id"] for link in budget["exemples"]] == ["exemples/ville"]
    assert [link["id"] for link in budget["methodes_liees"]] == ["methodes/atelier"]
    atelier = record(document, "methodes/atelier")["links"]
    assert [link["id"] for link in atelier["methodes_liees"]] == ["methodes/budget"]
    assert [link["id"] for link in atelier["exemples"]] == ["exemples/sans-date"]
    assert record(document, "_usage_citoyens/suivi")["links"] == {}


def test_the_export_validates_against_its_published_schema(document):
    schema = export_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    card_validator = jsonschema.Draft202012Validator(json_schema())
    for one in document["fiches"]:
        card_validator.validate(one["fields"])


@pytest.mark.parametrize(
    ("key", "value"),
    [("in_progress", "oui"), ("participants", {"min": -1}), ("unknown", 1), ("recrutement", ["x"])],
)
def test_the_schema_rejects_a_wrong_value(document, key, value):
    broken = json.loads(json.dumps(document))
    target = record(broken, "exemples/ville" if key == "in_progress" else "methodes/atelier")
    target["fields"][key] = value
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, export_schema(), cls=jsonschema.Draft202012Validator)


def read_csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_is_one_row_per_card_for_a_french_spreadsheet(card_set, options, document):
    data = export_files(card_set, options)["donnees/fiches.csv"]
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.split(b"\r\n")[0].decode("utf-8-sig").startswith("id;type;url;title;date;")
    rows = read_csv(data)
    assert [row["id"] for row in rows] == [r["id"] for r in document["fiches"]]
    by_id = {row["id"]: row for row in rows}
    atelier, town = by_id["methodes/atelier"], by_id["exemples/ville"]
    assert atelier["priorites"] == "Éclairer une décision | =SOMME(A1:A2)"
    assert by_id["methodes/budget"]["liens_methodes_liees"] == "methodes/atelier"
    assert (atelier["participants_min"], atelier["participants_max"]) == ("15", "40")
    assert atelier["recrutement"] == "tirage-au-sort | volontaires"
    assert atelier["liens_methodes_liees"] == "methodes/budget"
    assert by_id["outils/decidim"]["clients"] == '\'=HYPERLINK("https://example.org") | Régions'
    assert town["note-citoyenne"] == "4,5"
    assert town["in_progress"] == "true"
    assert town["outil"] == "Decidim | Autre"
    assert town["liens_outil"] == "outils/decidim"
    assert town["parameters"] == "Participants : 801"
    follow_up = by_id["_usage_citoyens/suivi"]
    assert follow_up["presentation"] == (
        "Premier paragraphe.\n\nSecond paragraphe ; avec un point-virgule."
    )
    assert len({len(row) for row in rows}) == 1


def test_atom_feed_lists_dated_cards_and_case_studies_newest_first(document, options):
    root = ET.fromstring(atom_feed(document, options))
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author/{ns}name", "rights"):
        assert root.find(f"{ATOM}{tag}".replace("{ns}", ATOM)).text
    assert root.find(f"{ATOM}id").text == SITE + "donnees/fiches.atom"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == SITE + "donnees/fiches.atom"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "Decidim",
        "Budget de la ville",
        "Le budget participatif",
        "L’atelier citoyen",
    ]
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{tag}").text
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith(SITE)
        dt.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
    town = entries[1]
    assert town.find(f"{ATOM}updated").text == "2019-01-15T00:00:00Z"
    assert town.find(f"{ATOM}author/{ATOM}name").text == "Ville de Quelque-Part"
    assert town.find(f"{ATOM}summary").text == "Une ville vote ses projets"
    assert town.find(f"{ATOM}category").attrib == {"term": "exemple", "label": "Exemple"}
    assert root.find(f"{ATOM}updated").text == "2019-02-01T00:00:00Z"


def test_export_files_go_under_the_folder_and_the_feed_needs_a_site_url(card_set, options):
    files = export_files(card_set, options)
    assert sorted(files) == [
        "donnees/fiche.schema.json",
        "donnees/fiches.atom",
        "donnees/fiches.csv",
        "donnees/fiches.json",
        "donnees/fiches.schema.json",
    ]
    assert json.loads(files["donnees/fiche.schema.json"]) == json_schema()
    relative = export_files(card_set, ExportOptions(folder="/open/data/"))
    assert "open/data/fiches.atom" not in relative
    document = json.loads(relative["open/data/fiches.json"])
    assert record(document, "methodes/atelier")["url"] == "methodes/atelier/"
    assert document["schema"] == "open/data/fiches.schema.json"
