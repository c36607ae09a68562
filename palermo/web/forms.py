"""What every capability's pages do with a form and a service: show a refusal on the field
it names, or save and redirect; and how a page reads a number from its address or a post."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar, overload

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect

from palermo.core.errors import ServiceError
from palermo.web.badinput import INT64_MAX


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


# ASCII digits only: str.isdigit() also accepts "²", which int() then refuses.
_INTEGER = re.compile(r"-?[0-9]{1,19}")
T = TypeVar("T")


@overload
def parse_int(value: str | None, default: None = None, minimum: int = 0,
              maximum: int = INT64_MAX) -> int | None: ...
@overload
def parse_int(value: str | None, default: T, minimum: int = 0,
              maximum: int = INT64_MAX) -> int | T: ...
def parse_int(value: str | None, default: Any = None, minimum: int = 0,
              maximum: int = INT64_MAX) -> Any:
    """``value`` as an integer within [minimum, maximum], or ``default`` when it is absent,
    not a whole number or out of range."""
    text = (value or "").strip()
    if not _INTEGER.fullmatch(text):
        return default
    number = int(text)
    return number if minimum <= number <= maximum else default


@overload
def query_int(request: HttpRequest, name: str, default: None = None, minimum: int = 0,
              maximum: int = INT64_MAX, *, source: QueryDict | None = None) -> int | None: ...
@overload
def query_int(request: HttpRequest, name: str, default: T, minimum: int = 0,
              maximum: int = INT64_MAX, *, source: QueryDict | None = None) -> int | T: ...
def query_int(request: HttpRequest, name: str, default: Any = None, minimum: int = 0,
              maximum: int = INT64_MAX, *, source: QueryDict | None = None) -> Any:
    """An integer from the query string (or ``source``, e.g. ``request.POST``): a malformed or
    out-of-range value counts as absent, so a hand-edited address never reaches the database
    as a number it cannot hold."""
    data = request.GET if source is None else source
    return parse_int(data.get(name), default, minimum, maximum)

