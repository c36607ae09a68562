from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.core.choices import vocab
from palermo.web.widgets import SearchableCheckboxes


class ExportForm(forms.Form):
    partner_ids = forms.TypedMultipleChoiceField(
        label=_("Send to"), coerce=int, widget=SearchableCheckboxes,
        help_text=_("Partners in the trust store."))
    handling_code = forms.ChoiceField(label=_("Handling code"), choices=vocab("handling_codes"))
    restriction = forms.CharField(label=_("Restrictions (required with H3)"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    requested_action = forms.CharField(label=_("Requested action"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 2}))
    person_ids = forms.TypedMultipleChoiceField(
        label=_("Persons to include"), coerce=int, required=False,
        widget=SearchableCheckboxes)
    identities = forms.BooleanField(
        label=_("Include victims' names, birth dates and documents"), required=False,
        help_text=_("Without this, victims leave as “identity withheld” with their role and "
                    "the context of their exploitation only."))
    documents = forms.BooleanField(label=_("Include identity documents and contacts"),
                                   required=False, initial=True)
    sealed = forms.BooleanField(
        label=_("Seal to the recipient"), required=False,
        help_text=_("Encrypt the message to the partner's sealing key, so that only it can "
                    "read it (one partner)."))

    def __init__(self, *args: Any, partners: list[tuple[int, str]],
                 persons: list[tuple[int, str]], may_share_identity: bool,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["partner_ids"]).choices = partners
        cast(forms.ChoiceField, self.fields["person_ids"]).choices = persons
        self.fields["person_ids"].initial = [pk for pk, _label in persons]
        if not may_share_identity:
            del self.fields["identities"]


class PartnerForm(forms.Form):
    agency = forms.CharField(label=_("Agency"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=vocab("countries", blank=True))
    public_key = forms.CharField(label=_("Public key (base64)"), max_length=64)
    sealing_key = forms.CharField(label=_("Sealing key (base64)"), max_length=64,
                                  required=False)
    endpoint = forms.URLField(label=_("Inbox address"), required=False, assume_scheme="https",
                              help_text=_("https://…/api/v1/exchange/inbox; leave empty to "
                                          "exchange by file only."))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Case-report file (.json)"))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Why do you open this case report?"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))


class HtcdsImportForm(forms.Form):
    file = forms.FileField(label=_("HTCDS 2.0 file (.csv)"), help_text=_(
        "Saved from the HTCDS Excel toolkit as “CSV UTF-8”, or written by another system: "
        "one header row of field names or labels, or the toolkit's two."))
    case = forms.CharField(label=_("Add to an existing case (its reference)"), max_length=32,
                           required=False, help_text=_(
                               "Leave empty to open a case for each row, or for each case "
                               "reference of a file Palermo exported."))
    date_order = forms.ChoiceField(
        label=_("Dates written with slashes"), required=False,
        choices=[("", _("Tell from the file")), ("dmy", _("day/month/year")),
                 ("mdy", _("month/day/year"))],
        help_text=_("Dates written as year-month-day are always read."))
    dry_run = forms.BooleanField(label=_("Check only: write nothing"), required=False)


class HtcdsExportForm(forms.Form):
    case = forms.CharField(label=_("Case reference"), max_length=32, required=False,
                           help_text=_("One case; or leave empty and choose the cases below."))
    query = forms.CharField(label=_("Reference or title contains"), max_length=200,
                            required=False)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=vocab("case_statuses", blank=True))
    exploitation = forms.ChoiceField(label=_("Form of exploitation"), required=False,
                                     choices=vocab("exploitation_types", blank=True))
    identities = forms.BooleanField(
        label=_("Include victims' names, birth dates, documents and contacts"), required=False,
        help_text=_("Without this, victims leave with empty identity fields."))
    labels = forms.BooleanField(
        label=_("Write values as labels, as the toolkit's drop-downs do"), required=False,
        help_text=_("Otherwise values are written by their value names."))

    def __init__(self, *args: Any, may_share_identity: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_share_identity:
            del self.fields["identities"]
