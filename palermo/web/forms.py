"""What every capability's pages do with a form and a service: show a refusal on the field
it names, or save and redirect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from palermo.access.services.errors import ServiceError


def show(form: forms.Form, exc: ServiceError) -> None:
    """A service's refusal as a form error on the field it names (or the form's own)."""
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


def save(request: HttpRequest, form: forms.Form, action: Callable[..., Any], done: str,
         then: Callable[[Any], tuple[str, dict[str, Any]]]) -> HttpResponse | None:
    """Validate, call the service, show its refusal on the field it names, or redirect."""
    if request.method == "POST" and form.is_valid():
        try:
            record = action(**form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, done)
            name, kwargs = then(record)
            return redirect(name, **kwargs)
    return None


def post_errors(request: HttpRequest, form: forms.Form) -> None:
    """For small forms posted from a record's page: their errors go back as messages."""
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))
