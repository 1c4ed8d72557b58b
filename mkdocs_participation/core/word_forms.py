"""Stemming for Material's search that keeps its search by the start of a word.

Material adds ``*`` to every word of a query, and lunr runs no stemmer on such a word: with a
stemmed index, "tirage*" is not the start of the stem "tirag" and finds nothing; stems added to
the index do not help either, since "consultations*" is not the start of "consult". What does
work is the other way round. Each page also carries, in two fields that search results never
show, the words of the site that share a Snowball stem with one of its own and that none of its
words starts with: "consultations" on a page that only says "consultation", "citoyennes" and
"citoyens" on one that says "citoyen". A query in any form the site uses then finds the pages
that use another one; a form no page uses finds nothing more than before.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable, Set

import snowballstemmer

from .keys import digest

# Material's search languages (lunr's codes) written in a script whose words are runs of
# letters, with the Snowball algorithm of each.
ALGORITHMS = {
    "da": "danish",
    "de": "german",
    "du": "dutch",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}

# The hidden field that holds the forms of the words of each indexed field.
FIELDS = {"title": "title_forms", "text": "text_forms"}

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W\d_]{3,}")


def add_word_forms(
    config: object, docs: list[dict], words_of: Callable[..., Set[str]] | None = None
) -> bool:
    """Adds to Material's search index (its ``config`` and entries ``docs``) the other forms
    of each page's words: those of its title in ``title_forms``, weighed as titles are, those
    of its texts and section titles in ``text_forms``, weighed as texts are; both on the
    page's first entry. Returns False, and changes nothing, when the index is not Material's,
    when none of its languages has a Snowball stemmer, or when its pipeline already stems.
    ``words_of`` gives the words of texts (a ``PageWords`` may have them from an earlier
    build)."""
    fields = config.get("fields") if isinstance(config, dict) else None
    if not isinstance(fields, dict) or not all(name in fields for name in FIELDS):
        return False
    if "stemmer" in (config.get("pipeline") or ()):
        return False
    algorithms = {ALGORITHMS[lang] for lang in config.get("lang") or () if lang in ALGORITHMS}
    if not algorithms:
        return False
    words_of = words_of or _words
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(page_location(doc), []).append(doc)
    words = {
        location: (words_of(entries[0].get("title")), words_of(*_texts(entries)))
        for location, entries in pages.items()
    }
    forms = WordForms(
        (_stemmer(name) for name in sorted(algorithms)),
        (word for title, text in words.values() for word in title | text),
    )
    for location, entries in pages.items():
        for name, own in zip(FIELDS.values(), words[location], strict=True):
            # An entry kept from an earlier build (serve --dirty) may carry older forms.
            entries[0].pop(name, None)
            if others := forms.others(own):
                entries[0][name] = " ".join(others)
    for field, name in FIELDS.items():
        fields[name] = {"boost": fields[field].get("boost", 1)}
    return True


class WordForms:
    """The words of a site grouped by stem, one grouping per stemmer."""

    def __init__(self, stemmers: Iterable, vocabulary: Iterable[str]) -> None:
        words = sorted(set(vocabulary))
        groups: dict[tuple[int, str], set[str]] = {}
        for number, stemmer in enumerate(stemmers):
            for word, stem in zip(words, stemmer.stemWords(words), strict=True):
                groups.setdefault((number, stem), set()).add(word)
        # Each word's other forms, and, for each form, the longer words that start with it.
        self.related: dict[str, set[str]] = {}
        for group in groups.values():
            for word in group if len(group) > 1 else ():
                self.related.setdefault(word, set()).update(group - {word})
        self.longer: dict[str, list[str]] = {}
        for number, word in enumerate(words):
            after = number + 1
            while after < len(words) and words[after].startswith(word):
                self.longer.setdefault(word, []).append(words[after])
                after += 1

    def others(self, words: set[str]) -> list[str]:
        """The forms, in alphabetical order, that share a stem with one of ``words`` and that
        neither one of ``words`` nor another of these forms starts with: a search by the start
        of a word that finds one of them finds ``words``' page."""
        forms = set().union(*(self.related.get(word, ()) for word in words)) - words
        found = words | forms
        return sorted(
            form for form in forms if not any(other in found for other in self.longer.get(form, ()))
        )


def page_location(entry: dict) -> str:
    """The location of the page of a search index entry (a page's, or one of its sections')."""
    return str(entry.get("location", "")).split("#")[0]


class PageWords:
    """The words of pages' texts kept across the builds of ``mkdocs serve``, by the texts'
    hash: an unchanged page is not read again. Texts not seen in a build are forgotten at the
    next one."""

    def __init__(self) -> None:
        self.earlier: dict[bytes, frozenset[str]] = {}
        self.found: dict[bytes, frozenset[str]] = {}

    def start(self) -> None:
        """Begin a build."""
        self.earlier, self.found = self.found, {}

    def __call__(self, *texts: object) -> Set[str]:
        text = _joined(texts)
        key = digest(text)
        words = self.found.get(key) or self.earlier.get(key)
        if words is None:
            words = frozenset(_words(text))
        self.found[key] = words
        return words


@functools.cache
def _stemmer(algorithm: str):
    """One stemmer per algorithm for the process: it keeps the stems of the words it has seen,
    which serve's rebuilds see again."""
    return snowballstemmer.stemmer(algorithm)


def _texts(docs: list[dict]) -> Iterable[object]:
    yield from (doc.get("text") for doc in docs)
    yield from (doc.get("title") for doc in docs[1:])


def _words(*texts: object) -> set[str]:
    """The lower-case words of three letters or more in ``texts`` (HTML)."""
    return set(_WORD.findall(html.unescape(_TAG.sub(" ", _joined(texts))).lower()))


def _joined(texts: Iterable[object]) -> str:
    return " ".join(text for text in texts if isinstance(text, str))
