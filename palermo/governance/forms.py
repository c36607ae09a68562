from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.access.services import agencies
from palermo.access.services import users as user_services
from palermo.core.choices import vocab
from palermo.governance.models import ActionStatus, Bill, Position


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


def _datetime() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _agency_choices() -> list[tuple[Any, str]]:
    return [("", "—"), *((a.pk, a.name) for a in agencies.listing().filter(active=True))]


def _user_choices() -> list[tuple[Any, str]]:
    active = user_services.listing(include_disabled=False).select_related("agency")
    return [("", "—"), *((u.pk, f"{u.full_name} ({u.agency.name})") for u in active)]


class OwnerField(forms.TypedChoiceField):
    """A user who owns an action item; the service checks they work at the owning agency."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(coerce=lambda pk: user_services.listing().get(pk=pk),
                         empty_value=None, choices=_user_choices, required=False, **kwargs)


class AgencyField(forms.TypedChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(coerce=lambda pk: agencies.listing().get(pk=pk), empty_value=None,
                         choices=_agency_choices, **kwargs)


class CommitteeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=vocab("committee_kinds"))
    chair_agency = AgencyField(label=_("Chaired by"), required=False)
    mandate = forms.CharField(label=_("Mandate"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))


class MemberForm(forms.Form):
    agency = AgencyField(label=_("Agency"))
    representative = forms.CharField(label=_("Representative"), required=False,
                                     max_length=200)
    role = forms.CharField(label=_("Role in the committee"), required=False, max_length=100)


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=_datetime())
    ends_at = forms.DateTimeField(label=_("Ends at"), required=False, widget=_datetime())
    location = forms.CharField(label=_("Location"), required=False, max_length=200)
    agenda = forms.CharField(label=_("Agenda"), required=False,
                             widget=forms.Textarea(attrs={"rows": 5}),
                             help_text=_("One item a line."))


class AttendeeForm(forms.Form):
    name = forms.CharField(label=_("Attendee's name"), max_length=200)
    agency = AgencyField(label=_("Attendee's agency"), required=False)
    affiliation = forms.CharField(label=_("Or organisation, for a guest"), required=False,
                                  max_length=200)


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File"))


class MinutesForm(forms.Form):
    text = forms.CharField(label=_("Minutes"), required=False,
                           widget=forms.Textarea(attrs={"rows": 12}))


class CorrectionForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the correction"),
                             widget=forms.Textarea(attrs={"rows": 2}))


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}))
    item_title = forms.CharField(label=_("Action item"), required=False, max_length=300,
                                 help_text=_("What must be done; leave empty for a decision "
                                             "without an action item."))
    item_agency = AgencyField(label=_("Owning agency"), required=False)
    item_owner = OwnerField(label=_("Owner"), help_text=_("Someone at the owning agency."))
    item_deadline = forms.DateField(label=_("Deadline"), required=False, widget=_date())
    item_plan_action = forms.TypedChoiceField(label=_("Action plan action"), required=False,
                                              coerce=int, empty_value=None, choices=[])


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    note = forms.CharField(label=_("Progress note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class PlanItemForm(forms.Form):
    action = forms.TypedChoiceField(label=_("Under the action"), coerce=int, choices=[])
    title = forms.CharField(label=_("Action item"), max_length=300)
    owner_agency = AgencyField(label=_("Owning agency"))
    owner = OwnerField(label=_("Owner"), help_text=_("Someone at the owning agency."))
    deadline = forms.DateField(label=_("Deadline"), widget=_date())


class TitleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class PlanActionForm(TitleForm):
    goal = forms.TypedChoiceField(label=_("Under the goal"), coerce=int, choices=[])


class BillForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Bill.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    number = forms.CharField(label=_("Number"), required=False, max_length=64)
    sponsor = forms.CharField(label=_("Sponsor"), required=False, max_length=200)
    summary = forms.CharField(label=_("Summary"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=vocab("legislation_stages"))
    on = forms.DateField(label=_("On"), required=False, widget=_date())


class PositionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Position.Kind.choices)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 5}))
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=_date())
    forum = forms.CharField(label=_("Committee or plenary"), max_length=200)
    attended_by = forms.CharField(label=_("Attended for the office"), required=False,
                                  max_length=300)
    statement = forms.CharField(label=_("What was said"), required=False,
                                widget=forms.Textarea(attrs={"rows": 3}))


class LinksForm(forms.Form):
    decision_ids = forms.CharField(label=_("Judicial decisions (library ids)"), required=False,
                                   help_text=_("Separated by commas."))
    opinion_ids = forms.CharField(label=_("Expert opinions (library ids)"), required=False,
                                  help_text=_("Separated by commas."))

    def _ids(self, name: str) -> list[int]:
        parts = [p.strip() for p in self.cleaned_data[name].split(",") if p.strip()]
        bad = [p for p in parts if not p.isdigit()]
        if bad:
            raise forms.ValidationError(_("“%(value)s” is not a number."),
                                        params={"value": bad[0]})
        return [int(p) for p in parts]

    def clean_decision_ids(self) -> list[int]:
        return self._ids("decision_ids")

    def clean_opinion_ids(self) -> list[int]:
        return self._ids("opinion_ids")
