"""The watch list of persons: a check's name against it (by name keys, then the matcher's
explanation), and the persons other capabilities put on it or take off."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.names.names import DEFAULT_THRESHOLD, explain_names
from palermo.screening import person_keys
from palermo.screening.models import WatchedPerson
from palermo.screening.services.query import MAX_NAME, Hit, Query
from palermo.screening.services.registries import notice_of
from palermo.vocab import registry


def check_person(query: Query, hits: list[Hit]) -> None:
    name = query.name.strip()
    if not name:
        return
    if len(name) > MAX_NAME:
        raise ServiceError(_("A name has at most %(n)d characters.") % {"n": MAX_NAME},
                           field="name")
    found = person_keys.search(name, birth_date=query.birth_date,
                               nationality=query.nationality, sex=query.sex, limit=5).hits
    persons = {p.pk: p for p in WatchedPerson.objects.select_related("owner_agency")
               .filter(pk__in=[pid for pid, _score in found])}
    reasons = registry.get("watch_reasons")
    for person_id, score in found:
        if score < DEFAULT_THRESHOLD or person_id not in persons:
            continue
        person = persons[person_id]
        best = max(person.names, key=lambda n: explain_names(name, n)[0])
        _score, how = explain_names(name, best)
        explanation = [how]
        if query.birth_date and person.birth_date:
            agrees = person.birth_date.isoformat() == query.birth_date
            explanation.append(_("birth date agrees") if agrees else _("birth date differs"))
        explanation.append(_("Listed as: %(reason)s") % {
            "reason": reasons.get(person.reason).label(get_language() or "en")})
        hits.append(Hit("person", round(score, 3), _person_record(person), explanation,
                        person.action or _("Call the owning agency before letting the person "
                                           "through."), notice=notice_of(person.pk)))


def _person_record(person: WatchedPerson) -> dict[str, Any]:
    return {"id": person.pk, "names": person.names, "birth_date": str(person.birth_date or ""),
            "nationalities": person.nationalities, "sex": person.sex,
            "reason": person.reason, "owner": person.owner_agency.name,
            "source": person.source, "case": person.case_reference,
            "owner_id": person.owner_agency_id}


def watch_person(*, names: list[str], birth_date: dt.date | None, sex: str,
                 nationalities: list[str], reason: str, action: str, owner_agency_id: int,
                 source: str) -> int:
    """Put a person on the watch list for another capability (a published notice). The
    person's name keys are filed with it (person_keys), so the next check finds it."""
    with transaction.atomic():
        person = WatchedPerson.objects.create(
            names=names, birth_date=birth_date, sex=sex, nationalities=nationalities,
            reason=reason, action=action, owner_agency_id=owner_agency_id, source=source)
    return int(person.pk)


def unwatch_person(person_id: int) -> None:
    # The person's name keys go with it (cascade), in the same transaction.
    WatchedPerson.objects.filter(pk=person_id).delete()
