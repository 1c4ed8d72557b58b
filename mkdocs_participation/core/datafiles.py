"""Files written into a docs folder for an engine that cannot generate any (Zensical).

MkDocs runs the plugin, which adds the exports, the catalogue, comparison and chooser pages and
its stylesheet and script to the build. Zensical runs no plugin, so ``mkdocs-participation
build-data`` writes the same files into the docs folder and names them in a manifest there; the
plugin leaves the files of that manifest out and generates its own, so that the MkDocs build
stays the same whether the command was run or not.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePosixPath

# A dot file: MkDocs and Zensical leave it out of the site.
MANIFEST = ".participation-data"
_MANIFEST_HEAD = (
    "# Written by `mkdocs-participation build-data` for engines that run no MkDocs plugin\n"
    "# (Zensical). Every file named below is generated: do not edit them, keep them out of git.\n"
)

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "participation"
# The plugin's styles and scripts, served as one file each on every page (two requests, not
# eight): the kit first (window.participationKit), then the catalogue, comparison and chooser.
STYLES = ("kit.css", "catalogue.css", "compare.css", "chooser.css")
SCRIPTS = ("kit.js", "catalogue.js", "compare.js", "chooser.js")
STYLESHEET = "assets/participation/participation.css"
SCRIPT = "assets/participation/participation.js"


def stylesheet() -> str:
    """The site's participation stylesheet."""
    return _joined(STYLES)


def script(settings: str) -> str:
    """The site's participation script, opening with ``settings`` (a line of JavaScript)."""
    return settings + _joined(SCRIPTS)


def _joined(names: tuple[str, ...]) -> str:
    return "\n".join((ASSETS / name).read_text(encoding="utf-8") for name in names)


def generated_files(docs_dir: Path) -> list[str]:
    """The docs-relative paths the manifest of ``docs_dir`` names; none without a manifest."""
    try:
        text = (docs_dir / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return []
    return [
        line
        for line in (raw.strip() for raw in text.splitlines())
        if line and not line.startswith("#") and _inside(line)
    ]


def write_data_files(docs_dir: Path, files: Mapping[str, str | bytes]) -> list[str]:
    """Write ``files`` (docs-relative path: content) into ``docs_dir``, remove those a previous
    run wrote that are no longer wanted, and record them in the manifest; returns the paths of
    files that exist and were not written by a previous run, left as they are."""
    previous = set(generated_files(docs_dir))
    kept = [path for path in files if path not in previous and (docs_dir / path).exists()]
    written = [path for path in files if path not in kept]
    for path in written:
        target = docs_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        content = files[path]
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for path in sorted(previous - set(written)):
        (docs_dir / path).unlink(missing_ok=True)
    (docs_dir / MANIFEST).write_text(
        _MANIFEST_HEAD + "".join(f"{path}\n" for path in sorted(written)), encoding="utf-8"
    )
    return kept


def _inside(path: str) -> bool:
    """Whether ``path`` stays inside the docs folder (the manifest is a file like any other)."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts
