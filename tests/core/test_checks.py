"""The checks every service shares refuse alike, name the field, and say what Django's own
form fields say where the two meet, so that a page and the API give the same refusal."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.utils import translation

from palermo.core import checks
from palermo.core.errors import NotAllowed, ServiceError


def _form_error(field: forms.Field, value: str) -> str:
    class Form(forms.Form):
        name = field

    form = Form({"name": value})
    assert not form.is_valid()
    return str(form.errors["name"][0])


def test_require_refuses_a_role_without_the_permission(user_with: Any) -> None:
    trainer, auditor = user_with("trainer"), user_with("auditor")
    checks.require(trainer, "training.manage")
    with pytest.raises(NotAllowed) as refused:
        checks.require(auditor, "training.manage")
    assert refused.value.message == "Your roles do not allow this."


def test_a_disabled_user_is_refused_what_their_roles_grant(user_with: Any) -> None:
    trainer = user_with("trainer", is_active=False)
    with pytest.raises(NotAllowed):
        checks.require(trainer, "training.manage")


def test_an_unknown_field_is_named() -> None:
    checks.known_fields({"name": "x"}, ("name", "email"))
    with pytest.raises(ServiceError) as refused:
        checks.known_fields({"name": "x", "version": 3, "secret": 1}, ("name",))
    assert (refused.value.field, refused.value.message) == ("secret", "Unknown field secret.")


def test_codes_are_checked_kept_in_order_and_not_repeated() -> None:
    assert checks.codes(["police", "ngo", "police"], "agency_kinds", "kinds") == ["police", "ngo"]
    with pytest.raises(ServiceError) as refused:
        checks.codes(["police", "astronaut"], "agency_kinds", "kinds")
    assert refused.value.field == "kinds"
    assert refused.value.message == "kinds: “astronaut” is not one of the options offered."
    with pytest.raises(ServiceError) as refused:
        checks.codes(["police", ""], "agency_kinds", "kinds", label="Kinds of agency")
    assert refused.value.message == "Kinds of agency: choose one of the options offered."
    assert checks.codes([], "agency_kinds", "kinds") == []
    with pytest.raises(ServiceError) as refused:
        checks.codes([], "agency_kinds", "kinds", required=True)
    assert (refused.value.field, refused.value.message) == ("kinds", "Choose at least one.")


def test_text_is_stripped_and_an_empty_optional_text_is_empty() -> None:
    assert checks.text("  Palermo  ", "title", required=True, limit=7) == "Palermo"
    assert checks.text(None, "note") == ""
    assert checks.text("   ", "note") == ""


@pytest.mark.parametrize("language", ["en", "he"])
def test_a_missing_required_text_is_refused_as_a_form_refuses_it(language: str) -> None:
    with translation.override(language):
        expected = _form_error(forms.CharField(), "")
        with pytest.raises(ServiceError) as refused:
            checks.text("  ", "title", required=True)
    assert (refused.value.field, refused.value.message) == ("title", expected)


@pytest.mark.parametrize("language", ["en", "he"])
def test_a_text_too_long_is_refused_as_a_form_refuses_it(language: str) -> None:
    with translation.override(language):
        expected = _form_error(forms.CharField(max_length=5), "Palermo")
        with pytest.raises(ServiceError) as refused:
            checks.text("Palermo", "title", limit=5)
    assert (refused.value.field, refused.value.message) == ("title", expected)


def test_a_value_that_is_not_text_is_refused() -> None:
    with pytest.raises(ServiceError) as refused:
        checks.text(["a list"], "title")
    assert refused.value.field == "title"


def test_text_field_cleans_in_place_and_refuses_a_required_one_left_out() -> None:
    fields: dict[str, Any] = {"name": "  IOM "}
    checks.text_field(fields, "name", required=True, limit=10)
    checks.text_field(fields, "note")
    assert fields == {"name": "IOM"}
    with pytest.raises(ServiceError) as refused:
        checks.text_field({}, "name", required=True)
    assert refused.value.field == "name"
