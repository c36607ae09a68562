from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from palermo.access.services import agencies
from palermo.core.choices import vocab
from palermo.notices.models import Diffusion
from palermo.vocab import registry
from palermo.web.limits import NOTE, TEXT
from palermo.web.widgets import SearchableCheckboxes, SearchableRadios

MAX_ALERT_NOTE = 2000  # as screening's alerts


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
                                              choices=vocab("countries"),
                                              widget=SearchableCheckboxes)
    place_of_birth = forms.CharField(label=_("Place of birth"), required=False,
                                     max_length=200)
    country_of_birth = forms.ChoiceField(label=_("Country of birth"), required=False,
                                         choices=vocab("countries", blank=True),
                                         widget=SearchableRadios)
    height_cm = forms.IntegerField(label=_("Height (cm)"), required=False, min_value=30,
                                   max_value=260)
    weight_kg = forms.IntegerField(label=_("Weight (kg)"), required=False, min_value=1,
                                   max_value=400)
    eye_colour = forms.CharField(label=_("Eye colour"), required=False, max_length=40)
    hair_colour = forms.CharField(label=_("Hair colour"), required=False, max_length=40)
    languages = forms.CharField(label=_("Languages spoken"), required=False,
                                help_text=_("Separated by commas."))
    identifying_marks = forms.CharField(label=_("Identifying marks"), required=False,
                                        max_length=NOTE)
    case_reference = forms.CharField(label=_("Case"), required=False, max_length=32)
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea,
                              max_length=TEXT)
    legal_basis = forms.CharField(label=_("Legal basis"), required=False, max_length=NOTE,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    charges = forms.CharField(label=_("Charges"), required=False, max_length=NOTE,
                              widget=forms.Textarea(attrs={"rows": 2}))
    penalty_months = forms.IntegerField(label=_("Maximum penalty (months)"), required=False,
                                        min_value=0)
    requested_action = forms.CharField(label=_("Requested action"), required=False,
                                       max_length=NOTE,
                                       widget=forms.Textarea(attrs={"rows": 2}))
    handling_restrictions = forms.CharField(label=_("Handling restrictions"), required=False,
                                            max_length=NOTE,
                                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        least = registry.get("notice_types").get("red").extra["min_penalty_months"]
        self.fields["penalty_months"].help_text = gettext(
            "The longest sentence the offence charged carries, in months. A red notice needs "
            "at least %(n)d.") % {"n": least}

    def clean_subject_names(self) -> list[str]:
        return _lines(self.cleaned_data["subject_names"])

    def clean_languages(self) -> list[str]:
        return [p.strip() for p in self.cleaned_data["languages"].split(",") if p.strip()]


class ReviewForm(forms.Form):
    """One box a rule of notice_review_checks.yaml, and the notes the author reads."""

    notes = forms.CharField(
        label=_("Notes to the author"), required=False, max_length=NOTE,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when a rule is not met: say what the author must change. The "
                    "author reads these notes."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        checks = {f"check_{t.code}": forms.BooleanField(label=t.label(language), required=False)
                  for t in registry.get("notice_review_checks")}
        self.fields = {**checks, "notes": self.fields["notes"]}

    def rule_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("check_")]

    def checks(self) -> dict[str, bool]:
        return {t.code: bool(self.cleaned_data.get(f"check_{t.code}"))
                for t in registry.get("notice_review_checks")}


class TripForm(forms.Form):
    to_country = forms.ChoiceField(label=_("To"), choices=vocab("countries", blank=True),
                                   widget=SearchableRadios)
    from_country = forms.ChoiceField(label=_("From"), required=False,
                                     choices=vocab("countries", blank=True),
                                     widget=SearchableRadios)
    departs_on = forms.DateField(label=_("Departs on"), required=False, widget=_date())
    returns_on = forms.DateField(label=_("Returns on"), required=False, widget=_date())
    carrier = forms.CharField(label=_("Flight or crossing"), required=False, max_length=100)
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class AlertCloseForm(forms.Form):
    """Closing a travel alert, with the outcomes screening's alerts close with."""

    outcome = forms.ChoiceField(label=_("Outcome"), choices=vocab("alert_outcomes", blank=True),
                                error_messages={"required": _("Choose how the alert ended.")})
    note = forms.CharField(label=_("Note"), required=False, max_length=MAX_ALERT_NOTE,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        needing = [f"“{t.label(language)}”" for t in registry.get("alert_outcomes")
                   if t.extra.get("needs_note")]
        self.fields["note"].help_text = gettext(
            "What was done, and by whom; at most %(n)d characters. Needed for %(outcomes)s.") \
            % {"n": MAX_ALERT_NOTE, "outcomes": ", ".join(needing)}


def _agency_choices() -> list[tuple[int, str]]:
    return [(a.pk, f"{a.name} ({a.country})") for a in agencies.listing().filter(active=True)]


class DiffusionForm(forms.Form):
    colour = forms.ChoiceField(label=_("Type"), choices=vocab("notice_types"))
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Diffusion.Purpose.choices)
    subject_names = forms.CharField(label=_("Subject's names"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}),
                                    help_text=_("One name a line, in any script."))
    birth_date = forms.DateField(label=_("Birth date"), required=False, widget=_date())
    body = forms.CharField(label=_("Message"), widget=forms.Textarea, max_length=TEXT)
    requested_action = forms.CharField(label=_("Requested action"), required=False,
                                       max_length=NOTE,
                                       widget=forms.Textarea(attrs={"rows": 2}))
    legal_basis = forms.CharField(label=_("Legal basis"), required=False, max_length=NOTE)
    agency_ids = forms.TypedMultipleChoiceField(label=_("Agencies"), required=False,
                                                coerce=int, choices=_agency_choices,
                                                widget=SearchableCheckboxes)
    countries = forms.MultipleChoiceField(
        label=_("Partner countries"), required=False, choices=vocab("countries"),
        widget=SearchableCheckboxes,
        help_text=_("Every agency there that receives notices."))
    kinds = forms.MultipleChoiceField(label=_("Kinds of agency"), required=False,
                                      choices=vocab("agency_kinds"),
                                      widget=SearchableCheckboxes)

    def clean_subject_names(self) -> list[str]:
        return _lines(self.cleaned_data["subject_names"])


class ImportForm(forms.Form):
    file = forms.FileField(label=_("INTERPOL notices file (JSON)"))
    colour = forms.ChoiceField(label=_("Type, when the file does not say"), required=False,
                               choices=vocab("notice_types", blank=True))
    skip_bad = forms.BooleanField(label=_("Import the good records and skip malformed ones"),
                                  required=False)
