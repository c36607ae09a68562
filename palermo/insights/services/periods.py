"""The period a table covers: inclusive days, parsed from user input with errors that name
the field, and the previous period of the same length for comparisons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError

MAX_DAYS = 366 * 50


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def is_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1, 1, 12, 31) and self.start.year == self.end.year

    @property
    def label(self) -> str:
        if self.is_year:
            return str(self.start.year)
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    def previous(self) -> Period:
        """The period of the same length just before; a calendar year's is the year before."""
        if self.is_year:
            return Period.year(self.start.year - 1)
        end = self.start - dt.timedelta(days=1)
        return Period(end - dt.timedelta(days=self.days - 1), end)


def _date(value: str | None, field: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ServiceError(_("Give the day as YYYY-MM-DD, not “%(value)s”.")
                           % {"value": value[:20]}, field=field) from None


def parse(start: str | None, end: str | None, *, year: str | None = None) -> Period:
    """A period from a form or a query string: a ``year``, or ``from``/``to`` days. Without
    any, the current calendar year."""
    if year:
        if not (year.isascii() and year.strip().isdigit()) or not 1900 <= int(year) <= 2200:
            raise ServiceError(_("Give the year as four digits, not “%(value)s”.")
                               % {"value": year[:20]}, field="year")
        return Period.year(int(year))
    first, last = _date(start, "from"), _date(end, "to")
    today = timezone.localdate()
    if first is None and last is None:
        return Period.year(today.year)
    first = first or dt.date((last or today).year, 1, 1)
    last = last or today
    if last < first:
        raise ServiceError(_("The last day is before the first."), field="to")
    if (last - first).days > MAX_DAYS:
        raise ServiceError(_("Choose a period of at most 50 years."), field="from")
    return Period(first, last)
