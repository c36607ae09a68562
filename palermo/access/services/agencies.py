"""Agencies taking part in the platform."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from palermo.access.models import Agency, Role, User
from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit


def listing() -> QuerySet[Agency]:
    return Agency.objects.order_by("name")


def named(name: str) -> Agency | None:
    """The agency with exactly this name (the operator's ``--agency``), if there is one."""
    return Agency.objects.filter(name=name).first()


def holding(permission: str, *, country: str = "", kind: str = "") -> QuerySet[Agency]:
    """Active agencies with an active user whose roles grant ``permission``: who can act on
    an alert that needs it."""
    # Roles are few and their permissions a JSON list: filtering them in Python works the
    # same on SQLite and PostgreSQL.
    role_ids = [role.pk for role in Role.objects.all() if permission in role.permissions]
    agencies = Agency.objects.filter(active=True, users__is_active=True,
                                     users__roles__in=role_ids)
    if country:
        agencies = agencies.filter(country=country.upper())
    if kind:
        agencies = agencies.filter(kind=kind)
    return Agency.objects.filter(pk__in=agencies.values("pk")).order_by("name")


def create(
    *, actor: User | None, name: str, kind: str, country: str,
    request: HttpRequest | None = None,
) -> Agency:
    agency = Agency(name=name.strip(), kind=kind, country=country.upper())
    try:
        agency.full_clean()
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ServiceError(messages[0], field=field) from None
    with transaction.atomic():
        agency.save()
        audit.record(
            "agency.create", actor=actor, request=request, object_type="agency",
            object_id=agency.pk, detail={"name": agency.name, "kind": kind, "country": country},
        )
    return agency


def get_or_create(*, name: str, kind: str, country: str) -> Agency:
    """For set-up commands: the agency by name, created (and audited) if missing."""
    existing = Agency.objects.filter(name=name).first()
    return existing or create(actor=None, name=name, kind=kind, country=country)
