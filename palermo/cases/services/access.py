"""Need-to-know. A case is open to the agencies taking part and to the coordinator; an agency
to which a person was referred sees that person and the case's outline; suspects are never
shown to welfare, health or NGO roles; victims' identities need the identity permission, and
child victims the child permission as well. Documents, notes and any words users wrote in a
case are *material*: shown only to those who may see in full every person they speak of.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from palermo.cases.models import Case, CaseAgency, CasePerson, Person, Referral
from palermo.cases.models.coordination import ReferralState
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

REFERRAL_GRANTS = (ReferralState.ACCEPTED, ReferralState.DONE)


class Sight(enum.IntEnum):
    """How much of a person in a case a user sees."""

    HIDDEN = 0  # not listed at all
    PSEUDONYM = 1  # "Victim 2" and the non-identifying fields
    IDENTITY = 2  # names, birth date, documents, contacts


@dataclass(frozen=True)
class CaseSight:
    """What one user may do with one case, computed once per request."""

    can_open: bool
    takes_part: bool
    sees_all: bool
    referred_persons: frozenset[int]  # CasePerson ids referred to the user's agency (accepted)
    only_referred: bool  # NGO users and agencies present only by referral

    @property
    def can_edit(self) -> bool:
        return self.can_open and (self.takes_part or self.sees_all)


def active_agency_ids(case: Case) -> set[int]:
    return set(
        CaseAgency.objects.filter(case=case, left_at__isnull=True)
        .values_list("agency_id", flat=True)
    )


def sight_of(user: User, case: Case) -> CaseSight:
    sees_all = user.has_perm("cases.view_all")
    takes_part = user.agency_id in active_agency_ids(case)
    referred = frozenset(
        Referral.objects.filter(case=case, to_agency_id=user.agency_id,
                                state__in=REFERRAL_GRANTS)
        .values_list("case_person_id", flat=True)
    )
    may_view = user.has_perm("cases.view")
    can_open = sees_all or (may_view and (takes_part or bool(referred)))
    only_referred = not sees_all and (user.agency.kind == "ngo" or not takes_part)
    return CaseSight(can_open, takes_part, sees_all, referred, only_referred)


def person_sight(user: User, sight: CaseSight, case_person: CasePerson) -> Sight:
    if not sight.can_open:
        return Sight.HIDDEN
    role = registry.get("person_roles").get(case_person.role)
    if role.extra.get("intelligence") and not user.has_perm("cases.view_intelligence"):
        return Sight.HIDDEN
    if sight.only_referred and case_person.pk not in sight.referred_persons:
        return Sight.HIDDEN
    if role.extra.get("intelligence"):
        return Sight.IDENTITY
    if not user.has_perm("person.view_identity"):
        return Sight.PSEUDONYM
    if case_person.is_child and not user.has_perm("person.view_child"):
        return Sight.PSEUDONYM
    return Sight.IDENTITY


def may_edit(user: User, case: Case, sight: CaseSight | None = None) -> bool:
    """Whether ``user`` may change ``case`` and its persons: the permission, and their agency
    taking part (or sight of every case). The services refuse, and the pages offer their
    controls, on this one answer."""
    return user.has_perm("cases.edit") and (sight or sight_of(user, case)).can_edit


def sees_identity(user: User, person: Person) -> bool:
    """Whether ``user`` sees this person's identity in at least one case they may open: the
    need-to-know for naming a known person again, e.g. in another case."""
    if person.merged_into_id:
        return False
    rows = CasePerson.objects.filter(person=person, case__in=listable_cases(user)) \
        .select_related("case")
    return any(person_sight(user, sight_of(user, cp.case), cp) == Sight.IDENTITY
               for cp in rows)


@dataclass(frozen=True)
class MaterialSight:
    """Which of a case's documents, notes and users' words one user may read, computed once
    per request from the persons of the case."""

    can_open: bool
    only_referred: bool
    in_full: frozenset[int]  # CasePerson ids whose identity the user sees
    everyone: frozenset[int]  # every CasePerson id of the case

    def shows(self, concerned: Iterable[int]) -> bool:
        """Material speaking of ``concerned`` (CasePerson ids; none means the whole case)."""
        if not self.can_open:
            return False
        ids = frozenset(concerned)
        if not ids:
            # The whole case may speak of anyone in it: not for an agency that came in
            # through one person's referral, and only for those who may see every person.
            if self.only_referred:
                return False
            ids = self.everyone
        return ids <= self.in_full


def material_sight(user: User, case: Case, sight: CaseSight | None = None) -> MaterialSight:
    sight = sight or sight_of(user, case)
    persons = list(CasePerson.objects.filter(case=case).only("pk", "role", "is_child"))
    return MaterialSight(
        can_open=sight.can_open, only_referred=sight.only_referred,
        in_full=frozenset(cp.pk for cp in persons
                          if person_sight(user, sight, cp) == Sight.IDENTITY),
        everyone=frozenset(cp.pk for cp in persons))


def listable_cases(user: User) -> QuerySet[Case]:
    """Cases the user may open."""
    cases = Case.objects.all()
    if user.has_perm("cases.view_all"):
        return cases
    if not user.has_perm("cases.view"):
        return cases.none()
    referred = Referral.objects.filter(to_agency_id=user.agency_id, state__in=REFERRAL_GRANTS)
    return cases.filter(
        Q(pk__in=CaseAgency.objects.filter(agency_id=user.agency_id, left_at__isnull=True)
          .values("case_id"))
        | Q(pk__in=referred.values("case_id"))
    )


def known_to_exist(user: User) -> QuerySet[Case]:
    """Cases the user may see exist: those they can open, and unrestricted others."""
    if not user.has_perm("cases.view"):
        return Case.objects.none()
    return Case.objects.filter(Q(pk__in=listable_cases(user).values("pk"))
                               | Q(sensitivity="normal"))
