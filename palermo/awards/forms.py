from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.awards.models import Invitee
from palermo.awards.services.nominations import MAX_TEXT


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the service checks each by its content."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class CycleForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=200)
    call_text = forms.CharField(label=_("Call for nominations"), required=False,
                                widget=forms.Textarea(attrs={"rows": 4}),
                                help_text=_("Who may be nominated and for what."))
    closes_on = forms.DateField(label=_("Nominations close on"), widget=_date())
    ceremony_on = forms.DateField(label=_("Ceremony on"), required=False, widget=_date())
    ceremony_place = forms.CharField(label=_("Ceremony place"), required=False, max_length=200)


class NominationForm(forms.Form):
    nominee_name = forms.CharField(label=_("Nominee's name"), max_length=200,
                                   help_text=_("A person or an organisation."))
    nominee_organisation = forms.CharField(label=_("Nominee's organisation"), required=False,
                                           max_length=200)
    nominee_email = forms.EmailField(label=_("Nominee's email"), required=False)
    achievements = forms.CharField(label=_("Why they deserve the award"),
                                   max_length=MAX_TEXT,
                                   widget=forms.Textarea(attrs={"rows": 8}))
    attachments = MultipleFileField(
        label=_("Attachments"), required=False,
        help_text=_("Letters of support, articles, reports: PDF, Word, PowerPoint, PNG, JPEG "
                    "or text, at most 5 files of 20 MB."))
    confirm_duplicate = forms.BooleanField(
        label=_("Nominate anyway: this is a further nomination of the same nominee"),
        required=False)

    def __init__(self, *args: Any, warned: bool = False, **kwargs: Any) -> None:
        """The confirmation is offered only once the nominee is found nominated already."""
        super().__init__(*args, **kwargs)
        if not warned and not self.data.get("confirm_duplicate"):
            del self.fields["confirm_duplicate"]


class JurorForm(forms.Form):
    user = forms.TypedChoiceField(label=_("Juror"), coerce=int)
    chair = forms.BooleanField(label=_("Chair of the jury"), required=False)

    def __init__(self, *args: Any, candidates: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(u.pk, f"{u.full_name} ({u.agency.name})") for u in candidates]


class ProgrammeForm(forms.Form):
    starts_at = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    title = forms.CharField(label=_("Item"), max_length=200)
    speaker = forms.CharField(label=_("Speaker"), required=False, max_length=200)


class InviteeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"), required=False)
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=200)


RSVP_CHOICES = Invitee.Rsvp.choices
