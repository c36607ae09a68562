"""Facets on the search page: a label for each facet and value, and the link that adds or
removes a value from the current search."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from palermo.library.engine.backend import FACETS
from palermo.vocab import registry

TITLES = {"kind": _("Kind"), "country": _("Country"), "court_level": _("Court level"),
          "legal_system": _("Legal system"), "verdict": _("Verdict"),
          "exploitation": _("Form of exploitation"), "sector": _("Sector"),
          "year": _("Year"), "language": _("Language"), "transnational": _("Transnational"),
          "organised_crime": _("Organised crime")}
VOCABULARY = {"country": "countries", "court_level": "court_levels",
              "legal_system": "legal_systems", "verdict": "verdicts", "sector": "industries",
              "language": "languages"}
FIXED = {"kind": {"decision": _("Judicial decisions"), "opinion": _("Expert opinions"),
                  "guide": _("Investigators' guides")},
         "transnational": {"yes": _("yes"), "no": _("no")},
         "organised_crime": {"yes": _("yes"), "no": _("no")}}
SORT_LABELS = {"relevance": _("relevance"), "newest": _("newest first"),
               "oldest": _("oldest first")}


def label(name: str, value: str) -> str:
    language = get_language() or "en"
    if name in FIXED:
        return str(FIXED[name].get(value, value))
    if name == "exploitation":
        for vocabulary in ("exploitation_types", "guide_forms"):
            if value in registry.get(vocabulary):
                return registry.label(vocabulary, value, language)
        return value
    if name in VOCABULARY and value in registry.get(VOCABULARY[name]):
        return registry.label(VOCABULARY[name], value, language)
    return value


def _toggle(params: QueryDict, name: str, value: str) -> str:
    copy = params.copy()
    values = copy.getlist(name)
    copy.setlist(name, [v for v in values if v != value] if value in values
                 else [*values, value])
    copy.pop("page", None)
    return "?" + copy.urlencode()


def for_page(counts: dict[str, list[tuple[str, int]]], params: QueryDict) -> list[dict[str, Any]]:
    out = []
    for name in FACETS:
        values = counts.get(name) or []
        if not values:
            continue
        chosen = set(params.getlist(name))
        if name == "year":
            values = sorted(values, reverse=True)
        out.append({"name": name, "title": TITLES[name], "values": [
            {"value": v, "label": label(name, v), "count": c, "chosen": v in chosen,
             "url": _toggle(params, name, v)} for v, c in values]})
    return out


def active_filters(params: QueryDict) -> list[dict[str, str]]:
    return [{"title": str(TITLES[name]), "label": label(name, value),
             "url": _toggle(params, name, value)}
            for name in FACETS for value in params.getlist(name)]
