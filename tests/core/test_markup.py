"""Card values to safe HTML."""

from __future__ import annotations

import pytest

from mkdocs_participation.core.markup import (
    InlineRenderer,
    active_svg,
    clean_body,
    is_local_url,
    is_safe_url,
    plain_title,
)


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org", True),
        ("http://example.org", True),
        ("mailto:a@b.fr", True),
        ("/uploads/x.png", True),
        ("images/x.png", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("", False),
    ],
)
def test_safe_urls(url, safe):
    assert is_safe_url(url) is safe


def test_plain_text_is_escaped_without_markdown():
    render = InlineRenderer()
    assert render("Coût < 5 000 € & délais") == "Coût &lt; 5 000 € &amp; délais"


def test_legacy_inline_html_is_kept_when_harmless():
    render = InlineRenderer()
    html = render(
        'Qualité du panel : 2 à 4<br/><i>(selon le tirage)</i> <a href="https://a.fr">a</a>'
    )
    assert "<br>" in html
    assert "<i>(selon le tirage)</i>" in html
    assert '<a href="https://a.fr" rel="noopener noreferrer">a</a>' in html


def test_scripts_handlers_and_unsafe_links_are_removed():
    render = InlineRenderer()
    html = render('<script>alert(1)</script><b onclick="x()">gras</b> [lien](javascript:alert(1))')
    assert "<script" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "<b>gras</b>" in html


def test_markdown_emphasis_and_links():
    assert InlineRenderer()("*un* [site](https://a.fr)") == (
        '<em>un</em> <a href="https://a.fr" rel="noopener noreferrer">site</a>'
    )


def test_plain_title_cannot_close_the_title_element():
    assert plain_title("</title><script>x</script> & co") == ("‹/title›‹script›x‹/script› &amp; co")


@pytest.mark.parametrize("url", ["\\\\evil.example/x", "/\\evil.example/x", "\\/evil.example/x"])
def test_backslashes_cannot_hide_a_link_to_another_site(url):
    assert not is_safe_url(url)
    assert not is_local_url(url)


def test_local_urls_are_paths_inside_the_site():
    assert is_local_url("../images/x.png") and is_local_url("/uploads/x.png")
    assert not is_local_url("https://example.org/x.png")


MATERIAL_BODY = """<h2 class="large" id="but">But
<a class="headerlink" href="#but" title="Lien">¶</a></h2>
<div class="admonition note"><p class="admonition-title">Note</p><p>Texte</p></div>
<details class="tip" open><summary>Plus</summary><p>Caché</p></details>
<table><thead><tr><th style="text-align: right;">A</th></tr></thead>
<tbody><tr><td>1</td></tr></tbody></table>
<div class="highlight"><pre><span></span><code><span class="k">def</span></code></pre></div>
<ul class="task-list"><li><label><input type="checkbox" disabled checked></label> fait</li></ul>
<p><span class="twemoji"><svg viewBox="0 0 24 24"><path d="M21 7 9 19"></path></svg></span>
<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>
<img alt="Schéma" src="../images/schema.png" width="300"> <a class="md-button" href="https://a.fr">Aller</a></p>"""


def test_body_keeps_what_markdown_pymdownx_and_material_write():
    cleaned, removed = clean_body(MATERIAL_BODY)
    assert removed == []
    for kept in (
        '<h2 class="large" id="but">But\n<a class="headerlink" href="#but"',
        '<div class="admonition note"><p class="admonition-title">Note</p>',
        '<details class="tip" open="">',
        '<th style="text-align:right">A</th>',
        '<span class="k">def</span>',
        '<input type="checkbox" disabled="" checked="">',
        '<svg viewBox="0 0 24 24"><path d="M21 7 9 19"></path></svg>',
        '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1"',
        '<img alt="Schéma" src="../images/schema.png" width="300">',
        '<a class="md-button" href="https://a.fr" rel="noopener noreferrer">Aller</a>',
    ):
        assert kept in cleaned


def test_body_loses_what_runs_embeds_or_loads_from_elsewhere_and_says_so():
    cleaned, removed = clean_body(
        '<p onclick="x()" style="position:fixed" data-participation-video="javascript:x">a</p>'
        "<script>alert(1)</script><style>p{}</style><form><input name=p></form>"
        '<iframe src="https://evil.example/x"></iframe><object data="x"></object>'
        '<a href="javascript:alert(1)">b</a><img src="https://tracker.example/p.gif" alt="p">'
        '<input type="radio" name="t" checked>'
    )
    assert cleaned == '<p>a</p><a rel="noopener noreferrer">b</a><img alt="p">' + (
        '<input type="radio" name="t" checked="">'
    )
    assert removed == [
        "onclick=",
        "<script>",
        "<style>",
        "<form>",
        "<iframe>",
        "<object>",
        "link 'javascript:alert(1)'",
        "image 'https://tracker.example/p.gif'",
    ]


def test_a_known_video_player_becomes_a_link_to_the_video():
    cleaned, removed = clean_body(
        '<iframe width="480" src="https://www.dailymotion.com/embed/video/x4k2qe6" '
        "allowfullscreen></iframe>"
    )
    watch = "https://www.dailymotion.com/video/x4k2qe6"
    assert cleaned == f'<a href="{watch}" rel="noopener noreferrer">{watch}</a>'
    assert removed == []


@pytest.mark.parametrize(
    ("svg", "active"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title><rect/></svg>', False),
        ("<svg><script>alert(1)</script></svg>", True),
        ('<svg onload="alert(1)"></svg>', True),
        ('<svg><a href="java&#x09;script:alert(1)"><text>x</text></a></svg>', True),
        ("<svg><foreignObject><p>x</p></foreignObject></svg>", True),
    ],
)
def test_scripted_svg_files_are_recognised(svg, active):
    assert active_svg(svg) is active


def test_markdown_too_deep_for_a_value_is_shown_as_written():
    render = InlineRenderer()
    assert render("[x" * 300) == "[x" * 300
