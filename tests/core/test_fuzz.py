"""Property-based tests: any input gives a card and located problems, never a crash."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_participation.core.body import normalise_body
from mkdocs_participation.core.cards import load_card
from mkdocs_participation.core.cardset import build_card_set
from mkdocs_participation.core.labels import labels_for
from mkdocs_participation.core.markup import clean_body
from mkdocs_participation.core.model import FIELDS, VOCABULARIES
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
