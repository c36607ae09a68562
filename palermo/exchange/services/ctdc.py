"""The CTDC layout into cases: the columns of the Counter Trafficking Data Collaborative's
open data set (``gender``, ``ageBroad``, one 0/1 column per value), which takes its terms from
HTCDS but is not the standard's file (that is ``htcds_read``). Each row a victim, rows grouped
into cases by ``caseId`` (or one case a row), every column either mapped
(``exchange/ctdc.yaml``) or reported as ignored, every bad value reported by line and column,
and nothing written unless the whole file is good."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pycountry
import yaml
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.cases.services import cases, persons
from palermo.core import csvfile
from palermo.exchange.services.common import require

if TYPE_CHECKING:
    from palermo.access.models import User

MAX_BYTES = 20 * 1024 * 1024
TRUE, FALSE = {"1", "true", "yes", "TRUE", "True"}, {"0", "false", "no", "FALSE", "False"}


@cache
def mapping() -> dict[str, Any]:
    text = resources.files("palermo.exchange").joinpath("ctdc.yaml").read_text("utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@dataclass
class Row:
    line: int
    case_key: str
    year: int | None = None
    sex: str = ""
    age: int | None = None
    nationalities: list[str] = field(default_factory=list)
    exploited_in: str = ""
    context: dict[str, Any] = field(default_factory=dict)


@dataclass
class MappingReport:
    mapped: dict[str, str] = field(default_factory=dict)  # column -> what it became
    ignored: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "line N, column C: why"
    cases: list[str] = field(default_factory=list)  # references of the cases made
    victims: int = 0
    imported: bool = False


def _country(value: str, line: int, column: str, report: MappingReport) -> str:
    if value in mapping()["unknown"]:
        return ""
    found = pycountry.countries.get(alpha_2=value.upper()) if len(value) == 2 else None
    if found is None:
        report.errors.append(_("line %(line)d, column %(column)s: “%(value)s” is not an ISO "
                               "alpha-2 country code") % {"line": line, "column": column,
                                                          "value": value})
        return ""
    return str(found.alpha_3)


def _row(raw: dict[str, str], line: int, report: MappingReport) -> Row:
    spec = mapping()
    unknown = spec["unknown"]
    row = Row(line, (raw.get(spec["case_column"]) or "").strip() or f"line {line}")
    year = (raw.get(spec["year_column"]) or "").strip()
    if year not in unknown:
        if not year.isdigit() or not 1990 <= int(year) <= timezone.localdate().year:
            report.errors.append(_("line %(line)d, column %(column)s: “%(value)s” is not a "
                                   "year") % {"line": line, "column": spec["year_column"],
                                             "value": year})
        else:
            row.year = int(year)
    gender = (raw.get(spec["gender_column"]) or "").strip()
    if gender not in unknown:
        if gender not in spec["gender"]:
            report.errors.append(_("line %(line)d, column %(column)s: unknown value "
                                   "“%(value)s”") % {"line": line, "column": spec["gender_column"],
                                                    "value": gender})
        row.sex = spec["gender"].get(gender, "")
    age = (raw.get(spec["age_column"]) or "").strip()
    if age not in unknown:
        if age not in spec["age_broad"]:
            report.errors.append(_("line %(line)d, column %(column)s: unknown value "
                                   "“%(value)s”") % {"line": line, "column": spec["age_column"],
                                                    "value": age})
        row.age = spec["age_broad"].get(age)
    citizen = _country((raw.get(spec["citizenship_column"]) or "").strip(), line,
                       spec["citizenship_column"], report)
    row.nationalities = [citizen] if citizen else []
    row.exploited_in = _country((raw.get(spec["exploitation_country_column"]) or "").strip(),
                                line, spec["exploitation_country_column"], report)
    for column, (name, code) in spec["flags"].items():
        value = (raw.get(column) or "").strip()
        if value in TRUE:
            if name in ("methods_of_control", "exploitation_types"):
                row.context.setdefault(name, []).append(code)
            else:
                row.context[name] = code
        elif value not in FALSE and value not in unknown:
            report.errors.append(_("line %(line)d, column %(column)s: “%(value)s” is not 1 "
                                   "or 0") % {"line": line, "column": column, "value": value})
    return row


def columns() -> set[str]:
    """Every column the CTDC layout has."""
    spec = mapping()
    return set(spec["flags"]) | {spec[k] for k in spec if k.endswith("_column")}


def _columns(header: list[str], report: MappingReport) -> None:
    spec = mapping()
    singles = {spec[k]: k.removesuffix("_column") for k in spec if k.endswith("_column")}
    for column in header:
        if column in spec["flags"]:
            name, code = spec["flags"][column]
            report.mapped[column] = f"{name} = {code}"
        elif column in singles:
            report.mapped[column] = singles[column]
        else:
            report.ignored.append(column)
    if not report.mapped:
        raise ServiceError(_("No column of this file is a CTDC column (such as gender, "
                             "citizenship, isForcedLabour)."), field="file")


def read(content: bytes) -> tuple[list[Row], MappingReport]:
    report = MappingReport()
    if len(content) > MAX_BYTES:
        raise ServiceError(_("The file is larger than 20 MB."), field="file")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ServiceError(_("The file is not UTF-8 (byte %(at)d).") % {"at": exc.start},
                           field="file") from None
    try:
        table = list(csvfile.records(io.StringIO(text, newline="")))
    except csvfile.CsvFault as exc:  # a quote left open: refused whole, naming where
        raise ServiceError(_("The file cannot be read: %(problem)s.")
                           % {"problem": exc.message.translated(_)}, field="file") from None
    header = table[0].cells if table else []
    _columns(header, report)
    rows = [_row(dict(zip(header, record.cells, strict=False)), record.line, report)
            for record in table[1:] if record.cells]
    if not rows:
        raise ServiceError(_("The file has a header but no rows."), field="file")
    return rows, report


def import_csv(content: bytes, *, actor: User, request: HttpRequest | None = None
               ) -> MappingReport:
    """All or nothing: a file with any bad value writes nothing and says where."""
    require(actor, "exchange.receive")
    rows, report = read(content)
    if report.errors:
        return report
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.case_key, []).append(row)
    with transaction.atomic():
        for key, victims in grouped.items():
            year = next((r.year for r in victims if r.year), None)
            kinds = sorted({c for r in victims for c in r.context.get("exploitation_types", [])})
            case = cases.open_case(
                actor=actor, request=request, title=_("CTDC record %(key)s") % {"key": key},
                summary=_("Imported from a CTDC file."), tags=["ctdc"],
                opened_on=dt.date(year, 1, 1) if year else None,
                classification={"exploitation_types": kinds},
                countries={"destination": sorted({r.exploited_in for r in victims
                                                  if r.exploited_in})})
            for number, row in enumerate(victims, start=1):
                added = persons.add_to_case(case, persons.NewPerson(
                    names=[_("[CTDC %(key)s, victim %(n)d]") % {"key": key, "n": number}],
                    estimated_age=row.age, sex=row.sex, nationalities=row.nationalities),
                    "victim", actor=actor, request=request)
                if row.context:
                    persons.update_victim_context(added, actor=actor, version=added.version,
                                                  request=request, **row.context)
                report.victims += 1
            report.cases.append(case.reference)
        audit.record("exchange.ctdc_import", actor=actor, request=request,
                     object_type="case", detail={"cases": report.cases,
                                                 "victims": report.victims,
                                                 "ignored_columns": report.ignored})
    report.imported = True
    return report
