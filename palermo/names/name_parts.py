"""Splitting a person's name into typed parts, in any script.

Each part keeps its written form, a Latin reading, a phonetic respelling and a sound-class
skeleton (see ``translit`` and ``phonetic``), and a kind: a name, an initial, a particle or
honorific-free legal form (al-, bin, van, Ltd: they never conflict), or a number. The way
lists write names is handled here: "Abd al-Aziz" and "عبد العزيز" are one name, Hebrew
gershayim mark an acronym (כ"ץ) or initials (א"ב), a geresh after ג ז צ is part of the
letter, the Arabic article as Hebrew writes it (א-סיסי) is the particle al.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from palermo.names.phonetic import latin_skeleton, phonetic_key
from palermo.names.translit import (
    ABJADS,
    ARABIC,
    ARABIC_ARTICLE,
    LATIN,
    abjad_skeleton,
    script_of,
    strip_marks,
    to_latin,
)

NAME, INITIAL, PARTICLE, NUMBER = "name", "initial", "particle", "number"
_WEIGHTS = {NAME: 1.0, INITIAL: 0.35, PARTICLE: 0.15, NUMBER: 1.0}


def _words(text: str) -> list[str]:
    return text.split()


_HONORIFICS = frozenset(
    _words(
    "mr mrs ms miss dr prof president präsident praesident sheikh shaikh sheik shaykh monsieur "
    "madame mme sir lord general gen colonel col captain capt rev imam mullah mawlawi maulvi "
    "hon excellency his her mister herr frau senor senora don dona rabbi"
    )
)
_HONORIFICS_NATIVE = frozenset({"מר", "הרב", "ד״ר", "דר", "השייח", "الشيخ", "السيد", "الدكتور"})
_PARTICLES = {
    **dict.fromkeys(_words("al el il ul as ash ad ar an at az ud ur"), "al"),
    **dict.fromkeys(_words("bin ben ibn bint binti bte ould"), "bin"),
    **{p: p for p in _words("van von der den de del della di da do dos das du la le zu ter ten y")},
    **dict.fromkeys(["aktiengesellschaft", "ag"], "ag"),
    **dict.fromkeys(["limited", "ltd"], "ltd"),
    **dict.fromkeys(["incorporated", "inc"], "inc"),
    **dict.fromkeys(["corporation", "corp"], "corp"),
    **dict.fromkeys(["company", "co"], "co"),
    **{p: p for p in _words("gmbh llc plc sa sarl srl bv nv oao ooo zao pao jsc ojsc cjsc lp "
       "llp kg spa sp zoo oy ab the of and group holding holdings")},
}  # fmt: skip
_PARTICLES_NATIVE = {
    "בן": "bin", "בת": "bin", "بن": "bin", "ابن": "bin", "بنت": "bin", "бен": "bin",
    "бин": "bin", "ибн": "bin", "אל": "al", "آل": "al", "аль": "al", "эль": "al",
    "ван": "van", "фан": "van", "ואן": "van", "פאן": "van", "فان": "van", "фон": "von",
    "פון": "von", "فون": "von", "де": "de", "דה": "de", "دي": "de", "ди": "di", "די": "di",
    "да": "da", "дю": "du", "ду": "do", "дер": "der", "ден": "den", "ле": "le", "ла": "la",
    "дель": "del", "דל": "del",
}  # fmt: skip
_ABD_LATIN = re.compile(r"^abd(?:[aeiou]?l)?$")
_ABD_JOINED = re.compile(r"^abd[aeiou]?l(?=[a-z]{3})")
_SPLIT = re.compile(r"[\s\-‐‑–—_.,;:/\\()\[\]{}\"“”«»·・־|&+]+")
_APOSTROPHES = "'`’ʼʻ´"
# A geresh after ג ז צ is a letter of a foreign name (צ' is ch), not an apostrophe.
_GERESH_AFTER = "גזצץ"
# Gershayim inside a Hebrew word mark an acronym: כ"ץ is one word (Katz), א"ב two initials.
_HEBREW_ACRONYM = re.compile(r'([\u05d0-\u05ea]+)["״]([\u05d0-\u05ea]+)')
# The Arabic article before a sun letter, as Hebrew writes it: עבד אל-פתאח א-סיסי.
_HEBREW_ASSIMILATED = re.compile(r"(?<![\u05d0-\u05ea])א[-־](?=[\u05d0-\u05ea])")


class Token(NamedTuple):
    raw: str
    latin: str
    phon: str
    skel: str
    script: str
    kind: str
    weight: float


# Bounded for the server's memory: a part costs about 500 bytes, a parsed name about 300 more.
@lru_cache(maxsize=131072)
def make_token(raw: str, kind: str | None = None, latin: str | None = None) -> Token:
    script = script_of(raw)
    if latin is None:
        latin = to_latin(raw.strip(_APOSTROPHES))
    skel = abjad_skeleton(raw, script) if script in ABJADS else latin_skeleton(latin)
    if kind is None:
        # Hebrew and Arabic letters read as nothing or one Latin letter: count their own.
        size = len(skel) if script in ABJADS else len(latin)
        kind = NUMBER if latin.isdigit() else (INITIAL if size == 1 else NAME)
    phon = phonetic_key(latin)
    return Token(raw, latin, phon, skel, script, kind, _WEIGHTS[kind])


def _acronym(match: re.Match[str]) -> str:
    head, tail = match.groups()
    joined = head + tail
    if len(head) == 1 and len(tail) == 1 and tail not in "ךםןףץ" and joined not in (
        _HONORIFICS_NATIVE
    ):
        return f"{head} {tail}"
    return joined


def _strip_apostrophes(chunk: str) -> str:
    if chunk[:1] not in _APOSTROPHES and chunk[-1:] not in _APOSTROPHES:
        return chunk
    chunk = chunk.lstrip(_APOSTROPHES)
    stripped = chunk.rstrip(_APOSTROPHES)
    if stripped != chunk and stripped[-1:] in _GERESH_AFTER:
        return stripped + "'"
    return stripped


def _raw_parts(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name)
    if '"' in text or "״" in text:
        text = _HEBREW_ACRONYM.sub(_acronym, text)
    if "א-" in text or "א־" in text:
        text = _HEBREW_ASSIMILATED.sub("אל-", text)
    parts: list[str] = []
    for chunk in _SPLIT.split(text):
        chunk = _strip_apostrophes(chunk)
        if not chunk:
            continue
        # Two or three capital consonants in a mixed-case name are initials: "JC Juncker".
        if (
            2 <= len(chunk) <= 3
            and chunk.isupper()
            and chunk.isascii()
            and not re.search(r"[AEIOUY]", chunk)
            and not text.isupper()
        ):
            parts.extend(chunk)
            continue
        parts.append(chunk)
    return parts


@lru_cache(maxsize=65536)
def parse_name(name: str) -> tuple[Token, ...]:
    """Split a name into typed, pre-normalised parts (cached: names repeat a lot)."""
    tokens: list[Token] = []
    parts = _raw_parts(name)
    i = 0
    while i < len(parts):
        raw = parts[i]
        script = script_of(raw)
        latin = to_latin(raw.strip(_APOSTROPHES))
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        # "Abd al-Aziz", "Abdul Aziz", "عبد العزيز": the servant-of compound is one name.
        if script == ARABIC and strip_marks(raw) == "عبد" and nxt is not None:
            tokens.append(make_token(raw + nxt))
            i += 2
            continue
        if raw == "עבד" and nxt is not None:
            j = i + 2 if nxt == "אל" and i + 2 < len(parts) else i + 1
            tokens.append(make_token("".join(parts[i : j + 1])))
            i = j + 1
            continue
        if script == LATIN and _ABD_LATIN.match(latin) and nxt is not None:
            j = i + 1
            if to_latin(parts[j]) in ("al", "el", "ul", "ol") and j + 1 < len(parts):
                j += 1
            joined = "abdul" + to_latin(parts[j])
            tokens.append(make_token(" ".join(parts[i : j + 1]), latin=joined))
            i = j + 1
            continue
        i += 1
        if latin in _HONORIFICS or raw in _HONORIFICS_NATIVE:
            continue
        particle = (
            _PARTICLES.get(latin) if script == LATIN else _PARTICLES_NATIVE.get(raw.casefold())
        )
        if particle is not None:
            tokens.append(make_token(raw, PARTICLE, particle))
            continue
        if script == ARABIC and raw.startswith(ARABIC_ARTICLE) and len(raw) > 3:
            raw = raw[len(ARABIC_ARTICLE) :]
        if script == LATIN and _ABD_JOINED.match(latin):
            latin = _ABD_JOINED.sub("abdul", latin)
        if latin or script in ABJADS:
            tokens.append(make_token(raw, latin=latin))
    if not any(t.kind != PARTICLE for t in tokens):
        # A name made only of particles ("Al Bin") is still a name: compare it as one.
        tokens = [t._replace(kind=NAME, weight=1.0) for t in tokens]
    return tuple(tokens)
