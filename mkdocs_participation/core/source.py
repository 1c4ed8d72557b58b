"""Split a card into front matter and body, the way MkDocs does, but keep every error and line.

MkDocs silently ignores front matter whose YAML does not parse; here the same pattern and loader
are used so both agree on what a card says, and every failure becomes a located problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem, Severity

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

# The pattern of mkdocs.utils.meta: front matter opens on the first line and closes with --- or ...
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

MAX_FRONT_MATTER_NODES = 20_000
NESTING_HINT = "flatten the nested lists, or quote a text that starts with '[' or '{'"


@dataclass
class Source:
    """A card file as written: its front matter values, their lines, and its Markdown body."""

    path: str
    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    key_lines: dict[str, int] = field(default_factory=dict)
    item_lines: dict[tuple[str, int], int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str, index: int | None = None) -> int | None:
        """The file line of a key, or of one item of a list value when known."""
        if index is not None and (key, index) in self.item_lines:
            return self.item_lines[key, index]
        return self.key_lines.get(key)


def decode_card(path: str, data: bytes) -> tuple[str, list[Problem]]:
    """The text of the card file at ``path``; bytes that are not UTF-8 read as U+FFFD, with an
    error on the line of the first one, so that the card still gets its page."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = Problem(
            path,
            f"not UTF-8 text (byte {data[error.start]:#04x}); shown as \ufffd",
            line,
            None,
            "save the file as UTF-8",
            Severity.ERROR,
        )
        return data.decode("utf-8-sig", "replace"), [problem]


def read_source(path: str, text: str) -> Source:
    """Parse the text of the card at docs-relative ``path``; never raises on bad input."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # A card with an empty body may end right after its closing '---', with no newline.
    text = text if text.endswith("\n") else text + "\n"
    source = Source(path=path, body=text)
    match = FRONT_MATTER.match(text)
    if match is None:
        if text.startswith("---"):
            source.problems.append(
                Problem(
                    path,
                    "front matter is not closed",
                    1,
                    None,
                    "end it with a line '---'",
                    Severity.ERROR,
                )
            )
        else:
            source.problems.append(
                Problem(
                    path,
                    "no front matter",
                    1,
                    None,
                    "start the file with '---', the card's keys, then '---'",
                    Severity.ERROR,
                )
            )
        return source
    source.body = text[match.end() :]
    source.body_line = text[: match.end()].count("\n") + 1
    _parse_front_matter(source, match.group(1))
    return source


def _parse_front_matter(source: Source, yaml_text: str) -> None:
    loader = SafeLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return
        if not isinstance(node, yaml.MappingNode):
            source.problems.append(
                Problem(
                    source.path,
                    "front matter must be a set of 'key: value' lines",
                    2,
                    severity=Severity.ERROR,
                )
            )
            return
        if not _check_nodes(source, node):
            return
        _record_lines(source, node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark is not None else None
        reason = error.problem or error.context or "invalid YAML"
        source.problems.append(
            Problem(
                source.path,
                f"invalid YAML: {reason}",
                line,
                None,
                _yaml_hint(yaml_text, mark.line if mark else None, reason),
                Severity.ERROR,
            )
        )
        return
    except yaml.YAMLError as error:
        source.problems.append(
            Problem(source.path, f"invalid YAML: {error}", 2, severity=Severity.ERROR)
        )
        return
    except RecursionError:
        # libyaml stops at its own depth limit, the pure-Python loader composes nested values
        # recursively: its reader is about where Python's limit was crossed.
        mark = loader.get_mark() if isinstance(loader, yaml.reader.Reader) else None
        source.problems.append(
            Problem(
                source.path,
                "invalid YAML: nested too deeply",
                mark.line + 2 if mark is not None else 2,
                None,
                NESTING_HINT,
                Severity.ERROR,
            )
        )
        return
    finally:
        loader.dispose()
    source.data = {str(key).strip(): value for key, value in data.items()}


def _check_nodes(source: Source, root: yaml.Node) -> bool:
    """Refuse aliases (they can multiply a small file into gigabytes) and huge documents."""
    seen: set[int] = set()
    stack = [root]
    count = 0
    while stack:
        node = stack.pop()
        count += 1
        if id(node) in seen or count > MAX_FRONT_MATTER_NODES:
            reason = (
                "YAML anchors and aliases are not allowed in cards"
                if id(node) in seen
                else f"front matter has more than {MAX_FRONT_MATTER_NODES} values"
            )
            source.problems.append(
                Problem(
                    source.path,
                    reason,
                    node.start_mark.line + 2,
                    None,
                    "write each value out in full",
                    Severity.ERROR,
                )
            )
            return False
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return True


def _record_lines(source: Source, root: yaml.MappingNode) -> None:
    for key_node, value_node in root.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue  # a list or mapping as a key: construction reports it as unhashable
        key = str(key_node.value).strip()
        line = key_node.start_mark.line + 2
        if key in source.key_lines:
            source.problems.append(
                Problem(
                    source.path,
                    f"key appears twice (first on line {source.key_lines[key]})",
                    line,
                    key,
                    "keep one of them: the last one wins",
                )
            )
        source.key_lines[key] = line
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                source.item_lines[key, index] = item.start_mark.line + 2


def _yaml_hint(yaml_text: str, line: int | None, reason: str) -> str | None:
    if "nesting depth" in reason:
        return NESTING_HINT
    if line is None:
        return None
    lines = yaml_text.split("\n")
    for candidate in (line, line - 1):
        if 0 <= candidate < len(lines) and ": " in lines[candidate].lstrip("- "):
            return "put quotes around a value that contains ': '"
    return "check the indentation and quotes"
