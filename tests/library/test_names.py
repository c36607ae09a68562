"""A name in one script finds the same name written in another: a defendant's or party's name
in Hebrew, Arabic, Cyrillic or Latin letters."""

from __future__ import annotations

from typing import Any

import pytest

from palermo.library import services
from palermo.library.engine.backend import SearchRequest
from palermo.library.engine.names import keys
from palermo.library.engine.text import normalise
from tests.library.factories import decision


@pytest.mark.parametrize("spellings", [
    ["Mohammed", "Muhammad", "محمد", "מוחמד", "Мухаммед"],
    ["Vladimir", "Владимир", "ולדימיר", "فلاديمير"],
    ["Petrov", "Петров", "פטרוב", "بيتروف"],
    ["Natasha", "Наташа", "נטשה", "ناتاشا"],
    ["Tsvetkova", "Цветкова", "צבטקובה"],
    ["Ahmed", "أحمد", "אחמד", "Ахмед"],
])
def test_spellings_share_a_key(spellings: list[str]) -> None:
    shared = set.intersection(*(set(keys(normalise(s))) for s in spellings))
    assert shared, [keys(normalise(s)) for s in spellings]


def test_different_names_do_not() -> None:
    assert not set(keys(normalise("Petrov"))) & set(keys(normalise("Ivanov")))
    assert not set(keys(normalise("Natasha"))) & set(keys(normalise("Olga")))


@pytest.mark.django_db
def test_search_finds_a_defendant_across_scripts(editor: Any, reader: Any) -> None:
    hebrew = decision(editor, language="he", parties="מדינת ישראל נ' ולדימיר פטרוב",
                      full_text="הנאשם הורשע בסחר בבני אדם.")
    arabic = decision(editor, language="ar", parties="النيابة العامة ضد محمد العلي",
                      charges=[{"defendant": "محمد العلي", "charge": "الاتجار بالبشر",
                                "verdict": "convicted"}],
                      full_text="أدانت المحكمة المتهم.")
    decision(editor, parties="R v. Ivanov", full_text="The defendant was convicted.")

    def found(text: str) -> list[str]:
        return [h.key for h in services.search(reader, SearchRequest(text=text)).hits]

    assert found("Vladimir Petrov") == [f"decision:{hebrew.pk}"]
    assert found("Владимир Петров") == [f"decision:{hebrew.pk}"]
    assert found("Mohammed") == [f"decision:{arabic.pk}"]
    assert found("Мухаммед") == [f"decision:{arabic.pk}"]
    assert found("Petrov convicted") == []  # the other words must still match
