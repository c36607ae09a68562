"""Turning a service's refusal into a form error on the field it names."""

from __future__ import annotations

from django import forms

from palermo.access.services.errors import ServiceError


def show(form: forms.Form, exc: ServiceError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)
