"""The pickers: a filter only over a list too long to read at a glance, each choice's name
isolated, and a list to choose one from that offers an empty choice only where the answer
may be left out, and names it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.template import Context, Template
from django.utils import translation

from palermo.web.widgets import SHORT_LIST, SearchableCheckboxes, SearchableRadios

MANY = [(f"C{n:02d}", f"Country {n}") for n in range(SHORT_LIST + 1)]


class Picks(forms.Form):
    few = forms.MultipleChoiceField(label="Few", required=False, widget=SearchableCheckboxes,
                                    choices=MANY[:SHORT_LIST])
    many = forms.MultipleChoiceField(label="Many", required=False, widget=SearchableCheckboxes,
                                     choices=MANY)
    nobody = forms.MultipleChoiceField(label="Nobody", required=False,
                                       widget=SearchableCheckboxes, choices=[])
    to = forms.ChoiceField(label="To", widget=SearchableRadios, choices=[("", "—"), *MANY])
    since = forms.ChoiceField(label="From", required=False, widget=SearchableRadios,
                              choices=[("", "—"), *MANY])


def field(form: forms.Form, name: str) -> str:
    with translation.override("en"):
        return Template("{% load palermo %}{% field f %}").render(Context({"f": form[name]}))


def test_a_filter_only_over_a_long_list() -> None:
    assert "picker-filter" not in field(Picks(), "few")
    assert 'class="picker-filter"' in field(Picks(), "many")


def test_each_name_is_isolated_and_the_chosen_are_named() -> None:
    html = field(Picks(data={"many": ["C01", "C03"]}), "many")
    assert "<bdi>Country 1</bdi></label>" in html
    assert "Chosen: <bdi>Country 1</bdi>, <bdi>Country 3</bdi>" in html


def test_an_empty_list_says_so() -> None:
    html = field(Picks(), "nobody")
    assert "Nothing to choose from." in html and "picker-options" not in html


def test_one_to_choose_from_is_a_group_of_radios() -> None:
    required = field(Picks(), "to")
    assert "<legend>To" in required and "<select" not in required
    assert required.count('type="radio"') == len(MANY)  # no empty choice to trip over
    optional = field(Picks(), "since")
    assert optional.count('type="radio"') == len(MANY) + 1
    assert 'value=""' in optional and "<bdi>Not given</bdi>" in optional
    chosen: Any = Picks(data={"to": "C02", "since": ""})
    assert chosen.is_valid(), chosen.errors
    assert (chosen.cleaned_data["to"], chosen.cleaned_data["since"]) == ("C02", "")
    assert "Chosen: <bdi>Country 2</bdi>" in field(chosen, "to")
    assert "None chosen." in field(chosen, "since")
