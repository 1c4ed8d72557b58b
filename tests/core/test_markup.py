"""Card values to safe HTML."""

from __future__ import annotations

import pytest

from mkdocs_participation.core.markup import InlineRenderer, is_safe_url, plain_title


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
