"""How other languages write a Latin-script name: Russian, Hebrew and Arabic spell it by ear.

Russian spells a foreign name as it sounds in its own language (the practical transcription
of Gilyarevsky and Starostin, Polivanov's for Japanese), so Dumas is Дюма, Szymborska
Шимборская, Dijkstra Дейкстра and Yoshihide Ёсихидэ, and no letter-by-letter reading of
either side finds them. ``foreign_readings`` writes a Latin name part in Cyrillic the way
each convention would; the matcher compares that with a Cyrillic spelling, and the French,
Spanish and Turkish readings with Hebrew and Arabic, which also write foreign names by ear
(Charles שארל, Jorge חורחה). Each language is two passes: its endings (silent letters),
then one alternation of context rules and letter clusters, longest first; single letters
last, by ``str.translate``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from palermo.names.translit import strip_marks


class _Language(NamedTuple):
    endings: re.Pattern[str]
    end_table: tuple[str, ...]
    clusters: re.Pattern[str]
    table: dict[str, str]
    rules: tuple[str, ...]
    letters: dict[int, str]


def _table(pairs: str) -> dict[str, str]:
    return dict(pair.split("=", 1) for pair in pairs.split())


def _language(endings: str, rules: str, letters: str) -> _Language:
    """``endings`` and ``rules``: lines of ``regex => replacement``; ``letters``: ``a=б``
    pairs (``_`` for nothing). Replacements are Cyrillic, or upper-case placeholders that
    the letters map on (so later rules see a vowel, not a Cyrillic letter)."""
    def pairs(text: str) -> list[tuple[str, str]]:
        return [tuple(x.strip() for x in line.split("=>")) for line in text.strip().splitlines()]  # type: ignore[misc]

    ends, ctx = pairs(endings) if endings else [], pairs(rules) if rules else []
    table = {k: v.replace("_", "") for k, v in _table(letters).items()}
    # Clusters and rules in one alternation (one group per rule and none inside them:
    # ``lastindex`` says which rule matched); single letters after, by ``str.translate``.
    keys = sorted((re.escape(k) for k in table if len(k) > 1), key=len, reverse=True)
    return _Language(
        re.compile("|".join(f"({rx})" for rx, _ in ends) or "(?!)"),
        tuple(rep.replace("_", "") for _, rep in ends),
        re.compile("|".join([f"({rx})" for rx, _ in ctx] + keys) or "(?!)"),
        table,
        tuple(rep.replace("_", "") for _, rep in ctx),
        str.maketrans({k: v for k, v in table.items() if len(k) == 1}),
    )


_BASIC = (
    "a=а b=б d=д e=е f=ф i=и k=к l=л m=м n=н o=о p=п r=р s=с t=т v=в z=з x=кс q=к w=в "
    "g=г h=х c=к j=й u=у y=и A=а E=е O=о"
)
_V = "aeiouyéèêëàâîïôûùüAEO"  # French vowels and the placeholders of its endings
_FRENCH = _language(
    """
    ques?$ => k
    (?:eaux?|aux|ault|aud|aut|ots?)$ => O
    ier$ => ьE
    (?:ais|ait|ets?|ez)$ => E
    ges?$ => Z
    (?<=[^aeiouyéèê])es?$ => _
    (?<![sc])(?:ps|[stdxzp])$ => _
    """,
    f"""
    (?<=[{_V}])s(?=[{_V}]) => з
    gu(?=[eiyéèê]) => г
    ç|c(?=[eiyéèê]) => с
    ge(?=[aou])|g(?=[eiyéèê]) => ж
    (?<=[aeiouy])ill => й
    ie(?=n(?:[^{_V}n]|$)) => ье
    (?:ai|ei|i|y|u)n(?=[^{_V}n]|$) => ен
    e[nm](?=[^{_V}n]|$) => ан
    om(?=[^{_V}bpm]|$) => он
    """,
    _BASIC + " eau=о au=о ou=у où=у oû=у oi=уа oy=уа eu=ё œu=ё œ=ё ai=е ei=е ie=ье ch=ш "
    "ph=ф th=т qu=к gn=нь ill=ий cq=к ck=к Z=ж j=ж h=_ y=и u=ю û=ю ù=ю ü=ю é=е è=е ê=е "
    "ë=е à=а â=а î=и ï=и ô=о ll=ль",
)
_POLISH = _language(
    """
    wicz$ => вич
    (?<=[sz])ki$ => кий
    cki$ => цкий
    (?<=[sz])ka$ => кая
    cka$ => цкая
    """,
    "",
    _BASIC + " szcz=щ sz=ш cz=ч krz=кш prz=пш trz=тш chrz=хш rz=ж ch=х dż=дж dź=дзь ż=ж "
    "ź=зь ść=щь ści=щи ś=сь ć=ць ń=нь ł=л ó=у ą=он ę=ен ią=ён ię=ен ia=я ie=е io=ё iu=ю "
    "ió=ю ja=я je=е jo=ё ju=ю w=в h=х c=ц j=й y=ы",
)
_DUTCH = _language(
    "",
    "",
    _BASIC + " sch=сх ch=х ij=ей ÿ=ей uij=ёй uy=ёй ui=ёй oe=у uu=ю eeuw=ев ieuw=иу "
    "eu=ё ee=е aa=а oo=о ie=и ou=ау au=ау ei=ей ck=к c=к h=х j=й w=в y=ей u=ю",
)
_GERMAN = _language(
    "",
    """
    ^s(?=[aeiouäöü]) => з
    ^s(?=[tp]) => ш
    (?<=[aeiouäöü])h(?![aeiouäöü]) => _
    """,
    _BASIC + " schtsch=щ tsch=ч sch=ш chs=кс ch=х ck=к ei=ай ai=ай ey=ей eu=ой äu=ой ie=и "
    "ä=е ö=ё ü=ю ß=с tz=ц z=ц w=в v=ф ja=я je=е jo=ё ju=ю j=й qu=кв ph=ф th=т ow=ов ew=ев "
    "y=и",
)
_SPANISH = _language(
    "",
    "",
    _BASIC + " ch=ч ll=й ñ=нь qu=к gue=ге gui=ги ge=хе gi=хи j=х ce=се ci=си c=к z=с h=_ "
    "y=й á=а é=е í=и ó=о ú=у ü=у",
)
_TURKISH = _language("", "", _BASIC + " ğ=_ ş=ш ç=ч c=дж ı=ы ö=ё ü=ю j=ж")


def _japanese_letters() -> str:
    table = _table(
        "a=а i=и u=у e=э o=о shi=си sha=ся shu=сю sho=сё she=сэ chi=ти cha=тя chu=тю cho=тё "
        "tsu=цу fu=фу ji=дзи ja=дзя ju=дзю jo=дзё ya=я yu=ю yo=ё wa=ва wo=о n=н"
    )
    vowels = {"a": "а", "i": "и", "u": "у", "e": "э", "o": "о"}
    rows = _table("k=к s=с t=т n=н h=х m=м r=р g=г z=дз d=д b=б p=п")
    for consonant, cyrillic in rows.items():
        for vowel, sound in vowels.items():
            table.setdefault(consonant + vowel, cyrillic + sound)
        for vowel, sound in {"a": "я", "u": "ю", "o": "ё"}.items():
            table[consonant + "y" + vowel] = cyrillic + sound
    return " ".join(f"{k}={v}" for k, v in table.items())


_JAPANESE = _language(
    "",
    """
    (?<=[aeou])i => й
    k(?=k)|s(?=s)|t(?=t)|p(?=p)|g(?=g)|d(?=d)|b(?=b) => _
    oh(?=[^aeiou]) => о
    """,
    _japanese_letters(),
)
# Hepburn romaji: a word made only of Japanese syllables (Murakami, Jun'ichirō, Shinzo).
_JAPANESE_WORD = re.compile(
    r"(?:(?:sh|ch|ts|[kgsztdnhbpmrfjwy])?y?[aeiouāīūēō]|n|[kstpgdb](?=[kstpgdbc]))+"
)
_GATES = (
    (_POLISH, re.compile("[łśżźćńąęó]|sz|cz|rz|cki|ski|ska|wicz|ie|[aeiouy]j")),
    (_DUTCH, re.compile("ij|oe|uu|aa|u[iy]|sch")),
    (_GERMAN, re.compile("sch|[äöüß]|tz")),
    (_SPANISH, re.compile("[jñ]|ll")),
    (_TURKISH, re.compile("[ğşı]")),
)
_LONG = {"ō": "o", "ū": "u", "ā": "a", "ī": "i", "ē": "e", "ou": "o", "oo": "o", "uu": "u"}
_JAPANESE_LONG = re.compile("|".join(_LONG))
_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")


def _spell(word: str, lang: _Language) -> str:
    ends, table, rules = lang.end_table, lang.table, lang.rules
    word = lang.endings.sub(lambda m: ends[m.lastindex - 1], word)  # type: ignore[operator]
    word = lang.clusters.sub(
        lambda m: rules[m.lastindex - 1] if m.lastindex else table[m[0]], word
    )
    return word.translate(lang.letters)


@lru_cache(maxsize=65536)
def foreign_readings(token: str) -> tuple[str, ...]:
    """The Cyrillic spellings of a Latin name part read as French, Polish, Dutch, German,
    Spanish, Turkish or Japanese, each once (``Dumas`` -> ``Дюма``, ``Szczęsny`` ->
    ``Щенсны``); a reading that meets a letter its language lacks is left out."""
    word = unicodedata.normalize("NFC", token).lower().replace("'", "").replace("’", "")
    if not word.isalpha():
        return ()
    # French always; each other language only where a letter of its own spelling shows.
    out = [_spell(word, _FRENCH)]
    for lang, letters in _GATES:
        if letters.search(word):
            out.append(_spell(strip_marks(word) if lang is _DUTCH else word, lang))
    if _JAPANESE_WORD.fullmatch(word):
        # Long vowels are written once; n before a vowel is its own syllable (Shin'ya).
        kana = _JAPANESE_LONG.sub(lambda m: _LONG[m.group()], word)
        out.append(_spell(re.sub("n(?=[aeiouy])", "n'", kana), _JAPANESE).replace("'", ""))
    return tuple(dict.fromkeys(r for r in out if _CYRILLIC_WORD.fullmatch(r)))


# Russian letters as ``to_latin`` reads them (anyascii), at ``str.translate`` speed.
_RUSSIAN_LATIN = str.maketrans(
    _table(
        "а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t "
        "у=u ф=f х=kh ц=ts ч=ch ш=sh щ=shch ы=y э=e ю=yu я=ya"
    )
    | {"ъ": "", "ь": ""}
)


@lru_cache(maxsize=65536)
def foreign_latin(token: str) -> tuple[str, ...]:
    """``foreign_readings`` as ``to_latin`` would write them (``Dumas`` -> ``dyuma``)."""
    return tuple(dict.fromkeys(r.translate(_RUSSIAN_LATIN) for r in foreign_readings(token)))


# A Cyrillic reading straight to the vowelled sound classes of ``phonetic.vowelled_skeleton``
# (what it gives for the reading's ``to_latin`` letters), without the Latin detour.
_READING_CLASSES = str.maketrans(
    _table(
        "а=a б=B в=B г=G д=D е=e ё=e ж=S з=S и=i й=Y к=K л=L м=M н=N о=o п=B р=R с=S т=D "
        "у=u ф=B х=X ц=S ч=X ш=S щ=S ы=Y э=e ю=Yu я=Ya"
    )
    | {"ъ": "", "ь": ""}
)
_READING_FINAL_I = re.compile("(?:[ийы]|ие|ей)$")


_READING_CLUSTERS = re.compile(r"(.)\1+|дж|т[сз]|сш|^[ьъ]")


def _reading_skeleton(reading: str) -> str:
    reading = _READING_CLUSTERS.sub(
        lambda m: {"дж": "J", "тс": "ц", "тз": "ц", "сш": "ш"}.get(m.group(), m.group()[:1]),
        reading,
    ).lstrip("ьъ")
    text = _READING_FINAL_I.sub("I", reading).translate(_READING_CLASSES)
    if reading[:1] in "аеиоуэё":
        text = "A" + text
    return "" if text == "I" else text


_SPANISH_SOUNDS = re.compile("j|g[eiy]")  # the kh that English spelling hides (Jorge חורחה)


@lru_cache(maxsize=65536)
def spoken_skeletons(token: str) -> tuple[str, ...]:
    """Vowelled sound classes of the French, Spanish and Turkish readings: those whose
    sounds Hebrew and Arabic follow where English spelling would mislead (Charles שארל,
    Jorge خورخي, Erdoğan ארדואן); the others add nothing there."""
    word = unicodedata.normalize("NFC", token).lower()
    if not word.isalpha():
        return ()
    out = [_spell(word, _FRENCH)]
    if _SPANISH_SOUNDS.search(word):
        out.append(_spell(word, _SPANISH))
    if _GATES[-1][1].search(word):
        out.append(_spell(word, _TURKISH))
    return tuple(dict.fromkeys(
        _reading_skeleton(r) for r in out if _CYRILLIC_WORD.fullmatch(r)))  # fmt: skip
