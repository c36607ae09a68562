"""Forms of the coordinator's triage pages (inside the application).

No choice is made for the coordinator: a case or an agency picked by default would be a
guess, and a wrong guess sent on is worse than a question asked."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from palermo.portal.models.reports import LIMITS
from palermo.vocab import registry


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply to the reporter"), widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write the reply to the reporter.")},
        help_text=lazy(lambda: _("The reporter reads this when they come back with their "
                                 "reference and secret phrase. At most %(limit)s characters.")
                       % {"limit": f"{LIMITS['addition']:,}"}, str)())


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


def _choices(blank: Any, pairs: list[tuple[Any, str]]) -> list[tuple[Any, Any]]:
    return [("", blank), *pairs]


class LinkForm(VersionForm):
    case = forms.TypedChoiceField(
        label=_("Case"), coerce=int, choices=(),
        error_messages={"required": _("Choose the case to add the report to.")},
        help_text=_("The report, what the reporter added and their photos become the case's "
                    "notes and documents; the reporter's contact details stay here."))

    def __init__(self, *args: Any, cases: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.TypedChoiceField, self.fields["case"])
        field.choices = _choices(_("Choose a case"), cases)


class OpenCaseForm(VersionForm):
    title = forms.CharField(
        label=_("Title of the new case"), max_length=200,
        error_messages={"required": _("Give the new case a title.")},
        help_text=_("At most 200 characters. The report becomes the case's summary; what the "
                    "reporter added and their photos become its notes and documents."))


class ReferForm(VersionForm):
    agency = forms.TypedChoiceField(
        label=_("Agency"), coerce=int, choices=(),
        error_messages={"required": _("Choose the agency to refer the report to.")},
        help_text=_("Everyone in the agency is sent a message about the report."))
    role = forms.ChoiceField(
        label=_("Its role in the case"), choices=(),
        error_messages={"required": _("Choose the agency's role in the case.")})

    def __init__(self, *args: Any, agencies: list[tuple[int, str]], in_case: bool,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency = cast(forms.TypedChoiceField, self.fields["agency"])
        agency.choices = _choices(_("Choose an agency"), agencies)
        if in_case:
            role = cast(forms.ChoiceField, self.fields["role"])
            role.choices = _choices(_("Choose its role"), registry.get(
                "case_agency_roles").choices((get_language() or "en")[:2]))
        else:
            del self.fields["role"]  # without a case there is no role to take
