"""A report of suspected trafficking sent through the portal, and what follows it.

The reporter has no account: a reference and a secret phrase (kept only as a slow hash) let
them come back. Their contact details, when they give any, are treated like a victim's
identity: only holders of ``portal.triage`` see them, and every showing is audited.
"""

from __future__ import annotations

from django.db import models

# Limits on what a reporter can send; the form and the service both enforce them.
LIMITS = {"what": 5000, "where": 500, "when": 200, "who": 2000, "contact": 300,
          "addition": 5000}


class Report(models.Model):
    reference = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=200)
    language = models.CharField(max_length=2)
    what = models.TextField()
    where = models.TextField(blank=True)
    when = models.CharField(max_length=LIMITS["when"], blank=True)
    who = models.TextField(blank=True)
    contact = models.CharField(max_length=LIMITS["contact"], blank=True)
    status = models.CharField(max_length=20, default="new")  # vocab portal_report_statuses
    received_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Soft links: the case and agency live in other apps, reached only through their services.
    case_id = models.IntegerField(null=True, blank=True)
    case_reference = models.CharField(max_length=40, blank=True)
    referred_to_id = models.IntegerField(null=True, blank=True)
    referred_to_name = models.CharField(max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "received_at"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def anonymous(self) -> bool:
        return not self.contact


class ReportEntry(models.Model):
    """One message in a report's thread: an addition by the reporter or a reply by the office."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="entries")
    from_office = models.BooleanField(default=False)
    author_id = models.IntegerField(null=True, blank=True)  # the office's user, soft link
    text = models.TextField()
    at = models.DateTimeField(auto_now_add=True)
    # The case this addition was carried into (soft link); when the report moves to another
    # case, or was never in one, the addition is still to be carried.
    in_case_id = models.IntegerField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.report.reference} #{self.pk}"


class ReportImage(models.Model):
    """An image sent with a report, re-encoded on receipt so no metadata survives."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="images")
    entry = models.ForeignKey(ReportEntry, on_delete=models.CASCADE, null=True, blank=True,
                              related_name="images")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    stored_as = models.CharField(max_length=200)
    at = models.DateTimeField(auto_now_add=True)
    in_case_id = models.IntegerField(null=True, blank=True)  # as ReportEntry.in_case_id

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.name


class ClientCount(models.Model):
    """How many portal submissions one client made in the current window, for the rate limit.

    ``client`` is an HMAC of the client's address with a key that changes every window, so a
    row cannot be linked to an address once its window has passed; rows of past windows are
    deleted on the next submission.
    """

    client = models.CharField(max_length=64)
    action = models.CharField(max_length=20)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "action", "window"],
                                               name="portal_client_count_unique")]

    def __str__(self) -> str:
        return f"{self.action} {self.window}: {self.count}"
