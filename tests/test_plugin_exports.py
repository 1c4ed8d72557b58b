"""Open-data exports written by the plugin into built sites, and the demo's page about them."""

from __future__ import annotations

import csv
import io
import json
import logging
import xml.etree.ElementTree as ET

import jsonschema

from .sites import BASE_CONFIG, card
from .test_plugin_case_studies import DOCS

SITE = BASE_CONFIG["site_url"]
CARDS = [path.removesuffix(".md") for path in DOCS if path.endswith(".md")]
ATOM = "{http://www.w3.org/2005/Atom}"


def read_json(built, path: str):
    return json.loads((built.site_dir / path).read_text(encoding="utf-8"))


def page_file(built, url: str):
    """The built file behind an absolute URL of the site."""
    assert url.startswith(SITE), url
    path = built.site_dir / url.removeprefix(SITE)
    return path / "index.html" if url.endswith("/") else path


def test_exports_are_written_and_validate_against_the_published_schema(site):
    built = site(DOCS)
    assert built.ok, built.problems
    document = read_json(built, "donnees/fiches.json")
    schema = read_json(built, "donnees/fiches.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    card_schema = jsonschema.Draft202012Validator(read_json(built, "donnees/fiche.schema.json"))
    for record in document["fiches"]:
        card_schema.validate(record["fields"])
    assert document["count"] == len(CARDS)
    assert document["schema"] == SITE + "donnees/fiches.schema.json"
    assert document["licence"]["name"] == "Licence Ouverte 2.0"


def test_exported_urls_and_links_point_at_built_pages(site):
    built = site(DOCS)
    records = {r["id"]: r for r in read_json(built, "donnees/fiches.json")["fiches"]}
    for record in records.values():
        assert page_file(built, record["url"]).is_file()
        for links in record["links"].values():
            for link in links:
                assert page_file(built, link["url"]).is_file()
                assert link["id"] in records
    town = records["exemples/ville"]
    assert [link["id"] for link in town["links"]["methodes"]] == [
        "methodes/atelier-citoyen",
        "methodes/budget-participatif",
    ]
    assert town["fields"]["outil"] == ["Decidim", "Autre"]
    assert [link["id"] for link in town["links"]["outil"]] == ["outils/decidim"]
    assert [link["id"] for link in records["methodes/atelier-citoyen"]["links"]["exemples"]] == [
        "exemples/ville",
        "exemples/vide",
    ]
    assert [
        link["id"] for link in records["methodes/budget-participatif"]["links"]["methodes_liees"]
    ] == ["methodes/atelier-citoyen"]


def test_csv_has_one_row_per_card_in_a_french_layout(site):
    built = site(DOCS)
    data = (built.site_dir / "donnees/fiches.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert sorted(row["id"] for row in rows) == sorted(CARDS)
    town = next(row for row in rows if row["id"] == "exemples/ville")
    assert town["methodes"] == "L’atelier\u00a0citoyen | budget-participatif"
    assert town["liens_methodes"] == "methodes/atelier-citoyen | methodes/budget-participatif"


def test_atom_feed_announces_dated_pages(site):
    built = site(DOCS)
    root = ET.parse(built.site_dir / "donnees/fiches.atom").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text == "Fixture"
    entries = root.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == ["Le budget de la ville"]
    href = entries[0].find(f"{ATOM}link").get("href")
    assert page_file(built, href).is_file()


def test_folder_and_licence_are_options(site):
    built = site(
        DOCS,
        plugin={
            "exports": {
                "folder": "/open/data/",
                "licence": "CC BY 4.0",
                "licence_url": "https://creativecommons.org/licenses/by/4.0/",
            }
        },
    )
    assert built.ok, built.problems
    assert not (built.site_dir / "donnees").exists()
    document = read_json(built, "open/data/fiches.json")
    assert document["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    root = ET.parse(built.site_dir / "open/data/fiches.atom").getroot()
    assert root.find(f"{ATOM}rights").text == "CC BY 4.0"


def test_exports_can_be_turned_off(site):
    built = site(DOCS, plugin={"exports": False})
    assert built.ok, built.problems
    assert not (built.site_dir / "donnees").exists()


def test_without_site_url_urls_are_relative_and_there_is_no_feed(site, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.mkdocs_participation")
    built = site(DOCS, site_url=None)
    assert built.ok, built.problems
    document = read_json(built, "donnees/fiches.json")
    town = next(r for r in document["fiches"] if r["id"] == "exemples/ville")
    assert town["url"] == "exemples/ville/"
    assert not (built.site_dir / "donnees/fiches.atom").exists()
    assert any("site_url is not set" in message for message in caplog.messages)


def test_a_docs_file_at_an_export_path_is_kept_and_reported(site):
    docs = {"methodes/a.md": card("title: A\ntagline: x"), "donnees/fiches.csv": "a;b\n"}
    built = site(docs, strict=False)
    assert (built.site_dir / "donnees/fiches.csv").read_text() == "a;b\n"
    assert (built.site_dir / "donnees/fiches.json").is_file()
    assert built.problems == [
        "mkdocs_participation: donnees/fiches.csv: a docs file has the path of a generated "
        "export, which is not written (set the plugin's exports.folder to another folder)"
    ]


def test_demo_publishes_its_exports_and_documents_them(demo):
    assert demo.ok, demo.problems
    page = demo.html("donnees/")
    for name in (
        "fiches.json",
        "fiches.csv",
        "fiches.schema.json",
        "fiche.schema.json",
        "fiches.atom",
    ):
        assert f'href="{name}"' in page
        assert (demo.site_dir / "donnees" / name).is_file()
    assert "Licence Ouverte 2.0" in page
    document = read_json(demo, "donnees/fiches.json")
    jsonschema.Draft202012Validator(read_json(demo, "donnees/fiches.schema.json")).validate(
        document
    )
    assert {record["type"] for record in document["fiches"]} >= {"methode"}
