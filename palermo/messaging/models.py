"""Threads of messages between users and agencies. Every column that carries what was written
(subjects, bodies, notes, restrictions, attachment names and contents, reasons for a forward)
is sealed with a key outside the database (see crypto.py); ``key_id`` names that key."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LINK_TYPES = ("case", "notice", "referral")


class PartnerGroup(models.Model):
    """A named set of agencies written to as one, e.g. the shelters of the north."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    agencies = models.ManyToManyField("access.Agency", related_name="+", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner group")
        verbose_name_plural = _("partner groups")

    def __str__(self) -> str:
        return self.name


class Thread(models.Model):
    subject = models.BinaryField()
    key_id = models.CharField(max_length=32, db_index=True)
    link_type = models.CharField(max_length=16, blank=True)
    link_ref = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]

    def __str__(self) -> str:
        return f"thread {self.pk}"  # the subject is sealed


class Participant(models.Model):
    """Who takes part in a thread: a user, or an agency (all its users), perhaps through a
    partner group. Groups are expanded when the thread starts, so a later change of the group
    gives nobody the past threads."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("access.Agency", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    group = models.ForeignKey(PartnerGroup, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    is_originator = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, agency__isnull=True)
                | Q(user__isnull=True, agency__isnull=False),
                name="messaging_participant_user_or_agency"),
            models.UniqueConstraint(fields=["thread", "user"], name="messaging_participant_user"),
            models.UniqueConstraint(fields=["thread", "agency"],
                                    name="messaging_participant_agency"),
        ]

    def __str__(self) -> str:
        return str(self.user.full_name if self.user else self.agency)


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    sender_agency = models.ForeignKey("access.Agency", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    body = models.BinaryField()
    note = models.BinaryField()  # the forwarder's words above a forwarded message
    restriction = models.BinaryField()  # the H3 restriction, stated
    key_id = models.CharField(max_length=32, db_index=True)
    handling_code = models.CharField(max_length=8)
    reliability = models.CharField(max_length=2)
    accuracy = models.CharField(max_length=2)
    ack_due = models.DateField(null=True, blank=True)
    forwarded_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="forwards")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"message {self.pk}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    name = models.BinaryField()
    content = models.BinaryField()
    key_id = models.CharField(max_length=32, db_index=True)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"attachment {self.pk}"


class Receipt(models.Model):
    """A user opened the thread holding the message."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="receipts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["read_at"]
        constraints = [models.UniqueConstraint(fields=["message", "user"],
                                               name="messaging_receipt_once")]

    def __str__(self) -> str:
        return f"message {self.message_id} read by {self.user_id}"


class Acknowledgement(models.Model):
    """A participant (a user, or one user on behalf of an agency) confirms receipt."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE,
                                related_name="acknowledgements")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "participant"],
                                               name="messaging_ack_once")]

    def __str__(self) -> str:
        return f"message {self.message_id} acknowledged by {self.by_id}"


class ForwardState(models.TextChoices):
    PENDING = "pending", _("waiting for the originator")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")


class ForwardRequest(models.Model):
    """A request to the originator of a message to let the requesting agency pass it on."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="forward_requests")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    reason = models.BinaryField()
    key_id = models.CharField(max_length=32, db_index=True)
    state = models.CharField(max_length=16, choices=ForwardState.choices,
                             default=ForwardState.PENDING, db_index=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"forward request {self.pk} ({self.state})"

# The sealed columns of each model, for reading and for key rotation.
SEALED: dict[type[models.Model], tuple[str, ...]] = {
    Thread: ("subject",),
    Message: ("body", "note", "restriction"),
    Attachment: ("name", "content"),
    ForwardRequest: ("reason",),
}


def purpose(model: type[models.Model], field: str) -> str:
    return f"messaging.{model._meta.model_name}.{field}"
