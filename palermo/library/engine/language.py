"""Which language a text is in, offline: the dominant script decides Hebrew, Arabic and
Russian; Latin script counts as English when enough of its words are English stopwords.
Nothing is downloaded and no model ships: four languages do not need one."""

from __future__ import annotations

from collections import Counter

from palermo.library.engine.text import normalise, script, words

ENGLISH_STOPWORDS = frozenset([
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "by", "as",
    "be", "at", "this", "it", "from", "or", "an", "are", "were", "his", "her", "their",
    "which", "has", "had", "have", "not", "he", "she", "they", "been", "court", "shall", "who",
    "its"])
_SCRIPT_LANGUAGE = {"he": "he", "ar": "ar", "ru": "ru"}
SAMPLE_WORDS = 2000
ENGLISH_SHARE = 0.15  # English prose runs at 40 to 50% stopwords; other Latin languages far less


def detect(text: str) -> str:
    """An ISO 639-1 code, or "" when the text is too short or in no language we know."""
    sample = words(normalise(text[:40_000]))[:SAMPLE_WORDS]
    letters = [w.exact for w in sample if script(w.exact) != "other"]
    if len(letters) < 3:
        return ""
    scripts = Counter(script(w) for w in letters)
    dominant, _count = scripts.most_common(1)[0]
    if dominant in _SCRIPT_LANGUAGE:
        return _SCRIPT_LANGUAGE[dominant]
    latin = [w for w in letters if script(w) == "latin"]
    share = sum(1 for w in latin if w in ENGLISH_STOPWORDS) / len(latin)
    return "en" if share >= ENGLISH_SHARE else ""
