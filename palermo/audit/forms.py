from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from palermo.audit.services import AuditQuery
from palermo.vocab import registry


class AuditSearchForm(forms.Form):
    actor = forms.CharField(label=_("User"), required=False)
    agency = forms.CharField(label=_("Agency"), required=False)
    action = forms.CharField(label=_("Action"), required=False,
                             help_text=_("For example auth.login or user"))
    object_type = forms.CharField(label=_("Record type"), required=False)
    object_id = forms.CharField(label=_("Record id"), required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False)
    since = forms.DateField(label=_("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Labelled in the page's language (vocab/audit_outcomes.yaml); the codes are searched.
        self.fields["outcome"].choices = [  # type: ignore[attr-defined]
            ("", _("any")), *registry.get("audit_outcomes").choices(get_language() or "en")]

    def query(self) -> AuditQuery:
        data = self.cleaned_data if self.is_valid() else {}
        return AuditQuery(**{k: v for k, v in data.items() if v not in (None, "")})
