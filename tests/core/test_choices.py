"""Form choices from a vocabulary come in the language the form is shown in."""

from __future__ import annotations

from django.utils import translation

from palermo.core.choices import vocab


def test_choices_follow_the_language_and_countries_are_sorted_by_name() -> None:
    with translation.override("en"):
        english = dict(vocab("agency_kinds")())
        countries = vocab("countries", blank=True)()
    with translation.override("he"):
        hebrew = dict(vocab("agency_kinds")())
    assert english.keys() == hebrew.keys() and english["police"] != hebrew["police"]
    assert countries[0] == ("", "—")
    names = [name for _code, name in countries[1:]]
    assert names == sorted(names) and len(names) > 100
