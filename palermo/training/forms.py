from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.access.services import agencies
from palermo.core.choices import vocab
from palermo.training.services import evaluations
from palermo.web.widgets import SearchableCheckboxes


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


def _checkboxes(name: str, label: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, choices=vocab(name),
                                     widget=SearchableCheckboxes)


def _agency_choices() -> list[tuple[Any, str]]:
    return [("", "—"), *((a.pk, a.name) for a in agencies.listing().filter(active=True))]


class CourseForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    professions = _checkboxes("professions", _("Audience professions"))
    refresher_months = forms.IntegerField(
        label=_("Refresher after (months)"), initial=24, min_value=0, max_value=120,
        help_text=_("When trainees are due to attend again; 0 if never."))


class SessionForm(forms.Form):
    starts_on = forms.DateField(label=_("First day"), widget=_date())
    ends_on = forms.DateField(label=_("Last day"), required=False, widget=_date(),
                              help_text=_("Leave empty for a one-day session."))
    place = forms.CharField(label=_("Place"), max_length=200)
    trainers = forms.CharField(label=_("Trainers"), required=False, max_length=400)
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=2000)


class RegistrationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email"))
    profession = forms.ChoiceField(label=_("Profession"), choices=vocab("professions"))
    agency_id = forms.TypedChoiceField(label=_("Agency"), required=False, coerce=int,
                                       empty_value=None, choices=_agency_choices)
    organisation = forms.CharField(label=_("Organisation, when not an agency here"),
                                   required=False, max_length=200)


class EvaluationForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scale = [("", "—"), *((str(n), str(n)) for n in evaluations.SCALE)]
        for question in evaluations.questions():
            label = question.label()
            if question.extra.get("kind") == "scale":
                self.fields[question.code] = forms.ChoiceField(
                    label=label, required=False, choices=scale,
                    help_text=_("1 = not at all, 5 = very much"))
            else:
                self.fields[question.code] = forms.CharField(
                    label=label, required=False, max_length=evaluations.MAX_COMMENT,
                    widget=forms.Textarea(attrs={"rows": 2}))


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    audiences = _checkboxes("awareness_audiences", _("Audiences"))
    channels = _checkboxes("awareness_channels", _("Channels"))
    starts_on = forms.DateField(label=_("First day"), widget=_date())
    ends_on = forms.DateField(label=_("Last day"), required=False, widget=_date())


class ReachForm(forms.Form):
    channel = forms.ChoiceField(label=_("Channel"), choices=vocab("awareness_channels"))
    figure = forms.IntegerField(label=_("Reach"), min_value=0,
                                help_text=_("People reached, copies, visits or calls."))
    measured_on = forms.DateField(label=_("Measured on"), widget=_date())
    note = forms.CharField(label=_("Note"), required=False, max_length=200)


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), required=False,
                           help_text=_("PDF, Word, PowerPoint, PNG, JPEG or text; at most "
                                       "20 MB."))
    library_guide_id = forms.IntegerField(
        label=_("Or a guide of the knowledge library (its number)"), required=False,
        min_value=1)
    course_id = forms.TypedChoiceField(label=_("For the course"), required=False, coerce=int,
                                       empty_value=None)
    campaign_id = forms.TypedChoiceField(label=_("For the campaign"), required=False,
                                         coerce=int, empty_value=None)

    def __init__(self, *args: Any, courses: Any = (), campaigns: Any = (),
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        course_field = self.fields["course_id"]
        campaign_field = self.fields["campaign_id"]
        assert isinstance(course_field, forms.ChoiceField)
        assert isinstance(campaign_field, forms.ChoiceField)
        course_field.choices = [("", "—"), *((c.pk, c.title) for c in courses)]
        campaign_field.choices = [("", "—"), *((c.pk, c.title) for c in campaigns)]
