"""People shaped like real watch lists, for ``bench_names.py`` (fixed seed, no download).

Faker gives two or three Western name parts; lists name people with three to six parts,
particles (bin, ibn, al-, van der), a native-script form beside the Latin one and several
aliases. Each person here is drawn from hand-written name parts, each part with the
spellings lists really use and its native form, in four shapes:

* Arabic: given name, bin father, often bin grandfather, al- family (nasab and nisba);
* Dutch: one to three given names, a particle (van, van der, de, ter), a family name;
* Russian: given name, patronymic, family name, in Latin and in Cyrillic;
* Spanish: one or two given names and both family names.

Aliases are the forms lists write for the same person: another spelling, the native script,
the short form (given and family name), family name first, initials, particles attached or
dropped. Relatives share parts but are other people: a brother (same father and family),
a cousin (same family, other father), a namesake (same given and family name, other father).
Nothing here calls the matcher: the variation is written down, not derived from its rules.
"""

from __future__ import annotations

import random
from typing import NamedTuple


class Part(NamedTuple):
    spellings: tuple[str, ...]
    native: str


def _parts(text: str) -> list[Part]:
    out = []
    for line in text.strip().splitlines():
        latin, native = line.rsplit("=", 1)
        out.append(Part(tuple(latin.strip().split("|")), native.strip()))
    return out


ARABIC_GIVEN = _parts("""
Muhammad|Mohammed|Mohamed|Mohammad = محمد
Ahmad|Ahmed = أحمد
Abdullah|Abdallah|Abd Allah = عبد الله
Abd al-Rahman|Abdulrahman|Abdel Rahman|Abdurrahman = عبد الرحمن
Abd al-Aziz|Abdulaziz|Abdelaziz = عبد العزيز
Khalid|Khaled = خالد
Faisal|Faysal|Feisal = فيصل
Hamad = حمد
Nasser|Nasir|Naser = ناصر
Sultan = سلطان
Yusuf|Youssef|Yousef = يوسف
Ibrahim|Ebrahim = إبراهيم
Omar|Umar = عمر
Ali = علي
Hassan|Hasan = حسن
Hussein|Husayn|Hussain = حسين
Salim|Saleem = سليم
Rashid|Rashed = راشد
Tariq|Tarek|Tareq = طارق
Mahmoud|Mahmud = محمود
Mustafa|Mostafa = مصطفى
Walid|Waleed = وليد
Majid|Majed = ماجد
Fahd|Fahad = فهد
Mansour|Mansur = منصور
Jamal|Gamal = جمال
""")
ARABIC_FAMILY = _parts("""
Qahtani = القحطاني
Otaibi|Utaybi = العتيبي
Shammari|Shamari = الشمري
Dosari|Dossary = الدوسري
Harbi = الحربي
Zahrani = الزهراني
Ghamdi = الغامدي
Mutairi = المطيري
Anazi|Enezi = العنزي
Tamimi = التميمي
Masri = المصري
Baghdadi = البغدادي
Tikriti = التكريتي
Dulaimi = الدليمي
Jubouri|Jabouri = الجبوري
Hashimi|Hashemi = الهاشمي
Khatib = الخطيب
Najjar = النجار
Haddad = الحداد
Sudairi = السديري
""")
DUTCH_GIVEN = _parts("""
Johannes = Йоханнес
Cornelis = Корнелис
Hendrik = Хендрик
Willem = Виллем
Pieter = Питер
Jacobus = Якобус
Gerardus = Герардус
Adrianus = Адрианус
Theodorus = Теодорус
Franciscus = Франсискус
Maria = Мария
Anna = Анна
Johanna = Йоханна
Petronella = Петронелла
Wilhelmina = Вильгельмина
Geertruida = Гертруда
""")
DUTCH_PARTICLE = {
    "van": "ван", "van der": "ван дер", "van den": "ван ден", "de": "де", "ter": "тер",
    "van de": "ван де",
}  # fmt: skip
DUTCH_FAMILY = _parts("""
Berg = Берг
Meer = Мер
Heuvel = Хёвел
Vries = Фрис
Jong = Йонг
Dijk|Dyk = Дейк
Broek = Брук
Linden = Линден
Wal = Вал
Leeuw = Леув
Graaf = Грааф
Bosch|Bos = Бос
Velde = Велде
Hoek = Хук
Laan = Лан
""")
RUSSIAN_GIVEN = _parts("""
Sergei|Sergey|Serguei = Сергей
Aleksandr|Alexander|Aleksander = Александр
Dmitry|Dmitri|Dmitriy = Дмитрий
Andrei|Andrey = Андрей
Aleksei|Alexey|Alexei = Алексей
Mikhail|Mikhael = Михаил
Nikolai|Nikolay = Николай
Vladimir|Wladimir = Владимир
Yevgeny|Evgeny|Evgenii = Евгений
Yuri|Yury|Iouri = Юрий
""")
RUSSIAN_GIVEN_F = _parts("""
Olga = Ольга
Tatyana|Tatiana = Татьяна
Yelena|Elena = Елена
Natalya|Natalia = Наталья
Irina = Ирина
Svetlana = Светлана
Anna = Анна
Yekaterina|Ekaterina = Екатерина
""")
# Patronymics, male and female, by the father's name.
RUSSIAN_PATRONYMIC = _parts("""
Ivanovich|Ivanovitch = Иванович
Petrovich|Petrovitch = Петрович
Sergeyevich|Sergeevich = Сергеевич
Nikolayevich|Nikolaevich = Николаевич
Vladimirovich = Владимирович
Aleksandrovich|Alexandrovich = Александрович
Viktorovich|Victorovich = Викторович
Yuryevich|Yurievich = Юрьевич
""")
RUSSIAN_PATRONYMIC_F = _parts("""
Ivanovna = Ивановна
Petrovna = Петровна
Sergeyevna|Sergeevna = Сергеевна
Nikolayevna|Nikolaevna = Николаевна
Vladimirovna = Владимировна
Aleksandrovna|Alexandrovna = Александровна
Viktorovna|Victorovna = Викторовна
Yuryevna|Yurievna = Юрьевна
""")
RUSSIAN_FAMILY = _parts("""
Ivanov|Ivanoff = Иванов
Kuznetsov|Kuznetzov = Кузнецов
Smirnov = Смирнов
Popov = Попов
Sokolov = Соколов
Lebedev = Лебедев
Kozlov = Козлов
Novikov = Новиков
Morozov = Морозов
Volkov = Волков
Solovyov|Soloviev = Соловьёв
Vasilyev|Vasiliev = Васильев
Zaytsev|Zaitsev = Зайцев
Pavlov = Павлов
Semyonov|Semenov = Семёнов
""")
SPANISH_GIVEN = _parts("""
José = Хосе
Juan = Хуан
Carlos = Карлос
Luis = Луис
Francisco = Франсиско
Antonio = Антонио
Manuel = Мануэль
María = Мария
Ana = Ана
Carmen = Кармен
Javier = Хавьер
Miguel = Мигель
Pedro = Педро
Guadalupe = Гуадалупе
""")
SPANISH_FAMILY = _parts("""
García = Гарсия
López = Лопес
Martínez = Мартинес
Rodríguez = Родригес
Hernández = Эрнандес
González = Гонсалес
Pérez = Перес
Sánchez = Санчес
Ramírez = Рамирес
Torres = Торрес
Flores = Флорес
Jiménez = Хименес
Vázquez = Васкес
Castillo = Кастильо
""")


