"""Notices in the JSON shape of INTERPOL's public notices web service: import (onto the
watch list, with INTERPOL as their source) and export, losing nothing on the way round.

Each INTERPOL field with a home in Palermo's notice fills it: countries are ISO alpha-2 there
and alpha-3 here, dates ``YYYY/MM/DD``, heights metres, eye and hair colours and languages
INTERPOL's codes (``interpol_codes``). What has no home, and the value as given wherever
Palermo's form of it would come out differently (a year of birth alone, a weight of 0, a
charge's translation), is kept in ``Notice.particulars`` and given back on export; so are the
fields a list answer left out, which stay out. The field lists are in ``interpol_fields``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.notices.models import Notice, NoticeSource, NoticeState
from palermo.notices.services import interpol_codes as codes
from palermo.notices.services import interpol_fields as fields
from palermo.notices.services.common import VALIDITY, unwatch, watch
from palermo.notices.services.interpol_fields import FieldError
from palermo.notices.services.notices import visible
from palermo.vocab import registry
from palermo.web import badinput

if TYPE_CHECKING:
    from palermo.access.models import User

# INTERPOL's own "2021/75051"; notices issued here go out as "ISR/2026/17", so a partner
# importing them cannot collide with INTERPOL's numbers.
ENTITY_ID = re.compile(r"^([A-Z]{3}/)?\d{4}/\d{1,9}$")
# INTERPOL's addresses (/notices/v1/red/2021-75051, /notices/v1/un/persons/2021-84506) and
# the ones this export gives (/api/v1/notices/interpol/red/ISR-2026-17).
LINK = re.compile(r"/notices/(?:v1|interpol)/(?P<kind>[a-z_]+)"
                  r"(?:/(?P<subject>persons|entities))?(?:/(?P<entity>[^/?#]+))?")
EXPORT_PATH = "/api/v1/notices/interpol"
MAX_BYTES = 50 * 1024 * 1024
KEPT = "_palermo"  # in particulars: Palermo's own note of the fields a record left out


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (position from 1, reason)
    imported: bool = False


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


def _records(data: Any) -> tuple[list[Any], str | None]:
    """The notices of a list answer, a bare list or a single notice, with the type the list's
    own link names. A single notice has ``_embedded`` too (its links), but no notices."""
    if isinstance(data, list):
        return data, None
    if not isinstance(data, dict):
        raise ServiceError(_("Expected INTERPOL's notice list or a notice."), field="file")
    embedded = data.get("_embedded")
    if "entity_id" in data or not (isinstance(embedded, dict) and "notices" in embedded):
        return [data], None
    if not isinstance(embedded["notices"], list):
        raise ServiceError(_("“_embedded” holds no “notices” list."), field="file")
    found = _link(data.get("_links"))
    return embedded["notices"], found["kind"] if found else None


def _link(links: Any) -> re.Match[str] | None:
    if not isinstance(links, dict):
        return None
    for link in (links.get("self"), *links.values()):
        href = link.get("href") if isinstance(link, dict) else None
        found = LINK.search(href) if isinstance(href, str) else None
        if found:
            return found
    return None


def _colour(record: dict[str, Any], given: str | None) -> str:
    """The notice type from the record's links, else the list's or the one given."""
    found = _link(record.get("_links"))
    if found is None:
        if given:
            return given
        raise FieldError("_links", _("the notice type is not in its links; give it for the "
                                     "file"))
    if found["subject"] == "entities":
        raise FieldError("_links", _("a UN notice about an entity, not a person; Palermo's "
                                     "notices are about persons"))
    colour = fields.colour_of(found["kind"])
    if colour not in registry.get("notice_types"):
        raise FieldError("_links", _("the link names the notice type “%(kind)s”, which "
                                     "Palermo does not know") % {"kind": found["kind"]})
    entity = found["entity"]
    if entity and entity.replace("-", "/") != record.get("entity_id"):
        raise FieldError("_links", _("the link is to notice %(link)s, not to this one")
                         % {"link": entity})
    return colour


def _coded(key: str, convert: Any, values: list[str], what: str) -> Any:
    try:
        return convert(values)
    except codes.UnknownCode as exc:
        raise FieldError(key, _("“%(code)s” is not one of INTERPOL's codes for %(what)s")
                         % {"code": exc, "what": what}) from None
    except codes.TooMany:
        raise FieldError(key, _("more colours than a notice holds")) from None


def _entity_id(record: dict[str, Any]) -> str:
    entity = record.get("entity_id")
    if not isinstance(entity, str) or not ENTITY_ID.match(entity):
        raise FieldError("entity_id", _("“%(value)s” is not like 2021/75051")
                         % {"value": entity})
    return entity


def _columns(record: dict[str, Any], colour: str) -> dict[str, Any]:
    """The notice's fields from one INTERPOL record; FieldError says what is wrong."""
    entity = _entity_id(record)
    forename, name = fields.text(record, "forename"), fields.text(record, "name", 200)
    if not (forename or name):
        raise FieldError("name", _("neither name nor forename is given"))
    full = " ".join(p for p in (forename, name) if p)
    original = " ".join(p for p in (fields.text(record, "forename_in_original_script"),
                                    fields.text(record, "name_in_original_script")) if p)
    sex = record.get("sex_id")
    if sex not in (None, "", "M", "F", "U"):
        raise FieldError("sex_id", _("“%(value)s” is not M, F or U") % {"value": sex})
    warrants = fields.warrants(record)
    issuer = next((w["issuing_country_id"] for w in warrants if w.get("issuing_country_id")),
                  None)
    height = fields.number(record, "height", most=3)
    weight = fields.number(record, "weight", most=500)
    fields.check_extras(record)
    return {
        "colour": colour, "external_id": entity, "family_name": name,
        "subject_names": [full, *([original] if original and original != full else [])],
        "birth_date": fields.date(record, "date_of_birth"),
        "sex": sex if sex in ("M", "F") else "",
        "nationalities": [fields.alpha3("nationalities", c)
                          for c in fields.codes(record, "nationalities")],
        "country_of_birth": fields.alpha3("country_of_birth_id", record["country_of_birth_id"])
        if record.get("country_of_birth_id") else "",
        "place_of_birth": fields.text(record, "place_of_birth", 200),
        "identifying_marks": fields.text(record, "distinguishing_marks"),
        "height_cm": round(height * 100) if height else None,
        "weight_kg": round(weight) if weight else None,
        "eye_colour": _coded("eyes_colors_id", lambda v: codes.colour_words(codes.EYES, v),
                             fields.codes(record, "eyes_colors_id"), _("eye colour")),
        "hair_colour": _coded("hairs_id", lambda v: codes.colour_words(codes.HAIR, v),
                              fields.codes(record, "hairs_id"), _("hair colour")),
        "languages": _coded("languages_spoken_ids", codes.palermo_languages,
                            fields.codes(record, "languages_spoken_ids"),
                            _("languages spoken")),
        # A translation stays beside its charge, so a reader of the notice sees both.
        "charges": "\n".join(" / ".join(p for p in (w.get("charge"), w.get("charge_translation"))
                                        if p) for w in warrants if w.get("charge")),
        "issuing_country": fields.alpha3("issuing_country_id", issuer) if issuer else "",
    }


