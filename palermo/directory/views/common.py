from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from palermo.access.services.errors import ServiceError


def save(request: HttpRequest, form: forms.Form, action: Callable[..., Any], done: str,
         then: Callable[[Any], tuple[str, dict[str, Any]]]) -> HttpResponse | None:
    """Validate, call the service, show its refusal on the field it names, or redirect."""
    if request.method == "POST" and form.is_valid():
        try:
            record = action(**form.cleaned_data)
        except ServiceError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, done)
            name, kwargs = then(record)
            return redirect(name, **kwargs)
    return None
