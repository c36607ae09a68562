"""Codes from the vocabularies and the limits of free text, checked with errors that name a
field by the label its user sees on the page, never by its code name."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from palermo.cases.services.errors import ServiceError
from palermo.core.checks import codes

# The column's length; the forms and the API's schemas state the same.
TITLE = 200

# Each field a case service checks, as its form labels it.
LABELS = {
    "sensitivity": gettext_lazy("Sensitivity"),
    "palermo_acts": gettext_lazy("Acts"),
    "palermo_means": gettext_lazy("Means"),
    "palermo_purposes": gettext_lazy("Purposes of exploitation"),
    "exploitation_types": gettext_lazy("Forms of exploitation"),
    "countries": gettext_lazy("Countries"),
    "countries_origin": gettext_lazy("Countries of origin"),
    "countries_transit": gettext_lazy("Transit countries"),
    "countries_destination": gettext_lazy("Destination countries"),
    "nationalities": gettext_lazy("Nationalities"),
    "languages": gettext_lazy("Languages spoken"),
    "documents": gettext_lazy("Issued by"),
    "role": gettext_lazy("Role in the case"),
    "trafficking_status": gettext_lazy("Trafficking status"),
    "indicators": gettext_lazy("Indicators present"),
    "priority": gettext_lazy("Priority"),
    "recruitment_method": gettext_lazy("Method of recruitment"),
    "methods_of_control": gettext_lazy("Methods of control"),
    "relationship_to_trafficker": gettext_lazy("Relationship to the trafficker"),
    "industry": gettext_lazy("Industry"),
    "reason": gettext_lazy("Reason"),
    "rejection_reason": gettext_lazy("Reason for rejecting"),
    "title": gettext_lazy("Title"),
}


def label_of(field: str) -> str:
    return str(LABELS.get(field, field))


def check_codes(vocabulary: str, values: Iterable[str], field: str,
                label: str | None = None) -> list[str]:
    """Core's code check, naming the field by ``label`` or by the label its case form gives
    it."""
    return codes(values, vocabulary, field, label=label or label_of(field))


def check_length(value: str, limit: int, field: str, label: str | None = None) -> str:
    """``value`` whole, or an error saying how long it is; text is never cut silently."""
    if len(value) > limit:
        raise ServiceError(_("%(field)s has %(length)d characters; at most %(limit)d are "
                             "allowed. Nothing was saved.")
                           % {"field": label or label_of(field), "length": len(value),
                              "limit": limit}, field=field)
    return value
