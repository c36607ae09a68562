"""Script handling for name matching: folding to Latin and abjad consonant skeletons.

Alphabetic scripts (Latin with accents, Cyrillic, Greek, Georgian, Armenian, CJK kana/hanzi...)
are romanised with ``anyascii``: one deterministic reading is enough because the Latin-side
comparison is typo and spelling tolerant.

Hebrew and Arabic are written without vowels, and several letters are ambiguous (ב b/v, כ k/kh,
ו v/o/u, י y/i/e). A single romanisation would guess wrong often, so these scripts are mapped
straight to *sound classes* (see ``phonetic.SKELETON_CLASSES``) and compared against the
skeleton of the Latin spelling with an edit distance that lets the matres lectionis
(א ה ו י ע, ا و ي ى ة ع) disappear cheaply, as vowels do.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from anyascii import anyascii

LATIN, CYRILLIC, HEBREW, ARABIC, OTHER = "latin", "cyrillic", "hebrew", "arabic", "other"
ABJADS = frozenset({HEBREW, ARABIC})

# Sound classes (one letter each) shared with phonetic.latin_skeleton:
#   B labial (b p f v)   W weak labial/vowel (ו و, Latin w)   K velar (k q c)
#   G (g gh)   J (j dj, ج)   X (ch kh, ח خ)   H (h, ح ه)   D dental (d t th dh)
#   S sibilant (s z sh ts)   L M N R as such   Y weak (y, י ي)   A weak vowel-like (א ע ا ء)
#   T the ta marbuta ة (-a, -ah, -at)
_HEBREW = {
    "א": "A", "ב": "B", "ג": "G", "ד": "D", "ה": "H", "ו": "W", "ז": "S", "ח": "X",
    "ט": "D", "י": "Y", "כ": "K", "ך": "K", "ל": "L", "מ": "M", "ם": "M", "נ": "N",
    "ן": "N", "ס": "S", "ע": "A", "פ": "B", "ף": "B", "צ": "S", "ץ": "S", "ק": "K",
    "ר": "R", "ש": "S", "ת": "D",
}  # fmt: skip
# A geresh turns ג ז צ into the sounds of foreign names (Jackie, Zhanna, Charlie).
_HEBREW_GERESH = {"G": "J", "S": "X"}

_ARABIC = {
    "ا": "A", "أ": "A", "إ": "A", "آ": "A", "ء": "A", "ؤ": "A", "ئ": "A", "ع": "A",
    "ى": "A", "ة": "T", "ب": "B", "ت": "D", "ث": "D", "ج": "J", "ح": "H", "خ": "X",
    "د": "D", "ذ": "D", "ر": "R", "ز": "S", "س": "S", "ش": "S", "ص": "S", "ض": "D",
    "ط": "D", "ظ": "D", "غ": "G", "ف": "B", "ق": "K", "ك": "K", "ل": "L", "م": "M",
    "ن": "N", "ه": "H", "و": "W", "ي": "Y",
    # Persian and Urdu letters
    "پ": "B", "چ": "X", "ژ": "S", "گ": "G", "ک": "K", "ی": "Y", "ے": "Y", "ہ": "H",
    "ٹ": "D", "ڈ": "D", "ڑ": "R", "ں": "N", "ھ": "H",
}  # fmt: skip


@lru_cache(maxsize=131072)
def script_of(text: str) -> str:
    """The dominant script of a token, judged by its letters."""
    if text.isascii():
        return LATIN if any(ch.isalpha() for ch in text) else OTHER
    counts: dict[str, int] = {}
    for ch in text:
        cp = ord(ch)
        if 0x05D0 <= cp <= 0x05EA:
            key = HEBREW
        elif 0x0620 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F:
            key = ARABIC
        elif 0x0400 <= cp <= 0x04FF:
            key = CYRILLIC
        elif ch.isascii() and ch.isalpha():
            key = LATIN
        elif ch.isalpha():
            key = LATIN if unicodedata.name(ch, "").startswith("LATIN") else OTHER
        else:
            continue
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return OTHER
    return max(counts, key=counts.__getitem__)


@lru_cache(maxsize=131072)
def strip_marks(text: str) -> str:
    """Drop combining marks: accents, Hebrew niqqud and cantillation, Arabic harakat."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def to_latin(token: str) -> str:
    """Lower-case ASCII letters and digits for any token (abjads get a rough reading)."""
    ascii_text = anyascii(token).lower()
    if ascii_text.isalnum():
        return ascii_text
    return "".join(ch for ch in ascii_text if ch.isalnum())