class Person(NamedTuple):
    aliases: tuple[str, ...]  # forms a list files: the first is the canonical one
    query: str  # another form of the same person, not on the list
    relatives: tuple[str, ...]  # other people whose names share parts with this one


def _spell(part: Part, rnd: random.Random) -> str:
    return rnd.choice(part.spellings)


def _first(part: Part) -> str:
    return part.spellings[0]


def _arabic(rnd: random.Random) -> Person:
    given, father, grand = rnd.sample(ARABIC_GIVEN, 3)
    family = rnd.choice(ARABIC_FAMILY)
    chain = [given, father, grand] if rnd.random() < 0.6 else [given, father]

    def latin(parts: list[Part], spell: bool, article: str = "al-", link: str = "bin") -> str:
        names = [(_spell(p, rnd) if spell else _first(p)) for p in parts]
        fam = (_spell(family, rnd) if spell else _first(family))
        return f" {link} ".join(names) + f" {article}{fam}"

    def native(parts: list[Part]) -> str:
        return " بن ".join(p.native for p in parts) + " " + family.native

    aliases = (
        latin(chain, False),
        native(chain),
        f"{_spell(given, rnd)} {rnd.choice(['al-', 'Al ', 'el-', ''])}{_spell(family, rnd)}",
        f"{_first(family).upper()}, " + " ".join(_spell(p, rnd) for p in chain),
    )
    query = latin(chain, True, rnd.choice(["al-", "Al-", "el-"]), rnd.choice(["bin", "ibn", "ben"]))
    brother = rnd.choice([p for p in ARABIC_GIVEN if p not in chain])
    cousin_father = rnd.choice([p for p in ARABIC_GIVEN if p not in chain])
    relatives = (
        latin([brother, *chain[1:]], False),
        latin([given, cousin_father, *chain[2:]], False),
        native([brother, *chain[1:]]),
    )
    return Person(aliases, query, relatives)


def _given(parts: list[Part], women: frozenset[str], rnd: random.Random, k: int) -> list[Part]:
    """``k`` given names of one sex."""
    female = rnd.random() < 0.4
    pool = [p for p in parts if (p.spellings[0] in women) == female]
    return rnd.sample(pool, k)


