"""Keys that let a name written in one script find the same name written in another:
"Mohammed", "محمد", "מוחמד" and "Мухаммед" share a key, as do "Vladimir Petrov",
"ולדימיר פטרוב" and "فلاديمير بيتروف".

A name is romanised with ``anyascii`` and reduced to a consonant skeleton: vowels dropped,
letters that spellings confuse folded together (b p f v w, k q c g, s z, d t), digraphs read
as one sound (kh, ch, sh, ph, th, zh), doubled letters as one. Hebrew and Arabic write some
vowels with ו/و, י/ي and a final ה/ة, so a name in those scripts gets two keys: with ו/و read
as a consonant (Petrov, פטרוב) and as a vowel (Mohammed, מוחמד). Only the names of a
decision (parties, defendants) are indexed this way, so the fold's looseness stays among
names."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from palermo.library.engine.text import RAW_WORD, normalise, script

_DIGRAPHS = (("kh", "h"), ("ch", "h"), ("sh", "s"), ("ph", "f"), ("th", "t"),
             ("zh", "z"))
_FOLD = str.maketrans({"p": "b", "f": "b", "v": "b", "w": "b", "q": "k", "c": "k", "g": "k",
                       "z": "s", "t": "d", "x": "k", "j": "y"})
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")
MIN_KEY = 2


def _skeleton(latin: str, *, soft_w: bool) -> str:
    for old, new in _DIGRAPHS:
        latin = latin.replace(old, new)
    if soft_w:
        latin = latin.replace("v", "").replace("w", "")
    return _DOUBLES.sub(r"\1", _VOWELS.sub("", latin.translate(_FOLD)))


@lru_cache(maxsize=65536)
def keys(word: str) -> tuple[str, ...]:
    """The keys of one normalised word (none for a word too short to tell names apart)."""
    kind = script(word)
    latin = "".join(ch for ch in anyascii(word).lower() if ch.isalpha())
    if kind in ("he", "ar"):
        latin = latin[:-1] if latin.endswith("h") and len(latin) > 2 else latin
        found = {_skeleton(latin, soft_w=False), _skeleton(latin, soft_w=True)}
    else:
        found = {_skeleton(latin, soft_w=False)}
    return tuple(sorted(k for k in found if len(k) >= MIN_KEY))


def name_terms(names: list[str]) -> str:
    """The keys of every word of the names, space-separated, for the index."""
    out: list[str] = []
    for name in names:
        for match in RAW_WORD.finditer(normalise(name)):
            out.extend(keys(match.group()))
    return " ".join(out)
