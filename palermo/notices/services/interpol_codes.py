"""INTERPOL's code lists for eyes, hair and languages (``palermo/vocab/interpol_*.yaml``),
mapped to and from Palermo's. A Palermo notice records eye and hair colour as words and the
languages as ISO 639-1 codes; INTERPOL gives three- or four-letter codes of its own.

The lists are checked at start-up (``NoticesConfig.ready``) and by ``palermo check``: a word
standing for two codes, a colour label with a comma (a notice's words are split at commas)
or a language mapped to a code Palermo does not know stops the process, naming file and line.
"""

from __future__ import annotations

from typing import Any

from django.core import checks

from palermo.vocab import registry
from palermo.vocab.loader import Vocabulary, VocabularyError

EYES = "interpol_eye_colours"
HAIR = "interpol_hair_colours"
LANGUAGES = "interpol_languages"
COLOUR_TEXT_MAX = 40  # Notice.eye_colour and hair_colour

# Built once per loaded vocabulary: a reload (tests do it) builds it again.
_indexes: dict[str, tuple[Vocabulary, dict[str, str]]] = {}


class UnknownCode(ValueError):
    """A code that is not in INTERPOL's list; the message is the code."""


class TooMany(ValueError):
    """More colours than a notice's field holds, even as codes."""


def _key(word: str) -> str:
    return " ".join(str(word).casefold().split())


def _words(vocabulary: Vocabulary) -> list[tuple[str, str, int, int]]:
    """(word, code, line, rank) for every word that stands for a code. Codes come before
    names, so that the Irish "ga" is Irish and not the Ga language: rank 0 is Palermo's code,
    1 INTERPOL's, 2 a label or further word."""
    found = []
    for term in vocabulary:
        if term.extra.get("palermo"):
            found.append((_key(term.extra["palermo"]), term.code, term.line, 0))
        found.append((_key(term.code), term.code, term.line, 1))
        words = [*term.labels.values(), *(term.extra.get("words") or [])]
        found.extend((_key(word), term.code, term.line, 2) for word in words)
    return found


def _index(name: str) -> dict[str, str]:
    vocabulary = registry.get(name)
    cached = _indexes.get(name)
    if cached is None or cached[0] is not vocabulary:
        index: dict[str, str] = {}
        for word, code, _line, _rank in sorted(_words(vocabulary), key=lambda w: w[3]):
            index.setdefault(word, code)
        cached = _indexes[name] = (vocabulary, index)
    return cached[1]


def colour_words(name: str, codes: list[str]) -> str:
    """INTERPOL's colour codes as the words a Palermo notice keeps (English labels), or the
    codes themselves when the words would not fit the column."""
    vocabulary = registry.get(name)
    for code in codes:
        if code not in vocabulary:
            raise UnknownCode(code)
    text = ", ".join(vocabulary.get(code).labels["en"] for code in codes)
    if len(text) > COLOUR_TEXT_MAX:
        text = ", ".join(codes)
    if len(text) > COLOUR_TEXT_MAX:
        raise TooMany(text)
    return text


def colour_codes(name: str, text: str) -> list[str]:
    """A notice's colour words as INTERPOL's codes; words that stand for no code are left out
    (INTERPOL's format has no place for them)."""
    index = _index(name)
    return [index[word] for word in (_key(part) for part in text.split(","))
            if word in index]


def palermo_languages(codes: list[str]) -> list[str]:
    """INTERPOL's language codes as Palermo's ISO 639-1 codes; a language without one keeps
    INTERPOL's code, so nothing is lost."""
    vocabulary = registry.get(LANGUAGES)
    found = []
    for code in codes:
        if code not in vocabulary:
            raise UnknownCode(code)
        found.append(vocabulary.get(code).extra.get("palermo") or code)
    return found


def interpol_languages(codes: list[str]) -> list[str]:
    """A notice's languages (ISO 639-1 codes, INTERPOL codes or language names) as INTERPOL's
    codes; a language INTERPOL has no code for is left out."""
    index = _index(LANGUAGES)
    return [index[word] for word in (_key(code) for code in codes) if word in index]


def check() -> None:
    """Raise VocabularyError (file:line) when a list cannot be mapped both ways."""
    known = registry.get("languages")
    for name in (EYES, HAIR, LANGUAGES):
        vocabulary = registry.get(name)
        seen: dict[tuple[str, int], tuple[str, int]] = {}
        for word, code, line, rank in _words(vocabulary):
            if not word:
                raise VocabularyError(vocabulary.path, line, f"term {code!r}: an empty word")
            first = seen.setdefault((word, rank), (code, line))
            if first[0] != code:
                raise VocabularyError(vocabulary.path, line,
                                      f"term {code!r}: {word!r} already stands for "
                                      f"{first[0]!r} (line {first[1]})")
            if name != LANGUAGES and "," in word:
                raise VocabularyError(vocabulary.path, line,
                                      f"term {code!r}: {word!r} has a comma, which separates "
                                      "colours on a notice")
        if name == LANGUAGES:
            _check_languages(vocabulary, known)


def _check_languages(vocabulary: Vocabulary, known: Vocabulary) -> None:
    for term in vocabulary:
        code = term.extra.get("palermo")
        if code is not None and (not isinstance(code, str) or code not in known):
            raise VocabularyError(vocabulary.path, term.line,
                                  f"term {term.code!r}: unknown languages code {code!r}")


@checks.register("palermo")
def check_code_lists(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        check()
    except VocabularyError as exc:
        return [checks.Error(str(exc), obj=str(exc.path), id="palermo.E001")]
    return []
