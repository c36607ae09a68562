"""Trainees register for sessions and the trainer marks who attended. A trainee is a person:
their name, email, profession and agency are personal data, and every read is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import codes, require, text
from palermo.training.models import Registration, Trainee, TrainingSession

if TYPE_CHECKING:
    from palermo.access.models import User


def trainees(user: User) -> QuerySet[Trainee]:
    require(user, "training.view")
    return Trainee.objects.select_related("agency")


def read(trainee: Trainee, *, actor: User, request: HttpRequest | None = None) -> Trainee:
    require(actor, "training.view")
    audit.record_read(actor, "trainee", trainee.pk, request=request)
    return trainee


def roster(session: TrainingSession, *, actor: User,
           request: HttpRequest | None = None) -> list[Registration]:
    """The session's registrations, each trainee's appearance on it an audited read."""
    require(actor, "training.view")
    found = list(session.registrations.select_related("trainee__agency"))
    audit.record_reads(actor, "trainee", [(r.trainee_id, {"session": session.pk})
                                          for r in found], request=request)
    return found


def history(trainee: Trainee) -> QuerySet[Registration]:
    return trainee.registrations.select_related("session__course").order_by(
        "-session__starts_on")


def register(session: TrainingSession, *, actor: User, full_name: str, email: str,
             profession: str, agency_id: int | None = None, organisation: str = "",
             request: HttpRequest | None = None) -> Registration:
    """Register a person by email: a known trainee is found again (and their profession and
    agency brought up to date), a new one is created."""
    require(actor, "training.manage")
    email = text(email, "email", required=True, limit=254).lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ServiceError(_("Enter a valid email address."), field="email") from None
    fields: dict[str, Any] = {
        "full_name": text(full_name, "full_name", required=True, limit=200),
        "profession": codes([profession] if profession else [], "professions", "profession",
                            required=True)[0],
        "organisation": text(organisation, "organisation", limit=200),
        "agency": None}
    if agency_id:
        fields["agency"] = agencies.listing().filter(pk=agency_id).first()
        if fields["agency"] is None:
            raise ServiceError(_("No such agency."), field="agency_id")
    with transaction.atomic():
        # Two trainers registering at once must not both take the last place.
        TrainingSession.objects.select_for_update().filter(pk=session.pk).first()
        if session.registrations.filter(trainee__email=email).exists():
            raise ServiceError(_("This person is already registered for the session."),
                               field="email")
        # Counted inside the transaction of the registration, against the capacity.
        if session.registrations.count() >= session.capacity:
            raise ServiceError(_("The session is full (%(n)d places).")
                               % {"n": session.capacity}, field="capacity")
        trainee, created = Trainee.objects.get_or_create(email=email, defaults=fields)
        if not created:
            changed = sorted(k for k, v in fields.items() if getattr(trainee, k) != v)
            if changed:
                for key in changed:
                    setattr(trainee, key, fields[key])
                trainee.save(update_fields=changed)
                audit.record("trainee.update", actor=actor, request=request,
                             object_type="trainee", object_id=trainee.pk,
                             detail={"fields": changed})
        else:
            audit.record("trainee.create", actor=actor, request=request,
                         object_type="trainee", object_id=trainee.pk)
        registration = Registration.objects.create(session=session, trainee=trainee)
        audit.record("registration.create", actor=actor, request=request,
                     object_type="registration", object_id=registration.pk,
                     detail={"session": session.pk, "trainee": trainee.pk})
    return registration


def mark_attendance(registration: Registration, attended: bool, *, actor: User,
                    request: HttpRequest | None = None) -> Registration:
    require(actor, "training.manage")
    if registration.session.starts_on > timezone.localdate():
        raise ServiceError(_("Attendance is marked once the session has begun."),
                           field="attended")
    if registration.certificate_code and not attended:
        raise ServiceError(_("A certificate was issued for this attendance; it stays."),
                           field="attended")
    with transaction.atomic():
        registration.attended = attended
        registration.save(update_fields=["attended"])
        audit.record("registration.attendance", actor=actor, request=request,
                     object_type="registration", object_id=registration.pk,
                     detail={"attended": attended})
    return registration


def cancel(registration: Registration, *, actor: User,
           request: HttpRequest | None = None) -> None:
    require(actor, "training.manage")
    if registration.attended is not None:
        raise ServiceError(_("Attendance is recorded; the registration stays."),
                           field="registration")
    with transaction.atomic():
        audit.record("registration.delete", actor=actor, request=request,
                     object_type="registration", object_id=registration.pk,
                     detail={"session": registration.session_id,
                             "trainee": registration.trainee_id})
        registration.delete()
