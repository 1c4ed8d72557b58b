"""Build tiny fixture sites into a temporary folder and read what they produced."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

BASE_CONFIG: dict[str, Any] = {
    "site_name": "Fixture",
    "site_url": "https://example.org/boite/",
    "theme": {"name": "material", "language": "fr", "font": False},
    "plugins": ["participation"],
    "markdown_extensions": ["attr_list", "md_in_html", "admonition", {"toc": {"permalink": True}}],
}


@dataclass
class Site:
    """A built fixture site: its folders, whether the strict build passed, and its log lines."""

    root: Path
    ok: bool
    messages: list[tuple[str, str]] = field(default_factory=list)

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def html(self, url: str) -> str:
        """The HTML of the page at site-relative ``url`` such as ``methodes/x/``."""
        return page_html(self.site_dir, url)

    def lines(self, level: str = "WARNING") -> list[str]:
        return [text for name, text in self.messages if name == level]

    @property
    def problems(self) -> list[str]:
        """Every warning and error line, as MkDocs printed it."""
        return [text for name, text in self.messages if name in ("WARNING", "ERROR")]


def page_html(site_dir: Path, url: str) -> str:
    """The HTML of the page at site-relative ``url`` of a built site."""
    path = site_dir / url
    if url.endswith("/") or not url:
        path = path / "index.html"
    return path.read_text(encoding="utf-8")


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelname, record.getMessage()))


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def build_site(
    root: Path,
    docs: dict[str, str | bytes],
    *,
    strict: bool = True,
    plugin: dict[str, Any] | None = None,
    **config: Any,
) -> Site:
    """Write ``docs`` and a mkdocs.yml under ``root``, build, and return what happened."""
    write_tree(root / "docs", docs)
    settings = {**BASE_CONFIG, **config}
    if plugin is not None:
        settings["plugins"] = [
            p if p != "participation" else {"participation": plugin} for p in settings["plugins"]
        ]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return run_build(root / "mkdocs.yml", root, strict=strict)


def run_build(config_file: Path, root: Path, *, strict: bool = True) -> Site:
    """Build the site of ``config_file`` into ``root``/site, collecting what MkDocs logs."""
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(config_file), strict=strict, site_dir=str(root / "site"))
        # As `mkdocs build` does: some plugins (rss) set themselves up on startup.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        ok = True
    except Abort:
        ok = False
    finally:
        logger.removeHandler(collector)
    return Site(root, ok, collector.records)


def card(front_matter: str, body: str = "") -> str:
    """A card file from a front-matter block (without the --- lines) and a body."""
    return f"---\n{front_matter.strip()}\n---\n\n{body}"


@dataclass
class ZensicalSite:
    """A site built by Zensical: its folder, whether the strict build passed, what it printed."""

    root: Path
    ok: bool
    output: str

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def html(self, url: str) -> str:
        """The HTML of the page at site-relative ``url`` such as ``methodes/x/``."""
        return page_html(self.site_dir, url)


def build_with_zensical(source: Path, root: Path, site_url: str | None = None) -> ZensicalSite:
    """Copy the site of folder ``source`` (mkdocs.yml, docs/, overrides/) into ``root``, with
    another ``site_url`` if given, run the documented data step, then ``zensical build
    --strict`` there."""
    from mkdocs_participation.cli import main

    settings = (source / "mkdocs.yml").read_text(encoding="utf-8")
    if site_url is not None:
        settings = re.sub(r"(?m)^site_url:.*$", f"site_url: {site_url}", settings)
    (root / "mkdocs.yml").write_text(settings, encoding="utf-8")
    for folder in ("docs", "overrides"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, root / folder)
    status = main(["build-data", str(root)])
    zensical = Path(sys.executable).with_name("zensical")
    done = subprocess.run(
        [str(zensical), "build", "--clean", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=600,
        check=False,
    )
    output = done.stdout + done.stderr
    return ZensicalSite(root, status == 0 and done.returncode == 0, output)
