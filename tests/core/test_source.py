"""Reading front matter: MkDocs' pattern, located YAML errors, guarded aliases and depth."""

from __future__ import annotations

import yaml

from mkdocs_participation.core import source as source_module
from mkdocs_participation.core.problems import Severity
from mkdocs_participation.core.source import read_source


def test_splits_front_matter_and_body_with_lines():
    source = read_source("methodes/a.md", "---\ntitle: A\npriorites:\n- un\n- deux\n---\nCorps\n")
    assert source.data == {"title": "A", "priorites": ["un", "deux"]}
    assert source.body == "Corps\n"
    assert source.key_lines == {"title": 2, "priorites": 3}
    assert source.line_of("priorites", 1) == 5
    assert source.problems == []


def test_byte_order_mark_and_windows_newlines_are_accepted():
    source = read_source("a.md", "\ufeff---\r\ntitle: A\r\n---\r\nB\r\n")
    assert source.data == {"title": "A"}
    assert source.body == "B\n"


def test_invalid_yaml_is_an_error_with_its_file_line():
    text = "---\ntitle: A\ntagline: Objet : un texte: avec deux points\n---\n"
    source = read_source("methodes/a.md", text)
    [problem] = source.problems
    assert problem.severity is Severity.ERROR
    assert problem.line == 3
    assert str(problem).startswith("methodes/a.md:3: invalid YAML")
    assert "quotes" in (problem.suggestion or "")
    assert source.data == {}


def test_missing_or_unclosed_front_matter_is_reported():
    assert read_source("a.md", "Juste du texte").problems[0].message == "no front matter"
    assert read_source("a.md", "---\ntitle: A\n").problems[0].message == (
        "front matter is not closed"
    )


def test_front_matter_that_is_not_a_mapping_is_reported():
    source = read_source("a.md", "---\n- un\n- deux\n---\n")
    assert "key: value" in source.problems[0].message


def test_aliases_are_refused_before_they_can_expand():
    lines = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [*{previous},*{previous},*{previous},*{previous}]")
    lines += ["title: Bombe", "---", ""]
    source = read_source("a.md", "\n".join(lines))
    assert source.data == {}
    assert "aliases are not allowed" in source.problems[0].message


def test_duplicate_keys_are_reported_with_both_lines():
    source = read_source("a.md", "---\ntitle: A\ntitle: B\n---\n")
    assert source.data["title"] == "B"
    [problem] = source.problems
    assert (problem.line, problem.key) == (3, "title")
    assert "first on line 2" in problem.message


def test_front_matter_nested_too_deep_is_reported_with_a_hint_that_fits():
    flow = "---\ntitle: A\ntagline: 'Objet : un texte'\nniveau: " + "[" * 1000 + "\n---\n"
    keys = "".join(" " * depth + f"k{depth}:\n" for depth in range(1, 1001))
    indented = "---\ntitle: A\nfiche:\n" + keys + "---\n"
    # libyaml stops where the limit is crossed: at the list, or at the thousandth key.
    for text, line in ((flow, 4), (indented, 1002)):
        source = read_source("methodes/a.md", text)
        [problem] = source.problems
        assert problem.severity is Severity.ERROR
        assert source.data == {}
        assert str(problem) == (
            f"methodes/a.md:{line}: invalid YAML: exceeded maximum nesting depth (flatten the "
            "nested lists, or quote a text that starts with '[' or '{')"
        )


def test_front_matter_too_deep_for_the_pure_python_loader_is_reported(monkeypatch):
    loader = type("PureLoader", (source_module.UnreadableValues, yaml.SafeLoader), {})
    monkeypatch.setattr(source_module, "CardLoader", loader)
    text = "---\ntitle: A\nniveau: " + "[" * 5000 + "\n---\n"
    source = read_source("methodes/a.md", text)
    [problem] = source.problems
    assert problem.severity is Severity.ERROR
    assert source.data == {}
    assert str(problem) == (
        "methodes/a.md:3: invalid YAML: nested too deeply (flatten the nested lists, or quote a "
        "text that starts with '[' or '{')"
    )


def test_a_deeply_nested_list_as_a_key_is_an_unhashable_key():
    depth = 900
    text = "---\ntitle: A\n? " + "[" * depth + "]" * depth + "\n: x\n---\n"
    source = read_source("methodes/a.md", text)
    [problem] = source.problems
    assert (problem.line, problem.message) == (3, "invalid YAML: found unhashable key")
    assert source.data == {}
