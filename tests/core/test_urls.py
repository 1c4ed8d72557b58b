"""The one URL check: what Python's parser refuses is unsafe, never an exception."""

from __future__ import annotations

import pytest

from mkdocs_participation.core.urls import is_local_url, is_safe_url, split_url, url_error

REFUSED = [
    "https://[placeholder]/x",
    "http://[::1",
    "http://[::1]:port/",
    "https://[vidéo]/",
    "//[x]/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_an_address_the_parser_refuses_is_unsafe_with_its_reason(url):
    assert split_url(url) is None
    assert url_error(url)
    assert not is_safe_url(url)
    assert not is_local_url(url)


@pytest.mark.parametrize(
    ("url", "safe", "local"),
    [
        ("https://[2001:db8::1]/page", True, False),
        ("mailto:equipe@example.org", True, False),
        ("images/plan.png", True, True),
        ("javascript:alert(1)", False, False),
        ("\\\\evil.example/x", False, False),
        ("", False, False),
    ],
)
def test_addresses_the_parser_reads(url, safe, local):
    assert url_error(url) is None
    assert is_safe_url(url) is safe
    assert is_local_url(url) is local
