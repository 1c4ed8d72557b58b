"""The one URL check of every card value, body link, image and video (docs/securite.md).

Python's URL parser refuses some addresses outright (a bracketed host that is no IPv6 address,
'[placeholder]' text, an unclosed bracket): such an address is unsafe, never an exception.
"""

from __future__ import annotations

from urllib.parse import SplitResult, urlsplit

SAFE_SCHEMES = {"http", "https", "mailto"}


def url_error(url: str) -> str | None:
    """Why Python's parser refuses ``url`` ('Invalid IPv6 URL'…); None when it reads it."""
    try:
        parts = urlsplit(url.strip())
        # Reading the host and the port is what checks a bracketed host and a port number.
        parts.hostname  # noqa: B018
        parts.port  # noqa: B018
    except ValueError as error:
        return str(error) or "not an address"
    return None


def split_url(url: str) -> SplitResult | None:
    """The parts of ``url``; None when Python's parser refuses it."""
    return None if url_error(url) is not None else urlsplit(url.strip())


def is_safe_url(url: str) -> bool:
    """True for http(s) and mailto URLs and for paths inside the site; false for anything else,
    an address the parser refuses included."""
    url = url.strip()
    if not url or any(ord(char) < 32 for char in url):
        return False
    parts = split_url(url)
    if parts is None:
        return False
    if parts.scheme:
        return parts.scheme.lower() in SAFE_SCHEMES
    # Browsers read a backslash as a slash: '\\host' and '/\host' lead to another site too.
    return not url.replace("\\", "/").startswith("//")


def is_local_url(url: str) -> bool:
    """True for a path inside the site: an image there loads nothing from another host."""
    parts = split_url(url)
    return parts is not None and not parts.scheme and is_safe_url(url)
