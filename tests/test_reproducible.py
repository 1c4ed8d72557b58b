"""The same sources always give the same site, and neither `build` nor `serve` writes into docs.

Exceptions, with their reason (both vanish when SOURCE_DATE_EPOCH is set, as reproducible-build
tools do):
- sitemap.xml: each page's <lastmod> is the build date;
- sitemap.xml.gz: the gzip header also records the build time, to the second.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from .browser.test_serve_panel import BUILT
from .sites import ROOT, run_build
from .test_serve_resilience import serving

BUILD_TIME = {"sitemap.xml", "sitemap.xml.gz"}


def digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def differing(first: dict[str, str], second: dict[str, str]) -> set[str]:
    return {name for name in first.keys() | second.keys() if first.get(name) != second.get(name)}


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """A copy of the demo's sources, so that nothing else writing in the project interferes."""
    root = tmp_path_factory.mktemp("sources")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root)
    return root


def build_into(sources: Path, name: str) -> dict[str, str]:
    site = run_build(sources / "mkdocs.yml", sources / name)
    assert site.ok, site.problems
    return digests(site.site_dir)


def test_two_builds_give_the_same_files_and_leave_docs_alone(sources, monkeypatch):
    docs = digests(sources / "docs")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first, second = build_into(sources, "first"), build_into(sources, "second")
    assert differing(first, second) == set()
    assert len(first) > 100 and any(name.startswith("donnees/") for name in first)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert differing(first, build_into(sources, "today")) <= BUILD_TIME
    assert digests(sources / "docs") == docs
    print(f"files compared between builds: {len(first)}")


def test_serve_leaves_docs_alone(sources):
    docs = digests(sources / "docs")
    with serving(sources) as serve:
        assert BUILT in serve.text()
    assert digests(sources / "docs") == docs
