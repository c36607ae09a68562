"""A box where text is pasted says how much it takes before anyone types, in the reader's
language, and the limit is read out with the box."""

from __future__ import annotations

from django import forms
from django.template import Context, Template
from django.utils import translation


class NoteForm(forms.Form):
    note = forms.CharField(label="Note", max_length=2000, widget=forms.Textarea)
    summary = forms.CharField(label="Summary", max_length=500, widget=forms.Textarea,
                              help_text="What happened, in a few lines.")
    title = forms.CharField(label="Title", max_length=200)
    free = forms.CharField(label="Free text", widget=forms.Textarea)


def _render(name: str) -> str:
    template = Template("{% load palermo %}{% field form." + name + " %}")
    return template.render(Context({"form": NoteForm()}))


def test_a_textarea_states_its_limit_and_is_described_by_it() -> None:
    html = _render("note")
    assert '<p class="help" id="id_note_helptext">At most 2,000 characters.</p>' in html
    assert 'aria-describedby="id_note_helptext"' in html


def test_the_limit_follows_the_fields_own_help() -> None:
    html = _render("summary")
    assert "What happened, in a few lines. At most 500 characters." in html


def test_a_one_line_field_or_a_box_without_limit_says_nothing_more() -> None:
    assert 'class="help"' not in _render("title")
    assert 'class="help"' not in _render("free")


def test_the_limit_in_hebrew() -> None:
    with translation.override("he"):
        html = _render("note")
    assert "עד 2,000 תווים." in html
