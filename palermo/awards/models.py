"""The annual award: a yearly cycle with its call for nominations, eligibility check, jury
(with conflict-of-interest declarations), scores against criteria kept as data,
deliberation notes, laureates, and the ceremony's programme and invitations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Cycle(models.Model):
    class State(models.TextChoices):
        CALL = "call", _("call for nominations open")
        JURY = "jury", _("with the jury")
        DECIDED = "decided", _("laureates announced")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    call_text = models.TextField(_("call for nominations"), blank=True)
    closes_on = models.DateField(_("nominations close on"))
    ceremony_on = models.DateField(_("ceremony on"), null=True, blank=True)
    ceremony_place = models.CharField(_("ceremony place"), max_length=200, blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.CALL)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"


class Juror(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="+")
    chair = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cycle", "user"], name="juror_once")]

    def __str__(self) -> str:
        return f"juror {self.user_id} of cycle {self.cycle_id}"


class Nomination(models.Model):
    """Who is nominated and why: personal data, so every read is audited."""

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="nominations")
    nominee_name = models.CharField(_("nominee's name"), max_length=200)
    nominee_organisation = models.CharField(_("nominee's organisation"), max_length=200,
                                            blank=True)
    nominee_email = models.EmailField(_("nominee's email"), blank=True)
    achievements = models.TextField(_("why they deserve the award"))
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    nominating_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                          related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now)
    # criterion code -> passed; empty until checked
    eligibility = models.JSONField(default=dict, blank=True)
    eligible = models.BooleanField(null=True)
    eligibility_note = models.TextField(blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["submitted_at", "pk"]

    def __str__(self) -> str:
        return f"nomination {self.pk}"


class Attachment(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE,
                                   related_name="attachments")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    stored_as = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class Conflict(models.Model):
    """A juror's declaration of a conflict of interest: they cannot score the nomination."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE,
                                   related_name="conflicts")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+")
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["nomination", "juror"],
                                               name="conflict_once")]

    def __str__(self) -> str:
        return f"conflict of {self.juror_id} on {self.nomination_id}"


class Score(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                              related_name="+")
    marks = models.JSONField(default=dict)  # criterion code -> 0..10
    total = models.FloatField()  # the weighted mean, 0..10
    comment = models.TextField(blank=True)
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["nomination", "juror"],
                                               name="score_once")]

    def __str__(self) -> str:
        return f"score of {self.juror_id} on {self.nomination_id}"


class Note(models.Model):
    """A deliberation note of the jury."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    text = models.TextField()
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return f"note {self.pk}"


class Laureate(models.Model):
    nomination = models.OneToOneField(Nomination, on_delete=models.PROTECT,
                                      related_name="laureate")
    citation = models.TextField(_("citation"))
    named_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    named_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"laureate {self.nomination_id}"


class ProgrammeItem(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="programme")
    starts_at = models.TimeField(_("time"))
    title = models.CharField(_("item"), max_length=200)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Invitee(models.Model):
    class Rsvp(models.TextChoices):
        PENDING = "pending", _("no answer yet")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="invitees")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    rsvp = models.CharField(_("answer"), max_length=16, choices=Rsvp.choices,
                            default=Rsvp.PENDING)
    invited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["cycle", "name", "email"],
                                               name="invitee_once")]

    def __str__(self) -> str:
        return f"invitee {self.pk}"
