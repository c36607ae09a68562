"""The record-level feed of identified victims for open data (palermo.insights.services.
open_data), one record per person, with no name, number, date or free text: only the
CTDC-style categories that the open data publishes after k-anonymisation.

The caller checks ``insights.export``, anonymises and audits; this module only reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from palermo.cases.models import CaseCountry, CasePerson
from palermo.vocab import registry

IDENTIFIED = "identified_victim"
EXPLOITATION_ROLE = "destination"


def victim_records(year_from: int | None = None, year_to: int | None = None
                   ) -> list[dict[str, Any]]:
    """One dict per formally identified victim, for the year of identification in range:

    ``sex`` (M, F, X or "" unknown), ``age`` (an age_bands code at identification; "child"
    or "adult" when only that is known; "" unknown), ``citizenship`` (ISO alpha-3, first
    recorded nationality, or ""), ``country_of_exploitation`` (the case's destination
    country, else the case's own country), ``forms`` (sorted exploitation_types codes),
    ``year`` (of identification) and ``control`` (sorted methods_of_control codes).

    A person identified in several cases counts once, by the earliest identification."""
    rows = (CasePerson.objects.filter(role="victim", trafficking_status=IDENTIFIED)
            .select_related("person", "case")
            .order_by("person_id", "status_decided_at", "added_at", "pk"))
    destinations = _destinations(rows.values_list("case_id", flat=True))
    bands = _bands()
    seen: set[int] = set()
    out: list[dict[str, Any]] = []
    for row in rows.iterator(chunk_size=2000):
        if row.person_id in seen:
            continue
        seen.add(row.person_id)
        when = row.status_decided_at or row.added_at
        year = when.year
        if (year_from is not None and year < year_from) or (
                year_to is not None and year > year_to):
            continue
        person = row.person
        nationalities = [n for n in person.nationalities or [] if isinstance(n, str)]
        out.append({
            "sex": person.sex if person.sex in ("M", "F", "X") else "",
            "age": _age_code(row, when.date(), bands),
            "citizenship": nationalities[0].upper() if nationalities else "",
            "country_of_exploitation": destinations.get(row.case_id, row.case.country),
            "forms": sorted({c for c in row.exploitation_types or [] if isinstance(c, str)}),
            "year": year,
            "control": sorted({c for c in row.methods_of_control or []
                               if isinstance(c, str)}),
        })
    return out


def _destinations(case_ids: Iterable[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for case_id, country in (CaseCountry.objects.filter(case_id__in=set(case_ids),
                                                        role=EXPLOITATION_ROLE)
                             .order_by("case_id", "pk").values_list("case_id", "country")):
        found.setdefault(case_id, country)
    return found


def _bands() -> list[tuple[int, int, str]]:
    return [(int(t.extra["min_age"]), int(t.extra["max_age"]), t.code)
            for t in registry.get("age_bands")]


def _age_code(row: CasePerson, on: dt.date, bands: list[tuple[int, int, str]]) -> str:
    age = _age(row, on)
    if age is not None:
        for low, high, code in bands:
            if low <= age <= high:
                return code
    if row.is_child:
        return "child"
    return "adult" if age is not None else ""


def _age(row: CasePerson, on: dt.date) -> int | None:
    person = row.person
    if person.birth_date is not None:
        born = person.birth_date
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if person.estimated_age is not None:
        since = person.age_estimated_on or on
        return person.estimated_age + max(0, (on - since).days // 365)
    return None