_UKRAINIAN = str.maketrans({"г": "h", "Г": "H", "и": "y", "И": "Y"})


@lru_cache(maxsize=65536)
def ukrainian_latin(token: str) -> str:
    """The Ukrainian reading of a Cyrillic token (г is h, и is y): Bohdan, not Bogdan."""
    return to_latin(token.translate(_UKRAINIAN))


def abjad_skeleton(token: str, script: str) -> str:
    """Sound-class skeleton of a Hebrew or Arabic token, vowel letters kept as weak classes."""
    text = strip_marks(token)
    # Foreign ch written as two letters: تشرشل Churchill, טשרניחובסקי Tchernichovsky.
    text = text.replace("تش", "چ") if script == ARABIC else text.replace("טש", "צ'")
    if text == "عمرو":
        # The waw of Amr is never read: it only tells the name from Umar عمر.
        text = "عمر"
    table = _HEBREW if script == HEBREW else _ARABIC
    out: list[str] = []
    for ch in text:
        if ch in "'׳`’" and out:
            out[-1] = _HEBREW_GERESH.get(out[-1], out[-1])
            continue
        cls = table.get(ch)
        if cls is None:
            continue
        # Doubled ו / י spell a consonantal v / y; one symbol keeps the weights honest.
        if out and cls == out[-1] and cls in "WY":
            continue
        out.append(cls)
    # A word-final ה in Hebrew is a silent vowel (משה Moshe, שרה Sarah).
    if script == HEBREW and len(out) > 1 and out[-1] == "H":
        out[-1] = "A"
    if len(out) > 1 and out[-1] == "Y":
        out[-1] = "I"
    return "".join(out)


# The Arabic article is written joined to the word; Latin spellings split or drop it.
ARABIC_ARTICLE = "ال"


# Cross-language forms and common diminutives of the same given name. Matching within a group
# is scored below a spelling match: it is evidence, not proof, of the same person.
EQUIVALENT_NAMES = (
    "john juan jean johann johannes ivan giovanni joao jan hans yohanan",
    "joseph jose josef giuseppe yosef iosif yusuf youssef osip",
    "michael miguel michel mikhail michal mikael michele mykhailo misha",
    "peter pedro pierre pyotr piotr pietro petr petro",
    "paul pablo pavel paolo pavlo",
    "alexander alejandro alessandro aleksandr alexandre oleksandr sasha alex",
    "jacob jakob yaakov yakov jakub jacques iakov",
    "moses moshe musa moise",
    "abraham avraham ibrahim",
    "david dawood daud dovid",
    "solomon shlomo suleiman sulayman",
    "isaac yitzhak ishak itzhak",
    "samuel shmuel",
    "george jorge georgiy georgi giorgio yuri",
    "nicholas nicolas nikolai mykola nikola",
    "stephen stefan stepan esteban",
    "andrew andrei andriy andres andrzej",
    "dmitry dmitri dima",
    "vladimir volodymyr volodya vova",
    "benjamin bibi binyamin",
    "william bill wilhelm guillermo",
    "robert bob roberto",
    "theodore ted teddy fyodor fedor",
    "elizabeth liz elisabeth yelizaveta",
    "catherine ekaterina katerina kateryna katya",
    "mary maria mariya miriam maryam",
    "anne anna hanna hannah chana",
    "helen elena olena yelena",
    "sergei serhiy",
    "gregory grigory hryhoriy",
    "eugene yevgeny evgeny zhenya",
    "barack barry",
    "muhammad mehmet",
    "osama usama",
    "yahya yehia",
)
