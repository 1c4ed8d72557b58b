"""Keys made from words: slugs for addresses, anchors and vocabulary values, match keys for
finding a card by its title or slug, search keys for comparing and sorting text without case,
accents or punctuation, and digests that tell contents apart for the values serve keeps."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from slugify import slugify

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})
_ASCII = frozenset(map(chr, range(128)))
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u00a0": " ", "\u202f": " "})
_SPACING = re.compile(r"[\s_-]+")


def digest(content: str | bytes) -> bytes:
    """A 16-byte BLAKE2b digest of ``content`` (a text as UTF-8)."""
    data = content.encode() if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=16).digest()


@functools.lru_cache(maxsize=4096)
def slug(text: str) -> str:
    """``text`` as python-slugify writes it. A text that is already a slug (most file names)
    is kept as it is, and the words that recur on every card (vocabulary values, headings)
    are slugified once."""
    return text if _SLUG.fullmatch(text) else slugify(text)


def match_key(text: str) -> str:
    """The form under which a title or slug is matched: no case, accents, apostrophe styles."""
    text = _unaccented(text.translate(_APOSTROPHES)).casefold()
    return _SPACING.sub(" ", text).strip()


def search_key(text: str) -> str:
    """Text as the filter compares it: words without case, accents, ligatures or punctuation.

    catalogue.js normalises what visitors type the same way.
    """
    return " ".join(_WORD.findall(_unaccented(text).translate(_LIGATURES).casefold()))


def _unaccented(text: str) -> str:
    """``text`` decomposed, without its combining marks (accents, once decomposed); casefold()
    then writes ß out. Only the few marks the text holds are looked up, not all of Unicode's."""
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    marks = sorted(char for char in set(decomposed) - _ASCII if unicodedata.combining(char))
    return re.sub(f"[{''.join(marks)}]", "", decomposed) if marks else decomposed
