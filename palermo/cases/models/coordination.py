"""Referrals between agencies, tasks, and in-application notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from palermo.access.models import User


class ReferralState(models.TextChoices):
    SENT = "sent", _("sent")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")
    DONE = "done", _("done")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Consent(models.TextChoices):
    GIVEN = "given", _("the person consented")
    OVERRIDDEN = "overridden", _("referred without consent (justified)")


class Referral(models.Model):
    """One agency asks another to act for a person in a case (shelter, medical care...).
    Accepting gives the receiving agency sight of that person and the case's outline."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    case_person = models.ForeignKey("cases.CasePerson", on_delete=models.CASCADE,
                                    related_name="referrals")
    from_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=32)
    note = models.TextField(_("note"), blank=True)
    consent = models.CharField(_("consent"), max_length=16, choices=Consent.choices)
    consent_override_reason = models.TextField(blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    state = models.CharField(max_length=16, choices=ReferralState.choices,
                             default=ReferralState.SENT, db_index=True)
    rejection_reason = models.CharField(max_length=32, blank=True)
    response_note = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]
        # The last one answers the statistics' referrals of a period by agency, state and
        # lateness without reading the table (bench/bench_insights.py).
        indexes = [models.Index(fields=["to_agency", "state", "due_on"]),
                   models.Index(fields=["state", "to_agency", "due_on"]),
                   models.Index(fields=["created_at", "to_agency", "state", "due_on"])]

    def __str__(self) -> str:
        return f"referral {self.pk} ({self.state})"

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.due_on and self.state in (ReferralState.SENT, ReferralState.ACCEPTED)
            and self.due_on < timezone.localdate()
        )


class TaskState(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class Task(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="tasks")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("agency"))
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("assigned to"))
    title = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    priority = models.CharField(_("priority"), max_length=16, default="normal")
    state = models.CharField(max_length=16, choices=TaskState.choices, default=TaskState.OPEN,
                             db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_on", "-created_at"]
        indexes = [models.Index(fields=["agency", "state", "due_on"]),
                   models.Index(fields=["state", "due_on", "agency"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_on and self.state in (TaskState.OPEN, TaskState.IN_PROGRESS)
                    and self.due_on < timezone.localdate())

    def may_change(self, user: User) -> bool:
        """Only the owning agency changes its tasks; the service refuses and the task list
        offers its controls on this one answer."""
        return user.agency_id == self.agency_id and user.has_perm("cases.edit")


class Notification(models.Model):
    """The bell: something a user should look at, with where to look."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    case = models.ForeignKey("cases.Case", null=True, on_delete=models.CASCADE,
                             related_name="+")
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text
