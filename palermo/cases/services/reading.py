"""Reading cases: the list a user may see and everything the case page shows, in a fixed
number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from palermo.audit import services as audit
from palermo.cases.models import Case, CaseAgency, Document, Referral, Task
from palermo.cases.services import access, cases, panels, persons, timeline
from palermo.cases.services.errors import NotAllowed
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


def search(user: User, *, query: str = "", status: str = "", exploitation: str = "",
           scope: str = "mine") -> QuerySet[Case]:
    cases_ = access.known_to_exist(user) if scope == "all" else access.listable_cases(user)
    if query:
        cases_ = cases_.filter(reference__icontains=query) | cases_.filter(
            title__icontains=query)
    if status:
        cases_ = cases_.filter(status=status)
    if exploitation:
        cases_ = cases_.filter(terms__vocabulary="exploitation_types", terms__code=exploitation)
    return cases_.select_related("lead_agency").order_by("-opened_on", "-number")


def openable_ids(user: User, case_ids: list[int]) -> set[int]:
    return set(access.listable_cases(user).filter(pk__in=case_ids).values_list("pk", flat=True))


def needs_reason(case: Case) -> bool:
    return bool(registry.get("sensitivity_levels").get(case.sensitivity).extra.get("asks_reason"))


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


def _tell_coordinators(user: User, case: Case, reason: str) -> None:
    from django.urls import reverse

    from palermo.access.services import users as user_services

    coordinators = [u for u in user_services.listing(include_disabled=False)
                    if u.has_perm("cases.coordinate") and u.pk != user.pk]
    timeline.notify(coordinators, _("%(who)s opened restricted case %(case)s: %(reason)s")
                    % {"who": user.full_name, "case": case.reference, "reason": reason},
                    reverse("cases:case_detail", args=[case.pk]), case)


def page(user: User, case_id: int, *, request: HttpRequest | None = None,
         reason: str = "") -> CasePage:
    case, sight = get_openable(user, case_id)
    if needs_reason(case) and not reason:
        raise NotAllowed(_("Say why you open this case."))
    audit.record("case.read", actor=user, request=request, object_type="case",
                 object_id=case.pk, reason=reason)
    if needs_reason(case) and not user.has_perm("cases.coordinate"):
        _tell_coordinators(user, case, reason)
    cards = persons.cards(user, case, sight, request=request)
    visible = {card.case_person.pk for card in cards}
    classification = cases.classification_of(case)
    return CasePage(
        case=case, sight=sight, can_edit=sight.can_edit and user.has_perm("cases.edit"),
        persons=cards,
        participants=list(case.participants.filter(left_at__isnull=True)
                          .select_related("agency")),
        referrals=list(Referral.objects.filter(case=case, case_person_id__in=visible)
                       .select_related("from_agency", "to_agency", "case_person")),
        tasks=list(case.tasks.select_related("agency", "assignee")),
        documents=list(case.documents.select_related("uploaded_by")),
        events=timeline.visible_events(user, case, sight=sight),
        elements=cases.elements(case),
        classification=classification,
        countries=cases.countries_of(case),
        extra={"panels": panels.collect(user, classification)},
    )