def _kept(record: dict[str, Any], columns: dict[str, Any]) -> dict[str, Any]:
    """What the notice's fields cannot give back exactly: the record's own values of those
    fields, and the fields left out of it (so they stay out)."""
    derived = _values(Notice(**columns, source=NoticeSource.INTERPOL))
    given = {key: derived.get(key) for key in fields.shape(columns["colour"])}
    kept = {k: v for k, v in record.items() if k not in given or given[k] != v}
    absent = [k for k in given if k not in record]
    if absent:
        kept[KEPT] = {"absent": absent}
    return kept


def _problem(position: int, record: Any, exc: FieldError) -> tuple[int, str]:
    entity = record.get("entity_id") if isinstance(record, dict) else None
    reason = exc.describe()
    if isinstance(entity, str) and entity and exc.key != "entity_id":
        reason = _("notice %(entity)s, %(reason)s") % {"entity": entity, "reason": reason}
    return position, reason


def import_notices(content: bytes, *, actor: User, colour: str | None = None,
                   skip_bad: bool = False, request: HttpRequest | None = None) -> ImportReport:
    """All or nothing unless ``skip_bad``: every malformed record is reported by position,
    with its notice and field."""
    require(actor, "notices.import")
    if colour and colour not in registry.get("notice_types"):
        raise ServiceError(_("Choose a notice type."), field="colour")
    records, listed = _records(parse(content))
    given = fields.colour_of(listed) if listed else colour
    report, good = ImportReport(), []
    for position, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            report.errors.append((position, _("not a notice: INTERPOL gives each notice as "
                                              "an object with its fields")))
            continue
        try:
            _entity_id(record)
            kind = _colour(record, given)
            _columns(record, kind)
            good.append((record, kind))
        except FieldError as exc:
            report.errors.append(_problem(position, record, exc))
    if report.errors and not skip_bad:
        return report
    report.skipped = len(report.errors)
    with transaction.atomic():
        for record, kind in good:
            _upsert(record, kind, actor=actor, report=report, request=request)
        audit.record("notice.import_file", actor=actor, request=request, object_type="notice",
                     detail={"created": report.created, "updated": report.updated,
                             "skipped": report.skipped})
    report.imported = True
    return report


