"""Phonetic keys for romanised name tokens and a weighted distance between sound skeletons.

Two representations are used:

* ``phonetic_key``: a respelling that erases the usual romanisation choices (w/v, ph/f,
  kh/h, y/i/j, doubled letters, ou/u...), so ``Zelenskyy``/``Selenskyj`` or
  ``Husayn``/``Hussein`` end up one or two edits apart instead of four.
* ``latin_skeleton``: the same sound classes that ``translit.abjad_skeleton`` produces for
  Hebrew and Arabic, so a Latin spelling can be compared with an unvocalised one.
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


@lru_cache(maxsize=131072)
def phonetic_key(token: str) -> str:
    """Respelling of a lower-case ASCII token that erases common romanisation variation."""
    if any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token):
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
    }
)  # fmt: skip


@lru_cache(maxsize=131072)
def latin_skeleton(token: str) -> str:
    """Sound-class skeleton of a lower-case ASCII token (vowels dropped)."""
    # Doubled letters are one sound (Haddad = חדד); vowels between equal consonants are not.
    text = _DOUBLES.sub(r"\1", _C_SOFT.sub("s", _german_ch(token)).replace("c", "k"))
    # A final -i/-y is written with a yod (Levi לוי, al-Husseini الحسيني): keep it as "I".
    text = re.sub(r"(?:[iy]|ie|ey|ee)$", "I", text)
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    text = text.translate(_SKELETON_LETTERS)
    text = "".join(ch for ch in text if ch.isupper())
    if text == "I":
        text = ""
    # A word-initial vowel is written in Hebrew/Arabic with א/ע/ا, so keep it as a weak "A".
    if token[:1] in "aeiou":
        text = "A" + text
    return text


# Deleting these costs little: they are vowel letters, glottal stops or silent h.
# A final yod "I" costs more: it is the -i of a nisba or a name (al-Rashid vs al-Rashidi).
_WEAK_COST = {"A": 0.15, "Y": 0.3, "W": 0.3, "H": 0.45, "I": 0.8}
# Substitutions between classes that spellings confuse; anything else costs 1.
_NEAR: dict[frozenset[str], float] = {
    frozenset("WB"): 0.0, frozenset("XK"): 0.3, frozenset("XH"): 0.25, frozenset("KG"): 0.5,
    frozenset("JG"): 0.4, frozenset("JY"): 0.3, frozenset("XS"): 0.4, frozenset("JS"): 0.6,
    frozenset("DS"): 0.6, frozenset("AH"): 0.3, frozenset("AY"): 0.3, frozenset("AW"): 0.3,
    frozenset("YW"): 0.4, frozenset("HK"): 0.6, frozenset("IY"): 0.0, frozenset("IA"): 0.5,
}  # fmt: skip


def _indel(ch: str) -> float:
    return _WEAK_COST.get(ch, 1.0)


def _sub(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return _NEAR.get(frozenset((a, b)), 1.0)


def skeleton_mass(skel: str) -> float:
    """How much evidence a skeleton carries: strong classes count 1, weak ones their cost."""
    return sum(_indel(ch) for ch in skel)


def _indels(skel: str) -> list[float]:
    # A class repeated next to itself is often one geminate sound spelled twice (الله, Allah)
    # or two sounds where the other spelling keeps one: dropping the repeat costs little.
    return [
        min(_indel(ch), 0.3) if i and skel[i - 1] == ch else _indel(ch)
        for i, ch in enumerate(skel)
    ]


@lru_cache(maxsize=131072)
def skeleton_distance(a: str, b: str) -> float:
    """Weighted Levenshtein distance between two sound skeletons."""
    del_a, del_b = _indels(a), _indels(b)
    prev = [0.0]
    for cost in del_b:
        prev.append(prev[-1] + cost)
    for i, ca in enumerate(a):
        cur = [prev[0] + del_a[i]]
        for j, cb in enumerate(b, start=1):
            cur.append(
                min(prev[j] + del_a[i], cur[j - 1] + del_b[j - 1], prev[j - 1] + _sub(ca, cb))
            )
        prev = cur
    return prev[-1]


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
    dist = OSA.distance(a, b, score_cutoff=_allowed_edits(length))
    if dist > _allowed_edits(length):
        return 0.0
    return 1.0 - dist / length


def skeleton_sim(a: str, b: str) -> float:
    """Similarity of two sound skeletons, zero beyond a length-dependent distance."""
    mass = max(skeleton_mass(a), skeleton_mass(b))
    if mass < 1.0:
        return 0.0
    dist = skeleton_distance(a, b)
    allowed = 0.5 if mass < 2.5 else 0.75 if mass < 3.5 else 1.0 if mass < 5 else 1.5
    if dist > allowed:
        return 0.0
    return 1.0 - 0.6 * dist / mass
