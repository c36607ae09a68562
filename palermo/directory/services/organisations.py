"""Partner organisations: search, create, change, and the audited reading of a page that
shows its contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services import agencies
from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core import checks
from palermo.core.checks import require
from palermo.core.versioned import save_versioned
from palermo.directory.models import Contact, Organisation
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

FIELDS = ("name", "acronym", "kind", "country", "mandate", "exploitation_types", "services",
          "website", "email", "phone", "address", "agency_id", "exchange_key_ids", "notes",
          "active")
MULTI = {"exploitation_types": "exploitation_types", "services": "partner_services"}


def visible(user: User) -> QuerySet[Organisation]:
    require(user, "directory.view")
    return Organisation.objects.select_related("agency")


def search(user: User, *, q: str = "", kind: str = "", country: str = "", service: str = "",
           exploitation_type: str = "", include_inactive: bool = False
           ) -> QuerySet[Organisation]:
    found = visible(user)
    if not include_inactive:
        found = found.filter(active=True)
    if q.strip():
        words = q.strip()
        found = found.filter(Q(name__icontains=words) | Q(acronym__icontains=words)
                             | Q(mandate__icontains=words)
                             | Q(contacts__name__icontains=words)).distinct()
    if kind:
        found = found.filter(kind=kind)
    if country:
        found = found.filter(country=country.upper())
    # JSON lists are matched as text so the same filter works on SQLite and PostgreSQL.
    if service:
        found = found.filter(services__icontains=f"\"{service}\"")
    if exploitation_type:
        found = found.filter(exploitation_types__icontains=f"\"{exploitation_type}\"")
    return found


def _codes(fields: dict[str, Any], name: str, vocabulary: str) -> None:
    if name not in fields:
        return
    values = fields[name] or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ServiceError(_("%(field)s must be a list of codes.") % {"field": name}, field=name)
    known = registry.get(vocabulary)
    bad = [code for code in values if code not in known]
    if bad:
        raise ServiceError(_("“%(code)s” is not a known code for %(field)s.")
                           % {"code": bad[0], "field": name}, field=name)
    fields[name] = sorted(set(values))


def _key_ids(fields: dict[str, Any], actor: User, current: list[str]) -> None:
    if "exchange_key_ids" not in fields:
        return
    values = fields["exchange_key_ids"] or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ServiceError(_("Exchange keys must be a list of key ids."),
                           field="exchange_key_ids")
    values = sorted({v.strip() for v in values if v.strip()})
    new = set(values) - set(current)
    if new:
        from palermo.exchange.services import partners

        if not actor.has_perm("exchange.view"):
            raise ServiceError(_("Only someone who may see the trust store links its keys."),
                               field="exchange_key_ids")
        known = set(partners.listing(actor).filter(key_id__in=new)
                    .values_list("key_id", flat=True))
        missing = sorted(new - known)
        if missing:
            raise ServiceError(_("The key %(key)s is not in the exchange's trust store.")
                               % {"key": missing[0]}, field="exchange_key_ids")
    fields["exchange_key_ids"] = values


def _clean(fields: dict[str, Any], actor: User, current: Organisation | None = None
           ) -> dict[str, Any]:
    checks.known_fields(fields, FIELDS)
    checks.text_field(fields, "name", required=current is None or "name" in fields, limit=200)
    for name, limit in (("acronym", 32), ("phone", 40), ("mandate", 0), ("address", 0),
                        ("notes", 0), ("website", 200), ("email", 254)):
        checks.text_field(fields, name, limit=limit)
    if ("kind" in fields or current is None) \
            and fields.get("kind") not in registry.get("organisation_kinds"):
        raise ServiceError(_("Choose the kind of organisation."), field="kind")
    if fields.get("country"):
        fields["country"] = fields["country"].strip().upper()
        if fields["country"] not in registry.get("countries"):
            raise ServiceError(_("Give the country as its three-letter ISO code."),
                               field="country")
    for name, vocabulary in MULTI.items():
        _codes(fields, name, vocabulary)
    if fields.get("email"):
        try:
            validate_email(fields["email"])
        except ValidationError:
            raise ServiceError(_("Enter a valid email address."), field="email") from None
    if fields.get("website"):
        try:
            URLValidator(schemes=["http", "https"])(fields["website"])
        except ValidationError:
            raise ServiceError(_("Enter a web address starting with https://."),
                               field="website") from None
    if fields.get("agency_id") is not None and \
            not agencies.listing().filter(pk=fields["agency_id"]).exists():
        raise ServiceError(_("No agency has this id."), field="agency_id")
    if "name" in fields:
        clash = Organisation.objects.filter(name__iexact=fields["name"])
        if current is not None:
            clash = clash.exclude(pk=current.pk)
        if clash.exists():
            raise ServiceError(_("An organisation with this name is in the directory already."),
                               field="name")
    _key_ids(fields, actor, current.exchange_key_ids if current else [])
    return fields


def create(*, actor: User, request: HttpRequest | None = None, **fields: Any) -> Organisation:
    require(actor, "directory.edit")
    fields = _clean(fields, actor)
    with transaction.atomic():
        organisation = Organisation.objects.create(**fields)
        audit.record("organisation.create", actor=actor, request=request,
                     object_type="organisation", object_id=organisation.pk,
                     detail={"name": organisation.name, "kind": organisation.kind})
    return organisation


def update(organisation: Organisation, *, actor: User, version: int,
           request: HttpRequest | None = None, **fields: Any) -> Organisation:
    require(actor, "directory.edit")
    fields = _clean(fields, actor, organisation)
    return save_versioned(organisation, version, fields, actor=actor, request=request,
                          action="organisation.update")


def contacts_of(organisation: Organisation, *, actor: User,
                request: HttpRequest | None = None) -> list[Contact]:
    """The organisation's contacts, each shown one an audited read of a person's details."""
    require(actor, "directory.view")
    contacts = list(organisation.contacts.all())
    audit.record_reads(actor, "contact",
                       [(c.pk, {"organisation": organisation.pk}) for c in contacts],
                       request=request)
    return contacts


def touch(organisation: Organisation) -> None:
    Organisation.objects.filter(pk=organisation.pk).update(updated_at=timezone.now())
