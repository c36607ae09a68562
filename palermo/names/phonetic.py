"""Phonetic keys for romanised name tokens and a weighted distance between sound skeletons.

Two representations are used:

* ``phonetic_key``: a respelling that erases the usual romanisation choices (w/v, ph/f,
  kh/h, y/i/j, doubled letters, ou/u...), so ``Zelenskyy``/``Selenskyj`` or
  ``Husayn``/``Hussein`` end up one or two edits apart instead of four.
* ``latin_skeleton``: the same sound classes that ``translit.abjad_skeleton`` produces for
  Hebrew and Arabic, so a Latin spelling can be compared with an unvocalised one.
* ``vowelled_skeleton``: that skeleton with the Latin vowels kept as free lower-case
  classes. Hebrew and Arabic write some vowels (ו for o/u, י for i/e, א/ע/ا for any, and
  nearly every vowel of a foreign name): a vowel letter with a Latin vowel in its place
  then costs nothing, and one without still costs what a vowel letter costs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

# Applied in order; longer clusters first so "shch" is not read as "sh" + "ch".
_PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "sh"), ("tsch", "ch"), ("sch", "sh"), ("dzh", "j"), ("zh", "j"), ("dj", "j"),
    ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("ck", "k"), ("q", "k"),
    ("w", "v"), ("tz", "ts"), ("x", "ks"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"),
    ("yj", "i"), ("iy", "i"), ("yi", "i"), ("ij", "i"), ("ai", "ei"), ("ay", "ei"), ("ey", "ei"),
    ("y", "i"), ("j", "i"), ("ä", "a"),
)  # fmt: skip
_C_SOFT = re.compile(r"c(?=[eiy])")
_DOUBLES = re.compile(r"(.)\1+")
_LEET = str.maketrans("013457", "oieast")


def _german_ch(token: str) -> str:
    # German spells ч "tsch" (Sinowjewitsch, Jaschtschuk): make it the "ch" of other
    # spellings before "c" turns into "k".
    return token.replace("tsch", "ch") if "tsch" in token else token


def _skeleton_ch(token: str) -> str:
    # English "tch" (Thatcher, Mitchell) and German "sch" (Fischer, פישר) are one sound
    # too; the rules below would see them only after "c" has become "k".
    return _german_ch(token).replace("tch", "ch").replace("sch", "sh")


@lru_cache(maxsize=131072)
def phonetic_key(token: str) -> str:
    """Respelling of a lower-case ASCII token that erases common romanisation variation."""
    if not token.isalpha() and any(ch.isdigit() for ch in token) and (
        any(ch.isalpha() for ch in token)
    ):
        # Letters and digits mixed in one word are typing noise (Ig0r Sech1n), not a number.
        token = token.translate(_LEET).replace("9", "g")
    text = _C_SOFT.sub("s", _german_ch(token)).replace("c", "k")
    for old, new in _PHONETIC_RULES:
        text = text.replace(old, new)
    # "h" after a vowel is mostly a transliteration mark (Mahmood/Mahmud, Allah/Alla).
    text = re.sub(r"(?<=[aeiou])h(?![aeiou])", "", text)
    return _DOUBLES.sub(r"\1", text)


_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "S"), ("tsch", "X"), ("sch", "S"), ("dzh", "J"), ("ts", "S"), ("tz", "S"),
    ("sh", "S"), ("zh", "S"), ("ch", "X"), ("kh", "X"), ("gh", "G"), ("th", "D"), ("dh", "D"),
    ("ph", "B"), ("ck", "K"), ("dj", "J"), ("x", "KS"),
)  # fmt: skip
_SKELETON_LETTERS = str.maketrans(
    {
        "b": "B", "p": "B", "f": "B", "v": "B", "w": "W", "k": "K", "q": "K", "g": "G",
        "j": "J", "h": "H", "d": "D", "t": "D", "s": "S", "z": "S", "l": "L", "m": "M",
        "n": "N", "r": "R", "y": "Y", "a": "", "e": "", "i": "", "o": "", "u": "",
        **dict.fromkeys("0123456789", ""),
    }
)  # fmt: skip
_VOWELS = {ord(v) for v in "aeiou"}


_FINAL_I = re.compile(r"(?:[iy]|ie|ey|ee)$")


@lru_cache(maxsize=131072)
def _skeleton_text(token: str) -> str:
    # Doubled letters are one sound (Haddad = חדד); vowels between equal consonants are not.
    if "ch" in token:
        token = _skeleton_ch(token)
    text = _DOUBLES.sub(r"\1", _C_SOFT.sub("s", token).replace("c", "k"))
    # A final -i/-y is written with a yod (Levi לוי, al-Husseini الحسيني): keep it as "I".
    text = _FINAL_I.sub("I", text)
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return text


@lru_cache(maxsize=131072)
def latin_skeleton(token: str) -> str:
    """Sound-class skeleton of a lower-case ASCII token (vowels dropped)."""
    text = _skeleton_text(token).translate(_SKELETON_LETTERS)
    if text == "I":
        text = ""
    # A word-initial vowel is written in Hebrew/Arabic with א/ע/ا, so keep it as a weak "A".
    if token[:1] in "aeiou":
        text = "A" + text
    return text


_VOWELLED_LETTERS = str.maketrans(
    {**{k: v for k, v in _SKELETON_LETTERS.items() if v is not None and k not in _VOWELS},
     **{ord(v): v for v in "aeiou"}}
)  # fmt: skip


@lru_cache(maxsize=131072)
def vowelled_skeleton(token: str) -> str:
    """``latin_skeleton`` with the vowels kept as lower-case classes (see the module doc)."""
    text = _skeleton_text(token).translate(_VOWELLED_LETTERS)
    # A final h after a vowel is the ה / ة of Hebrew and Arabic endings (Odeh, Haniyeh).
    if len(token) > 2 and token[-1] == "h" and token[-2] in "aeiou" and text.endswith("H"):
        text = text[:-1] + "h"
    # The initial vowel is written with א/ע/ا and often a vowel letter too (אולמרט Olmert).
    if token[:1] in "aeiou":
        text = "A" + text
    return "" if text == "I" else text


# Deleting these costs little: they are vowel letters, glottal stops or silent h.
# A final yod "I" costs more: it is the -i of a nisba or a name (al-Rashid vs al-Rashidi).
# "T" is the Arabic ta marbuta (-a, -ah, or -at before another name). The lower-case
# classes are the Latin vowels of ``vowelled_skeleton``: free, as in ``latin_skeleton``.
_WEAK_COST = {
    "A": 0.15, "Y": 0.3, "W": 0.3, "H": 0.45, "I": 0.8, "T": 0.3, "h": 0.1,
    "a": 0.0, "e": 0.0, "i": 0.0, "o": 0.0, "u": 0.0,
}  # fmt: skip
# Against a vowelled Latin skeleton a ו/י (or a Latin w/y) has the Latin vowel o/u or i/e to
# stand on: one left over is a different vowel (ביטון Biton is not Bitan).
_VOWELLED_WY = {**_WEAK_COST, "W": 0.8, "Y": 0.6}
# A word-initial vowel is always written in Hebrew and Arabic (א ע ا), so an "A" that only
# one spelling starts with is a different beginning (סער Saar is not Ezra).
_INITIAL_A_COST = 0.6
# Substitutions between classes that spellings confuse; anything else costs 1.
_NEAR: dict[frozenset[str], float] = {
    frozenset("WB"): 0.0, frozenset("XK"): 0.3, frozenset("XH"): 0.25, frozenset("KG"): 0.5,
    frozenset("JG"): 0.3, frozenset("JY"): 0.3, frozenset("XS"): 0.4, frozenset("JS"): 0.6,
    frozenset("DS"): 0.6, frozenset("AH"): 0.3, frozenset("AY"): 0.3, frozenset("AW"): 0.3,
    frozenset("YW"): 0.4, frozenset("HK"): 0.6, frozenset("IY"): 0.0, frozenset("IA"): 0.5,
    frozenset("TD"): 0.3, frozenset("TA"): 0.0, frozenset("TH"): 0.0, frozenset("Ta"): 0.0,
    frozenset("Te"): 0.0, frozenset("Th"): 0.0, frozenset("Hh"): 0.0, frozenset("Ah"): 0.0,
    frozenset("Wo"): 0.0, frozenset("Wu"): 0.0, frozenset("Yi"): 0.0, frozenset("Ye"): 0.0,
    frozenset("Ii"): 0.0, frozenset("Ie"): 0.0, frozenset("Xh"): 0.25,
    **{frozenset(("A", v)): 0.0 for v in "aeiou"},
}  # fmt: skip


def _indel(ch: str) -> float:
    return _WEAK_COST.get(ch, 1.0)


# Substitution costs, one row per class: the distance's inner loop is one dict lookup.
_CLASSES = "ABDGHIJKLMNRSTWXYaeiouh"
_SUB = {
    a: {b: 0.0 if a == b else _NEAR.get(frozenset((a, b)), 1.0) for b in _CLASSES}
    for a in _CLASSES
}


@lru_cache(maxsize=131072)
def skeleton_mass(skel: str) -> float:
    """How much evidence a skeleton carries: strong classes count 1, weak ones their cost."""
    return sum(_indel(ch) for ch in skel)


@lru_cache(maxsize=131072)
def _indels(skel: str, vowelled: bool = False) -> tuple[float, ...]:
    # A class repeated next to itself is often one geminate sound spelled twice (الله, Allah)
    # or two sounds where the other spelling keeps one: dropping the repeat costs little.
    weak = _VOWELLED_WY if vowelled else _WEAK_COST
    costs = [
        min(weak.get(ch, 1.0), 0.3) if i and skel[i - 1] == ch else weak.get(ch, 1.0)
        for i, ch in enumerate(skel)
    ]
    if skel[:1] == "A":
        costs[0] = _INITIAL_A_COST
    return tuple(costs)


@lru_cache(maxsize=131072)
def skeleton_distance(a: str, b: str, limit: float = float("inf")) -> float:
    """Weighted Levenshtein distance between two sound skeletons. Beyond ``limit`` the
    answer is only some value above it: the search stops there."""
    vowelled = not (a + b).isupper()
    del_a, del_b = _indels(a, vowelled), _indels(b, vowelled)
    prev = [0.0]
    for cost in del_b:
        prev.append(prev[-1] + cost)
    for i, ca in enumerate(a):
        row = _SUB.get(ca, {})
        drop = del_a[i]
        cur = [prev[0] + drop]
        low = cur[0]
        for j, cb in enumerate(b):
            best = prev[j] + row.get(cb, 1.0)
            if prev[j + 1] + drop < best:
                best = prev[j + 1] + drop
            if cur[j] + del_b[j] < best:
                best = cur[j] + del_b[j]
            cur.append(best)
            if best < low:
                low = best
        if low > limit:
            return low
        prev = cur
    return prev[-1]


@lru_cache(maxsize=131072)
def strong_skeleton(skel: str) -> str:
    """The skeleton without weak classes: the stable part used for index keys."""
    return "".join(ch for ch in skel if ch not in _WEAK_COST)


def loose_skeleton(skel: str) -> str:
    """A coarser skeleton for index keys: ו/w read as a consonant, ח/kh folded into K."""
    return strong_skeleton(skel.replace("W", "B").replace("X", "K").replace("G", "K"))


def _allowed_edits(length: int) -> int:
    if length <= 3:
        return 0
    if length <= 5:
        return 1
    return 2 if length <= 9 else 3


def fuzzy(a: str, b: str) -> float:
    """Edit similarity, zero beyond the typos a name of that length plausibly has."""
    length = max(len(a), len(b))
    if not length:
        return 0.0
    allowed = _allowed_edits(length)
    dist = OSA.distance(a, b, score_cutoff=allowed)
    if dist > allowed:
        return 0.0
    return 1.0 - dist / length


# Distance forgiven by skeleton mass: (mass below, allowed). Against a vowelled Latin
# skeleton the vowels are already accounted for, so less is left to forgive.
_ALLOWED = ((2.5, 0.5), (3.5, 0.75), (5.0, 1.0), (float("inf"), 1.5))
_VOWELLED_ALLOWED = ((2.5, 0.5), (5.0, 0.75), (float("inf"), 1.0))


def skeleton_sim(a: str, b: str, shared: float = 0.0, limit: float = 1.5) -> float:
    """Similarity of two sound skeletons, zero beyond a length-dependent distance (and
    beyond ``limit``).

    ``shared`` is mass both have by construction (the Abd of Abd al-Rahman / Abdulrahim):
    it does not earn the longer name a larger allowance."""
    mass = max(skeleton_mass(a), skeleton_mass(b))
    if mass < 1.0:
        return 0.0
    tiers = _ALLOWED if (a + b).isupper() else _VOWELLED_ALLOWED
    allowed = min(limit, next(top_limit for top, top_limit in tiers if mass - shared < top))
    dist = skeleton_distance(a, b, allowed)
    if dist > allowed:
        return 0.0
    return 1.0 - 0.6 * dist / mass
