"""What happened in a case: the timeline, documents and indicator assessments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Event(models.Model):
    """One line of a case's timeline. Most are written by the services as things happen;
    a note is an event a user writes."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                              related_name="+")
    agency = models.ForeignKey("access.Agency", null=True, on_delete=models.PROTECT,
                               related_name="+")
    kind = models.CharField(max_length=32)
    # A sentence of the services (a gettext msgid) and its values, rendered in the reader's
    # language when shown (see services.timeline.render); ``text`` is a user's own words.
    message = models.CharField(max_length=200, blank=True)
    params = models.JSONField(default=dict, blank=True)
    text = models.TextField(blank=True)
    # Identifies a person's event so it is shown only to those who may see that person.
    case_person = models.ForeignKey("cases.CasePerson", null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="+")
    # The persons a note speaks of, chosen by its writer; none means the whole case. Its
    # words are shown only to those who may see each of them (services.access.sees_material).
    concerns = models.ManyToManyField("cases.CasePerson", blank=True, related_name="+")

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%Y-%m-%d %H:%M}"


class Document(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    stored_as = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    # The persons the document speaks of, chosen by the uploader; none means the whole case.
    concerns = models.ManyToManyField("cases.CasePerson", blank=True, related_name="+")

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.name


class IndicatorAssessment(models.Model):
    """Trafficking indicators found for a person; the score is advice, a person decides."""

    case_person = models.ForeignKey("cases.CasePerson", on_delete=models.CASCADE,
                                    related_name="assessments")
    present = models.JSONField(default=list)  # indicator codes found present
    score = models.FloatField()
    proposed_status = models.CharField(max_length=32)
    proposed_referrals = models.JSONField(default=list)
    explanation = models.JSONField(default=list)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_at"]

    def __str__(self) -> str:
        return f"assessment {self.pk} ({self.score:.2f})"
