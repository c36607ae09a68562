"""``{% pt "key" name=value %}``: a portal interface string in the page's language."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from palermo.portal.services import language

register = template.Library()


def _language(context: template.Context) -> str:
    request = context.get("request")
    frame = getattr(request, "portal", None)
    return frame.language if frame is not None else language.DEFAULT


@register.simple_tag(takes_context=True)
def pt(context: template.Context, key: str, **values: Any) -> SafeString:
    escaped = {name: conditional_escape(value) for name, value in values.items()}
    chosen = _language(context)
    raw = language.text(key, chosen)
    # The string is escaped before the (already escaped) values go in.
    return mark_safe(str(conditional_escape(raw)).format(**escaped))
