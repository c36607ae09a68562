from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.access.services import agencies
from palermo.core.choices import vocab
from palermo.directory.models import Agreement
from palermo.web.widgets import SearchableCheckboxes, SearchableRadios


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"})


def _agency_choices() -> list[tuple[Any, str]]:
    return [("", "—"), *((a.pk, a.name) for a in agencies.listing().filter(active=True))]


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), required=False, max_length=32)
    kind = forms.ChoiceField(label=_("Kind"), choices=vocab("organisation_kinds"))
    country = forms.ChoiceField(label=_("Country"), required=False,
                                choices=vocab("countries", blank=True),
                                widget=SearchableRadios)
    mandate = forms.CharField(label=_("Mandate"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    services = forms.MultipleChoiceField(label=_("Services offered"), required=False,
                                         choices=vocab("partner_services"),
                                         widget=SearchableCheckboxes)
    exploitation_types = forms.MultipleChoiceField(
        label=_("Forms of exploitation"), required=False, choices=vocab("exploitation_types"),
        widget=SearchableCheckboxes)
    website = forms.CharField(label=_("Website"), required=False, max_length=200)
    email = forms.CharField(label=_("Email"), required=False, max_length=254)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    address = forms.CharField(label=_("Address"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    agency_id = forms.TypedChoiceField(
        label=_("Agency on the platform"), required=False, coerce=int, empty_value=None,
        choices=_agency_choices,
        help_text=_("When the organisation uses Palermo: its referrals, messages and meetings "
                    "are shown on its page."))
    exchange_key_ids = forms.CharField(
        label=_("Exchange key ids"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Key ids from the exchange's trust store, one a line."))
    notes = forms.CharField(label=_("Notes"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def clean_exchange_key_ids(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["exchange_key_ids"].splitlines()
                if line.strip()]


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.CharField(label=_("Role"), required=False, max_length=200)
    email = forms.CharField(label=_("Email"), required=False, max_length=254)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    languages = forms.CharField(label=_("Languages"), required=False, max_length=100)
    notes = forms.CharField(label=_("Notes"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))


class AgreementForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Agreement.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    signed_on = forms.DateField(label=_("Signed on"), required=False, widget=_date())
    starts_on = forms.DateField(label=_("In force from"), required=False, widget=_date())
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=_date())
    reference = forms.CharField(label=_("Reference"), required=False, max_length=100)
    renewal_note = forms.CharField(label=_("Renewal"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}),
                                   help_text=_("How it is renewed and who does it."))
