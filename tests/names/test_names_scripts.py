"""Names across Hebrew, Arabic and Cyrillic as real lists write them (issue 19).

Every pair in the "now matches" lists was missed before this work (checked against the
matcher as it was); every near-miss beside it is a different person whose name is one step
away, and must stay below the threshold.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from palermo.names.names import (
    DEFAULT_THRESHOLD,
    INITIAL,
    NAME,
    explain_names,
    parse_name,
    score_names,
)
from palermo.names.readings import foreign_readings

DATA = Path(__file__).parent / "data"


def _hit(a: str, b: str) -> bool:
    return score_names(a, b) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        # Vowel letters written, ע and א kept, final ה against -eh.
        ("איימן עודה", "Ayman Odeh"),
        ("ויקטור הוגו", "Victor Hugo"),
        ("יוסיף סטלין", "Joseph Stalin"),
        ("מיכאיל גורבצ'וב", "Mikhail Gorbachev"),
        # A three-letter word read as one Latin letter was taken for an initial.
        ("אבא אבן", "Abba Eban"),
        # A geresh at the end of a word is a letter (ץ' is ch), not an apostrophe.
        ("דליה רביקוביץ'", "Dahlia Ravikovitch"),
        # Gershayim: an acronym read as a word, and initials.
        ('ישראל כ"ץ', "Israel Katz"),
        ('א"ב יהושע', "A. B. Yehoshua"),
        # The Arabic article, written, assimilated (א-) or dropped; the Abd compound in Hebrew.
        ("الحبيب بورقيبة", "Habib Bourguiba"),
        ("עבד אל-פתאח א-סיסי", "Abdel Fattah el-Sisi"),
        # Two words in one script, one in the other: compounds and bin/de particles.
        ("حسن نصر الله", "Hassan Nasrallah"),
        ("زين الدين زيدان", "Zinedine Zidane"),
        ("محمود أحمدي نجاد", "Mahmoud Ahmadinejad"),
        ("الشاذلي بن جديد", "Chadli Bendjedid"),
        ("شارل ديغول", "Charles de Gaulle"),
        # Foreign names spelled by ear: French ch, Spanish j and g, Turkish ğ, English tch.
        ("שארל דה גול", "Charles de Gaulle"),
        ("חורחה לואיס בורחס", "Jorge Luis Borges"),
        ("רג'פ טאיפ ארדואן", "Recep Tayyip Erdoğan"),
        ("فيكتور هوغو", "Victor Hugo"),
        ("ونستون تشرشل", "Winston Churchill"),
        ("محمد حمدان دقلو", "Mohamed Hamdan Dagalo"),
    ],
)
def test_hebrew_and_arabic_forms_that_were_missed_now_match(written: str, latin: str) -> None:
    assert _hit(written, latin), explain_names(written, latin).text


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        # ו stands for o or u: against an "a" it is another vowel (Biton is not Bitan).
        ("חיים ביטון", "Haim Bitan"),
        # Hebrew writes a word-initial vowel: Ezra starts with one, סער does not.
        ("גדעון סער", "Gideon Ezra"),
        # The shared Abd does not earn a longer name more tolerance: Rahman is not Rahim.
        ("عائشة عبد الرحمن", "Aisha Abdulrahim"),
        ("عبد الفتاح السيسي", "Abdel Fattah al-Burhan"),
        ("محمد بن سلمان", "Mohammed bin Zayed"),
        ("ויקטור הוגו", "Hugo Chávez"),
        ("ברק אובמה", "Ehud Barak"),
        ('ישראל כ"ץ', "Israel Galili"),
        # A Spanish reading of j must fit exactly: Jamal is not Kamal كمال.
        ("مصطفى كمال", "Mustafa Jamal"),
        ("عثمان الغامدي", "Othman al-Hamadi"),
        ("נועה שטרן", "Noa Stein"),
    ],
)
def test_hebrew_and_arabic_near_misses_stay_apart(written: str, latin: str) -> None:
    assert not _hit(written, latin), explain_names(written, latin).text


@pytest.mark.parametrize(
    ("russian", "latin"),
    [
        # French: silent endings, u as ю, eu as ё, ch as ш.
        ("Александр Дюма", "Alexandre Dumas"),
        ("Луи Рено", "Louis Renault"),
        ("Шарль Перро", "Charles Perrault"),
        ("Ги де Мопассан", "Guy de Maupassant"),
        ("Альбер Камю", "Albert Camus"),
        ("Жюль Верн", "Jules Verne"),
        ("Жерар Депардьё", "Gérard Depardieu"),
        # Polish: cz, sz, szcz, rz, -wicz, -cki.
        ("Войцех Щенсный", "Wojciech Szczęsny"),
        ("Кшиштоф Пендерецкий", "Krzysztof Penderecki"),
        ("Генрик Сенкевич", "Henryk Sienkiewicz"),
        ("Гжегож Схетына", "Grzegorz Schetyna"),
        # Japanese as Polivanov writes it: shi си, ji дзи, yo ё, e э.
        ("Ёсихидэ Суга", "Yoshihide Suga"),
        ("Сэйдзи Одзава", "Seiji Ozawa"),
        ("Сюдзи Накамура", "Shuji Nakamura"),
        # Dutch: ij as ей, oe as у.
        ("Йерун Дейсселблум", "Jeroen Dijsselbloem"),
    ],
)
def test_russian_spellings_of_foreign_names_that_were_missed_now_match(
    russian: str, latin: str
) -> None:
    assert _hit(russian, latin), explain_names(russian, latin).text


@pytest.mark.parametrize(
    ("russian", "latin"),
    [
        ("Александр Дюма", "Roland Dumas"),
        ("Луи Рено", "Jean Reno"),
        ("Лех Качиньский", "Jarosław Kaczyński"),
        ("Сэйдзи Одзава", "Ichirō Ozawa"),
        ("Эдсгер Дейкстра", "Rineke Dijkstra"),
        ("Клод Моне", "Édouard Manet"),
        # A reading one letter off a short word is not evidence (Fillon / Villon).
        ("Франсуа Фийон", "François Villon"),
        # Two letters off in a short surname is another name, whatever the script.
        ("Дмитрий Соколов", "Dmitry Sobolev"),
        ("Михаил Лебедев", "Mikhail Lebed"),
    ],
)
def test_russian_near_misses_stay_apart(russian: str, latin: str) -> None:
    assert not _hit(russian, latin), explain_names(russian, latin).text


def test_readings_write_names_as_russian_does() -> None:
    assert "дюма" in foreign_readings("Dumas")
    assert "рено" in foreign_readings("Renault")
    assert "щенсны" in foreign_readings("Szczęsny")
    assert "дейкстра" in foreign_readings("Dijkstra")
    assert "ёсихидэ" in foreign_readings("Yoshihide")
    assert "мюллер" in foreign_readings("Müller")
    # A letter none of these languages has (Czech ř) leaves no half-Latin reading behind.
    assert foreign_readings("Dvořák") == ()


def test_hebrew_acronyms_and_articles_are_split_as_written() -> None:
    assert [t.kind for t in parse_name('א"ב יהושע')] == [INITIAL, INITIAL, NAME]
    assert [t.kind for t in parse_name('ישראל כ"ץ')] == [NAME, NAME]
    # The Abd compound stays one name; the assimilated article is the particle al.
    names = [t for t in parse_name("עבד אל-פתאח א-סיסי") if t.kind == NAME]
    assert len(names) == 2
    assert "transliteration" in explain_names("עבד אל-פתאח א-סיסי", "Abdel Fattah el-Sisi").text


def _prf(path: Path, split: str | None = None) -> tuple[float, float, float]:
    tp = fp = fn = 0
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if split and row["split"] != split:
                continue
            hit = _hit(row["name1"], row["name2"])
            match = row["is_match"] == "true"
            tp += hit and match
            fp += hit and not match
            fn += match and not hit
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * tp / (2 * tp + fp + fn)


# Floors are the achieved figures on the held part of each set (rows not looked at while
# the matcher was changed) minus 0.02. Before this work: Hebrew R 0.883, Arabic R 0.828,
# Russian spellings of foreign names R 0.574.
@pytest.mark.parametrize(
    ("name", "precision", "recall"),
    [
        ("wikidata_hebrew", 0.98, 0.94),
        ("wikidata_arabic", 0.96, 0.96),
        ("russian_foreign", 0.97, 0.95),
    ],
)
def test_held_part_of_the_script_sets_keeps_precision_and_recall(
    name: str, precision: float, recall: float
) -> None:
    p, r, _ = _prf(DATA / f"{name}.csv", split="held")
    assert p >= precision
    assert r >= recall


def test_the_matchers_caches_stay_small() -> None:
    # About 300 bytes an entry: the pair caches and the parsed names stay well under the
    # 100 MB a server process may spend on the person index (issue 19).
    from palermo.names.name_parts import make_token
    from palermo.names.names import _plain_sim, token_sim

    entries = sum(f.cache_info().maxsize or 0 for f in (token_sim, _plain_sim, parse_name))
    assert entries * 300 < 60_000_000 and (make_token.cache_info().maxsize or 0) <= 131072
