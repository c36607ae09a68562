"""Forms of the case pages. Choices come from the vocabularies in the user's language."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from palermo.access.services import agencies
from palermo.cases.models.coordination import Consent, TaskState
from palermo.vocab import registry


def vocab(name: str, blank: bool = False) -> Any:
    def choices() -> list[tuple[str, str]]:
        options = registry.get(name).choices(get_language() or "en")
        if name == "countries":
            options.sort(key=lambda pair: pair[1])
        return [("", "—"), *options] if blank else options

    return choices


def _multi(name: str, label: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, required=False, choices=vocab(name),
                                     widget=forms.CheckboxSelectMultiple)


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    sensitivity = forms.ChoiceField(label=_("Sensitivity"), choices=vocab("sensitivity_levels"))
    palermo_acts = _multi("palermo_acts", _("Acts"))
    palermo_means = _multi("palermo_means", _("Means"))
    palermo_purposes = _multi("palermo_purposes", _("Purposes of exploitation"))
    exploitation_types = _multi("exploitation_types", _("Forms of exploitation"))
    countries_origin = forms.MultipleChoiceField(label=_("Countries of origin"), required=False,
                                                 choices=vocab("countries"))
    countries_transit = forms.MultipleChoiceField(label=_("Transit countries"), required=False,
                                                  choices=vocab("countries"))
    countries_destination = forms.MultipleChoiceField(label=_("Destination countries"),
                                                      required=False, choices=vocab("countries"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def classification(self) -> dict[str, list[str]]:
        return {name: self.cleaned_data[name] for name in
                ("palermo_acts", "palermo_means", "palermo_purposes", "exploitation_types")}

    def countries(self) -> dict[str, list[str]]:
        return {role: self.cleaned_data[f"countries_{role}"]
                for role in ("origin", "transit", "destination")}


class AgencyJoinForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=agencies.listing())
    role = forms.ChoiceField(label=_("Role in the case"), choices=vocab("case_agency_roles"))


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=vocab("case_statuses"))
    reason = forms.ChoiceField(label=_("Reason for closing"), required=False,
                               choices=vocab("case_close_reasons", blank=True))
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class PersonForm(forms.Form):
    role = forms.ChoiceField(label=_("Role in the case"), choices=vocab("person_roles"))
    names = forms.CharField(
        label=_("Names"), widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One name a line, in any script: the first is shown; the others are "
                    "aliases and transliterations."))
    birth_date = forms.DateField(label=_("Birth date"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    estimated_age = forms.IntegerField(label=_("Estimated age (when the birth date is unknown)"),
                                       required=False, min_value=0, max_value=120)
    sex = forms.ChoiceField(label=_("Sex"), required=False, choices=[
        ("", _("unknown")), ("F", _("female")), ("M", _("male")), ("X", _("other"))])
    nationalities = forms.MultipleChoiceField(label=_("Nationalities"), required=False,
                                              choices=vocab("countries"))
    languages = forms.MultipleChoiceField(label=_("Languages spoken"), required=False,
                                          choices=vocab("languages"))
    contacts = forms.CharField(
        label=_("Contacts"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line: telephone, address, or how to reach the person safely."))
    document_number = forms.CharField(label=_("Passport or ID number"), required=False,
                                      max_length=64)
    document_country = forms.ChoiceField(label=_("Issued by"), required=False,
                                         choices=vocab("countries", blank=True))
    exploitation_started_on = forms.DateField(
        label=_("Exploitation began"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Decides whether a victim was a child at the time (under 18)."))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("document_number") and not data.get("document_country"):
            self.add_error("document_country", _("Say which country issued the document."))
        return data


class VictimContextForm(forms.Form):
    recruitment_method = forms.ChoiceField(label=_("Method of recruitment"), required=False,
                                           choices=vocab("recruitment_methods", blank=True))
    methods_of_control = _multi("methods_of_control", _("Methods of control"))
    relationship_to_trafficker = forms.ChoiceField(
        label=_("Relationship to the trafficker"), required=False,
        choices=vocab("trafficker_relationships", blank=True))
    exploitation_types = _multi("exploitation_types", _("Forms of exploitation"))
    industry = forms.ChoiceField(label=_("Industry"), required=False,
                                 choices=vocab("industries", blank=True))
    version = forms.IntegerField(widget=forms.HiddenInput)


class AssessmentForm(forms.Form):
    indicators = _multi("trafficking_indicators", _("Indicators present"))


class DecideStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trafficking status"), choices=vocab("trafficking_statuses"))
    reason = forms.CharField(label=_("Grounds"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))


class ReferralForm(forms.Form):
    to_agency = forms.ModelChoiceField(label=_("Refer to"), queryset=agencies.listing())
    reason = forms.ChoiceField(label=_("Reason"), choices=vocab("referral_reasons"))
    consent = forms.ChoiceField(label=_("Consent"), choices=Consent.choices,
                                widget=forms.RadioSelect)
    consent_override_reason = forms.CharField(
        label=_("Why refer without consent"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(label=_("Answer due by"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note to the receiving agency"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ReferralAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Reject")),
                                        ("done", _("Mark done")), ("withdraw", _("Withdraw"))])
    rejection_reason = forms.ChoiceField(label=_("Reason for rejecting"), required=False,
                                         choices=vocab("referral_rejection_reasons", blank=True))
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    agency = forms.ModelChoiceField(label=_("Owning agency"), queryset=agencies.listing())
    due_on = forms.DateField(label=_("Due on"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}))
    priority = forms.ChoiceField(label=_("Priority"), choices=vocab("task_priorities"),
                                 initial="normal")


class TaskStateForm(forms.Form):
    state = forms.ChoiceField(choices=TaskState.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), max_length=20_000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Why do you open this case?"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))
