"""Reading cases: the list a user may see and everything the case page shows, in a fixed
number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from palermo.audit import services as audit
from palermo.cases.models import Case, CaseAgency, Document, Referral, Task
from palermo.cases.services import (
    access,
    cases,
    documents,
    panels,
    persons,
    restricted,
    timeline,
)

if TYPE_CHECKING:
    from palermo.access.models import User


def search(user: User, *, query: str = "", status: str = "", exploitation: str = "",
           scope: str = "mine") -> QuerySet[Case]:
    """Cases matching the search. With ``scope="all"`` the cases the user may only know of
    are matched by reference alone: a title must not answer for a case the user cannot
    open (the page and the API show such a case without its title)."""
    openable = access.listable_cases(user)
    cases_ = access.known_to_exist(user) if scope == "all" else openable
    if query:
        cases_ = cases_.filter(Q(reference__icontains=query)
                               | Q(title__icontains=query, pk__in=openable.values("pk")))
    if status:
        cases_ = cases_.filter(status=status)
    if exploitation:
        cases_ = cases_.filter(terms__vocabulary="exploitation_types", terms__code=exploitation,
                               pk__in=openable.values("pk"))
    return cases_.select_related("lead_agency").order_by("-opened_on", "-number")


def for_editing(user: User, case_id: int, request: HttpRequest | None = None
                ) -> tuple[Case, bool]:
    """The case to edit, and whether its summary may be shown and rewritten: the summary is
    users' words about the whole case (access.MaterialSight), and a highly restricted case's
    asks why first."""
    case, sight = get_openable(user, case_id)
    restricted.gate(user, case, "", request)
    return case, access.material_sight(user, case, sight).shows(())


def openable_ids(user: User, case_ids: list[int]) -> set[int]:
    return set(access.listable_cases(user).filter(pk__in=case_ids).values_list("pk", flat=True))


@dataclass
class CasePage:
    case: Case
    sight: access.CaseSight
    can_edit: bool
    persons: list[persons.PersonCard]
    participants: list[CaseAgency]
    referrals: list[Referral]
    tasks: list[Task]
    documents: list[Document]
    events: list[Any]
    elements: cases.Elements
    classification: dict[str, list[str]]
    countries: dict[str, list[str]]
    extra: dict[str, Any] = field(default_factory=dict)


def get_openable(user: User, case_id: int) -> tuple[Case, access.CaseSight]:
    """The case if this user may open it; otherwise 404, so a restricted case's existence
    does not leak."""
    case = Case.objects.select_related("lead_agency").filter(pk=case_id).first()
    if case is None:
        raise Http404
    sight = access.sight_of(user, case)
    if not sight.can_open:
        audit.record("case.read", actor=user, object_type="case", object_id=case.pk,
                     outcome="denied")
        raise Http404
    return case, sight


def page(user: User, case_id: int, *, request: HttpRequest | None = None,
         reason: str = "") -> CasePage:
    case, sight = get_openable(user, case_id)
    reason = restricted.gate(user, case, reason, request)
    audit.record("case.read", actor=user, request=request, object_type="case",
                 object_id=case.pk, reason=reason)
    cards = persons.cards(user, case, sight, request=request, reason=reason)
    material = access.material_sight(user, case, sight)
    visible = {card.case_person.pk for card in cards}
    classification = cases.classification_of(case)
    tasks = case.tasks.select_related("agency", "assignee")
    if not material.shows(()):
        # A task's title is users' words about the case: others' tasks are for those who
        # may read what concerns the whole case; one's own agency's are always shown.
        tasks = tasks.filter(agency_id=user.agency_id)
    return CasePage(
        case=case, sight=sight, can_edit=access.may_edit(user, case, sight),
        persons=cards,
        participants=list(case.participants.filter(left_at__isnull=True)
                          .select_related("agency")),
        referrals=list(Referral.objects.filter(case=case, case_person_id__in=visible)
                       .select_related("from_agency", "to_agency", "case_person")),
        tasks=list(tasks),
        documents=documents.visible(user, case, material),
        events=timeline.visible_events(user, case, sight=sight, material=material),
        elements=cases.elements(case),
        classification=classification,
        countries=cases.countries_of(case),
        extra={"panels": panels.collect(user, classification),
               # The summary is users' words about the whole case.
               "shows_summary": material.shows(())},
    )
