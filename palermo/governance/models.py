"""Committees and their meetings (agenda, attendees, documents, versioned minutes), the
decisions taken there and the action items they become, the national action plan, and the
legislation tracker."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class Committee(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32)  # committee_kinds
    mandate = models.TextField(_("mandate"), blank=True)
    chair_agency = models.ForeignKey("access.Agency", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CommitteeMember(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="members")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    representative = models.CharField(_("representative"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=100, blank=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [models.UniqueConstraint(fields=["committee", "agency"],
                                               name="governance_member_once")]

    def __str__(self) -> str:
        return f"agency {self.agency_id} in committee {self.committee_id}"


class Meeting(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title


class Attendee(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    agency = models.ForeignKey("access.Agency", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    affiliation = models.CharField(_("organisation"), max_length=200, blank=True,
                                   help_text=_("For guests from outside the platform."))

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MeetingDocument(models.Model):
    """A file of a meeting, stored under the data directory by its SHA-256 digest."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    stored_as = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.name


class Minutes(models.Model):
    """One version of a meeting's minutes. A draft is edited in place; an approved version
    never changes again: a correction is a new version, with its reason."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    number = models.PositiveIntegerField()
    text = models.TextField(_("minutes"), blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT)
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    written_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)  # edits of a draft, for stale writes

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"],
                                               name="governance_minutes_number")]

    def __str__(self) -> str:
        return f"minutes {self.number} of meeting {self.meeting_id}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    number = models.PositiveIntegerField()
    text = models.TextField(_("decision"))
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"],
                                               name="governance_decision_number")]

    def __str__(self) -> str:
        return f"decision {self.number} of meeting {self.meeting_id}"


class PlanGoal(models.Model):
    """A goal of the national action plan; its actions hold the action items."""

    title = models.CharField(_("goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class PlanAction(models.Model):
    goal = models.ForeignKey(PlanGoal, on_delete=models.PROTECT, related_name="actions")
    title = models.CharField(_("action"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class ActionItem(models.Model):
    """Something an agency must do, from a meeting's decision, the action plan, or both."""

    title = models.CharField(_("action item"), max_length=300)
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="action_items")
    plan_action = models.ForeignKey(PlanAction, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="items")
    owner_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                     related_name="+")
    owner = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    deadline = models.DateField(_("deadline"), db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices,
                              default=ActionStatus.OPEN, db_index=True)
    progress_note = models.TextField(_("progress"), blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["owner_agency", "status", "deadline"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return (self.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
                and self.deadline < timezone.localdate())


class Bill(models.Model):
    class Kind(models.TextChoices):
        BILL = "bill", _("bill")
        REGULATION = "regulation", _("regulation")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.BILL)
    title = models.CharField(_("title"), max_length=300)
    number = models.CharField(_("number"), max_length=64, blank=True)
    sponsor = models.CharField(_("sponsor"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    stage = models.CharField(_("stage"), max_length=32, default="draft")  # legislation_stages
    stage_changed_at = models.DateTimeField(default=timezone.now)
    # Library records by id: titles are read through library.services when shown.
    decision_ids = models.JSONField(default=list, blank=True)
    opinion_ids = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-stage_changed_at"]

    def __str__(self) -> str:
        return self.title


class Position(models.Model):
    """One version of the office's position on a bill, or a comment on it; versions are
    never changed, a new one is written."""

    class Kind(models.TextChoices):
        POSITION = "position", _("position")
        COMMENT = "comment", _("comment")

    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="positions")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.POSITION)
    number = models.PositiveIntegerField()
    text = models.TextField(_("text"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    written_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bill", "kind", "-number"]
        constraints = [models.UniqueConstraint(fields=["bill", "kind", "number"],
                                               name="governance_position_number")]

    def __str__(self) -> str:
        return f"{self.kind} {self.number} on bill {self.bill_id}"


class StageChange(models.Model):
    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=32)
    on = models.DateField()
    changed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.stage} of bill {self.bill_id}"


class ParliamentarySession(models.Model):
    bill = models.ForeignKey(Bill, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="sessions")
    held_on = models.DateField(_("held on"))
    forum = models.CharField(_("committee or plenary"), max_length=200)
    attended_by = models.CharField(_("attended for the office"), max_length=300, blank=True)
    statement = models.TextField(_("what was said"), blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.forum} {self.held_on}"
