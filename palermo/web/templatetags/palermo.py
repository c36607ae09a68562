"""Template helpers: vocabulary labels in the current language, forms rendered accessibly."""

from __future__ import annotations

from typing import Any

from django import template
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
def vocab_terms(vocabulary: str) -> list[Any]:
    """``{% for term in "case_statuses"|vocab_terms %}``"""
    return list(registry.get(vocabulary))


@register.filter
def role_label(role: Any) -> str:
    return roles.label(role, get_language() or "en")


@register.inclusion_tag("web/field.html")
def field(bound_field: Any) -> dict[str, Any]:
    """A label, the input, its help and its errors, tied together for screen readers."""
    return {"field": bound_field}
