"""What the matcher asks of a whole parsed name, worked out once per name, and the joining
of neighbouring parts that the other name writes as one word.

Comparing two names looks at each name's counts and lengths (how many given names, how long
they are in letters and in consonants, which particles, which scripts) to decide whether two
neighbouring parts may be one word of the other name. These depend on one name only, so they
are kept per name (cached like ``parse_name``) instead of being worked out for every pair:
the index scores the same listed names against many queries.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from palermo.names.name_parts import NAME, PARTICLE, Token, make_token
from palermo.names.phonetic import latin_skeleton, strong_skeleton
from palermo.names.translit import ABJADS, abjad_skeleton, to_latin

PartSim = Callable[[Token, Token], tuple[float, str]]
# The pairs of neighbouring kinds that may be written as one word.
JOINABLE = frozenset({(NAME, NAME), (NAME, PARTICLE), (PARTICLE, NAME)})


class Shape(NamedTuple):
    names: int  # how many parts are names
    lengths: frozenset[int]  # Latin lengths of the names not in Hebrew or Arabic
    # Lengths in consonants: Hebrew and Arabic write few vowels.
    sizes: frozenset[int]
    abjad_names: bool  # a name in Hebrew or Arabic
    name_scripts: frozenset[str]
    particles: frozenset[str]
    scripts: frozenset[str]
    # Two neighbours in one script whose kinds may be one word: without any, nothing joins.
    joinable: bool
    # Such neighbours with a particle among them, and such neighbours that are two names
    # outside Hebrew and Arabic: two names join only on lengths or in the name with more.
    joinable_particle: bool
    joinable_latin_names: bool


@lru_cache(maxsize=65536)
def shape_of(tokens: tuple[Token, ...]) -> Shape:
    names = [t for t in tokens if t.kind == NAME]
    joinable = [(left, right) for left, right in pairwise(tokens)
                if left.script == right.script and (left.kind, right.kind) in JOINABLE]
    return Shape(
        names=len(names),
        lengths=frozenset(len(t.latin) for t in names if t.script not in ABJADS),
        sizes=frozenset(len(strong_skeleton(t.skel)) for t in names),
        abjad_names=any(t.script in ABJADS for t in names),
        name_scripts=frozenset(t.script for t in names),
        particles=frozenset(t.latin for t in tokens if t.kind == PARTICLE),
        scripts=frozenset(t.script for t in tokens),
        joinable=bool(joinable),
        joinable_particle=any(PARTICLE in (left.kind, right.kind) for left, right in joinable),
        joinable_latin_names=any(left.kind == right.kind == NAME and left.script not in ABJADS
                                 for left, right in joinable),
    )


def _joined(left: Token, right: Token, lengths: frozenset[int], sizes: frozenset[int],
            more: bool, cross: bool, particles: frozenset[str]) -> Token | None:  # fmt: skip
    """The one word two neighbours may be, when its length fits a name of the other side."""
    kinds = (left.kind, right.kind)
    if left.script != right.script or kinds not in JOINABLE:
        return None
    abjad = left.script in ABJADS
    # Two of our names can only be one of theirs if we have more names than they do; a
    # particle is joined only where another script writes it as part of the word.
    if (kinds == (NAME, NAME) and not more and (abjad or not lengths)) or (
        left.kind == PARTICLE and (not cross or left.latin in particles)
    ):
        return None
    head = to_latin(left.raw) if left.kind == PARTICLE else left.latin
    latin = None if abjad else head + right.latin
    if latin is not None and any(abs(n - len(latin)) <= 2 for n in lengths):
        return make_token(left.raw + right.raw, NAME, latin)
    if sizes:
        skel = abjad_skeleton(left.raw + right.raw, left.script) if abjad else latin_skeleton(
            latin or "")
        if any(abs(n - len(strong_skeleton(skel))) <= 1 for n in sizes):
            return make_token(left.raw + right.raw, NAME, latin)
    return None


_NO_SIZES: frozenset[int] = frozenset()


def _better_joined(candidate: Token, left: Token, right: Token, other: tuple[Token, ...],
                   sim: PartSim) -> bool:
    """Whether the joined word matches a part of the other name, and better than apart."""
    apart = (left,) if left.kind == NAME else (left, right)
    if left.script not in ABJADS and left.kind == NAME:
        # The joined word must match well in any case: most do not, and then the parts
        # apart need no look.
        best_joined = max(sim(candidate, t)[0] for t in other)
        return best_joined >= 0.85 and best_joined > max(
            sim(x, t)[0] for x in apart for t in other)
    best_apart = max(sim(x, t)[0] for x in apart for t in other)
    # Joining across scripts or a particle is for parts that find no match apart.
    if best_apart >= 0.9:
        return False
    best_joined = max(sim(candidate, t)[0] for t in other)
    return best_joined >= 0.85 and best_joined > best_apart


def join_adjacent(tokens: tuple[Token, ...], other: tuple[Token, ...], sim: PartSim
                  ) -> tuple[Token, ...]:
    """Merge neighbours that the other name writes as one word ("Jan Daniel" / "JanDaniel",
    "نصر الله" / "Nasrallah", "de Gaulle" / "ديغول"). ``sim`` is the matcher's similarity
    of two parts without foreign readings."""
    mine, theirs = shape_of(tokens), shape_of(other)
    if not mine.joinable or not theirs.names:
        return tokens
    first = tokens[0].script
    # Lengths in consonants where Hebrew or Arabic is on either side: they write few vowels.
    abjads = first in ABJADS or theirs.abjad_names
    sizes = theirs.sizes if abjads else _NO_SIZES
    more = abjads and mine.names > theirs.names
    cross = bool(theirs.name_scripts - {first})
    lengths = theirs.lengths
    if not (mine.joinable_particle or more or (lengths and mine.joinable_latin_names)):
        return tokens  # only two names side by side, which ``_joined`` would keep apart
    # A particle the other name also has pairs with it: no need to join it.
    particles = theirs.particles
    out = list(tokens)
    i = 0
    while i < len(out) - 1:
        left, right = out[i], out[i + 1]
        candidate = _joined(left, right, lengths, sizes, more, cross, particles)
        if candidate is not None and _better_joined(candidate, left, right, other, sim):
            out[i : i + 2] = [candidate]
            continue
        i += 1
    return tuple(out)
