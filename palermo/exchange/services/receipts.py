"""Receipts: when a received report is accepted or rejected, the sender hears of it. The
receipt is signed like a message and delivered to the sender's inbox when the trust store
has its address; the sender's outbox then shows the answer."""

from __future__ import annotations

import json
import logging
import urllib.error
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.exchange import keys, message
from palermo.exchange.models import CaseReport, Direction, MessageState, Partner
from palermo.exchange.services import delivery

if TYPE_CHECKING:
    from palermo.access.models import User

log = logging.getLogger("palermo.exchange")


def make(report: CaseReport, *, actor: User) -> bytes:
    receipt = {"format": message.RECEIPT, "version": message.CURRENT,
               "message_id": report.message_id,
               "created": timezone.now().isoformat(timespec="seconds"),
               "sender": {"agency": actor.agency.name, "country": actor.agency.country},
               "state": report.state, **({"reason": report.state_reason}
                                         if report.state_reason else {})}
    return json.dumps(message.sign(receipt, keys.signing_key(actor.agency_id)),
                      ensure_ascii=False).encode("utf-8")


def deliver(report: CaseReport, *, actor: User) -> bool:
    """Best effort, after the decision is committed: a sender offline does not undo it."""
    partner = report.partner
    if partner is None or not partner.endpoint or not partner.active:
        return False
    try:
        delivery.post(partner.endpoint, make(report, actor=actor), agency_id=actor.agency_id)
    except (urllib.error.URLError, OSError) as exc:
        log.warning("receipt for %s not delivered to %s: %s", report.message_id, partner, exc)
        audit.record("exchange.receipt_send", actor=actor, object_type="case_report",
                     object_id=report.pk, outcome="failure", detail={"error": str(exc)[:200]})
        return False
    audit.record("exchange.receipt_send", actor=actor, object_type="case_report",
                 object_id=report.pk, detail={"partner": partner.pk})
    return True


def receive(data: dict[str, Any], partner: Partner) -> CaseReport:
    """A partner's answer to a report we sent it: verified, then shown in our outbox."""
    try:
        message.validate(data)
        key_id = message.verify(data, {partner.key_id: message.public_key_from_text(
            partner.public_key)})
    except message.MessageError as exc:
        raise ServiceError(str(exc), field=exc.path or "message") from None
    report = CaseReport.objects.filter(direction=Direction.OUT,
                                       message_id=data["message_id"]).first()
    if report is None or not any(r["agency"] == partner.agency and
                                 r["country"] == partner.country for r in report.recipients):
        raise ServiceError(_("No report of ours went to this partner under that id."),
                           field="$.message_id")
    state = MessageState.ACKNOWLEDGED if data["state"] == "accepted" else MessageState.REFUSED
    with transaction.atomic():
        CaseReport.objects.filter(pk=report.pk).update(state=state,
                                                        state_reason=data.get("reason", ""))
        audit.record("exchange.receipt", actor_label=f"partner {partner.key_id}",
                     object_type="case_report", object_id=report.pk,
                     detail={"state": data["state"], "key_id": key_id})
    report.refresh_from_db()
    return report
