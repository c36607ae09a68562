"""Publishing: the office releases a set of tables for a period. The tables are computed,
put through public disclosure control (threshold 10) and stored as released; public readers
(the portal, partners' API) read only what was stored, never live data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.insights.models import Publication
from palermo.insights.services import indicators
from palermo.insights.services.charting import chart_for
from palermo.insights.services.periods import Period

if TYPE_CHECKING:
    from palermo.access.models import User

ROUNDING_BASES = (None, 3, 5)


@dataclass(frozen=True)
class Released:
    """A publication as its readers see it: the stored record, its tables in the language
    active when they are read, and each table as a chart. It lives here rather than on the
    model because reading a table needs the services (labels and charts)."""

    record: Publication

    @property
    def pk(self) -> int:
        return self.record.pk

    @property
    def published_at(self) -> dt.datetime:
        return self.record.published_at

    @property
    def period_label(self) -> str:
        return self.record.label

    @property
    def tables(self) -> list[dict[str, Any]]:
        return tables(self.record)

    def chart_svg(self, table_code: str, rtl: bool = False) -> str:
        return chart_svg(self.record, table_code, rtl=rtl)


def publish(*, actor: User, period: Period, codes: Iterable[str] | None = None,
            note: str = "", rounding_base: int | None = None,
            request: HttpRequest | None = None) -> Released:
    require(actor, "insights.publish")
    if rounding_base not in ROUNDING_BASES:
        raise ServiceError(_("Choose no rounding, or rounding to base 3 or 5."),
                           field="rounding_base")
    wanted = list(codes) if codes is not None else indicators.codes()
    if not wanted:
        raise ServiceError(_("Choose at least one table."), field="codes")
    with transaction.atomic():
        built = indicators.tables(actor, period, wanted, audience=indicators.PUBLIC,
                                  rounding_base=rounding_base, request=request,
                                  purpose="publication")
        publication = Publication.objects.create(
            period_start=period.start, period_end=period.end, label=period.label,
            content=[table.as_dict() for table in built],
            threshold=indicators.threshold(indicators.PUBLIC), rounding_base=rounding_base,
            note=(note or "").strip()[:2000], published_by=actor)
        audit.record("insights.publish", actor=actor, request=request,
                     object_type="publication", object_id=publication.pk,
                     detail={"period": period.label, "tables": wanted,
                             "rounding_base": rounding_base})
    return Released(publication)


def latest_publication() -> Released | None:
    """The most recent publication, or None when the office has published nothing.

    For public readers (the portal): no permission is needed, because what is returned was
    put through public disclosure control when it was published. The ``Released`` has

    - ``pk``: the publication's id;
    - ``published_at``: an aware datetime;
    - ``period_label``: e.g. "2026" or "2026-01-01 – 2026-06-30";
    - ``tables``: a list of dicts in the active language, each with "code", "title",
      "row_labels", "column_labels", "cells" (rows of counts, None where suppressed),
      "row_totals", "column_totals", "total" (None where suppressed) and "methodology"
      (the definition, its GLOTIP / Eurostat / TIP mapping and the disclosure rule);
    - ``chart_svg(table_code, rtl=False)``: the table as an accessible SVG bar chart (text
      in the active language); show the table beside it. Raises KeyError for a code the
      publication does not hold.
    """
    latest = Publication.objects.select_related("published_by").first()
    return Released(latest) if latest is not None else None


def publications(actor: User) -> QuerySet[Publication]:
    require(actor, "insights.view")
    return Publication.objects.select_related("published_by")


def localised(table: dict[str, Any]) -> dict[str, Any]:
    lang = indicators.language()
    return {"code": table["code"], "title": table["titles"][lang],
            "row_labels": [labels[lang] for labels in table["row_labels"]],
            "column_labels": [labels[lang] for labels in table["column_labels"]],
            "cells": table["cells"], "row_totals": table["row_totals"],
            "column_totals": table["column_totals"], "total": table["total"],
            "methodology": table["methodology"][lang]}


def tables(publication: Publication) -> list[dict[str, Any]]:
    """The publication's tables in the active language."""
    return [localised(table) for table in publication.content]


def table_of(publication: Publication, code: str) -> dict[str, Any]:
    for table in tables(publication):
        if table["code"] == code:
            return table
    raise KeyError(code)


def chart_svg(publication: Publication, code: str, *, rtl: bool = False) -> str:
    return chart_for(table_of(publication, code), rtl=rtl)
