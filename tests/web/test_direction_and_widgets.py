"""Shared rendering: text people type keeps its own direction on a page of the other (the
``bidi`` filter and inputs that follow their text), a single checkbox beside its label, and
the country list as checkboxes under a filter field."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from palermo.web.widgets import SearchableCheckboxes
from tests.conftest import sign_in


def render(text: str, **context: Any) -> str:
    with translation.override("en"):
        return Template("{% load palermo %}" + text).render(Context(context))


def test_bidi_isolates_and_escapes() -> None:
    assert render("{{ t|bidi }}", t="Farm workers held.") == "<bdi>Farm workers held.</bdi>"
    assert render("{{ t|bidi }}", t="<b>x</b>") == "<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>"
    assert render("{{ t|linebreaksbr|bidi }}", t="one\ntwo") == "<bdi>one<br>two</bdi>"
    assert render('{{ t|default:"—"|bidi }}', t="") == "<bdi>—</bdi>"
    assert render("{{ t|bidi }}", t=None) == ""


class Sample(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    summary = forms.CharField(label="Summary", widget=forms.Textarea)
    opened_on = forms.DateField(label="Opened", widget=forms.DateInput(attrs={"type": "date"}))
    sealed = forms.BooleanField(label="Seal to the recipient", required=False,
                                help_text="Only one partner.")
    countries = forms.MultipleChoiceField(
        label="Countries", required=False, widget=SearchableCheckboxes,
        choices=[("FRA", "France"), ("IDN", "Indonesia"), ("THA", "Thailand")])


def field(form: forms.Form, name: str) -> str:
    return render("{% field f %}", f=form[name])


def test_typed_inputs_follow_their_text() -> None:
    form = Sample()
    assert 'dir="auto"' in field(form, "title")
    assert 'dir="auto"' in field(form, "summary")
    assert 'dir="auto"' not in field(form, "opened_on")


def test_a_single_checkbox_sits_before_its_label() -> None:
    html = field(Sample(), "sealed")
    line = html.split('<div class="check-line">')[1].split("</div>")[0]
    assert line.index('type="checkbox"') < line.index('<label for="id_sealed">')
    assert "Seal to the recipient</label>" in line
    assert "field-checkbox" in html


def test_country_list_is_checkboxes_with_what_is_chosen() -> None:
    html = field(Sample(data={"countries": ["THA", "IDN"]}), "countries")
    assert html.count('type="checkbox"') == 3
    assert "<legend>Countries</legend>" in html
    assert "Chosen: <bdi>Indonesia</bdi>, <bdi>Thailand</bdi>" in html
    assert "picker-filter" not in html  # three choices are read at a glance
    assert "/static/palermo/picker.js" in html
    assert "None chosen." in field(Sample(), "countries")


@pytest.mark.django_db
def test_case_form_offers_every_country_as_a_checkbox(client: Any, user_with: Any) -> None:
    sign_in(client, user_with("investigator"))
    page = client.get("/cases/new/").content.decode()
    origin = page.split('id="id_countries_origin"')[1].split("</fieldset>")[0]
    assert origin.count('type="checkbox"') > 200
    assert "<select" not in origin


@pytest.mark.django_db
def test_hebrew_page_isolates_an_english_name(client: Any, user_with: Any) -> None:
    from palermo.directory.services import organisations

    user = user_with("coordinator", language="he")
    made = organisations.create(actor=user, name="Farm workers' union.", kind="ngo")
    sign_in(client, user)
    client.cookies["django_language"] = "he"
    page = client.get(f"/directory/{made.pk}/", HTTP_ACCEPT_LANGUAGE="he").content.decode()
    assert 'dir="rtl"' in page
    assert "<h1><bdi>Farm workers&#x27; union.</bdi></h1>" in page
