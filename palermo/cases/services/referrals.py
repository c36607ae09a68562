"""Referrals: one agency asks another to act for a person in a case, with consent recorded.
Accepting gives the receiving agency sight of that person and the case's outline only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.access.services import users as user_services
from palermo.audit import services as audit
from palermo.cases.models import CasePerson, Referral
from palermo.cases.models.coordination import Consent, ReferralState
from palermo.cases.services.access import Sight, person_sight, sight_of
from palermo.cases.services.codes import check_codes
from palermo.cases.services.errors import NotAllowed, ServiceError
from palermo.cases.services.timeline import add_event, notify, person, vocab
from palermo.core.versioned import save_versioned

if TYPE_CHECKING:
    from palermo.access.models import Agency, User


def _agency_users(agency_id: int, permission: str) -> list[User]:
    return [u for u in user_services.listing(include_disabled=False).filter(agency_id=agency_id)
            if u.has_perm(permission)]


def send(
    case_person: CasePerson, to_agency: Agency, reason: str, *, actor: User, consent: str,
    consent_override_reason: str = "", due_on: dt.date | None = None, note: str = "",
    request: HttpRequest | None = None,
) -> Referral:
    case = case_person.case
    if not actor.has_perm("cases.refer") or \
            person_sight(actor, sight_of(actor, case), case_person) == Sight.HIDDEN:
        raise NotAllowed(_("You may not refer this person."))
    check_codes("referral_reasons", [reason], "reason")
    if to_agency.pk == actor.agency_id:
        raise ServiceError(_("Refer to another agency, not your own."), field="to_agency")
    if not to_agency.active:
        raise ServiceError(_("%(agency)s is not active.") % {"agency": to_agency.name},
                           field="to_agency")
    if consent not in Consent.values:
        raise ServiceError(_("Record whether the person consented."), field="consent")
    if consent == Consent.OVERRIDDEN and not consent_override_reason.strip():
        raise ServiceError(_("Referring without consent needs a justification."),
                           field="consent_override_reason")
    if due_on and due_on < timezone.localdate():
        raise ServiceError(_("The due date has passed already."), field="due_on")
    open_same = Referral.objects.filter(
        case_person=case_person, to_agency=to_agency, reason=reason,
        state__in=(ReferralState.SENT, ReferralState.ACCEPTED))
    if open_same.exists():
        raise ServiceError(_("This person is already referred there for the same reason."),
                           field="to_agency")
    with transaction.atomic():
        referral = Referral.objects.create(
            case=case, case_person=case_person, from_agency=actor.agency, to_agency=to_agency,
            reason=reason, consent=consent,
            consent_override_reason=consent_override_reason.strip(), due_on=due_on,
            note=note.strip(), created_by=actor,
        )
        add_event(case, "referral", N_("%(who)s referred to %(agency)s for %(reason)s."),
                  {"who": person(case_person), "agency": to_agency.name,
                   "reason": vocab("referral_reasons", reason)},
                  actor=actor, case_person=case_person)
        audit.record("referral.create", actor=actor, request=request, object_type="referral",
                     object_id=referral.pk,
                     reason=consent_override_reason if consent == Consent.OVERRIDDEN else "",
                     detail={"case": case.reference, "to": to_agency.name, "reason": reason,
                             "consent": consent})
        notify(_agency_users(to_agency.pk, "cases.refer"),
               N_("New referral from %(agency)s (%(reason)s), case %(case)s."),
               reverse("cases:referral_inbox"), case,
               {"agency": actor.agency.name, "reason": vocab("referral_reasons", reason),
                "case": case.reference})
    return referral


def _respond(referral: Referral, actor: User, version: int, state: str,
             request: HttpRequest | None, **fields: object) -> Referral:
    allowed_from: dict[str, list[str]] = {ReferralState.ACCEPTED: [ReferralState.SENT],
                    ReferralState.REJECTED: [ReferralState.SENT],
                    ReferralState.DONE: [ReferralState.ACCEPTED],
                    ReferralState.WITHDRAWN: [ReferralState.SENT, ReferralState.ACCEPTED]}
    side = referral.from_agency_id if state == ReferralState.WITHDRAWN else referral.to_agency_id
    if not actor.has_perm("cases.refer") or actor.agency_id != side:
        raise NotAllowed(_("Only the receiving agency answers a referral; only the sender "
                           "withdraws it."))
    if referral.state not in allowed_from[state]:
        raise ServiceError(_("This referral is %(state)s already.")
                           % {"state": referral.get_state_display()}, field="state")
    now = timezone.now()
    stamps: dict[str, object] = {"done_at": now} if state == ReferralState.DONE else {
        "responded_by": actor, "responded_at": now}
    with transaction.atomic():
        save_versioned(referral, version, {"state": state, **stamps, **fields}, actor=actor,
                       request=request, action=f"referral.{state}", object_type="referral",
                       detail={"case": referral.case.reference,
                               **{k: str(v) for k, v in fields.items()}},
                       stale=_("Someone else answered this referral meanwhile. Reload the "
                               "page."))
        add_event(referral.case, "referral", N_("Referral to %(agency)s: %(state)s."),
                  {"agency": referral.to_agency.name, "state": vocab("referral_states", state)},
                  actor=actor, case_person=referral.case_person)
        notify(_agency_users(referral.from_agency_id, "cases.refer"),
               N_("%(agency)s: referral %(state)s, case %(case)s."),
               reverse("cases:case_detail", args=[referral.case_id]), referral.case,
               {"agency": referral.to_agency.name, "state": vocab("referral_states", state),
                "case": referral.case.reference})
    return referral


def accept(referral: Referral, *, actor: User, version: int, note: str = "",
           request: HttpRequest | None = None) -> Referral:
    return _respond(referral, actor, version, ReferralState.ACCEPTED, request,
                    response_note=note.strip())


def reject(referral: Referral, *, actor: User, version: int, reason: str, note: str = "",
           request: HttpRequest | None = None) -> Referral:
    if not reason:
        raise ServiceError(_("Choose a reason for rejecting: the sending agency reads it to "
                             "decide where to refer the person instead."),
                           field="rejection_reason")
    check_codes("referral_rejection_reasons", [reason], "rejection_reason")
    return _respond(referral, actor, version, ReferralState.REJECTED, request,
                    rejection_reason=reason, response_note=note.strip())


def complete(referral: Referral, *, actor: User, version: int, note: str = "",
             request: HttpRequest | None = None) -> Referral:
    return _respond(referral, actor, version, ReferralState.DONE, request,
                    response_note=note.strip() or referral.response_note)


def withdraw(referral: Referral, *, actor: User, version: int,
             request: HttpRequest | None = None) -> Referral:
    return _respond(referral, actor, version, ReferralState.WITHDRAWN, request)


def answer(referral: Referral, reply: str, *, actor: User, version: int,
           rejection_reason: str = "", note: str = "",
           request: HttpRequest | None = None) -> Referral:
    """One entry point for the pages and the API: accept, reject, done or withdraw."""
    if reply == "accept":
        return accept(referral, actor=actor, version=version, note=note, request=request)
    if reply == "reject":
        return reject(referral, actor=actor, version=version, reason=rejection_reason,
                      note=note, request=request)
    if reply == "done":
        return complete(referral, actor=actor, version=version, note=note, request=request)
    if reply == "withdraw":
        return withdraw(referral, actor=actor, version=version, request=request)
    raise ServiceError(_("The answer is accept, reject, done or withdraw."), field="answer")


def inbox(user: User) -> QuerySet[Referral]:
    """Referrals sent to or from the user's agency, newest first."""
    return (Referral.objects.filter(Q(to_agency_id=user.agency_id)
                                    | Q(from_agency_id=user.agency_id))
            .select_related("case", "case_person", "from_agency", "to_agency"))


def with_agency(user: User, agency_id: int) -> QuerySet[Referral]:
    """Referrals sent to or from one agency in the cases ``user`` may open, for the partner
    directory's page of that agency; read-only, and no person is named by it."""
    from palermo.cases.services.access import listable_cases

    return (Referral.objects.filter(Q(to_agency_id=agency_id) | Q(from_agency_id=agency_id),
                                    case__in=listable_cases(user))
            .select_related("case", "from_agency", "to_agency"))
