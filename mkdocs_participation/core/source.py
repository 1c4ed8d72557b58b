"""Split a card into front matter and body, the way MkDocs does, but keep every error and line.

MkDocs silently ignores front matter whose YAML does not parse; here the same pattern and loader
are used so both agree on what a card says, and every failure becomes a located problem.
"""

from __future__ import annotations

import errno
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
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
KEEP_AS_TEXT = "or put the value in quotes to keep it as text"


class Unreadable:
    """What the card loader gives for a value YAML accepts but Python cannot represent."""

    __slots__ = ("hint", "line", "reason")

    def __init__(self, line: int, reason: str, hint: str) -> None:
        self.line, self.reason, self.hint = line, reason, hint


class UnreadableValues:
    """A YAML loader mix-in: a scalar Python cannot represent (a day that does not exist, a
    year 0, a UTC offset beyond a day, an integer of thousands of digits, NaN or infinity)
    becomes an ``Unreadable`` value instead of an exception out of ``yaml.load``.

    ``first_line`` is the file line of the text's first line."""

    recursive_objects: dict[yaml.Node, None]

    def __init__(self, text: str, first_line: int = 1) -> None:
        super().__init__(text)  # type: ignore[call-arg]
        self.first_line = first_line

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return super().construct_object(node, deep)  # type: ignore[misc]
        line = node.start_mark.line + self.first_line
        try:
            value = super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, OverflowError) as error:
            self.recursive_objects.pop(node, None)
            return _unreadable(node, line, error)
        if isinstance(value, float) and not math.isfinite(value):
            return Unreadable(
                line, f"'{node.value}' is not a finite number", f"write a number, {KEEP_AS_TEXT}"
            )
        return value


class CardLoader(UnreadableValues, SafeLoader):
    """The SafeLoader MkDocs uses (libyaml's when PyYAML has it), with ``UnreadableValues``."""


def load_yaml(text: str, first_line: int = 1) -> tuple[Any, list[Unreadable]]:
    """``text`` as SafeLoader reads it, without the values Python cannot represent, and those
    values, each with its line; YAML syntax errors are raised as ``yaml.YAMLError``."""
    loader = CardLoader(text, first_line)
    try:
        return without_unreadable(loader.get_single_data())
    finally:
        loader.dispose()


def without_unreadable(value: Any) -> tuple[Any, list[Unreadable]]:
    """``value`` with every ``Unreadable`` left out of it, and those left out."""
    found: list[Unreadable] = []

    def keep(item: Any) -> bool:
        if isinstance(item, Unreadable):
            found.append(item)
            return False
        return True

    def clean(item: Any) -> Any:
        if isinstance(item, list):
            return [clean(each) for each in item if keep(each)]
        if isinstance(item, dict):
            return {key: clean(each) for key, each in item.items() if keep(key) and keep(each)}
        return item

    return (clean(value) if keep(value) else None), found


def _unreadable(node: yaml.ScalarNode, line: int, error: Exception) -> Unreadable:
    value = node.value if len(node.value) <= 40 else node.value[:39] + "…"
    if node.tag.endswith(":timestamp"):
        reason = "a UTC offset must be less than 24 hours" if "offset" in str(error) else error
        return Unreadable(
            line,
            f"'{value}' is not a real date or time: {reason}",
            f"write a date that exists, such as 2024-05-31, {KEEP_AS_TEXT}",
        )
    return Unreadable(
        line, f"'{value}' cannot be read as a number", f"write a shorter number, {KEEP_AS_TEXT}"
    )


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

    def key_at(self, line: int) -> str | None:
        """The top-level key whose value holds file line ``line``."""
        above = [(start, key) for key, start in self.key_lines.items() if start <= line]
        return max(above)[1] if above else None


def read_regular_file(path: Path) -> bytes:
    """The bytes of the file at ``path``; a link that leads nowhere, a folder, a pipe (which
    would wait for a writer forever) or a device raise ``OSError`` with a reason to print."""
    try:
        regular = path.is_file()
    except OSError:  # a loop of links on some systems
        regular = False
    if not regular:
        reason = (
            "a symbolic link to a missing file, or a loop of links"
            if path.is_symlink() and not path.exists()
            else "not a regular file (a folder, a pipe or a device)"
        )
        raise OSError(errno.EINVAL, reason, str(path))
    return path.read_bytes()


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
    loader = CardLoader(yaml_text, first_line=2)
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
        data, unreadable = without_unreadable(loader.construct_document(node))
    except yaml.reader.ReaderError as error:
        found = yaml_text.find(chr(error.character)) if error.character else -1
        position = found if found >= 0 else error.position
        source.problems.append(
            Problem(
                source.path,
                f"invalid YAML: character {error.character:#06x} is not allowed",
                yaml_text.count("\n", 0, position) + 2,
                None,
                "remove it, or write it as an escape such as \\x00 in double quotes",
                Severity.ERROR,
            )
        )
        return
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
    for value in unreadable:
        source.problems.append(
            Problem(
                source.path,
                f"{value.reason}; it is left out",
                value.line,
                source.key_at(value.line),
                value.hint,
                Severity.ERROR,
            )
        )


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
