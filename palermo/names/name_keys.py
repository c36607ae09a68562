"""The keys a watch-listed name is filed under, shared by the person index in the database
(``screening.person_keys``) and the in-memory reference index (``index.PersonIndex``): a
name part's retrieval keys, the text a list word is stored as, and a person's postings (each
word, the lone word of a one-part name, each pair of words of one name). See ``index`` for
why parts are filed this way."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from palermo.names.name_parts import make_token
from palermo.names.names import NAME, NUMBER, Token
from palermo.names.phonetic import loose_skeleton
from palermo.names.translit import LATIN, strip_marks

PAIR_SHIFT = 1 << 32
_INFORMATIVE = (NAME, NUMBER)


def _skeleton_variants(skel: str) -> set[str]:
    # ו / و are consonants (v, w) as often as vowels (o, u): file both readings.
    return {loose_skeleton(skel), loose_skeleton(skel.replace("W", ""))}


def token_keys(token: Token) -> set[str]:
    """Retrieval keys of one name part (see the module doc)."""
    phon = token.phon
    keys = {"p:" + phon}
    if len(phon) >= 4:
        keys.update("p:" + phon[:i] + phon[i + 1 :] for i in range(len(phon)))
    # The written form with one letter deleted: a typo in a short Hebrew or Arabic word can
    # leave too little of a skeleton to be filed under, and a slip in a long Latin one can
    # move the respelling two letters.
    raw = token.latin if token.script == LATIN else strip_marks(token.raw).casefold()
    keys.add("r:" + raw)
    if len(raw) >= 4:
        keys.update("r:" + raw[:i] + raw[i + 1 :] for i in range(len(raw)))
    for skel in _skeleton_variants(token.skel):
        if len(skel) < 2:
            continue
        keys.add("d:" + skel)
        if len(skel) >= 3:
            keys.update("d:" + skel[:i] + skel[i + 1 :] for i in range(len(skel)))
    return keys


def informative(tokens: Iterable[Token]) -> list[Token]:
    """The parts a person is filed under: names and numbers, each once, in order."""
    return list(dict.fromkeys(t for t in tokens if t.kind in _INFORMATIVE))


# The same words and postings kept in a database (screening.person_keys): a list word is
# stored as text that gives back the very token, and a person's postings are integers.
_WORD_SEP = "\x1f"


def word_text(token: Token) -> str:
    """A list word as stored; ``word_token`` gives the same token back."""
    return f"{token.kind}{_WORD_SEP}{token.latin}{_WORD_SEP}{token.raw}"


@lru_cache(maxsize=131072)
def word_token(text: str) -> Token:
    kind, latin, raw = text.split(_WORD_SEP, 2)
    return make_token(raw, kind, latin)


def pair_key(a: int, b: int) -> int:
    """The posting of persons with both words ``a`` and ``b`` (word numbers from 1)."""
    return a * PAIR_SHIFT + b if a < b else b * PAIR_SHIFT + a


def single_key(word: int) -> int:
    """The posting of persons whose only informative part (in some name) is ``word``."""
    return -word


def person_postings(aliases: Iterable[Iterable[int]]) -> set[int]:
    """Every posting of a person, from the word numbers of each of its names: each word
    (``word`` itself), the lone word of a one-part name, and each pair of words of one name."""
    keys: set[int] = set()
    for words in aliases:
        mine = sorted(set(words))
        keys.update(mine)
        if len(mine) == 1:
            keys.add(single_key(mine[0]))
        keys.update(a * PAIR_SHIFT + b for i, a in enumerate(mine) for b in mine[i + 1 :])
    return keys
