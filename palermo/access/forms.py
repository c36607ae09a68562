"""Forms of the access pages: parse and validate input; the rules stay in services."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from palermo.access.models import Agency, Role, normalise_email
from palermo.access.services import roles
from palermo.vocab import registry
from palermo.web.widgets import SearchableCheckboxes, SearchableRadios


class SignInEmailField(forms.EmailField):
    """Normalised before it is validated, so ``ＨＥＡＬＴＨ@…`` is ``health@…`` to the lockout
    and to sign-in alike (see models.normalise_email)."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value) or ""
        return normalise_email(text) if text else text


class SignInForm(AuthenticationForm):
    username = SignInEmailField(
        label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "username",
                                                         "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("The email or password is not right. After five failed attempts "
                           "the account is locked for ten minutes."),
        "inactive": _("This account is disabled."),
    }


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"), max_length=8, min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric",
                                      "pattern": "[0-9]*", "autofocus": True}),
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit():
            raise forms.ValidationError(_("The code has digits only."))
        return code


def _vocab_choices(name: str) -> list[tuple[str, str]]:
    return registry.get(name).choices(get_language() or "en")


def _time_zones() -> list[tuple[str, str]]:
    return [(zone, zone) for zone in sorted(zoneinfo.available_timezones())]


class AgencyForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=lambda: _vocab_choices("agency_kinds"))
    country = forms.ChoiceField(label=_("Country"), choices=lambda: sorted(
        _vocab_choices("countries"), key=lambda pair: pair[1]), widget=SearchableRadios)


class RoleChoiceField(forms.ModelMultipleChoiceField):
    """Roles by their name in the reader's language (the vocabulary's), not the stored one."""

    def label_from_instance(self, obj: Any) -> str:
        return roles.label(obj, get_language() or "en")


class UserForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.filter(active=True))
    roles = RoleChoiceField(
        label=_("Roles"), queryset=Role.objects.all(), required=False,
        widget=SearchableCheckboxes,
    )
    language = forms.ChoiceField(label=_("Language"), choices=[("en", "English"),
                                                                ("he", "עברית")])
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=_time_zones,
                                  widget=SearchableRadios)
    password = forms.CharField(
        label=_("Initial password"), required=False, strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; not a common or breached password. Leave empty "
                    "to keep the current one."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["email"].disabled = True


class RolePermissionsForm(forms.Form):
    permissions = forms.MultipleChoiceField(
        label=_("Permissions"), required=False, widget=SearchableCheckboxes,
        choices=lambda: _vocab_choices("permissions"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class MfaExemptionForm(forms.Form):
    # What the administrator meant to do: a second press cannot undo the first.
    exempt = forms.BooleanField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(
        attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput)


class TokenForm(forms.Form):
    name = forms.CharField(label=_("What is this token for?"), max_length=100)
    expires_on = forms.DateField(
        label=_("Expires on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(
        attrs={"rows": 2}))
