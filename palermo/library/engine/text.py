"""Text analysis shared by indexing, querying and snippets.

A word is normalised (NFKC; Hebrew niqqud and cantillation, Arabic harakat and tatweel
removed; Latin accents folded; case folded) and then gives three kinds of index term:

- ``exact``: the normalised word, one per position (phrases, prefixes, typo tolerance);
- ``stem``: its Snowball stem for Arabic, Russian and Latin script, else the word itself,
  also one per position, so a phrase may be matched on stems;
- ``variants``: for Hebrew, the word without its prefix letters (ו ה ב כ ל מ ש), so that
  "סחר" finds "והסחר" while the query itself is analysed normally.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

# Raw words in unnormalised text: letters and digits plus the combining marks that
# normalisation removes (Python's \w does not match combining marks).
_MARKS = "\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
RAW_WORD = re.compile(rf"[\w{_MARKS}]+(?:[\"'\u05f3\u05f4][\w{_MARKS}]+)*")

_HEBREW_MARKS = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# A geresh or gershayim inside a Hebrew word marks an abbreviation (עו"ד): keep one word.
_HEBREW_ABBREVIATION = re.compile("(?<=[\u05d0-\u05ea])[\"'\u05f3\u05f4](?=[\u05d0-\u05ea])")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_WORD = re.compile(r"\w+")

HEBREW_PREFIXES = "והבכלמש"
_MIN_HEBREW_STEM = 2
_MAX_PREFIX = 3


def _fold_latin(text: str) -> str:
    """Drop accents from Latin letters only: Cyrillic й and Hebrew letters keep their marks'
    meaning, which NFD-and-strip on the whole text would destroy."""
    out = []
    for char in text:
        if char.isascii() or not ("\u00c0" <= char <= "\u024f" or "\u1e00" <= char <= "\u1eff"):
            out.append(char)
            continue
        base = unicodedata.normalize("NFD", char)
        out.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(out)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _HEBREW_MARKS.sub("", text)
    text = _ARABIC_MARKS.sub("", text)
    text = _HEBREW_ABBREVIATION.sub("", text)
    text = _fold_latin(text).casefold()
    return text.translate(_ARABIC_FOLD).replace("ё", "е")


def script(word: str) -> str:
    """The script of a word by its first letter: he, ar, ru (Cyrillic), latin or other."""
    for char in word:
        if "\u05d0" <= char <= "\u05ea":
            return "he"
        if "\u0600" <= char <= "\u06ff":
            return "ar"
        if "\u0400" <= char <= "\u04ff":
            return "ru"
        if (char.isascii() and char.isalpha()) or "\u00c0" <= char <= "\u024f":
            return "latin"
    return "other"


_STEMMERS = {"ar": snowballstemmer.stemmer("arabic"), "ru": snowballstemmer.stemmer("russian"),
             "latin": snowballstemmer.stemmer("english")}


def hebrew_variants(word: str) -> list[str]:
    """The word without 1 to 3 leading prefix letters. ו comes only first and ה only last
    (the article sits right before the noun: וה, שה, מה), and at least two letters stay."""
    found = []
    for cut in range(1, _MAX_PREFIX + 1):
        prefix, rest = word[:cut], word[cut:]
        if len(rest) < _MIN_HEBREW_STEM or prefix[-1] not in HEBREW_PREFIXES:
            break
        if "ו" in prefix[1:] or "ה" in prefix[:-1]:
            break
        found.append(rest)
    return found


@dataclass(frozen=True)
class Word:
    exact: str
    stem: str
    variants: tuple[str, ...]


@lru_cache(maxsize=500_000)
def analyse_word(normalised: str) -> Word:
    kind = script(normalised)
    stemmer = _STEMMERS.get(kind)
    stem = stemmer.stemWord(normalised) if stemmer else normalised
    variants = tuple(hebrew_variants(normalised)) if kind == "he" else ()
    return Word(normalised, stem, variants)


@lru_cache(maxsize=500_000)
def analyse_raw(raw: str) -> tuple[Word, ...]:
    """The words of one raw token (normally one; NFKC may split a compatibility form)."""
    return tuple(analyse_word(w) for w in _WORD.findall(normalise(raw)))


def words(text: str) -> list[Word]:
    out: list[Word] = []
    for match in RAW_WORD.finditer(text):
        out.extend(analyse_raw(match.group()))
    return out


@dataclass(frozen=True)
class Analysed:
    """Whitespace-joined terms for the index's three analysed fields."""

    exact: str
    stem: str
    variants: str


# Raw token -> its (exact, stem, variants) terms, space-joined. A plain dict is several times
# faster than going through analyse_raw for each of a document's thousands of words; it is
# emptied when it grows past CACHE_LIMIT so a long-running server stays bounded.
_TERMS: dict[str, tuple[str, str, str]] = {}
CACHE_LIMIT = 1_000_000


def _terms(raw: str) -> tuple[str, str, str]:
    found = analyse_raw(raw)
    terms = (" ".join(w.exact for w in found), " ".join(w.stem for w in found),
             " ".join(v for w in found for v in w.variants))
    if len(_TERMS) >= CACHE_LIMIT:
        _TERMS.clear()
    _TERMS[raw] = terms
    return terms


def analyse(text: str) -> Analysed:
    get = _TERMS.get
    parts = [get(raw) or _terms(raw) for raw in RAW_WORD.findall(text)]
    return Analysed(" ".join(p[0] for p in parts if p[0]),
                    " ".join(p[1] for p in parts if p[1]),
                    " ".join(p[2] for p in parts if p[2]))
