"""A case, the agencies taking part, the countries involved and its Palermo classification."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Case(models.Model):
    # The reference reads ISR-2026-00017: country of the opening agency, year, number.
    reference = models.CharField(_("reference"), max_length=32, unique=True)
    country = models.CharField(max_length=3)
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    status = models.CharField(_("status"), max_length=32, default="reported", db_index=True)
    close_reason = models.CharField(_("reason for closing"), max_length=32, blank=True)
    close_note = models.TextField(blank=True)
    lead_agency = models.ForeignKey(
        "access.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("lead agency"),
    )
    sensitivity = models.CharField(_("sensitivity"), max_length=32, default="normal")
    tags = models.JSONField(_("tags"), default=list, blank=True)
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-opened_on", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["country", "year", "number"],
                                    name="case_number_per_country_year"),
        ]
        # The overview counts open cases by status, lead agency and last activity; these
        # indexes answer it without reading the table (bench/bench_overview.py); the
        # statistics count investigations opened in a period by status the same way
        # (bench/bench_insights.py).
        indexes = [models.Index(fields=["status", "lead_agency"]),
                   models.Index(fields=["last_activity_at", "status"]),
                   models.Index(fields=["opened_on", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status != "closed"


class CaseAgency(models.Model):
    """An agency taking part in a case, with its role; leaving keeps the row (role history)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participants")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=32)
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["agency", "left_at"])]

    def __str__(self) -> str:
        return f"{self.agency} ({self.role})"


class CaseCountry(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="countries")
    country = models.CharField(max_length=3)
    role = models.CharField(max_length=16)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "country", "role"],
                                               name="case_country_role_once")]

    def __str__(self) -> str:
        return f"{self.country} ({self.role})"


class CaseTerm(models.Model):
    """One code of a classification vocabulary (acts, means, purposes, exploitation types)
    given to a case; a table rather than a list so statistics can count by it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="terms")
    vocabulary = models.CharField(max_length=32)
    code = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "vocabulary", "code"],
                                               name="case_term_once")]
        indexes = [models.Index(fields=["vocabulary", "code", "case"])]

    def __str__(self) -> str:
        return f"{self.vocabulary}:{self.code}"
