"""Investigators' guides for the forms of exploitation of a case, shown beside it (registered
with ``cases.services.panels`` in the library's ``AppConfig.ready``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from palermo.library.models import InvestigatorGuide
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User
    from palermo.cases.services.panels import Link


def forms_for(exploitation_types: list[str]) -> list[str]:
    """The guide forms (``guide_forms``) that cover any of these HTCDS exploitation types."""
    wanted = set(exploitation_types)
    return [term.code for term in registry.get("guide_forms")
            if wanted & set(term.extra.get("exploitation_type_codes") or [])]


def for_exploitation(user: User, exploitation_types: list[str]) -> list[InvestigatorGuide]:
    """The guides a user may read for these forms of exploitation (none without
    ``library.view``: the case page then shows no panel)."""
    if not user.has_perm("library.view") or not exploitation_types:
        return []
    return list(InvestigatorGuide.objects.filter(form__in=forms_for(exploitation_types))
                .order_by("form", "title"))


def case_panel(user: User, classification: dict[str, list[str]]) -> list[Link]:
    from palermo.cases.services.panels import Link

    return [Link(g.title, reverse("library:guide", args=[g.pk]),
                 registry.label("guide_forms", g.form))
            for g in for_exploitation(user, classification.get("exploitation_types", []))]
