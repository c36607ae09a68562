"""The trust store: partner agencies whose signatures we accept, with their public keys and,
when messages go by HTTP, their inbox address."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.exchange import keys, message, sealing
from palermo.exchange.models import Partner
from palermo.exchange.services.common import require
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User


def listing(user: User) -> QuerySet[Partner]:
    require(user, "exchange.view")
    return Partner.objects.all()


def trusted(key_id: str) -> Partner | None:
    """The partner trusted now under ``key_id``, if any: who a signed delivery says it is
    from (its signature is checked against this partner's key)."""
    if not key_id:
        return None
    return Partner.objects.filter(key_id=key_id, active=True).first()


def trusted_keys() -> dict[str, Ed25519PublicKey]:
    return {p.key_id: message.public_key_from_text(p.public_key)
            for p in Partner.objects.filter(active=True)}


def add(*, actor: User | None, agency: str, country: str, public_key: str, endpoint: str = "",
        sealing_key: str = "", request: HttpRequest | None = None) -> Partner:
    if actor is not None:
        require(actor, "exchange.manage_partners")
    agency, country = agency.strip(), country.strip().upper()
    if not agency:
        raise ServiceError(_("Name the partner agency."), field="agency")
    if country not in registry.get("countries"):
        raise ServiceError(_("Give the country as its three-letter ISO code."), field="country")
    try:
        key = message.public_key_from_text(public_key)
    except message.MessageError:
        raise ServiceError(_("This is not an Ed25519 public key (32 bytes in base64)."),
                           field="public_key") from None
    if sealing_key.strip():
        try:
            sealing.public_key_from_text(sealing_key)
        except message.MessageError:
            raise ServiceError(_("This is not an X25519 public key (32 bytes in base64)."),
                               field="sealing_key") from None
    if endpoint and not endpoint.startswith(("https://", "http://")):
        raise ServiceError(_("The inbox address starts with https://."), field="endpoint")
    key_id = message.key_id(key)
    if Partner.objects.filter(key_id=key_id).exists():
        raise ServiceError(_("This key is in the trust store already."), field="public_key")
    with transaction.atomic():
        partner = Partner.objects.create(agency=agency, country=country, key_id=key_id,
                                         public_key=public_key.strip(), endpoint=endpoint,
                                         sealing_key=sealing_key.strip(), added_by=actor)
        audit.record("exchange.partner_add", actor=actor, request=request,
                     object_type="partner", object_id=partner.pk,
                     detail={"agency": agency, "country": country, "key_id": key_id})
    return partner


def set_trusted(partner: Partner, trusted: bool, *, actor: User,
                request: HttpRequest | None = None) -> Partner:
    require(actor, "exchange.manage_partners")
    with transaction.atomic():
        partner.active = trusted
        partner.save(update_fields=["active"])
        audit.record("exchange.partner_trust" if trusted else "exchange.partner_distrust",
                     actor=actor, request=request, object_type="partner", object_id=partner.pk)
    return partner


def own_key(user: User) -> tuple[str, str, str]:
    """The user's agency's key id, public key and sealing key, to give to partners."""
    require(user, "exchange.view")
    return (*keys.public_key_text(user.agency_id), keys.sealing_key_text(user.agency_id))
