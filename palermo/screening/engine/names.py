"""Cross-script person-name matching.

A name is split into parts; each part carries a Latin reading, a phonetic respelling and a
sound-class skeleton (see ``translit`` and ``phonetic``). Parts of the two names are paired
greedily by similarity, then the pairing is judged:

* parts matched on both sides count with their similarity;
* a part left over on *both* sides is a conflict (``Moshe Cohen`` / ``Moshe Levi``): it
  counts as a pair with similarity 0, which drags two-part names to about 0.5;
* a part left over on one side only is a missing middle name or patronymic: a small penalty;
* particles, honorifics and legal forms (al-, bin, van, Dr, Ltd...) never conflict.

Nothing here imports Django, and nothing downloads anything.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from palermo.screening.engine.phonetic import fuzzy as _fuzzy
from palermo.screening.engine.phonetic import latin_skeleton, phonetic_key
from palermo.screening.engine.phonetic import skeleton_sim as _skeleton_sim
from palermo.screening.engine.translit import (
    ABJADS,
    ARABIC,
    ARABIC_ARTICLE,
    CYRILLIC,
    EQUIVALENT_NAMES,
    LATIN,
    OTHER,
    abjad_skeleton,
    script_of,
    strip_marks,
    to_latin,
    ukrainian_latin,
)

DEFAULT_THRESHOLD = 0.78

NAME, INITIAL, PARTICLE, NUMBER = "name", "initial", "particle", "number"
_WEIGHTS = {NAME: 1.0, INITIAL: 0.35, PARTICLE: 0.15, NUMBER: 1.0}
_MISSING_PENALTY = 0.04
_LONE_MATCH_PENALTY = 0.12
# A part that differs is stronger evidence than a shared common part is (AL-DULAIMI vs
# AL-TIKRITI with four given names alike are still two people).
_CONFLICT_WEIGHT = 1.3

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
_PARTICLES_NATIVE = {"בן": "bin", "בת": "bin", "بن": "bin", "ابن": "bin", "بنت": "bin"}
_ABD_LATIN = re.compile(r"^abd(?:[aeiou]?l)?$")
_ABD_JOINED = re.compile(r"^abd[aeiou]?l(?=[a-z]{3})")
_SPLIT = re.compile(r"[\s\-‐‑–—_.,;:/\\()\[\]{}\"“”«»·・־|&+]+")
_APOSTROPHES = "'`’ʼʻ´"


class Token(NamedTuple):
    raw: str
    latin: str
    phon: str
    skel: str
    script: str
    kind: str
    weight: float


_EQUIV_GROUP: dict[str, int] = {
    phonetic_key(member): i for i, line in enumerate(EQUIVALENT_NAMES) for member in line.split()
}


@lru_cache(maxsize=262144)
def _make(raw: str, kind: str | None = None, latin: str | None = None) -> Token:
    script = script_of(raw)
    if latin is None:
        latin = to_latin(raw.strip(_APOSTROPHES))
    if kind is None:
        kind = NUMBER if latin.isdigit() else (INITIAL if len(latin) == 1 else NAME)
    phon = phonetic_key(latin)
    skel = abjad_skeleton(raw, script) if script in ABJADS else latin_skeleton(latin)
    return Token(raw, latin, phon, skel, script, kind, _WEIGHTS[kind])


def _raw_parts(name: str) -> list[str]:
    text = unicodedata.normalize("NFKC", name)
    parts: list[str] = []
    for chunk in _SPLIT.split(text):
        chunk = chunk.strip(_APOSTROPHES)
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


@lru_cache(maxsize=262144)
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
            tokens.append(_make(raw + nxt))
            i += 2
            continue
        if script == LATIN and _ABD_LATIN.match(latin) and nxt is not None:
            j = i + 1
            if to_latin(parts[j]) in ("al", "el", "ul", "ol") and j + 1 < len(parts):
                j += 1
            joined = "abdul" + to_latin(parts[j])
            tokens.append(_make(" ".join(parts[i : j + 1]), latin=joined))
            i = j + 1
            continue
        i += 1
        if latin in _HONORIFICS or raw in _HONORIFICS_NATIVE:
            continue
        particle = _PARTICLES.get(latin) if script == LATIN else _PARTICLES_NATIVE.get(raw)
        if particle is not None:
            tokens.append(_make(raw, PARTICLE, particle))
            continue
        if script == ARABIC and raw.startswith(ARABIC_ARTICLE) and len(raw) > 3:
            raw = raw[len(ARABIC_ARTICLE) :]
        if script == LATIN and _ABD_JOINED.match(latin):
            latin = _ABD_JOINED.sub("abdul", latin)
        if latin or script in ABJADS:
            tokens.append(_make(raw, latin=latin))
    if not any(t.kind != PARTICLE for t in tokens):
        # A name made only of particles ("Al Bin") is still a name: compare it as one.
        tokens = [t._replace(kind=NAME, weight=1.0) for t in tokens]
    return tuple(tokens)


@lru_cache(maxsize=524288)
def token_sim(a: Token, b: Token) -> tuple[float, str]:
    """Similarity of two name parts and how they matched."""
    if a.kind == PARTICLE or b.kind == PARTICLE:
        return (1.0, "exact") if a.kind == b.kind and a.latin == b.latin else (0.0, "")
    if a.kind == NUMBER or b.kind == NUMBER:
        return (1.0, "exact") if a.latin == b.latin else (0.0, "")
    if a.kind == INITIAL or b.kind == INITIAL:
        if a.latin[:1] == b.latin[:1] or a.phon[:1] == b.phon[:1]:
            return 1.0 if a.kind == b.kind else 0.9, "initial"
        return 0.0, ""
    cross = a.script != b.script
    if a.raw.casefold() == b.raw.casefold() or (not cross and strip_marks(a.raw).casefold()
                                                  == strip_marks(b.raw).casefold()):
        return 1.0, "exact"
    how = "transliteration" if cross else "exact"
    if a.script in ABJADS or b.script in ABJADS:
        sim = _skeleton_sim(a.skel, b.skel)
        if not cross:
            sim = max(sim, _fuzzy(strip_marks(a.raw), strip_marks(b.raw)))
        return (sim, "transliteration" if cross else "fuzzy") if sim else (0.0, "")
    if a.script == b.script == OTHER:
        # Hanzi, kana, hangul: one character is a syllable, and romanising would merge
        # homophones (石/市 both "shi"), so compare the characters themselves.
        sim = _fuzzy(a.raw, b.raw) if min(len(a.raw), len(b.raw)) > 4 else 0.0
        return (sim, "fuzzy") if sim else (0.0, "")
    if a.latin == b.latin:
        return 0.99, how
    if cross and CYRILLIC in (a.script, b.script):
        cyr, lat = (a, b) if a.script == CYRILLIC else (b, a)
        alt = ukrainian_latin(cyr.raw)
        if alt != cyr.latin:
            other = _latin_sim(_make(cyr.raw, cyr.kind, alt), lat)
            return max(other, _latin_sim(a, b))
    return _latin_sim(a, b)


def _latin_sim(a: Token, b: Token) -> tuple[float, str]:
    cross = a.script != b.script
    how = "transliteration" if cross else "exact"
    if a.latin == b.latin:
        return 0.99, how
    if a.phon == b.phon:
        return 0.95, "transliteration" if cross else "phonetic"
    group = _EQUIV_GROUP.get(a.phon)
    if group is not None and group == _EQUIV_GROUP.get(b.phon):
        return 0.88, "equivalent name"
    sim = max(_fuzzy(a.latin, b.latin), 0.98 * _fuzzy(a.phon, b.phon))
    # Same consonants in the same order, w read as v (German Kusnezow / Kuznetsov).
    same_skel = a.skel.replace("W", "B") == b.skel.replace("W", "B")
    if len(a.latin) >= 5 and len(a.skel) >= 3 and same_skel and a.phon[:1] == b.phon[:1]:
        sim = max(sim, 0.85)
    if not sim:
        return 0.0, ""
    return sim, "transliteration" if cross else "fuzzy"


def _join_adjacent(tokens: tuple[Token, ...], other: tuple[Token, ...]) -> tuple[Token, ...]:
    """Merge neighbours that the other name writes as one word ("Jan Daniel" / "JanDaniel")."""
    lengths = {len(t.latin) for t in other if t.kind == NAME and t.script not in ABJADS}
    if len(tokens) < 2 or not lengths:
        return tokens
    out = list(tokens)
    i = 0
    while i < len(out) - 1:
        left, right = out[i], out[i + 1]
        joined = left.latin + right.latin
        if (
            left.kind == NAME
            and right.kind in (NAME, PARTICLE)
            and left.script not in ABJADS
            and any(abs(n - len(joined)) <= 2 for n in lengths)
        ):
            candidate = _make(left.raw + right.raw, NAME, joined)
            best_joined = max(token_sim(candidate, t)[0] for t in other)
            best_apart = max(token_sim(left, t)[0] for t in other)
            if best_joined >= 0.85 and best_joined > best_apart:
                out[i : i + 2] = [candidate]
                continue
        i += 1
    return tuple(out)


class Explanation(NamedTuple):
    score: float
    text: str


def _pair_up(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> list[tuple[int, int, float, str]]:
    scored = []
    for i, a in enumerate(ta):
        for j, b in enumerate(tb):
            sim, how = token_sim(a, b)
            if sim > 0.0:
                scored.append((sim * min(a.weight, b.weight), sim, i, j, how))
    scored.sort(reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, sim, i, j, how in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, sim, how))
    return pairs


def _judge(ta: tuple[Token, ...], tb: tuple[Token, ...], explain: bool) -> Explanation:
    if not ta or not tb:
        return Explanation(0.0, "empty name")
    ta, tb = _join_adjacent(ta, tb), _join_adjacent(tb, ta)
    pairs = _pair_up(ta, tb)
    matched = num = 0.0
    for i, j, sim, _ in pairs:
        weight = min(ta[i].weight, tb[j].weight) if INITIAL in (ta[i].kind, tb[j].kind) else max(
            ta[i].weight, tb[j].weight
        )
        matched += weight
        num += weight * sim
    paired_a = {p[0] for p in pairs}
    paired_b = {p[1] for p in pairs}
    left_a = sorted((t for k, t in enumerate(ta) if k not in paired_a and t.kind != PARTICLE),
                    key=lambda t: -t.weight)  # fmt: skip
    left_b = sorted((t for k, t in enumerate(tb) if k not in paired_b and t.kind != PARTICLE),
                    key=lambda t: -t.weight)  # fmt: skip
    conflicts = list(zip(left_a, left_b, strict=False))
    missing = left_a[len(conflicts) :] + left_b[len(conflicts) :]
    den = matched + _CONFLICT_WEIGHT * sum(max(x.weight, y.weight) for x, y in conflicts)
    score = num / den if den else 0.0
    score -= _MISSING_PENALTY * sum(t.weight for t in missing)
    names_matched = sum(1 for i, j, _, _ in pairs if ta[i].kind == NAME == tb[j].kind)
    longest = max(sum(t.kind == NAME for t in ta), sum(t.kind == NAME for t in tb))
    if names_matched <= 1 and longest > 1:
        score -= _LONE_MATCH_PENALTY
    order = [j for _, j, _, _ in sorted(pairs)]
    swapped = order != sorted(order)
    if swapped:
        score -= 0.02
    score = min(1.0, max(0.0, score))
    if not explain:
        return Explanation(score, "")
    notes = [
        f"{ta[i].raw}={tb[j].raw} ({how}{'' if sim == 1.0 else f' {sim:.2f}'})"
        for i, j, sim, how in sorted(pairs)
        if ta[i].kind != PARTICLE
    ]
    notes += [f"{x.raw}≠{y.raw} (conflict)" for x, y in conflicts]
    notes += [f"missing {'initial' if t.kind == INITIAL else 'name part'} {t.raw}" for t in missing]
    if swapped:
        notes.append("order swapped")
    return Explanation(score, "; ".join(notes) or "no part matched")


def score_names(a: str, b: str) -> float:
    """Similarity of two person names in [0, 1]; ``DEFAULT_THRESHOLD`` and above is a hit."""
    return _judge(parse_name(a), parse_name(b), explain=False).score


def score_parsed(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> float:
    """``score_names`` for names already split by ``parse_name`` (the index keeps them so)."""
    return _judge(ta, tb, explain=False).score


def explain_names(a: str, b: str) -> Explanation:
    """The score and a short account of which name parts matched, and how."""
    return _judge(parse_name(a), parse_name(b), explain=True)
