"""Bad input: one clear located line each, --strict fails, the rest still builds, docs untouched."""

from __future__ import annotations

import hashlib

import pytest

from .sites import card

GOOD = card("title: Une méthode correcte\ntagline: Rien à redire")

CASES = [
    (
        "invalid YAML",
        "---\ntitle: Le panel\ntagline: Objet : un avis: construit\n---\n\nCorps du texte.\n",
        "methodes/bad.md:3: invalid YAML: mapping values are not allowed in this context "
        "(put quotes around a value that contains ': ')",
    ),
    (
        "wrong type",
        card("title: Le panel\ntagline: x\nordre: deuxième"),
        "methodes/bad.md:4: ordre: expected a whole number, got the text 'deuxième'",
    ),
    (
        "unknown key",
        card("title: Le panel\ntagline: x\ninconvenient:\n- Long"),
        "methodes/bad.md:4: inconvenient: unknown key; it is not shown "
        "(did you mean 'inconvenients'?)",
    ),
    (
        "missing required key",
        card("tagline: Sans titre"),
        "methodes/bad.md: missing required key 'title' (add a line 'title: …')",
    ),
    (
        "javascript URL",
        card("title: Le panel\ntagline: x\naccess_link: 'javascript:alert(document.cookie)'"),
        "methodes/bad.md:4: access_link: unsafe or unsupported link "
        "'javascript:alert(document.cookie)'; it is not shown "
        "(use an address starting with https://)",
    ),
    (
        "data URL",
        card("title: Le panel\ntagline: x\naccess_link: 'data:text/html,<b>x</b>'"),
        "methodes/bad.md:4: access_link: unsafe or unsupported link 'data:text/html,<b>x</b>'; "
        "it is not shown (use an address starting with https://)",
    ),
    (
        "unknown video host",
        card("title: Le panel\ntagline: x\nurl_video_demo: https://videos.example.net/w/1"),
        "methodes/bad.md:4: url_video_demo: video host not supported: "
        "'https://videos.example.net/w/1'; the video is not shown (use a Dailymotion, YouTube or "
        "Vimeo address, or allow the host in the plugin's video_hosts option)",
    ),
    (
        "missing image",
        card("title: Le panel\ntagline: x\nimg-bg: absente.png"),
        "methodes/bad.md:4: img-bg: image not found: 'absente.png' "
        "(add the file images/absente.png or empty the key)",
    ),
    (
        "string where a list is expected",
        card("title: Le panel\ntagline: x\natouts: Rapide"),
        "methodes/bad.md:4: atouts: expected a list, got the text 'Rapide' "
        "(write each item on its own line starting with '- ')",
    ),
]


def _digest(folder) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_located_line(site, name, text, expected):
    built = site({"methodes/bad.md": text, "methodes/good.md": GOOD})
    assert not built.ok
    ours = [line for line in built.problems if "methodes/bad.md" in line]
    assert ours == [f"mkdocs_participation: {expected}"]
    assert built.problems == ours
    assert "Une méthode correcte" in built.html("methodes/good/")


def test_without_strict_every_card_still_gets_a_page_and_docs_are_untouched(site, tmp_path):
    docs = {f"methodes/bad{i}.md": text for i, (_, text, _) in enumerate(CASES)}
    site(docs, strict=False)
    before = _digest(tmp_path / "docs")
    built = site({}, strict=False)
    assert built.ok
    assert _digest(built.docs_dir) == before
    for index in range(len(CASES)):
        assert (built.site_dir / f"methodes/bad{index}/index.html").exists()
    invalid_yaml = built.html("methodes/bad0/")
    assert "Corps du texte." in invalid_yaml
    assert "<h1>bad0</h1>" in invalid_yaml
    assert "title: Le panel" not in invalid_yaml
    assert "javascript:" not in built.html("methodes/bad4/")


def test_card_values_are_escaped(site):
    hostile = card(
        'title: "<script>alert(1)</script> Atelier"\n'
        'tagline: "\\" onmouseover=\\"alert(2)"\n'
        "owner: <img src=x onerror=alert(3)>\n"
        "priorites:\n- <b onclick='alert(4)'>gras</b>\n"
    )
    built = site({"methodes/x.md": hostile})
    assert built.ok, built.problems
    html = built.html("methodes/x/")
    assert "<script>alert(1)" not in html
    assert 'onmouseover="alert' not in html
    assert "<img src=x" not in html
    assert "onclick" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Atelier" in html
    assert "<b>gras</b>" in html


def test_a_broken_interface_word_is_reported_and_the_default_word_is_used(site):
    labels = {"video_notice": "Vidéo {provider", "participants_range": "de {min} à {maxi}"}
    built = site(
        {"methodes/x.md": card("title: X\ntagline: y\nparticipants: {min: 5, max: 9}")},
        plugin={"labels": labels},
    )
    assert not built.ok, "a warning fails --strict"
    assert any("mkdocs.yml: labels.video_notice:" in line for line in built.problems)
    assert any(
        "mkdocs.yml: labels.participants_range: unknown placeholder {maxi}" in line
        for line in built.problems
    )
    lenient = site(
        {"methodes/x.md": card("title: X\ntagline: y\nparticipants: {min: 5, max: 9}")},
        strict=False,
        plugin={"labels": labels},
    )
    assert "<dd>5 à 9 personnes</dd>" in lenient.html("methodes/x/")


def test_another_theme_is_refused_in_one_line(site):
    built = site({"methodes/x.md": GOOD}, theme={"name": "mkdocs"})
    assert not built.ok
    assert built.problems == [
        "mkdocs.yml: theme: the participation plugin needs Material for MkDocs, not 'mkdocs' "
        "(set 'theme: name: material')"
    ]
