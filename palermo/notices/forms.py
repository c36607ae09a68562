from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.access.services import agencies
from palermo.cases.forms import vocab
from palermo.notices.models import Diffusion


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


class NoticeForm(forms.Form):
    colour = forms.ChoiceField(label=_("Type"), choices=vocab("notice_types"))
    subject_names = forms.CharField(label=_("Subject's names"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text=_("One name a line, in any script."))
    family_name = forms.CharField(label=_("Family name"), required=False, max_length=200)
    birth_date = forms.DateField(label=_("Birth date"), required=False, widget=_date())
    sex = forms.ChoiceField(label=_("Sex"), required=False, choices=[
        ("", _("unknown")), ("F", _("female")), ("M", _("male")), ("X", _("other"))])
    nationalities = forms.MultipleChoiceField(label=_("Nationalities"), required=False,
                                              choices=vocab("countries"))
    place_of_birth = forms.CharField(label=_("Place of birth"), required=False,
                                     max_length=200)
    country_of_birth = forms.ChoiceField(label=_("Country of birth"), required=False,
                                         choices=vocab("countries", blank=True))
    height_cm = forms.IntegerField(label=_("Height (cm)"), required=False, min_value=30,
                                   max_value=260)
    weight_kg = forms.IntegerField(label=_("Weight (kg)"), required=False, min_value=1,
                                   max_value=400)
    eye_colour = forms.CharField(label=_("Eye colour"), required=False, max_length=40)
    hair_colour = forms.CharField(label=_("Hair colour"), required=False, max_length=40)
    languages = forms.CharField(label=_("Languages spoken"), required=False,
                                help_text=_("Separated by commas."))
    identifying_marks = forms.CharField(label=_("Identifying marks"), required=False)
    case_reference = forms.CharField(label=_("Case"), required=False, max_length=32)
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea)
    legal_basis = forms.CharField(label=_("Legal basis"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    charges = forms.CharField(label=_("Charges"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    penalty_months = forms.IntegerField(label=_("Maximum penalty (months)"), required=False,
                                        min_value=0)
    requested_action = forms.CharField(label=_("Requested action"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 2}))
    handling_restrictions = forms.CharField(label=_("Handling restrictions"), required=False,
                                            widget=forms.Textarea(attrs={"rows": 2}))

    def clean_subject_names(self) -> list[str]:
        return _lines(self.cleaned_data["subject_names"])

    def clean_languages(self) -> list[str]:
        return [p.strip() for p in self.cleaned_data["languages"].split(",") if p.strip()]


class TripForm(forms.Form):
    to_country = forms.ChoiceField(label=_("To"), choices=vocab("countries", blank=True))
    from_country = forms.ChoiceField(label=_("From"), required=False,
                                     choices=vocab("countries", blank=True))
    departs_on = forms.DateField(label=_("Departs on"), required=False, widget=_date())
    returns_on = forms.DateField(label=_("Returns on"), required=False, widget=_date())
    carrier = forms.CharField(label=_("Flight or crossing"), required=False, max_length=100)
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


def _agency_choices() -> list[tuple[int, str]]:
    return [(a.pk, f"{a.name} ({a.country})") for a in agencies.listing().filter(active=True)]


class DiffusionForm(forms.Form):
    colour = forms.ChoiceField(label=_("Type"), choices=vocab("notice_types"))
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Diffusion.Purpose.choices)
    subject_names = forms.CharField(label=_("Subject's names"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text=_("One name a line, in any script."))
    birth_date = forms.DateField(label=_("Birth date"), required=False, widget=_date())
    body = forms.CharField(label=_("Message"), widget=forms.Textarea)
    requested_action = forms.CharField(label=_("Requested action"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 2}))
    legal_basis = forms.CharField(label=_("Legal basis"), required=False)
    agency_ids = forms.TypedMultipleChoiceField(label=_("Agencies"), required=False,
                                                coerce=int, choices=_agency_choices,
                                                widget=forms.CheckboxSelectMultiple)
    countries = forms.MultipleChoiceField(
        label=_("Partner countries"), required=False, choices=vocab("countries"),
        help_text=_("Every agency there that receives notices."))
    kinds = forms.MultipleChoiceField(label=_("Kinds of agency"), required=False,
                                      choices=vocab("agency_kinds"),
                                      widget=forms.CheckboxSelectMultiple)

    def clean_subject_names(self) -> list[str]:
        return _lines(self.cleaned_data["subject_names"])


class ImportForm(forms.Form):
    file = forms.FileField(label=_("INTERPOL notices file (JSON)"))
    colour = forms.ChoiceField(label=_("Type, when the file does not say"), required=False,
                               choices=vocab("notice_types", blank=True))
    skip_bad = forms.BooleanField(label=_("Import the good records and skip malformed ones"),
                                  required=False)
