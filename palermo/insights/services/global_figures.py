"""Global figures: importing UNODC's GLOTIP data file and setting a country's figures beside
its subregion's, its region's and the world's, always with the source and release date."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.insights.engine import glotip
from palermo.insights.engine.glotip_totals import Contradiction, contradictions
from palermo.insights.models import GlobalFigure, GlobalRelease

if TYPE_CHECKING:
    from palermo.access.models import User

DEFAULT_SOURCE = "UNODC, Global Report on Trafficking in Persons (GLOTIP) data"
MAX_FILE_BYTES = 50 * 1024 * 1024


def import_glotip(actor: User, data: bytes, *, file_name: str,
                  release_date: dt.date | str | None = None, source: str = "",
                  request: HttpRequest | None = None) -> GlobalRelease:
    """Parse the whole file, then write the release and all its figures in one transaction
    with the audit entry: all or nothing. A bad file raises ``glotip.GlotipError`` (its
    ``problems`` name each row and column) and writes nothing.

    The release date is the one the file's preamble gives; ``release_date`` is needed only
    for a file without one (default: today) and must agree with the file's otherwise."""
    require(actor, "insights.import_global")
    if len(data) > MAX_FILE_BYTES:
        raise ServiceError(_("The file is larger than %(size)d MB.")
                           % {"size": MAX_FILE_BYTES // (1024 * 1024)}, field="file")
    given = _release_date(release_date)
    found = glotip.read(data, file_name)
    if found.released and given and given != found.released:
        raise ServiceError(_("The file gives its release date as %(file)s, not %(given)s: "
                             "leave the release date empty or enter the file's.")
                           % {"file": found.released.strftime("%d/%m/%Y"),
                              "given": given.strftime("%d/%m/%Y")}, field="release_date")
    when = found.released or given or timezone.localdate()
    with transaction.atomic():
        release = GlobalRelease.objects.create(
            file_name=file_name[:255], sha256=hashlib.sha256(data).hexdigest(),
            source=(source.strip() or DEFAULT_SOURCE)[:200], publisher=found.publisher[:200],
            release_date=when, figure_count=len(found.rows), repeated_rows=found.repeated,
            imported_by=actor)
        GlobalFigure.objects.bulk_create(
            (_figure(release, row) for row in found.rows), batch_size=2000)
        audit.record("insights.global_import", actor=actor, request=request,
                     object_type="global_release", object_id=release.pk,
                     detail={"file": release.file_name, "sha256": release.sha256,
                             "figures": len(found.rows), "repeated_rows": found.repeated,
                             "publisher": release.publisher,
                             "release_date": when.isoformat()})
    return release


def _release_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ServiceError(_("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value},
                           field="release_date") from None


def _figure(release: GlobalRelease, row: glotip.Row) -> GlobalFigure:
    return GlobalFigure(
        release=release, row=row.line, level=row.level, iso3=row.iso3,
        country=row.country[:200], region=row.region[:200], subregion=row.subregion[:200],
        indicator=row.indicator[:200], dimension=row.dimension[:200],
        category=row.category[:200], sex=row.sex[:64], age=row.age[:64], year=row.year,
        unit=row.unit[:64], value=row.value.number, below=row.value.below,
        source=row.source[:300])


def releases(actor: User) -> QuerySet[GlobalRelease]:
    require(actor, "insights.view")
    return GlobalRelease.objects.select_related("imported_by")


def latest_release() -> GlobalRelease | None:
    return GlobalRelease.objects.first()


def indicators() -> list[str]:
    """The indicators of the latest release, for a chooser."""
    release = latest_release()
    if release is None:
        return []
    return list(release.figures.order_by("indicator").values_list("indicator", flat=True)
                .distinct())


def countries() -> list[tuple[str, str]]:
    """(ISO code, name) of the countries in the latest release."""
    release = latest_release()
    if release is None:
        return []
    pairs = release.figures.filter(level="country").values_list("iso3", "country").distinct()
    return sorted(set(pairs), key=lambda pair: pair[1])


def global_comparison(indicator: str, country_iso3: str, year: int | None = None
                      ) -> dict[str, Any]:
    """A country's figures for one GLOTIP indicator beside its subregion's, region's and the
    world's, from the latest release. The figures are UNODC's published ones (already
    protected by UNODC), so reading them needs no permission of its own; callers check
    ``insights.view``.

    ``year`` None means the latest year the country has a figure for (or the latest overall).
    Returns::

        {"indicator": str, "year": int | None, "country_iso3": str,
         "country": str, "subregion": str, "region": str,
         "release": {"id": int, "source": str, "publisher": str, "release_date": date,
                     "file_name": str} | None,
         "levels": {"country": [figure, ...], "subregion": [...], "region": [...],
                    "global": [...]}}

    where each figure is ``{"name": str, "dimension": str, "category": str, "sex": str,
    "age": str, "unit": str, "value": Decimal | None, "below": int | None,
    "display": str ("12" or "<5"), "censored": bool, "source": str, "row": int (in the
    file), "contradiction": str}``. A censored value has ``value`` None and ``below`` its
    bound. ``contradiction`` says, for a total smaller than its parts by sex or by age
    (``engine.glotip_totals``), what the parts add up to; it is "" otherwise. Empty lists when
    there is nothing to show.
    """
    iso3 = (country_iso3 or "").upper()
    release = latest_release()
    result: dict[str, Any] = {
        "indicator": indicator, "year": year, "country_iso3": iso3, "country": "",
        "subregion": "", "region": "", "release": None,
        "levels": {level: [] for level in GlobalFigure.LEVELS}}
    if release is None:
        return result
    result["release"] = {"id": release.pk, "source": release.source,
                         "publisher": release.publisher, "release_date": release.release_date,
                         "file_name": release.file_name}
    figures = release.figures.filter(indicator=indicator)
    if year is None:
        own = figures.filter(iso3=iso3).order_by("-year").first()
        latest = own or figures.order_by("-year").first()
        year = latest.year if latest else None
        result["year"] = year
    if year is None:
        return result
    figures = figures.filter(year=year)
    mine = list(figures.filter(level="country", iso3=iso3))
    # The country's region from any of its rows, so the region's and the world's figures
    # show even for a year the country gave none.
    home = mine[0] if mine else release.figures.filter(level="country", iso3=iso3).first()
    if home is not None:
        result.update(country=home.country, region=home.region, subregion=home.subregion)
    result["levels"]["country"] = _shown_all(mine, lambda f: f.country)
    if result["subregion"]:
        result["levels"]["subregion"] = _shown_all(
            figures.filter(level="subregion", subregion=result["subregion"]),
            lambda f: f.subregion)
    if result["region"]:
        result["levels"]["region"] = _shown_all(
            figures.filter(level="region", region=result["region"]), lambda f: f.region)
    result["levels"]["global"] = _shown_all(figures.filter(level="global"),
                                            lambda f: f.country or "World")
    return result


def _shown_all(figures: Iterable[GlobalFigure], name: Callable[[GlobalFigure], str]
               ) -> list[dict[str, Any]]:
    """The figures as the comparison shows them, each total smaller than its parts flagged
    (``contradiction``: what is wrong, or "")."""
    listed = list(figures)
    flagged = contradictions(listed)
    return [_shown(figure, name(figure), flagged.get(index))
            for index, figure in enumerate(listed)]


def _shown(figure: GlobalFigure, name: str, contradiction: Contradiction | None = None
           ) -> dict[str, Any]:
    note = ""
    if contradiction is not None:
        parts = f"{contradiction.parts_at_least.normalize():f}"
        note = (_("its figures by sex add up to at least %(parts)s, more than this total")
                if contradiction.breakdown == "sex" else
                _("its figures by age add up to at least %(parts)s, more than this total")
                ) % {"parts": parts}
    return {"name": name, "dimension": figure.dimension, "category": figure.category,
            "sex": figure.sex, "age": figure.age, "unit": figure.unit, "value": figure.value,
            "below": figure.below, "display": figure.display_value,
            "censored": figure.below is not None, "source": figure.source, "row": figure.row,
            "contradiction": note}


SAMPLE_FILE = Path(__file__).resolve().parents[1] / "data" / "glotip_synthetic.csv"
SAMPLE_SOURCE = "SYNTHETIC sample in GLOTIP format (invented values, not UNODC data)"


def seed_sample(actor: User) -> GlobalRelease | None:
    """Import the synthetic sample once (for the demo); None if it is already there."""
    data = SAMPLE_FILE.read_bytes()
    if GlobalRelease.objects.filter(sha256=hashlib.sha256(data).hexdigest()).exists():
        return None
    return import_glotip(actor, data, file_name=SAMPLE_FILE.name,
                         release_date=dt.date(2024, 12, 11), source=SAMPLE_SOURCE)
