"""Watch lists (travel documents, vehicles, persons) and the alerts their hits raise."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WatchedDocument(models.Model):
    # Uppercase, without spaces or fillers: what an MRZ or a typed number is compared on.
    number = models.CharField(_("document number"), max_length=64, db_index=True)
    issuing_state = models.CharField(_("issuing state"), max_length=3)
    kind = models.CharField(_("type"), max_length=16, default="passport")
    status = models.CharField(_("status"), max_length=16)
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    owner_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                     related_name="+")
    source = models.CharField(_("source"), max_length=100, blank=True)
    source_id = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["number", "issuing_state"],
                                               name="watched_document_once")]

    def __str__(self) -> str:
        return f"{self.issuing_state} {self.number}"


class WatchedVehicle(models.Model):
    vin = models.CharField(_("VIN"), max_length=17, blank=True, db_index=True)
    plate = models.CharField(_("plate"), max_length=16, blank=True, db_index=True)
    plate_country = models.CharField(_("plate country"), max_length=3, blank=True)
    make = models.CharField(_("make"), max_length=50, blank=True)
    model = models.CharField(_("model"), max_length=50, blank=True)
    colour = models.CharField(_("colour"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=16, default="stolen")
    owner_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                     related_name="+")
    source = models.CharField(_("source"), max_length=100, blank=True)
    source_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.vin or f"{self.plate_country} {self.plate}"


class WatchedPerson(models.Model):
    names = models.JSONField(_("names"), default=list)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, blank=True)
    nationalities = models.JSONField(_("nationalities"), default=list, blank=True)
    reason = models.CharField(_("reason"), max_length=32)
    action = models.TextField(_("what the officer must do"), blank=True)
    owner_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                     related_name="+")
    source = models.CharField(_("source"), max_length=100, blank=True)
    source_id = models.CharField(max_length=100, blank=True)
    case_reference = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # When the person last changed (imports set it too).
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self) -> str:
        return f"watched person {self.pk}"


class PersonWord(models.Model):
    """A distinct name part of the watch list (the index's vocabulary): never changed or
    removed, so a process may keep what it read of it. ``text`` gives back the matcher's
    parsed part (palermo.names.name_keys.word_text)."""

    text = models.CharField(max_length=1000, unique=True)

    def __str__(self) -> str:
        return self.text.rsplit("\x1f", 1)[-1]


class PersonWordKey(models.Model):
    """A retrieval key of a list word (palermo.names.name_keys.token_keys): a query part
    looks up its own keys here to find the list words that may match it."""

    key = models.CharField(max_length=1000)
    word = models.ForeignKey(PersonWord, on_delete=models.CASCADE, related_name="+",
                             db_index=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "word"],
                                               name="person_word_key_once")]

    def __str__(self) -> str:
        return self.key


class PersonNameKey(models.Model):
    """A posting of a watched person under a word, a lone word or a pair of words of one of
    its names (palermo.names.name_keys.person_postings). Kept in step with the list in the
    same transaction as every change (screening.person_keys); a removed person takes its keys."""

    key = models.BigIntegerField()
    person = models.ForeignKey(WatchedPerson, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["key", "person"], name="person_name_key")]

    def __str__(self) -> str:
        return f"{self.key} -> {self.person_id}"


class AlertState(models.TextChoices):
    """Where an alert stands; notices' travel alerts go through the same steps."""

    OPEN = "open", _("to act on")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    TAKEN = "taken", _("taken over")
    CLOSED = "closed", _("closed")


class Alert(models.Model):
    """A hit, sent to the agency that owns the record that was hit: who and what was hit,
    where, by whom, and what the agency did about it."""

    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16)
    record_id = models.BigIntegerField()
    score = models.FloatField()
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    checked_at = models.DateTimeField(default=timezone.now)
    post = models.CharField(max_length=100, blank=True)
    summary = models.CharField(max_length=300)
    # As they were at the check: the record may leave the list, the alert stays readable.
    record = models.JSONField(default=dict, blank=True)
    query = models.JSONField(default=dict, blank=True)  # what the officer read or typed
    notice_id = models.BigIntegerField(null=True, blank=True)
    check_seq = models.BigIntegerField(null=True, blank=True)  # the check's audit entry
    state = models.CharField(max_length=16, choices=AlertState.choices,
                             default=AlertState.OPEN)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    taken_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    taken_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=32, blank=True)
    outcome_note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1)
    # The alert is the outbox of the owner's message: written with the check, told after the
    # answer; empty until the message is sent (screening/outbox.py).
    owner_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-checked_at"]
        indexes = [models.Index(fields=["agency", "acknowledged_at"]),
                   models.Index(fields=["agency", "state"],
                                name="screening_alert_agency_state"),
                   # Only the few alerts still to tell: the sweep's query stays one probe.
                   models.Index(fields=["id"], condition=models.Q(owner_told_at__isnull=True),
                                name="screening_alert_untold")]

    def __str__(self) -> str:
        return self.summary
