"""Interface words a site overrides in mkdocs.yml: a bad one is reported and set aside."""

from __future__ import annotations

import pytest

from mkdocs_participation.core.cards import Range
from mkdocs_participation.core.labels import LABELS, check_labels, interface_language, labels_for
from mkdocs_participation.core.wording import range_text


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (
            "video_open",
            "Voir sur {provider",
            "mkdocs.yml: labels.video_open: a '{' or '}' that is not part of a placeholder, the "
            "default label is used (write a literal brace as {{ or }})",
        ),
        (
            "video_open",
            "Voir} sur {provider}",
            "mkdocs.yml: labels.video_open: a '{' or '}' that is not part of a placeholder, the "
            "default label is used (write a literal brace as {{ or }})",
        ),
        (
            "participants_range",
            "de {min} à {max} {foo}",
            "mkdocs.yml: labels.participants_range: unknown placeholder {foo}, the default label "
            "is used (use only the placeholders {max}, {min})",
        ),
        (
            "participants_range",
            "{} à {max}",
            "mkdocs.yml: labels.participants_range: unknown placeholder {}, the default label is "
            "used (use only the placeholders {max}, {min})",
        ),
        (
            "logo_alt",
            "Logo de {owner:d}",
            "mkdocs.yml: labels.logo_alt: placeholder {owner} has a format or conversion, the "
            "default label is used (write it {owner})",
        ),
    ],
)
def test_a_label_that_cannot_be_filled_in_is_reported_and_the_default_used(name, text, line):
    [problem] = check_labels("fr", {name: text}, "mkdocs.yml")
    assert str(problem) == line
    assert labels_for("fr", {name: text})[name] == LABELS["fr"][name]


def test_a_bad_label_no_longer_breaks_the_words_built_from_it():
    labels = labels_for("fr", {"participants_range": "{min}-{max} {personnes}"})
    assert range_text(Range(15, 40), labels) == "15 à 40 personnes"


def test_literal_braces_fewer_placeholders_and_words_never_filled_in_are_kept():
    overrides = {
        "video_open": "{{Vidéo}} sur {provider}",
        "video_notice": "Vidéo hébergée ailleurs.",
        "participants_range": "{min} à {max} {{personnes}}",
        "methode": "Méthode {",
        "compare_toggle": "Comparer {foo}",
    }
    assert check_labels("fr", overrides, "mkdocs.yml") == []
    labels = labels_for("fr", overrides)
    assert {name: labels[name] for name in overrides} == overrides
    assert labels["video_open"].format(provider="Vimeo") == "{Vidéo} sur Vimeo"
    assert range_text(Range(15, 40), labels) == "15 à 40 {personnes}"


def test_the_default_words_fit_their_own_placeholders_in_both_languages():
    for language in ("fr", "en"):
        assert check_labels(language, LABELS[language], "mkdocs.yml") == []


def test_an_unknown_language_is_checked_against_the_french_words():
    [problem] = check_labels("de", {"screenshot_alt": "Bild: {titel}"}, "site.yml")
    assert str(problem).startswith("site.yml: labels.screenshot_alt: unknown placeholder {titel}")
    assert labels_for("de", {"screenshot_alt": "Bild: {titel}"}) == labels_for("fr")


def test_the_interface_language_is_the_plugins_then_the_themes_and_french_otherwise():
    assert interface_language("en", "fr") == "en"
    assert interface_language(None, "en") == "en"
    assert interface_language(None, "de") == "fr"
    assert interface_language(None, None) == "fr"