def _dutch(rnd: random.Random) -> Person:
    given = _given(DUTCH_GIVEN, _DUTCH_WOMEN, rnd, rnd.randint(1, 3))
    particle = rnd.choice(list(DUTCH_PARTICLE))
    family = rnd.choice(DUTCH_FAMILY)
    names = " ".join(_first(p) for p in given)
    fam = _first(family)
    initials = ".".join(_first(p)[0] for p in given) + "."
    aliases = (
        f"{names} {particle} {fam}",
        f"{initials} {particle} {fam}",
        f"{particle.title()} {fam}, {names}",
        " ".join(p.native for p in given[:1]) + f" {DUTCH_PARTICLE[particle]} {family.native}",
    )
    query = f"{_first(given[0])} {particle} {_spell(family, rnd)}"
    if rnd.random() < 0.5:
        query = f"{names} {particle.replace(' ', '').title()}{fam.lower()}"
    sibling = rnd.choice([p for p in DUTCH_GIVEN if p not in given and (
        (p.spellings[0] in _DUTCH_WOMEN) == (given[0].spellings[0] in _DUTCH_WOMEN))])
    other = rnd.choice([p for p in DUTCH_PARTICLE if p != particle])
    relatives = (
        " ".join(_first(p) for p in [sibling, *given[1:]]) + f" {particle} {fam}",
        # Another family: "van den Berg" and "van der Berg" are not one name.
        f"{names} {other} {fam}",
    )
    return Person(aliases, query, relatives)


def _feminine(part: Part) -> Part:
    return Part(tuple(s[:-2] + "va" if s.endswith("ff") else s + "a" for s in part.spellings),
                part.native + "а")  # fmt: skip


def _russian(rnd: random.Random) -> Person:
    female = rnd.random() < 0.4
    names = RUSSIAN_GIVEN_F if female else RUSSIAN_GIVEN
    given = rnd.choice(names)
    patronymics = RUSSIAN_PATRONYMIC_F if female else RUSSIAN_PATRONYMIC
    patronymic = rnd.choice(patronymics)
    family = rnd.choice(RUSSIAN_FAMILY)
    family = _feminine(family) if female else family
    aliases = (
        f"{_first(given)} {_first(patronymic)} {_first(family)}",
        f"{given.native} {patronymic.native} {family.native}",
        f"{family.native.upper()} {given.native} {patronymic.native}",
        f"{_spell(given, rnd)} {_spell(family, rnd)}",
    )
    query = f"{_spell(family, rnd).upper()} {_spell(given, rnd)} {_spell(patronymic, rnd)}"
    brother = rnd.choice([p for p in names if p != given])
    other_father = rnd.choice([p for p in patronymics if p != patronymic])
    relatives = (
        f"{_first(brother)} {_first(patronymic)} {_first(family)}",
        f"{given.native} {other_father.native} {family.native}",
    )
    return Person(aliases, query, relatives)


def _spanish(rnd: random.Random) -> Person:
    given = _given(SPANISH_GIVEN, _SPANISH_WOMEN, rnd, rnd.randint(1, 2))
    first, second = rnd.sample(SPANISH_FAMILY, 2)
    names = " ".join(_first(p) for p in given)
    aliases = (
        f"{names} {_first(first)} {_first(second)}",
        f"{_first(first).upper()} {_first(second).upper()}, {names}",
        " ".join(p.native for p in given) + f" {first.native} {second.native}",
    )
    query = f"{names} {_first(first)} {_first(second)}".translate(_NO_ACCENTS)
    sibling = rnd.choice([p for p in SPANISH_GIVEN if p not in given and (
        (p.spellings[0] in _SPANISH_WOMEN) == (given[0].spellings[0] in _SPANISH_WOMEN))])
    other = rnd.choice([p for p in SPANISH_FAMILY if p not in (first, second)])
    relatives = (
        f"{_first(sibling)} {_first(first)} {_first(second)}",
        f"{names} {_first(first)} {_first(other)}",
    )
    return Person(aliases, query, relatives)


_DUTCH_WOMEN = frozenset(["Maria", "Anna", "Johanna", "Petronella", "Wilhelmina", "Geertruida"])
_SPANISH_WOMEN = frozenset(["María", "Ana", "Carmen", "Guadalupe"])
_NO_ACCENTS = str.maketrans("áéíóúÁÉÍÓÚñ", "aeiouAEIOUn")
_SHAPES = (_arabic, _dutch, _russian, _spanish)


def make_listed(count: int, seed: int) -> list[Person]:
    """``count`` people in the four shapes, in turn, from a fixed seed."""
    rnd = random.Random(seed)
    return [_SHAPES[i % len(_SHAPES)](rnd) for i in range(count)]


def real_pairs(count: int, seed: int) -> list[tuple[str, str, bool]]:
    """Labelled pairs: each person's query against one of its aliases (a match) and
    against each relative (not a match)."""
    rnd = random.Random(seed + 7)
    pairs = []
    for person in make_listed(count, seed):
        pairs.append((person.query, rnd.choice(person.aliases), True))
        pairs.extend((person.query, relative, False) for relative in person.relatives)
    return pairs
