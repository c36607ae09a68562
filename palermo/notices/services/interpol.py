"""Notices in the JSON shape of INTERPOL's public notices web service: import (onto the
watch list, with INTERPOL as their source) and export. Countries are ISO alpha-2 there and
alpha-3 here; dates are ``YYYY/MM/DD``; heights are metres."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pycountry
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.notices.models import Notice, NoticeSource, NoticeState
from palermo.notices.services.common import VALIDITY, require, unwatch, watch
from palermo.web import badinput

if TYPE_CHECKING:
    from palermo.access.models import User

# INTERPOL's own "2021/75051"; notices issued here go out as "ISR/2026/17", so a partner
# importing them cannot collide with INTERPOL's numbers.
ENTITY_ID = re.compile(r"^([A-Z]{3}/)?\d{4}/\d{1,9}$")
COLOUR_IN_LINK = re.compile(r"/notices/v1/(red|yellow|un)/")
COLOURS = {"red": "red", "yellow": "yellow", "un": "un_special"}
YELLOW_EXTRAS = ("date_of_event", "place", "mother_name", "mother_forename", "father_name",
                 "father_forename")
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (position from 1, reason)
    imported: bool = False


def _alpha3(code: Any, what: str) -> str:
    found = pycountry.countries.get(alpha_2=str(code).upper()) if code else None
    if found is None:
        raise ValueError(_("%(field)s: “%(code)s” is not an ISO alpha-2 country code")
                         % {"field": what, "code": code})
    return str(found.alpha_3)


def _alpha2(code: str) -> str:
    found = pycountry.countries.get(alpha_3=code)
    return str(found.alpha_2) if found else code


def _records(data: Any) -> list[Any]:
    if isinstance(data, dict) and "_embedded" in data:
        notices = data["_embedded"].get("notices") if isinstance(data["_embedded"], dict) \
            else None
        if not isinstance(notices, list):
            raise ServiceError(_("“_embedded” holds no “notices” list."), field="file")
        return notices
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        return [data]
    raise ServiceError(_("Expected INTERPOL's notice list or a notice."), field="file")


def _fields(record: Any, colour: str | None) -> dict[str, Any]:
    """One INTERPOL record as our notice's fields; ValueError says what is wrong."""
    if not isinstance(record, dict):
        raise ValueError(_("not an object"))
    entity = str(record.get("entity_id") or "")
    if not ENTITY_ID.match(entity):
        raise ValueError(_("entity_id: “%(value)s” is not like 2021/75051") % {"value": entity})
    link = json.dumps(record.get("_links") or {})
    found = COLOUR_IN_LINK.search(link)
    colour = COLOURS[found.group(1)] if found else colour
    if not colour:
        raise ValueError(_("the notice type is not in its links; give it for the file"))
    forename, name = str(record.get("forename") or "").strip(), \
        str(record.get("name") or "").strip()
    if not (forename or name):
        raise ValueError(_("name: neither name nor forename is given"))
    birth, particulars = None, {}
    raw_birth = record.get("date_of_birth")
    if raw_birth:
        if not re.match(r"^\d{4}(/\d{2}(/\d{2})?)?$", str(raw_birth)):
            raise ValueError(_("date_of_birth: “%(value)s” is not YYYY/MM/DD")
                             % {"value": raw_birth})
        try:
            birth = dt.datetime.strptime(raw_birth, "%Y/%m/%d").date()
        except ValueError:
            if str(raw_birth).count("/") == 2:
                raise ValueError(_("date_of_birth: “%(value)s” is not a date")
                                 % {"value": raw_birth}) from None
            particulars["date_of_birth"] = raw_birth  # a year or a month: kept as given
    sex = str(record.get("sex_id") or "").upper()
    if sex not in ("", "M", "F", "U"):
        raise ValueError(_("sex_id: “%(value)s” is not M, F or U") % {"value": sex})
    warrants = record.get("arrest_warrants") or []
    if not isinstance(warrants, list):
        raise ValueError(_("arrest_warrants: not a list"))
    height = record.get("height")
    try:
        height_cm = round(float(height) * 100) if height else None
        weight_kg = round(float(record["weight"])) if record.get("weight") else None
    except (TypeError, ValueError):
        raise ValueError(_("height or weight: not a number")) from None
    particulars.update({k: record[k] for k in YELLOW_EXTRAS if record.get(k)})
    if warrants:
        particulars["arrest_warrants"] = warrants
    return {
        "colour": colour, "external_id": entity, "family_name": name,
        "subject_names": [" ".join(p for p in (forename, name) if p)],
        "birth_date": birth, "sex": "" if sex == "U" else sex,
        "nationalities": [_alpha3(c, "nationalities") for c in record.get("nationalities") or []],
        "country_of_birth": _alpha3(record["country_of_birth_id"], "country_of_birth_id")
        if record.get("country_of_birth_id") else "",
        "place_of_birth": str(record.get("place_of_birth") or "")[:200],
        "identifying_marks": str(record.get("distinguishing_marks") or ""),
        "height_cm": height_cm, "weight_kg": weight_kg,
        "eye_colour": ", ".join(record.get("eyes_colors_id") or []),
        "hair_colour": ", ".join(record.get("hairs_id") or []),
        "languages": list(record.get("languages_spoken_ids") or []),
        "charges": "\n".join(str(w.get("charge") or "") for w in warrants
                             if isinstance(w, dict)),
        "issuing_country": _alpha3(warrants[0].get("issuing_country_id"), "issuing_country_id")
        if warrants and isinstance(warrants[0], dict) and warrants[0].get("issuing_country_id")
        else "",
        "particulars": particulars,
    }