def _upsert(record: dict[str, Any], colour: str, *, actor: User, report: ImportReport,
            request: HttpRequest | None) -> None:
    notice = Notice.objects.filter(source=NoticeSource.INTERPOL,
                                   external_id=record["entity_id"]).first()
    if notice is None:
        notice = Notice(source=NoticeSource.INTERPOL, issuing_agency=actor.agency,
                        created_by=actor, state=NoticeState.PUBLISHED)
        report.created += 1
    else:
        # A list answer gives a notice in part: what it leaves out stays as it was.
        record = {**detail(notice), **record}
        unwatch(notice)
        report.updated += 1
    columns = _columns(record, colour)
    for name, value in columns.items():
        setattr(notice, name, value)
    notice.particulars = _kept(record, columns)
    notice.expires_on = timezone.localdate() + VALIDITY
    notice.save()
    notice.watched_person_id = watch(notice)
    notice.save(update_fields=["watched_person_id"])
    audit.record("notice.import", actor=actor, request=request, object_type="notice",
                 object_id=notice.pk, detail={"entity_id": notice.external_id})


def _names(notice: Notice) -> tuple[str, str]:
    """Forename and family name from the first of the subject's names. The family name is
    where the notice's family name stands in it, with what follows ("Levi (invented)");
    without one, an imported notice's name is all forename, a notice issued here ends in it."""
    full = notice.subject_names[0].strip() if notice.subject_names else ""
    family = notice.family_name.strip()
    if family:
        found = list(re.finditer(rf"(?<!\w){re.escape(family)}(?!\w)", full, re.IGNORECASE))
        if not found:
            return full, family
        return full[:found[-1].start()].strip(), full[found[-1].start():].strip()
    if notice.source == NoticeSource.INTERPOL:
        return full, ""
    forename, _space, name = full.rpartition(" ")
    return forename.strip(), name


def _entity(notice: Notice) -> str:
    return notice.external_id or (
        f"{notice.issuing_agency.country}/{notice.created_at.year}/{notice.pk}")


