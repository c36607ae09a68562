"""Forms of the case pages. Choices come from the vocabularies in the user's language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from palermo.access.services import agencies
from palermo.cases.models.coordination import Consent, TaskState
from palermo.cases.services.codes import TITLE
from palermo.cases.services.persons import MAX_NAME
from palermo.core.choices import vocab
from palermo.web.limits import NOTE, TEXT
from palermo.web.widgets import SearchableCheckboxes


def _up_to(limit: int, more: Any = "") -> Any:
    """The limit of a text field, said before the user types."""
    def text() -> str:
        said = gettext("Up to %(n)s characters.") % {"n": f"{limit:,}"}
        return f"{more} {said}" if more else said

    return lazy(text, str)()


def _text(label: Any, limit: int, rows: int = 2, required: bool = False,
          help_text: Any = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=limit,
                           help_text=_up_to(limit, help_text),
                           widget=forms.Textarea(attrs={"rows": rows}))


def _not_past(form: forms.Form, name: str) -> None:
    day = form.cleaned_data.get(name)
    if day and day < timezone.localdate():
        form.add_error(name, _("The date must be today or later."))


def _not_future(form: forms.Form, name: str) -> None:
    day: dt.date | None = form.cleaned_data.get(name)
    if day and day > timezone.localdate():
        form.add_error(name, _("The date cannot be in the future."))


def _multi(name: str, label: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, required=False, choices=vocab(name),
                                     widget=SearchableCheckboxes)


class CaseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE, help_text=_up_to(TITLE))
    summary = _text(_("Summary"), TEXT, rows=4)
    sensitivity = forms.ChoiceField(label=_("Sensitivity"), choices=vocab("sensitivity_levels"))
    palermo_acts = _multi("palermo_acts", _("Acts"))
    palermo_means = _multi("palermo_means", _("Means"))
    palermo_purposes = _multi("palermo_purposes", _("Purposes of exploitation"))
    exploitation_types = _multi("exploitation_types", _("Forms of exploitation"))
    countries_origin = forms.MultipleChoiceField(label=_("Countries of origin"), required=False,
                                                 choices=vocab("countries"),
                                                 widget=SearchableCheckboxes)
    countries_transit = forms.MultipleChoiceField(label=_("Transit countries"), required=False,
                                                  choices=vocab("countries"),
                                                  widget=SearchableCheckboxes)
    countries_destination = forms.MultipleChoiceField(label=_("Destination countries"),
                                                      required=False, choices=vocab("countries"),
                                                      widget=SearchableCheckboxes)
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
    note = _text(_("Note"), NOTE)
    version = forms.IntegerField(widget=forms.HiddenInput)


class PersonForm(forms.Form):
    role = forms.ChoiceField(label=_("Role in the case"), choices=vocab("person_roles"))
    names = forms.CharField(
        label=_("Names"), widget=forms.Textarea(attrs={"rows": 2}),
        help_text=lazy(lambda: gettext(
            "One name a line, in any script: the first is shown; the others are aliases and "
            "transliterations. Up to %(n)s characters a name.") % {"n": MAX_NAME}, str)())
    birth_date = forms.DateField(label=_("Birth date"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    estimated_age = forms.IntegerField(label=_("Estimated age (when the birth date is unknown)"),
                                       required=False, min_value=0, max_value=120)
    sex = forms.ChoiceField(label=_("Sex"), required=False, choices=[
        ("", _("unknown")), ("F", _("female")), ("M", _("male")), ("X", _("other"))])
    nationalities = forms.MultipleChoiceField(label=_("Nationalities"), required=False,
                                              choices=vocab("countries"),
                                              widget=SearchableCheckboxes)
    languages = forms.MultipleChoiceField(label=_("Languages spoken"), required=False,
                                          choices=vocab("languages"),
                                          widget=SearchableCheckboxes)
    contacts = forms.CharField(
        label=_("Contacts"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=lazy(lambda: gettext(
            "One a line: telephone, address, or how to reach the person safely. Up to %(n)s "
            "characters a line.") % {"n": MAX_NAME}, str)())
    document_number = forms.CharField(label=_("Passport or ID number"), required=False,
                                      max_length=64,
                                      widget=forms.TextInput(attrs={"dir": "ltr"}))
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
        for name, message in (("names", _("Line %(line)d has %(length)d characters; a name "
                                          "has at most %(n)d.")),
                              ("contacts", _("Line %(line)d has %(length)d characters; a "
                                             "contact line has at most %(n)d."))):
            for number, line in enumerate((data.get(name) or "").splitlines(), start=1):
                if len(line.strip()) > MAX_NAME:
                    self.add_error(name, message % {"line": number, "length": len(line.strip()),
                                                    "n": MAX_NAME})
        _not_future(self, "birth_date")
        _not_future(self, "exploitation_started_on")
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
    indicators = forms.MultipleChoiceField(
        label=_("Indicators present"), choices=vocab("trafficking_indicators"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _(
            "Tick at least one indicator that is present. An assessment with none ticked is "
            "not kept: if no indicator is present, decide the status instead.")})


class DecideStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trafficking status"), choices=vocab("trafficking_statuses"))
    reason = _text(_("Grounds"), NOTE, rows=3, help_text=_(
        "What the decision rests on; it is kept in the case's timeline with your name."))


class ReferralForm(forms.Form):
    to_agency = forms.ModelChoiceField(
        label=_("Refer to"), queryset=agencies.listing(),
        error_messages={"required": _("Choose the agency to refer the person to.")})
    reason = forms.ChoiceField(label=_("Reason"), choices=vocab("referral_reasons"))
    consent = forms.ChoiceField(
        label=_("Consent"), choices=Consent.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Record whether the person consented to the referral.")})
    consent_override_reason = _text(
        _("Why refer without consent"), NOTE,
        help_text=_("Needed only when referring without consent; it is kept in the audit log."))
    due_on = forms.DateField(label=_("Answer due by"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}),
                             help_text=_("Today or later; leave empty for no deadline."))
    note = _text(_("Note to the receiving agency"), NOTE, rows=3)

    def __init__(self, *args: Any, own_agency_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.own_agency_id = own_agency_id

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        agency = data.get("to_agency")
        if agency is not None and agency.pk == self.own_agency_id:
            self.add_error("to_agency", _("Refer to another agency, not your own."))
        if data.get("consent") == Consent.OVERRIDDEN and \
                not data.get("consent_override_reason", "").strip():
            self.add_error("consent_override_reason",
                           _("Referring without consent needs a justification."))
        _not_past(self, "due_on")
        return data


class ReferralAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=[("accept", _("Accept")), ("reject", _("Reject")),
                                        ("done", _("Mark done")), ("withdraw", _("Withdraw"))])
    rejection_reason = forms.ChoiceField(label=_("Reason for rejecting"), required=False,
                                         choices=vocab("referral_rejection_reasons", blank=True))
    note = _text(_("Note to the sending agency"), NOTE)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("answer") == "reject" and not data.get("rejection_reason"):
            self.add_error("rejection_reason", _(
                "Choose a reason for rejecting: the sending agency reads it to decide where "
                "to refer the person instead."))
        return data


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=TITLE, help_text=_up_to(TITLE))
    agency = forms.ModelChoiceField(label=_("Owning agency"), queryset=agencies.listing())
    due_on = forms.DateField(label=_("Due on"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}),
                             help_text=_("Today or later; leave empty for no deadline."))
    priority = forms.ChoiceField(label=_("Priority"), choices=vocab("task_priorities"),
                                 initial="normal")

    def __init__(self, *args: Any, agency_ids: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if agency_ids is not None:
            # Only an agency taking part in the case owns one of its tasks.
            agency = self.fields["agency"]
            assert isinstance(agency, forms.ModelChoiceField)
            agency.queryset = agencies.listing().filter(pk__in=agency_ids)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _not_past(self, "due_on")
        return data


class TaskStateForm(forms.Form):
    state = forms.ChoiceField(choices=TaskState.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(forms.Form):
    text = _text(_("Note"), NOTE, rows=3, required=True)


class ReasonForm(forms.Form):
    reason = _text(_("Why do you open this case?"), 500, required=True)