def parse(content: bytes) -> Any:
    if len(content) > MAX_BYTES:
        raise ServiceError(_("The file is larger than 50 MB."), field="file")
    try:
        data = badinput.loads(content.decode("utf-8-sig"))
    except badinput.BadJson:
        raise ServiceError(_("The file is nested too deeply or holds a number that is not "
                             "finite."), field="file") from None
    except UnicodeDecodeError as exc:
        raise ServiceError(_("The file is not UTF-8 (byte %(at)d).") % {"at": exc.start},
                           field="file") from None
    except json.JSONDecodeError as exc:
        raise ServiceError(_("Not valid JSON: %(msg)s at line %(line)d, column %(col)d.")
                           % {"msg": exc.msg, "line": exc.lineno, "col": exc.colno},
                           field="file") from None
    if next(badinput.problems(data), None) is not None:
        raise ServiceError(_("The file holds text or a number that no record can store: a "
                             "NUL character, broken Unicode or a number beyond 64 bits."),
                           field="file")
    return data


def import_notices(content: bytes, *, actor: User, colour: str | None = None,
                   skip_bad: bool = False, request: HttpRequest | None = None) -> ImportReport:
    """All or nothing unless ``skip_bad``: every malformed record is reported by position."""
    require(actor, "notices.import")
    report, good = ImportReport(), []
    for position, record in enumerate(_records(parse(content)), start=1):
        try:
            good.append(_fields(record, colour))
        except ValueError as exc:
            report.errors.append((position, str(exc)))
    if report.errors and not skip_bad:
        return report
    report.skipped = len(report.errors)
    with transaction.atomic():
        for fields in good:
            _upsert(fields, actor=actor, report=report, request=request)
        audit.record("notice.import_file", actor=actor, request=request, object_type="notice",
                     detail={"created": report.created, "updated": report.updated,
                             "skipped": report.skipped})
    report.imported = True
    return report


def _upsert(fields: dict[str, Any], *, actor: User, report: ImportReport,
            request: HttpRequest | None) -> None:
    notice = Notice.objects.filter(source=NoticeSource.INTERPOL,
                                   external_id=fields["external_id"]).first()
    if notice is None:
        notice = Notice(source=NoticeSource.INTERPOL, issuing_agency=actor.agency,
                        created_by=actor, state=NoticeState.PUBLISHED)
        report.created += 1
    else:
        unwatch(notice)
        report.updated += 1
    for name, value in fields.items():
        setattr(notice, name, value)
    notice.expires_on = timezone.localdate() + VALIDITY
    notice.save()
    notice.watched_person_id = watch(notice)
    notice.save(update_fields=["watched_person_id"])
    audit.record("notice.import", actor=actor, request=request, object_type="notice",
                 object_id=notice.pk, detail={"entity_id": notice.external_id})


def _names(notice: Notice) -> tuple[str, str]:
    full = notice.subject_names[0] if notice.subject_names else ""
    family = notice.family_name or (full.split()[-1] if full.split() else "")
    forename = full[: len(full) - len(family)].strip() if full.endswith(family) else full
    return forename, family


def detail(notice: Notice) -> dict[str, Any]:
    forename, name = _names(notice)
    extras = dict(notice.particulars)
    warrants = extras.pop("arrest_warrants", None) or (
        [{"issuing_country_id": _alpha2(notice.issuing_country or
                                        notice.issuing_agency.country),
          "charge": notice.charges, "charge_translation": None}] if notice.charges else [])
    return {
        "entity_id": notice.external_id or (
            f"{notice.issuing_agency.country}/{notice.created_at.year}/{notice.pk}"),
        "forename": forename or None, "name": name or None,
        "date_of_birth": notice.birth_date.strftime("%Y/%m/%d") if notice.birth_date
        else extras.pop("date_of_birth", None),
        "nationalities": [_alpha2(c) for c in notice.nationalities],
        "sex_id": notice.sex or "U",
        "country_of_birth_id": _alpha2(notice.country_of_birth) if notice.country_of_birth
        else None,
        "place_of_birth": notice.place_of_birth or None,
        "distinguishing_marks": notice.identifying_marks or None,
        "height": notice.height_cm / 100 if notice.height_cm else None,
        "weight": notice.weight_kg,
        "eyes_colors_id": [c.strip() for c in notice.eye_colour.split(",") if c.strip()],
        "hairs_id": [c.strip() for c in notice.hair_colour.split(",") if c.strip()],
        "languages_spoken_ids": notice.languages,
        "arrest_warrants": warrants,
        **extras,
        "_links": {"self": {"href": f"/api/v1/notices/{notice.pk}/interpol"}},
    }


def export(notices: list[Notice], *, query: dict[str, Any]) -> dict[str, Any]:
    return {"total": len(notices), "query": {**query, "page": 1,
                                             "resultPerPage": len(notices)},
            "_embedded": {"notices": [detail(n) for n in notices]},
            "_links": {"self": {"href": "/api/v1/notices/interpol"}}}


def export_for(user: User, *, colour: str = "",
               request: HttpRequest | None = None) -> dict[str, Any]:
    """Published notices in INTERPOL's list shape; each one sent out is an audited read."""
    require(user, "notices.import")
    notices = Notice.objects.filter(state=NoticeState.PUBLISHED).select_related(
        "issuing_agency").order_by("pk")
    if colour:
        notices = notices.filter(colour=colour)
    chosen = list(notices)
    audit.record_reads(user, "notice", [(n.pk, {"export": "interpol"}) for n in chosen],
                       request=request)
    return export(chosen, query={"colour": colour} if colour else {})
