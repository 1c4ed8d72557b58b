"""The plugin runs unchanged under ProperDocs, the maintained fork of MkDocs 1.6."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .sites import ROOT, card, write_tree
from .test_plugin_pages import SEED_SITE

PROPERDOCS = Path(sys.executable).parent / "properdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def properdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=600,
        check=False,
    )


def test_fixture_site_builds_with_properdocs(tmp_path):
    write_tree(
        tmp_path / "docs",
        {
            "index.md": "# Accueil\n",
            "outils/agora.md": card("title: Agora\ntagline: Une plateforme\ncategorie: outil"),
            **SEED_SITE,
        },
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Fixture\ntheme:\n  name: material\n  language: fr\n  font: false\n"
        "plugins:\n  - participation\n",
        encoding="utf-8",
    )
    result = properdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/methodes/atelier-citoyen/index.html").read_text(encoding="utf-8")
    assert "Facteurs clés de succès" in html
    assert (tmp_path / "site/outils/agora/index.html").exists()


def test_properdocs_strict_fails_on_a_bad_card(tmp_path):
    write_tree(tmp_path / "docs", {"methodes/x.md": card("title: X\ntagline: y\nordre: z")})
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Fixture\ntheme:\n  name: material\nplugins:\n  - participation\n",
        encoding="utf-8",
    )
    result = properdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "methodes/x.md:4: ordre: expected a whole number" in result.stderr


def test_demo_builds_with_properdocs(tmp_path):
    result = properdocs_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/methodes/atelier-citoyen/index.html").exists()
