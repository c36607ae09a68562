"""One human being, one person: likely duplicates among the persons a user may see, merging
them with a record of what moved, and undoing a merge.

Name matching goes through one function, ``name_score``: the cross-script matcher of
``palermo.names``, the one screening checks watch lists with.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.audit import services as audit
from palermo.cases.models import (
    CasePerson,
    IdentityDocument,
    Person,
    PersonMerge,
    PersonName,
)
from palermo.cases.services import restricted
from palermo.cases.services.access import Sight, listable_cases, person_sight, sight_of
from palermo.cases.services.codes import check_length
from palermo.cases.services.errors import NotAllowed, ServiceError
from palermo.names.names import score_names
from palermo.web.limits import NOTE

if TYPE_CHECKING:
    from palermo.access.models import User

THRESHOLD = 0.75
SEARCH_LIMIT = 5_000  # most recent persons compared; the screening index replaces this scan


def name_score(a: str, b: str) -> float:
    return score_names(a, b)


@dataclass(frozen=True)
class Candidate:
    person: Person
    name: str
    score: float
    reasons: list[str]


def candidates(user: User, names: list[str], birth_date: dt.date | None = None,
               nationalities: list[str] | None = None, *, exclude: int | None = None,
               limit: int = 5) -> list[Candidate]:
    """Persons whose identity this user may see and who are likely the same person."""
    nationalities = nationalities or []
    # A highly restricted case's persons are reached only by saying why: never proposed.
    rows = (CasePerson.objects.filter(case__in=listable_cases(user))
            .exclude(case__sensitivity__in=restricted.levels_asking_reason())
            .select_related("case", "person").order_by("-added_at")[:SEARCH_LIMIT])
    seen: dict[int, Person] = {}
    sights = {}
    for case_person in rows:
        if case_person.person_id in seen or case_person.person.merged_into_id:
            continue
        if case_person.case_id not in sights:
            sights[case_person.case_id] = sight_of(user, case_person.case)
        if person_sight(user, sights[case_person.case_id], case_person) == Sight.IDENTITY:
            seen[case_person.person_id] = case_person.person
    seen.pop(exclude or 0, None)
    all_names: dict[int, list[str]] = {}
    for row in PersonName.objects.filter(person_id__in=seen).values_list("person_id",
                                                                         "full_name"):
        all_names.setdefault(row[0], []).append(row[1])
    found = []
    for person_id, person in seen.items():
        best, best_name = 0.0, ""
        for theirs in all_names.get(person_id, []):
            for ours in names:
                score = name_score(ours, theirs)
                if score > best:
                    best, best_name = score, theirs
        reasons = [_("name %(score).0f%% alike") % {"score": best * 100}]
        if birth_date and person.birth_date:
            if birth_date == person.birth_date:
                best, reasons = min(1.0, best + 0.1), [*reasons, _("same birth date")]
            else:
                best, reasons = best - 0.3, [*reasons, _("different birth date")]
        if nationalities and set(nationalities) & set(person.nationalities):
            reasons.append(_("same nationality"))
        if best >= THRESHOLD:
            found.append(Candidate(person, best_name, round(best, 2), reasons))
    shown = sorted(found, key=lambda c: -c.score)[:limit]
    # Proposing a duplicate shows that person's name: a read like any other.
    audit.record_reads(user, "person", [(c.person.pk, {"why": "duplicate proposal",
                                                       "score": c.score}) for c in shown])
    return shown


def _require(user: User, person: Person) -> None:
    if not user.has_perm("cases.edit"):
        raise NotAllowed(_("Your roles do not allow merging persons."))
    for case_person in person.case_roles.select_related("case"):
        if person_sight(user, sight_of(user, case_person.case), case_person) != Sight.IDENTITY:
            raise NotAllowed(_("You may merge only persons whose every record you may see."))


def merge(kept: Person, merged: Person, *, actor: User, reason: str,
          request: HttpRequest | None = None) -> PersonMerge:
    if kept.pk == merged.pk or merged.merged_into_id or kept.merged_into_id:
        raise ServiceError(_("These records cannot be merged."), field="person")
    if not reason.strip():
        raise ServiceError(_("Say why these are the same person."), field="reason")
    check_length(reason, NOTE, "reason", _("Why are they the same person?"))
    _require(actor, kept)
    _require(actor, merged)
    with transaction.atomic():
        kept_names = set(kept.names.values_list("full_name", flat=True))
        added_names = [
            PersonName.objects.create(person=kept, full_name=n.full_name, script=n.script,
                                      kind="alias").pk
            for n in merged.names.all() if n.full_name not in kept_names
        ]
        kept_docs = set(kept.documents.values_list("number", "issuing_country"))
        added_documents = [
            IdentityDocument.objects.create(person=kept, kind=d.kind, number=d.number,
                                            issuing_country=d.issuing_country,
                                            expires_on=d.expires_on).pk
            for d in merged.documents.all() if (d.number, d.issuing_country) not in kept_docs
        ]
        taken = set(kept.case_roles.values_list("case_id", "role"))
        moved = [cp.pk for cp in merged.case_roles.all() if (cp.case_id, cp.role) not in taken]
        CasePerson.objects.filter(pk__in=moved).update(person=kept)
        Person.objects.filter(pk=merged.pk).update(merged_into=kept)
        record = PersonMerge.objects.create(
            kept=kept, merged=merged, moved_case_persons=moved, added_names=added_names,
            added_documents=added_documents, reason=reason.strip(), merged_by=actor)
        audit.record("person.merge", actor=actor, request=request, object_type="person",
                     object_id=kept.pk, reason=reason,
                     detail={"merged": merged.pk, "moved_case_persons": moved})
    return record


def merges_of(person: Person) -> QuerySet[PersonMerge]:
    return PersonMerge.objects.filter(kept=person).select_related("merged_by")


def unmerge(record: PersonMerge, *, actor: User, request: HttpRequest | None = None) -> None:
    if record.undone_at is not None:
        raise ServiceError(_("This merge was undone already."), field="merge")
    _require(actor, record.kept)
    with transaction.atomic():
        CasePerson.objects.filter(pk__in=record.moved_case_persons).update(person=record.merged)
        PersonName.objects.filter(pk__in=record.added_names).delete()
        IdentityDocument.objects.filter(pk__in=record.added_documents).delete()
        Person.objects.filter(pk=record.merged_id).update(merged_into=None)
        record.undone_at = timezone.now()
        record.save(update_fields=["undone_at"])
        audit.record("person.unmerge", actor=actor, request=request, object_type="person",
                     object_id=record.kept_id, detail={"merged": record.merged_id})
