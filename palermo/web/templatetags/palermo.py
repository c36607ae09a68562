"""Template helpers: vocabulary labels in the current language, forms rendered accessibly."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

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
    attrs: dict[str, str] = {"dir": "auto"} if typed and "dir" not in widget.attrs else {}
    limit = _length_limit(bound_field)
    if limit and not bound_field.help_text:
        # Django ties only help text to its input; the limit is read out the same way.
        attrs["aria-describedby"] = f"{bound_field.auto_id}_helptext"
    return {"field": bound_field, "widget": bound_field.as_widget(attrs=attrs), "limit": limit}


def _length_limit(bound_field: Any) -> str:
    """"At most 2,000 characters." under a box where text is pasted (a textarea), said before
    the user types rather than after a refusal."""
    max_length = getattr(bound_field.field, "max_length", None)
    if not max_length or not isinstance(bound_field.field.widget, forms.Textarea):
        return ""
    return gettext("At most %(n)s characters.") % {
        "n": number_format(max_length, force_grouping=True)}
