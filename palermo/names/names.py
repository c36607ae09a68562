"""Cross-script person-name matching.

A name is split into parts (``name_parts``); each part carries a Latin reading, a phonetic
respelling and a sound-class skeleton (see ``translit`` and ``phonetic``). Two parts in
different scripts are also compared through how a foreign name is written by ear
(``readings``: Dumas is Дюма, Charles is שארל). Parts of the two names are paired greedily
by similarity, then the pairing is judged:

* parts matched on both sides count with their similarity;
* a part left over on *both* sides is a conflict (``Moshe Cohen`` / ``Moshe Levi``): it
  counts as a pair with similarity 0, which drags two-part names to about 0.5;
* a part left over on one side only is a missing middle name or patronymic: a small penalty;
* particles, honorifics and legal forms (al-, bin, van, Dr, Ltd...) never conflict.

Nothing here imports Django, and nothing downloads anything.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from palermo.names.name_parts import (
    INITIAL,
    NAME,
    NUMBER,
    PARTICLE,
    Token,
    make_token,
    parse_name,
)
from palermo.names.name_shape import join_adjacent, shape_of
from palermo.names.phonetic import fuzzy as _fuzzy
from palermo.names.phonetic import (
    latin_skeleton,
    phonetic_key,
    skeleton_distance,
    strong_skeleton,
    vowelled_skeleton,
)
from palermo.names.phonetic import skeleton_sim as _skeleton_sim
from palermo.names.readings import foreign_latin, spoken_skeletons
from palermo.names.translit import (
    ABJADS,
    CYRILLIC,
    EQUIVALENT_NAMES,
    LATIN,
    OTHER,
    strip_marks,
    ukrainian_latin,
)

__all__ = [
    "DEFAULT_THRESHOLD", "INITIAL", "NAME", "NUMBER", "PARTICLE", "Explanation", "Token",
    "explain_names", "parse_name", "score_names", "score_parsed", "token_sim",
]  # fmt: skip

DEFAULT_THRESHOLD = 0.78

_MISSING_PENALTY = 0.04
_LONE_MATCH_PENALTY = 0.12
# A part that differs is stronger evidence than a shared common part is (AL-DULAIMI vs
# AL-TIKRITI with four given names alike are still two people).
_CONFLICT_WEIGHT = 1.3

_EQUIV_GROUP: dict[str, int] = {
    phonetic_key(member): i for i, line in enumerate(EQUIVALENT_NAMES) for member in line.split()
}


# The two similarity caches are bounded for the server's memory (issue 19: under 100 MB per
# process): an entry costs about 300 bytes, so each holds at most about 20 MB. A check meets
# each pair of parts it needs within its own few milliseconds, so a small cache loses little.
_PAIR_CACHE = 65536


@lru_cache(maxsize=_PAIR_CACHE)
def token_sim(a: Token, b: Token) -> tuple[float, str]:
    """Similarity of two name parts and how they matched."""
    sim, how = _plain_sim(a, b)
    if sim < _READING_BELOW and a.kind == b.kind == NAME:
        reading = _reading_sim_of(a, b)
        if reading > sim:
            return reading, "transliteration"
    return sim, how


@lru_cache(maxsize=_PAIR_CACHE)
def _plain_sim(a: Token, b: Token) -> tuple[float, str]:
    """``token_sim`` without the foreign readings (see ``readings``)."""
    if a.kind == PARTICLE or b.kind == PARTICLE:
        return (1.0, "exact") if a.kind == b.kind and a.latin == b.latin else (0.0, "")
    if a.kind == NUMBER or b.kind == NUMBER:
        return (1.0, "exact") if a.latin == b.latin else (0.0, "")
    if a.kind == INITIAL or b.kind == INITIAL:
        if a.script in ABJADS or b.script in ABJADS:
            # The first sound class: א for A/E/I, ב for B or V.
            same = a.skel[:1] and b.skel[:1] and skeleton_distance(a.skel[:1], b.skel[:1]) <= 0.3
        else:
            same = a.latin[:1] == b.latin[:1] or a.phon[:1] == b.phon[:1]
        if same:
            return 1.0 if a.kind == b.kind else 0.9, "initial"
        return 0.0, ""
    cross = a.script != b.script
    if a.raw.casefold() == b.raw.casefold() or (not cross and strip_marks(a.raw).casefold()
                                                  == strip_marks(b.raw).casefold()):
        return 1.0, "exact"
    how = "transliteration" if cross else "exact"
    if a.script in ABJADS and b.script in ABJADS:
        sim = _skeleton_sim(a.skel, b.skel)
        if not cross:
            sim = max(sim, _fuzzy(strip_marks(a.raw), strip_marks(b.raw)))
        return (sim, "transliteration" if cross else "fuzzy") if sim else (0.0, "")
    if a.script in ABJADS or b.script in ABJADS:
        sim = _abjad_sim(*((a, b) if a.script in ABJADS else (b, a)))
        return (sim, "transliteration") if sim else (0.0, "")
    if a.script == b.script == OTHER:
        # Hanzi, kana, hangul: one character is a syllable, and romanising would merge
        # homophones (石/市 both "shi"), so compare the characters themselves.
        sim = _fuzzy(a.raw, b.raw) if min(len(a.raw), len(b.raw)) > 4 else 0.0
        return (sim, "fuzzy") if sim else (0.0, "")
    if a.latin == b.latin:
        return 0.99, how
    if cross and CYRILLIC in (a.script, b.script):
        cyr, lat = (a, b) if a.script == CYRILLIC else (b, a)
        best = _latin_sim(a, b)
        if best[0] < _READING_BELOW:
            alt = ukrainian_latin(cyr.raw)
            if alt != cyr.latin:
                best = max(best, _latin_sim(make_token(cyr.raw, cyr.kind, alt), lat))
        # What is left once romanisation is accounted for is two letters or more in a
        # short word: another name (Соколов / Sobolev, Лебедев / Lebed).
        return best if best[0] >= _CYRILLIC_FLOOR else (0.0, "")
    return _latin_sim(a, b)


def _reading_sim_of(a: Token, b: Token) -> float:
    """The best similarity through a foreign reading of the Latin part, or 0."""
    if LATIN not in (a.script, b.script) or a.script == b.script:
        return 0.0
    lat, other = (a, b) if a.script == LATIN else (b, a)
    if other.script in ABJADS:
        return _abjad_reading_sim(other, lat)
    if other.script != CYRILLIC:
        return 0.0
    best = 0.0
    for reading in foreign_latin(lat.raw):
        sim = _reading_sim(other, reading) * _READING_WEIGHT
        if sim > best and sim >= _READING_MIN:
            best = sim
    return best


# A foreign reading is tried only where the plain spelling falls short, and counts a little
# less than a plain match: it is one reading among several.
_READING_BELOW = 0.9
_READING_WEIGHT = 0.97
_READING_DISTANCE = 0.2
_CYRILLIC_FLOOR = 0.75
# A reading is itself a guess: one letter off counts only in a word of six letters or more.
_READING_MIN = 0.8
# The mass of the "Abd" that two servant-of compounds share (see ``skeleton_sim``).
_ABD_SHARED = 2.15


def _reading_sim(cyr: Token, reading: str) -> float:
    """``_latin_sim`` of a Cyrillic part and a foreign reading (already in ``to_latin``
    letters), without building a part for every reading of every name."""
    if reading == cyr.latin:
        return 0.99
    if abs(len(reading) - len(cyr.latin)) > 3:
        return 0.0
    sim = _fuzzy(reading, cyr.latin)
    if not sim:
        return 0.0
    phon = phonetic_key(reading)
    if phon == cyr.phon:
        return 0.95
    sim = max(sim, 0.98 * _fuzzy(phon, cyr.phon))
    # Same consonants in the same order, w read as v (see ``_latin_sim``).
    if (
        sim < 0.85
        and len(reading) >= 5
        and phon[:1] == cyr.phon[:1]
        and len(cyr.skel) >= 3
        and latin_skeleton(reading).replace("W", "B") == cyr.skel.replace("W", "B")
    ):
        sim = 0.85
    return sim


def _abjad_sim(abjad: Token, other: Token) -> float:
    """Similarity of a Hebrew or Arabic part to a part in another script."""
    abd = _ABD_SHARED if abjad.skel[:3] == "ABD" and other.latin[:3] == "abd" else 0.0
    return _skeleton_sim(abjad.skel, vowelled_skeleton(other.latin), abd)


def _abjad_reading_sim(abjad: Token, lat: Token) -> float:
    plain = _consonants(vowelled_skeleton(lat.latin))
    consonants = _consonants(abjad.skel)
    # A reading keeps the consonants of the spelling or drops a silent one or two, and
    # begins with one its rules can give (ch and j as sh, j as kh, a silent h...).
    if not 0 <= len(plain) - len(consonants) <= 2 or consonants[:1] not in _reading_starts(
        lat.latin, plain
    ):
        return 0.0
    best = 0.0
    for skel in spoken_skeletons(lat.raw):
        # A reading must fit all but a vowel letter: Spanish j as ח (Jorge, חורחה) should
        # not make Jamal كمال. Within that every consonant but b/v is the same.
        if _consonants(skel) == consonants:
            best = max(best, _READING_WEIGHT * _skeleton_sim(
                abjad.skel, skel, 0.0, _READING_DISTANCE))  # fmt: skip
    return best


@lru_cache(maxsize=131072)
def _consonants(skel: str) -> str:
    return strong_skeleton(skel).replace("B", "")


def _reading_starts(latin: str, consonants: str) -> set[str]:
    """The first consonants a French, Spanish or Turkish reading of ``latin`` can have."""
    starts = {consonants[:1], consonants[1:2], ""}
    if latin[:1] in "cjgsz":
        starts.update("SXJK")
    return starts


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


class Explanation(NamedTuple):
    score: float
    text: str


_READ_INTO = ABJADS | {CYRILLIC}  # the scripts that write foreign names by ear


def _greedy(
    ta: tuple[Token, ...], tb: tuple[Token, ...], sims: dict[tuple[int, int], tuple[float, str]]
) -> list[tuple[int, int, float, str]]:
    scored = [
        (sim * min(ta[i].weight, tb[j].weight), sim, i, j, how)
        for (i, j), (sim, how) in sims.items()
        if sim > 0.0
    ]
    scored.sort(reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    most = min(len(ta), len(tb))
    for _, sim, i, j, how in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, sim, how))
            if len(pairs) == most:
                break
    return pairs


def _pair_up(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> list[tuple[int, int, float, str]]:
    sims = {(i, j): _plain_sim(a, b) for i, a in enumerate(ta) for j, b in enumerate(tb)}
    pairs = _greedy(ta, tb, sims)
    if len(pairs) == min(len(ta), len(tb)) and all(p[2] >= _READING_BELOW for p in pairs):
        return pairs
    scripts = shape_of(ta).scripts | shape_of(tb).scripts
    if LATIN not in scripts or not scripts & _READ_INTO:
        return pairs
    # Foreign readings cost more than plain spellings: they are consulted only between
    # parts that found no good partner (a given name matched plainly needs none).
    paired_a = {i for i, _, sim, _ in pairs if sim >= _READING_BELOW}
    paired_b = {j for _, j, sim, _ in pairs if sim >= _READING_BELOW}
    changed = False
    for i, a in enumerate(ta):
        if i in paired_a or a.kind != NAME:
            continue
        for j, b in enumerate(tb):
            if j in paired_b or b.kind != NAME or sims[i, j][0] >= _READING_BELOW:
                continue
            full = token_sim(a, b)
            if full[0] > sims[i, j][0]:
                sims[i, j] = full
                changed = True
    return _greedy(ta, tb, sims) if changed else pairs


def _left_over(tokens: tuple[Token, ...], paired: set[int]) -> list[Token]:
    """The parts left unpaired that can conflict (not particles), heaviest first."""
    left = [t for k, t in enumerate(tokens) if k not in paired and t.kind != PARTICLE]
    if len(left) > 1:
        left.sort(key=_heaviest_first)
    return left


def _heaviest_first(token: Token) -> float:
    return -token.weight


def _judge(ta: tuple[Token, ...], tb: tuple[Token, ...], explain: bool) -> Explanation:
    if not ta or not tb:
        return Explanation(0.0, "empty name")
    ta, tb = join_adjacent(ta, tb, _plain_sim), join_adjacent(tb, ta, _plain_sim)
    pairs = _pair_up(ta, tb)
    # Plain loops rather than generators: this runs for every pair the index scores.
    matched = num = 0.0
    names_matched = 0
    paired_a: set[int] = set()
    paired_b: set[int] = set()
    for i, j, sim, _ in pairs:
        x, y = ta[i], tb[j]
        if x.kind == INITIAL or y.kind == INITIAL:
            weight = min(x.weight, y.weight)
        else:
            weight = max(x.weight, y.weight)
            names_matched += x.kind == NAME == y.kind
        matched += weight
        num += weight * sim
        paired_a.add(i)
        paired_b.add(j)
    left_a = _left_over(ta, paired_a)
    left_b = _left_over(tb, paired_b)
    conflicts = list(zip(left_a, left_b, strict=False))
    missing = left_a[len(conflicts) :] + left_b[len(conflicts) :]
    den = matched
    for x, y in conflicts:
        den += _CONFLICT_WEIGHT * max(x.weight, y.weight)
    score = num / den if den else 0.0
    for t in missing:
        score -= _MISSING_PENALTY * t.weight
    if names_matched <= 1 and max(shape_of(ta).names, shape_of(tb).names) > 1:
        score -= _LONE_MATCH_PENALTY
    pairs.sort()
    order = [p[1] for p in pairs]
    swapped = order != sorted(order)
    if swapped:
        score -= 0.02
    score = min(1.0, max(0.0, score))
    if not explain:
        return Explanation(score, "")
    notes = [
        f"{ta[i].raw}={tb[j].raw} ({how}{'' if sim == 1.0 else f' {sim:.2f}'})"
        for i, j, sim, how in pairs
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
