"""Property-based tests: any input gives a card and located problems, never a crash."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_participation.core.body import normalise_body, without_refused_links
from mkdocs_participation.core.cards import Card, load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.exports import ExportOptions, export_files
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.markup import clean_body
from mkdocs_participation.core.model import FIELDS, VOCABULARIES, Type
from mkdocs_participation.core.problems import Problem
from mkdocs_participation.core.views import card_view
from mkdocs_participation.core.wording import Wording

from ..test_hostile import network_target

KRAMDOWN = re.compile(r"^\s*\{:[^}]*\}\s*$")
EXAMPLES = int(os.environ.get("PARTICIPATION_FUZZ_EXAMPLES", "150"))
KEYS = [field.name for field in FIELDS] + ["risques", "methode", "inconnu", "title "]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(
        [
            "javascript:alert(1)",
            "https://a.fr",
            "2019-06-05",
            "a@b.fr",
            "- x",
            "co-décider",
            "</script>",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
front_matters = st.dictionaries(st.sampled_from(KEYS), values, max_size=12)
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def render_everything(path: str, text: str) -> None:
    card = load_card(path, text, "methode")
    assert card.title
    card_set = build_card_set([card], [])
    card_view(card, card_set, Wording(labels_for("fr"), VOCABULARIES))
    for problem in card.problems:
        assert isinstance(problem, Problem)
        assert str(problem).startswith(path)


@fuzz
@given(front_matters, st.text(max_size=200))
def test_any_yaml_front_matter_gives_a_card(data, body):
    try:
        dumped = yaml.safe_dump(data, allow_unicode=True)
    except yaml.YAMLError:
        return
    render_everything("methodes/fuzz.md", f"---\n{dumped}---\n{body}")


@fuzz
@given(st.text(max_size=400))
def test_any_text_gives_a_card(text):
    render_everything("methodes/fuzz.md", text)
    render_everything("methodes/fuzz.md", "---\n" + text)


# Model-driven front matter, written as YAML text: values Python cannot hold (a day that does
# not exist) have no Python form to dump. Every field of the model gets values of every class
# of bad input, at the top level, as a list item, in a nested map and as a nested key, beside
# values of its own type; bodies get links of every class.
HOSTILE = {
    # Refused by the card loader wherever they appear (a YAML error for the NUL byte).
    "date": (
        "2023-02-30",
        "0000-01-01",
        "2024-01-01 25:00:00",
        "2024-01-01 10:00:00 +25:00",
        "2024-13-01",
        "2020-02-29T24:00:00Z",
    ),
    "float": (".nan", ".inf", "-.inf", ".NaN"),
    "digits": ("7" * 5000,),
    "nul": ('"a\x00b"',),
    # Refused by the check of their field (an integer, a link).
    "number text": ("'²'", "'١٢'", "'+-5'", "'" + "7" * 5000 + "'", "10000000000000", "'٣'"),
    "url": ("'https://[placeholder]/x'", "'http://[::1'", "'http://a.fr:port/'", "'//[x]/'"),
}
LOADER_CLASSES = {"date", "float", "digits", "nul"}
REFUSED_URLS = ("https://[placeholder]/x", "http://[::1", "http://a.fr:port/", "//[x]/p")
GOOD_URLS = ("https://exemple.fr/page", "mailto:a@b.fr", "#section")
FIELD_CHECKS = {
    "number text": {Type.INTEGER, Type.NUMBER, Type.RANGE},
    "url": {Type.URL, Type.CONTACT, Type.IMAGE, Type.VIDEO},
}
VALID = {
    Type.TEXT: "Un texte",
    Type.LIST: "[Un, Deux]",
    Type.URL: "https://exemple.fr/x",
    Type.CONTACT: "equipe@exemple.fr",
    Type.IMAGE: "logo.png",
    Type.VIDEO: "https://youtu.be/abc",
    Type.DATE: "2024-05-31",
    Type.INTEGER: "3",
    Type.NUMBER: "7.5",
    Type.BOOLEAN: "true",
    Type.DETAILS: "[{name: a, content: b}]",
    Type.RANGE: "{min: 1, max: 3}",
    Type.REFERENCES: "[Atelier, Inconnue]",
    Type.BLOCK: "Un bloc",
    Type.LEGACY: "ancien",
}
FALLBACKS = ("cannot be read (", "the card cannot be read", "could not be made")


def _valid(field) -> str:
    if field.vocabulary:
        first = next(iter(VOCABULARIES.get(field.vocabulary, {"x": ""})))
        return f"[{first}]" if field.type is Type.CHOICES else first
    return VALID[field.type]


@st.composite
def model_cards(draw):
    """(front matter text, body text, [(line, class, field type, placement)] of each hostile
    value written, [(line, url)] of each refused address in the body)."""
    lines = ["title: Fiche", "tagline: x"]
    written = []
    for field in draw(st.lists(st.sampled_from(FIELDS), max_size=8, unique_by=lambda f: f.name)):
        if field.name in ("title", "tagline"):
            continue
        line = len(lines) + 2  # the file's first line is '---'
        if draw(st.integers(0, 3)) == 0:
            lines.append(f"{field.name}: {_valid(field)}")
            continue
        kind = draw(st.sampled_from(sorted(HOSTILE)))
        value = draw(st.sampled_from(HOSTILE[kind]))
        placement = draw(st.sampled_from(("top", "item", "nested", "key")))
        if placement == "top":
            lines.append(f"{field.name}: {value}")
        elif placement == "item":
            lines += [f"{field.name}:", "- Un", f"- {value}"]
            line += 2
        elif placement == "nested":
            lines += [f"{field.name}:", "  min: 1", f"  max: {value}"]
            line += 2
        else:
            lines += [f"{field.name}:", f"  {value}: x"]
            line += 1
        written.append((line, kind, field.type, placement))
    body, links = ["Un paragraphe."], []
    for _ in range(draw(st.integers(0, 4))):
        refused = draw(st.booleans())
        url = draw(st.sampled_from(REFUSED_URLS if refused else GOOD_URLS))
        form = draw(
            st.sampled_from(("[t]({})", "![i]({})", "<{}>", "[r]: {}", '<a href="{}">a</a>'))
        )
        if form == "<{}>" and not url.startswith(("http", "mailto")):
            continue
        body += ["", form.format(url)]
        if refused:
            links.append((len(lines) + 3 + len(body), url))
    return "\n".join(lines), "\n".join(body), written, links


def _check_card(path: str, text: str, written, links) -> Card:
    card = load_card(path, text, "methode")
    problems = card.problems
    assert card.title
    total = text.count("\n") + 1
    for problem in problems:
        assert str(problem).startswith(path)
        assert problem.line is None or 1 <= problem.line <= total, str(problem)
        assert not any(fallback in problem.message for fallback in FALLBACKS), str(problem)
    lines = {problem.line for problem in problems}
    # Invalid YAML (a NUL byte, a plain key over 1,024 characters) refuses the whole front matter.
    broken = any("invalid YAML" in problem.message for problem in problems)
    for line, kind, type_, placement in written:
        if broken:
            continue
        if kind in LOADER_CLASSES or (placement == "top" and type_ in FIELD_CHECKS[kind]):
            assert line in lines, (kind, line, text, [str(p) for p in problems])
    for line, url in links:
        assert any(p.line == line and url[:20] in p.message for p in problems), (url, line)
    return card


@fuzz
@given(st.lists(model_cards(), min_size=1, max_size=3))
def test_every_field_of_the_model_takes_every_class_of_bad_input(drafts):
    cards = []
    for number, (front, body, written, links) in enumerate(drafts):
        cards.append(
            _check_card(f"methodes/f{number}.md", f"---\n{front}\n---\n\n{body}\n", written, links)
        )
    card_set = build_card_set(cards, ["methodes/logo.png"])
    wording = Wording(labels_for("fr"), VOCABULARIES)
    for card in cards:
        card_view(card, card_set, wording)
        html, _ = clean_body(markdown.markdown(normalise_body(without_refused_links(card.body))))
        assert not re.search(r'(?:href|src)="[^"]*(?:\[|:port)', html), html
    exports = export_files(card_set, ExportOptions(site_url="https://exemple.fr/"))
    document = json.loads(exports["donnees/fiches.json"], parse_constant=_refuse)
    assert sorted(record["id"] for record in document["fiches"]) == sorted(
        card.path.removesuffix(".md") for card in cards
    )


def _refuse(constant: str):
    raise AssertionError(f"{constant} in a JSON export")


@fuzz
@given(st.text(alphabet=st.sampled_from(list("*-_:# \n`~1.{}abc")), max_size=300))
def test_body_normalisation_never_fails_and_keeps_every_word(body):
    def words(text: str) -> set[str]:
        return {w.strip(":") for w in text.replace("#", " ").replace("*", " ").split()} - {""}

    content = "\n".join(line for line in body.split("\n") if not KRAMDOWN.match(line))
    assert words(content) <= words(normalise_body(body))


HTML_PIECES = [
    *("<", ">", "</", "/", "=", '"', "'", " ", "\n", "\t", "&", "&#x09;", "&lt;", "x"),
    *("script", "img", "a", "iframe", "svg", "style", "p", "div", "input", "details"),
    *(" src=", " href=", " onerror=", " onclick=", " style=", " type=", " data-x="),
    *("javascript:", "java\tscript:", "data:text/html,", "//evil.example/", "\\\\evil"),
    *("https://ok.example/", "alert(1)", "[x](", ")", "![i](", "*", "`", "<!--", "-->"),
]
html_soup = st.lists(st.sampled_from(HTML_PIECES), max_size=60).map("".join)


class _Unsafe(HTMLParser):
    """Collects what a sanitised body must never hold."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "iframe", "object", "embed", "form", "base", "meta"):
            self.found.append(tag)
        for name, value in attrs:
            scheme, leaves = network_target(value or "")
            if name.startswith(("on", "data-")) or name == "style":
                self.found.append(name)
            elif name == "src" and leaves:
                self.found.append(f"src={value}")
            elif name == "href" and leaves and scheme not in ("http", "https", "mailto"):
                self.found.append(f"href={value}")


@fuzz
@given(html_soup)
def test_a_sanitised_body_never_runs_or_loads_from_elsewhere(soup):
    cleaned, _ = clean_body(markdown.markdown(soup, extensions=["attr_list", "md_in_html"]))
    unsafe = _Unsafe()
    unsafe.feed(cleaned)
    unsafe.close()
    assert unsafe.found == []


@fuzz
@given(st.text(alphabet=st.sampled_from(list("-*+>[]()_`~ x\n1.")), max_size=2000))
def test_any_body_either_renders_or_is_kept_as_written(body):
    markdown.markdown(normalise_body(body), extensions=["attr_list", "md_in_html"])
