"""``{% pt "key" name=value %}``: a portal interface string in the page's language; ``{% day %}``
and ``isolate``: dates and names written as the page's language needs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

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


@register.simple_tag(takes_context=True)
def day(context: template.Context, value: dt.date | None) -> str:
    """``{% day version.published_at %}``: a date in the page's language's one format."""
    return language.date_text(value, _language(context)) if value is not None else ""


@register.filter
def isolate(value: Any) -> SafeString:
    """``{{ reference|isolate }}``: text of its own direction (a reference, a name) kept whole
    inside a sentence of the other direction."""
    return format_html("<bdi>{}</bdi>", value)


# The portal's languages named in the reader's (the application's) language.
LANGUAGE_NAMES = {"en": gettext_lazy("English"), "he": gettext_lazy("Hebrew"),
                  "ar": gettext_lazy("Arabic"), "ru": gettext_lazy("Russian"),
                  "am": gettext_lazy("Amharic"), "ti": gettext_lazy("Tigrinya")}


@register.filter
def language_name(code: str) -> str:
    """``{{ report.language|language_name }}``: "Arabic", never "ar"."""
    return str(LANGUAGE_NAMES.get(code, language.LANGUAGES.get(code, code)))
