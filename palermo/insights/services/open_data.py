"""Open data: the record-level file of identified victims in the style of IOM's Counter
Trafficking Data Collaborative (CTDC), k-anonymised over the quasi-identifiers with
generalisation before suppression, and a report of the information lost."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.cases.services.victim_records import victim_records
from palermo.core.checks import require
from palermo.insights.engine import hierarchies
from palermo.insights.engine.kanon import AnonymisationReport, anonymise
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

DEFAULT_K = 11
QUASI_IDENTIFIERS = ("sex", "age", "citizenship", "country_of_exploitation", "forms", "year")
# The CSV's column for each field, named as in CTDC's data dictionary where it has one.
CSV_NAMES = {"sex": "gender", "age": "age_broad", "citizenship": "citizenship",
             "country_of_exploitation": "country_of_exploitation",
             "forms": "type_of_exploitation", "year": "year_of_registration"}
# Marked for translation here; the report page translates them when it shows them.
LEVEL_NAMES = {
    "sex": (N_("as recorded"), N_("removed")),
    "age": (N_("age band"), N_("child or adult"), N_("removed")),
    "citizenship": (N_("country"), N_("UN M49 region"), N_("removed")),
    "country_of_exploitation": (N_("country"), N_("UN M49 region"), N_("removed")),
    "forms": (N_("form"), N_("broad form (GLOTIP)"), N_("removed")),
    "year": (N_("year"), N_("five-year period"), N_("removed")),
}


@dataclass
class OpenDataReport:
    anonymisation: AnonymisationReport
    year_from: int | None
    year_to: int | None

    @property
    def k(self) -> int:
        return self.anonymisation.k

    @property
    def records_in(self) -> int:
        return self.anonymisation.records_in

    @property
    def records_out(self) -> int:
        return self.anonymisation.records_out

    @property
    def records_suppressed(self) -> int:
        return self.anonymisation.records_suppressed

    @property
    def information_loss(self) -> float:
        return self.anonymisation.information_loss

    def quasi_identifiers(self) -> list[dict[str, Any]]:
        return [{"name": q.name, "column": CSV_NAMES[q.name], "level": q.level,
                 "levels": q.levels, "level_name": LEVEL_NAMES[q.name][q.level],
                 "distinct_before": q.distinct_before, "distinct_after": q.distinct_after,
                 "information_loss": round(q.information_loss, 4)}
                for q in self.anonymisation.quasi_identifiers]

    def as_dict(self) -> dict[str, Any]:
        return {"k": self.k, "year_from": self.year_from, "year_to": self.year_to,
                "records_in": self.records_in, "records_out": self.records_out,
                "records_suppressed": self.records_suppressed,
                "smallest_class": self.anonymisation.smallest_class,
                "information_loss": round(self.information_loss, 4),
                "quasi_identifiers": self.quasi_identifiers()}


def ctdc_hierarchies() -> dict[str, list[hierarchies.Step]]:
    """The generalisation steps of each quasi-identifier, from the vocabularies."""
    bands = {t.code: t.extra["age_group_codes"][0] for t in registry.get("age_bands")}
    regions = {code: t.code for t in registry.get("un_regions") for code in t.extra["countries"]}
    groups = {code: t.code for t in registry.get("exploitation_groups")
              for code in t.extra["exploitation_codes"]}
    return {"sex": hierarchies.sex(), "age": hierarchies.age(bands),
            "citizenship": hierarchies.country(regions),
            "country_of_exploitation": hierarchies.country(regions),
            "forms": hierarchies.forms(groups), "year": hierarchies.year()}


def open_data_export(actor: User, *, k: int = DEFAULT_K, year_from: int | None = None,
                     year_to: int | None = None,
                     request: HttpRequest | None = None) -> tuple[bytes, OpenDataReport]:
    """The CSV (UTF-8) and the report of what was generalised and suppressed. Audited as
    ``insights.open_data_export`` with the report."""
    require(actor, "insights.export")
    if not 2 <= k <= 1000:
        raise ServiceError(_("k must be between 2 and 1000."), field="k")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise ServiceError(_("The first year is after the last."), field="year_from")
    records = victim_records(year_from, year_to)
    result = anonymise(records, QUASI_IDENTIFIERS, k=k, hierarchies=ctdc_hierarchies())
    report = OpenDataReport(anonymisation=result.report, year_from=year_from, year_to=year_to)
    data = _csv(result.records)
    with transaction.atomic():
        audit.record("insights.open_data_export", actor=actor, request=request,
                     object_type="open_data", object_id=f"k={k}", detail=report.as_dict())
    return data, report


def _csv(records: list[dict[str, Any]]) -> bytes:
    controls = registry.get("methods_of_control").codes()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([CSV_NAMES[q] for q in QUASI_IDENTIFIERS]
                    + [f"means_of_control_{code}" for code in controls])
    for record in records:
        cells = [_cell(record[q]) for q in QUASI_IDENTIFIERS]
        held = set(record.get("control") or [])
        writer.writerow(cells + [int(code in held) for code in controls])
    return out.getvalue().encode("utf-8")


def _cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return ";".join(map(str, value))
    return "" if value is None else str(value)
