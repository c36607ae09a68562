"""A record's fields in JSON form, as a proposed change and a kept version store them: dates
as ISO strings, the decision appealed from by its id; and back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.library.models import JudicialDecision

DATE_FIELDS = {"decision_date", "opinion_date"}


def to_json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(record: models.Model, names: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for name in names:
        if name == "previous_decision":
            out[name] = getattr(record, "previous_decision_id", None)
        else:
            out[name] = to_json(getattr(record, name))
    return out


def from_json(fields: dict[str, Any]) -> dict[str, Any]:
    """Python values for the services; a bad date or an unknown decision names its field."""
    out = dict(fields)
    for name in DATE_FIELDS & set(out):
        if out[name] in (None, ""):
            out[name] = None
        elif not isinstance(out[name], dt.date):
            try:
                out[name] = dt.date.fromisoformat(str(out[name]))
            except ValueError:
                raise ServiceError(_("“%(value)s” is not a date (YYYY-MM-DD).")
                                   % {"value": out[name]}, field=name) from None
    if "previous_decision" in out and not isinstance(out["previous_decision"],
                                                     JudicialDecision | None):
        found = JudicialDecision.objects.filter(pk=out["previous_decision"]).first() \
            if str(out["previous_decision"]).isdigit() else None
        if found is None:
            raise ServiceError(_("There is no decision %(id)s.")
                               % {"id": out["previous_decision"]}, field="previous_decision")
        out["previous_decision"] = found
    return out
