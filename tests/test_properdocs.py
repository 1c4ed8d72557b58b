"""The plugin runs unchanged under ProperDocs, the maintained fork of MkDocs 1.6."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from .browser.test_accessibility import THEME, crowd
from .hostile.cards import build
from .sites import BASE_CONFIG, ROOT, card, write_tree
from .test_hostile import audit
from .test_plugin_pages import SEED_SITE

PROPERDOCS = Path(sys.executable).parent / "properdocs"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def properdocs_build(
    config: Path, site_dir: Path, *, strict: bool = True
) -> subprocess.CompletedProcess[str]:
    options = ["--strict"] if strict else []
    return subprocess.run(
        [str(PROPERDOCS), "build", *options, "-f", str(config), "-d", str(site_dir)],
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


def test_the_200_card_toolbox_builds_with_properdocs(tmp_path):
    write_tree(tmp_path / "docs", crowd())
    config = {**BASE_CONFIG, "theme": THEME}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    result = properdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "site/methodes").glob("*/index.html"))) == 140


def test_the_hostile_toolbox_is_reported_and_defused_under_properdocs(tmp_path):
    built = build(tmp_path / "mkdocs")
    result = properdocs_build(built.root / "mkdocs.yml", tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "methodes/texte-01.md:37: HTML removed from the body: <script>" in result.stderr
    findings = [
        finding
        for page in sorted((tmp_path / "site").rglob("*.html"))
        for finding in audit(page.name, page.read_text(encoding="utf-8")).findings
    ]
    assert findings == []
