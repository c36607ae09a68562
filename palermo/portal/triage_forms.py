"""Forms of the coordinator's triage pages (inside the application)."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.vocab import registry


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Reply to the reporter"), widget=forms.Textarea(
        attrs={"rows": 4}), help_text=_("The reporter reads this when they come back."))


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class LinkForm(VersionForm):
    case = forms.IntegerField(label=_("Case"), widget=forms.Select)


class OpenCaseForm(VersionForm):
    title = forms.CharField(label=_("Title of the new case"), max_length=200)


class ReferForm(VersionForm):
    agency = forms.IntegerField(label=_("Agency"), widget=forms.Select)
    role = forms.ChoiceField(label=_("Its role in the case"), choices=())

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        role = cast(forms.ChoiceField, self.fields["role"])
        role.choices = registry.get("case_agency_roles").choices(_language())


def _language() -> str:
    from django.utils.translation import get_language

    return (get_language() or "en")[:2]
