import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slugify import slugify

from mkdocs_participation.core.keys import digest, match_key, search_key, slug


def test_search_key_ignores_case_accents_ligatures_and_punctuation():
    assert search_key("L’Œuvre   CO-CONSTRUITE, à Évry !") == "l oeuvre co construite a evry"
    assert search_key("Straße") == "strasse"


def test_every_combining_mark_is_left_out_in_any_plane():
    marks = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.combining(c))
    assert search_key(f"É{marks}té") == match_key(f"e{marks}te") == "ete"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Priorités pour l’organisateur", "priorites-pour-lorganisateur"),
        ("atelier-citoyen", "atelier-citoyen"),
        ("Atelier-Citoyen", "atelier-citoyen"),
        ("tirage--au-sort", "tirage-au-sort"),
        ("-bord-", "bord"),
        ("Co-décider", "co-decider"),
    ],
)
def test_slugs_are_stable(text, expected):
    assert slug(text) == expected


@given(st.text(alphabet="abz09-AÉé _’", max_size=12))
def test_slug_writes_what_python_slugify_writes(text):
    assert slug(text) == slugify(text)


def test_match_key_ignores_case_accents_apostrophes_and_spaces():
    assert match_key("L’Atelier  citoyen") == match_key("l'atelier\u00a0Citoyen")
    assert match_key("Débat_public") == match_key("debat-public")


def test_a_digest_is_the_same_for_a_text_and_its_utf8_bytes_and_tells_texts_apart():
    assert digest("Débat public") == digest("Débat public".encode())
    assert len(digest("Atelier citoyen")) == 16
    assert digest("Atelier citoyen") != digest("Atelier citoyen ")
