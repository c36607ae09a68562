from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from palermo.audit import actions
from palermo.audit.services import AuditQuery
from palermo.vocab import registry


class ActionField(forms.ChoiceField):
    """Offers the actions by their labels, and still takes a code typed into the address (a
    family such as ``user`` finds all its actions), as auditors who search by code do."""

    def valid_value(self, value: str) -> bool:
        return bool(actions.CODE.match(value))


class AuditSearchForm(forms.Form):
    actor = forms.CharField(label=_("User"), required=False)
    agency = forms.CharField(label=_("Agency"), required=False)
    action = ActionField(label=_("Action"), required=False)
    object_type = forms.CharField(label=_("Record type"), required=False)
    object_id = forms.CharField(label=_("Record id"), required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False)
    since = forms.DateField(label=_("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        # Labelled in the page's language (vocab/audit_outcomes.yaml); the codes are searched.
        self.fields["outcome"].choices = [  # type: ignore[attr-defined]
            ("", _("any")), *registry.get("audit_outcomes").choices(language)]
        self.fields["action"].choices = [  # type: ignore[attr-defined]
            ("", _("any")), *actions.choices(language)]

    def query(self) -> AuditQuery:
        data = self.cleaned_data if self.is_valid() else {}
        return AuditQuery(**{k: v for k, v in data.items() if v not in (None, "")})