def _values(notice: Notice) -> dict[str, Any]:
    """The notice's fields in INTERPOL's form, without what ``particulars`` keeps."""
    forename, name = _names(notice)
    entity = _entity(notice)
    issuer = notice.issuing_country or (
        notice.issuing_agency.country if notice.issuing_agency_id else "")
    kind = fields.kind_of(notice.colour)
    links = {"self": {"href": f"{EXPORT_PATH}/{'un/persons' if kind == 'un' else kind}/"
                              f"{entity.replace('/', '-')}"}}
    if notice.pk and notice.photo_type:
        links["thumbnail"] = {"href": reverse("notices:photo", args=[notice.pk])}
    return {
        "entity_id": entity, "forename": forename or None, "name": name or None,
        "date_of_birth": notice.birth_date.strftime("%Y/%m/%d") if notice.birth_date
        else None,
        "nationalities": [fields.alpha2(c) or c for c in notice.nationalities],
        "sex_id": notice.sex if notice.sex in ("M", "F") else "U",
        "country_of_birth_id": fields.alpha2(notice.country_of_birth),
        "place_of_birth": notice.place_of_birth or None,
        "distinguishing_marks": notice.identifying_marks or None,
        "height": notice.height_cm / 100 if notice.height_cm else None,
        "weight": notice.weight_kg or None,
        "eyes_colors_id": codes.colour_codes(codes.EYES, notice.eye_colour),
        "hairs_id": codes.colour_codes(codes.HAIR, notice.hair_colour),
        "languages_spoken_ids": codes.interpol_languages(notice.languages),
        "arrest_warrants": [{"issuing_country_id": fields.alpha2(issuer),
                             "charge": notice.charges, "charge_translation": None}]
        if notice.charges else [],
        "_embedded": {"links": []},
        "_links": links,
    }


def detail(notice: Notice) -> dict[str, Any]:
    """One notice in INTERPOL's detail shape for its type."""
    values = _values(notice)
    record = {key: values.get(key) for key in fields.shape(notice.colour)}
    kept = dict(notice.particulars or {})
    absent = (kept.pop(KEPT, None) or {}).get("absent", [])
    record.update(kept)
    for key in absent:
        record.pop(key, None)
    return record


def export(notices: list[Notice], *, query: dict[str, Any]) -> dict[str, Any]:
    href = f"{EXPORT_PATH}?{urlencode({**query, 'page': 1})}"
    return {"total": len(notices), "query": {**query, "page": 1,
                                             "resultPerPage": len(notices)},
            "_embedded": {"notices": [detail(n) for n in notices]},
            "_links": {"self": {"href": href}, "first": {"href": href},
                       "last": {"href": href}}}


def export_for(user: User, *, colour: str = "",
               request: HttpRequest | None = None) -> dict[str, Any]:
    """Published notices in INTERPOL's list shape; each one sent out is an audited read."""
    require(user, "notices.import")
    notices = Notice.objects.filter(state=NoticeState.PUBLISHED).select_related(
        "issuing_agency").defer("photo").order_by("pk")
    if colour:
        notices = notices.filter(colour=colour)
    chosen = list(notices)
    audit.record_reads(user, "notice", [(n.pk, {"export": "interpol"}) for n in chosen],
                       request=request)
    return export(chosen, query={"colour": colour} if colour else {})


def linked(user: User, kind: str, entity: str) -> Notice | None:
    """The notice an exported link names (``red/ISR-2026-17``), among those the user sees."""
    colour, reference = fields.colour_of(kind), entity.replace("-", "/")
    found = visible(user).filter(colour=colour)
    own = re.fullmatch(r"([A-Z]{3})/(\d{4})/(\d{1,9})", reference)
    if own:
        match = found.filter(source=NoticeSource.AGENCY, pk=int(own[3]),
                             issuing_agency__country=own[1],
                             created_at__year=int(own[2])).first()
        if match is not None:
            return match
    return found.filter(external_id=reference).first()
