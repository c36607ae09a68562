from django import forms
from django.utils.translation import gettext_lazy as _

from palermo.audit.models import Outcome
from palermo.audit.services import AuditQuery


class AuditSearchForm(forms.Form):
    actor = forms.CharField(label=_("User"), required=False)
    agency = forms.CharField(label=_("Agency"), required=False)
    action = forms.CharField(label=_("Action"), required=False,
                             help_text=_("For example auth.login or user"))
    object_type = forms.CharField(label=_("Record type"), required=False)
    object_id = forms.CharField(label=_("Record id"), required=False)
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False,
        choices=[("", _("any")), *[(o.value, o.value) for o in Outcome]],
    )
    since = forms.DateField(label=_("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def query(self) -> AuditQuery:
        data = self.cleaned_data if self.is_valid() else {}
        return AuditQuery(**{k: v for k, v in data.items() if v not in (None, "")})
