"""Template helpers: vocabulary labels in the current language, forms rendered accessibly."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from palermo.access.services import roles
from palermo.vocab import registry

register = template.Library()


@register.filter
def vocab_label(code: str, vocabulary: str) -> str:
    """``{{ agency.kind|vocab_label:"agency_kinds" }}``"""
    try:
        return registry.label(vocabulary, code, get_language() or "en")
    except KeyError:
        return code


@register.filter
def vocab_definition(code: str, vocabulary: str) -> str:
    """``{{ message.handling_code|vocab_definition:"handling_codes" }}``: what the term
    means, in the page's language where the vocabulary gives it, else in English."""
    try:
        term = registry.get(vocabulary).get(code)
    except KeyError:
        return ""
    return term.explained(get_language() or "en")


@register.filter
def vocab_terms(vocabulary: str) -> list[Any]:
    """``{% for term in "case_statuses"|vocab_terms %}``"""
    return list(registry.get(vocabulary))


@register.filter
def role_label(role: Any) -> str:
    return roles.label(role, get_language() or "en")


@register.filter
def bidi(value: Any) -> str:
    """``{{ case.title|bidi }}``: text someone typed (or a record's data) isolated in
    ``<bdi>``, so that it keeps its own direction inside a page of the other: an English
    title on a Hebrew page ends with its full stop at its right, not at the page's. Put it
    last, after ``default`` or ``linebreaksbr``."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)


# Inputs where people type words, in whichever language: their direction follows the text.
TYPED = {"text", "search", "email", "url", "tel", None}


@register.inclusion_tag("web/field.html")
def field(bound_field: Any) -> dict[str, Any]:
    """A label, the input, its help and its errors, tied together for screen readers."""
    widget = bound_field.field.widget
    typed = getattr(widget, "input_type", None) in TYPED
    # A field that holds Latin codes (a document number, a VIN) says dir="ltr" itself.
    attrs = {"dir": "auto"} if typed and "dir" not in widget.attrs else {}
    return {"field": bound_field, "widget": bound_field.as_widget(attrs=attrs)}
