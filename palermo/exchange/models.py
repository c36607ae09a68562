"""Partners we trust (their agencies' public keys), the case-report messages we sent and
received, and which local case each sender's case became."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Partner(models.Model):
    """An entry of the trust store: an agency abroad (or another installation) whose
    signature we accept, and where to deliver to it."""

    agency = models.CharField(_("agency"), max_length=200)
    country = models.CharField(_("country"), max_length=3)
    key_id = models.CharField(_("key id"), max_length=64, unique=True)
    public_key = models.CharField(_("public key"), max_length=64)
    sealing_key = models.CharField(_("sealing key"), max_length=64, blank=True,
                                   help_text=_("Its X25519 public key, to seal messages so "
                                               "only it can read them."))
    endpoint = models.URLField(_("inbox address"), blank=True,
                               help_text=_("Its /api/v1/exchange/inbox, when messages go by "
                                           "HTTP; empty for exchange by file only."))
    active = models.BooleanField(_("trusted"), default=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["country", "agency"]

    def __str__(self) -> str:
        return f"{self.agency} ({self.country})"


class Direction(models.TextChoices):
    OUT = "out", _("sent")
    IN = "in", _("received")


class MessageState(models.TextChoices):
    EXPORTED = "exported", _("exported as a file")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("delivery failed")
    ACKNOWLEDGED = "acknowledged", _("accepted by the recipient")
    REFUSED = "refused", _("rejected by the recipient")
    RECEIVED = "received", _("waiting for review")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class CaseReport(models.Model):
    direction = models.CharField(max_length=3, choices=Direction.choices)
    message_id = models.CharField(max_length=36)
    sender_agency = models.CharField(max_length=200)
    sender_country = models.CharField(max_length=3)
    recipients = models.JSONField(default=list)
    handling_code = models.CharField(max_length=2)
    case_reference = models.CharField(max_length=32)  # the sender's
    case_id = models.BigIntegerField(null=True, blank=True)  # ours, when there is one
    content = models.JSONField()  # the signed message as sent or received
    partner = models.ForeignKey(Partner, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="+")
    state = models.CharField(max_length=16, choices=MessageState.choices)
    sealed = models.BooleanField(default=False)  # sealed to the recipient when it leaves
    state_reason = models.TextField(blank=True)
    persons = models.JSONField(default=list)  # out: who left; in: ref -> local person
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["direction", "message_id"],
                                               name="case_report_once_per_direction")]

    def __str__(self) -> str:
        return f"{self.direction} {self.message_id}"

    def is_reviewable(self) -> bool:
        """A received report still waiting for someone to accept or reject it."""
        return self.direction == Direction.IN and self.state == MessageState.RECEIVED


class LinkedCase(models.Model):
    """The sender's case (country and reference) and the local case it became, with the
    local person each of the sender's persons became."""

    sender_country = models.CharField(max_length=3)
    sender_reference = models.CharField(max_length=32)
    case_id = models.BigIntegerField()
    persons = models.JSONField(default=dict)  # sender's person ref -> local CasePerson id

    class Meta:
        constraints = [models.UniqueConstraint(fields=["sender_country", "sender_reference"],
                                               name="linked_case_once")]

    def __str__(self) -> str:
        return f"{self.sender_country}/{self.sender_reference} -> case {self.case_id}"
