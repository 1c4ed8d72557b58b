"""The legacy toolbox, when its corpus sits next to the project: it builds unchanged.

The corpus ships no images, so missing images are reported as info lines; the only warnings left
must be its four references to cards that do not exist. The project's own fixtures cover each
rule without the corpus (tests/test_plugin_case_studies.py, tests/core/test_links.py).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from .sites import SHARED
from .test_plugin_case_studies import links

CORPUS = SHARED / "corpus" / "consultation.gouv.fr"
FOLDERS = ("_outil", "_usage", "_usage_citoyens")
DANGLING = {
    ("_usage/assembl_apprendre_demain.md", "outil", "Assembl"),
    ("_usage/assembl_cities.md", "outil", "Assembl"),
    ("_usage/assembl_inventons.md", "outil", "Assembl"),
    (
        "_usage/consultation-sur-l-elaboration-de-la-charte-de-la-participation-du-public.md",
        "methodes",
        "Les plateformes en lignes",
    ),
}
WARNING = re.compile(
    r"^mkdocs_participation: (?P<path>[^:]+):\d+: (?P<key>\w+): "
    r"no \w+ card named '(?P<name>[^']+)' \(closest titles: '"
)

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason="the legacy corpus is not next to the project (../shared/corpus)"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from .sites import build_site

    docs = {
        str(path.relative_to(CORPUS)): path.read_bytes()
        for folder in FOLDERS
        for path in sorted((CORPUS / folder).glob("*.md"))
    }
    root = tmp_path_factory.mktemp("corpus")
    return build_site(root, docs, strict=False, plugin={"images": {"missing": "info"}}), docs


def test_the_only_warnings_are_the_dangling_references(corpus):
    built, _ = corpus
    found = set()
    for line in built.problems:
        match = WARNING.match(line)
        assert match, line
        found.add((match["path"], match["key"], match["name"]))
    assert found == DANGLING
    assert len(built.problems) == len(DANGLING)


def test_every_card_has_its_page_with_its_template(corpus):
    built, docs = corpus
    kinds = {
        "_outil": ("participation--methode", "participation--outil"),
        "_usage": ("participation--exemple",),
        "_usage_citoyens": ("participation--suivi",),
    }
    for path in docs:
        html = (built.site_dir / path.removesuffix(".md") / "index.html").read_text("utf-8")
        assert any(f'class="participation {kind}"' in html for kind in kinds[path.split("/")[0]])
        body = html[html.index('class="participation-body"') :]
        assert not re.search(r"<p>[^<]*\n\* ", body), path
        assert "{:" not in html, path


def test_case_studies_and_the_cards_they_used_link_both_ways(corpus):
    built, docs = corpus
    checked = 0
    for path in docs:
        if not path.startswith("_usage/"):
            continue
        page = path.removesuffix(".md") + "/"
        html = built.html(page)
        for section in ("methodes-utilisees", "outils-utilises"):
            if f'id="{section}"' not in html:
                continue
            for target in links(built, page, section):
                back = target.removesuffix("index.html")
                assert page + "index.html" in links(built, back, "exemples-dutilisation")
                checked += 1
    assert checked >= 40


def test_exports_of_the_corpus_validate_and_list_every_card(corpus):
    built, docs = corpus
    document = json.loads((built.site_dir / "donnees/fiches.json").read_text("utf-8"))
    schema = json.loads((built.site_dir / "donnees/fiches.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert sorted(record["id"] for record in document["fiches"]) == sorted(
        path.removesuffix(".md") for path in docs
    )
    feed = ET.parse(built.site_dir / "donnees/fiches.atom").getroot()
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == sum(
        1 for record in document["fiches"] if record["date"] and record["type"] != "suivi"
    )
