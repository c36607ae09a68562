"""Faker people for ``bench_names.py``'s index (fixed seed), and the forms a query writes
them in: another script, a typo, family name first, the middle name left out.

The transliterations are independent of the matcher's own romanisation, so the index is not
asked to find what it wrote itself.
"""

from __future__ import annotations

import random

from anyascii import anyascii

from palermo.names.translit import script_of

LOCALES = {
    "en_US": "USA", "he_IL": "ISR", "ru_RU": "RUS", "ar_AA": "SAU",
    "uk_UA": "UKR", "ro_RO": "ROU", "es_MX": "MEX",
}  # fmt: skip
# Independent of the matcher's own romanisation: a German-style reading of Cyrillic and a
# letter-by-letter Cyrillic spelling of Latin names.
_words = str.split
_CYR_DE = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ", _words(
    "a b w g d e jo sch s i j k l m n o p r s t u f ch z tsch sch schtsch _ y _ e ju ja i ji je g"
), strict=True))  # fmt: skip
_LAT_CYR = dict(zip("abcdefghijklmnopqrstuvwxyz", _words(
    "а б к д е ф г х и дж к л м н о п к р с т у в в кс й з"), strict=True))  # fmt: skip


def make_people(count: int, seed: int) -> list[tuple[str, str, str, str]]:
    from faker import Faker

    fakers = {loc: Faker(loc) for loc in LOCALES}
    for i, fk in enumerate(fakers.values()):
        fk.seed_instance(seed * 100 + i)
    rnd = random.Random(seed)
    out = []
    locales = list(LOCALES)
    for _ in range(count):
        loc = rnd.choice(locales)
        fk = fakers[loc]
        male = rnd.random() < 0.5
        first = fk.first_name_male() if male else fk.first_name_female()
        last = fk.last_name_male() if male and hasattr(fk, "last_name_male") else fk.last_name()
        parts = [first]
        if hasattr(fk, "middle_name_male") and rnd.random() < 0.6:
            parts.append(fk.middle_name_male() if male else fk.middle_name_female())
        elif rnd.random() < 0.25:
            parts.append(fk.first_name_male() if male else fk.first_name_female())
        parts.append(last)
        born = f"{rnd.randint(1940, 2005)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        out.append((" ".join(parts), born, LOCALES[loc], "M" if male else "F"))
    return out


def transliterate(name: str) -> str:
    script = script_of(name)
    if script == "cyrillic":
        return "".join(_CYR_DE.get(c.lower(), c) for c in name).replace("_", "").title()
    if script == "latin":
        return "".join(_LAT_CYR.get(c, c) for c in anyascii(name).lower())
    return anyascii(name)


def typo(name: str, rnd: random.Random) -> str:
    parts = name.split()
    i = max(range(len(parts)), key=lambda k: len(parts[k]))
    w = parts[i]
    if len(w) < 4:
        return name
    k = rnd.randrange(1, len(w) - 1)
    op = rnd.choice("sdt")
    if op == "s":
        w = w[:k] + rnd.choice("aeioulnrst") + w[k + 1 :]
    elif op == "d":
        w = w[:k] + w[k + 1 :]
    else:
        w = w[: k - 1] + w[k] + w[k - 1] + w[k + 1 :]
    parts[i] = w
    return " ".join(parts)


def variant(name: str, kind: str, rnd: random.Random) -> str:
    parts = name.split()
    if kind == "transliteration":
        return transliterate(name)
    if kind == "typo":
        return typo(name, rnd)
    if kind == "order swap":
        return " ".join(parts[-1:] + parts[:-1])
    return " ".join([parts[0], parts[-1]]) if len(parts) > 2 else typo(name, rnd)
