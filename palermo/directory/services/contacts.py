"""Contacts at a partner organisation: a name, the role they hold and how to reach them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.directory.models import Contact, Organisation
from palermo.directory.services.organisations import touch

if TYPE_CHECKING:
    from palermo.access.models import User

FIELDS = ("name", "role", "email", "phone", "languages", "notes")


def listing(user: User) -> QuerySet[Contact]:
    require(user, "directory.view")
    return Contact.objects.select_related("organisation")


def _clean(fields: dict[str, Any], creating: bool) -> dict[str, Any]:
    checks.known_fields(fields, FIELDS)
    checks.text_field(fields, "name", required=creating or "name" in fields, limit=200)
    for name, limit in (("role", 200), ("email", 254), ("phone", 40), ("languages", 100),
                        ("notes", 0)):
        checks.text_field(fields, name, limit=limit)
    if fields.get("email"):
        try:
            validate_email(fields["email"])
        except ValidationError:
            raise ServiceError(_("Enter a valid email address."), field="email") from None
    if fields.get("phone") and not any(ch.isdigit() for ch in fields["phone"]):
        raise ServiceError(_("A phone number has digits."), field="phone")
    return fields


def add(organisation: Organisation, *, actor: User, request: HttpRequest | None = None,
        **fields: Any) -> Contact:
    require(actor, "directory.edit")
    fields = _clean(fields, creating=True)
    with transaction.atomic():
        contact = Contact.objects.create(organisation=organisation, **fields)
        touch(organisation)
        audit.record("contact.create", actor=actor, request=request, object_type="contact",
                     object_id=contact.pk, detail={"organisation": organisation.pk})
    return contact


def update(contact: Contact, *, actor: User, version: int, request: HttpRequest | None = None,
           **fields: Any) -> Contact:
    require(actor, "directory.edit")
    return save_versioned(contact, version, _clean(fields, creating=False),
                          actor=actor, request=request, action="contact.update")


def remove(contact: Contact, *, actor: User, request: HttpRequest | None = None) -> None:
    """People move on: a contact who left is deleted, not kept as stale personal data."""
    require(actor, "directory.edit")
    with transaction.atomic():
        audit.record("contact.delete", actor=actor, request=request, object_type="contact",
                     object_id=contact.pk, detail={"organisation": contact.organisation_id})
        contact.delete()
