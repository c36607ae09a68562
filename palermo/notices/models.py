"""Notices: a subject, an issuing agency, the reasons and legal basis, and a reviewed
lifecycle; diffusions sent straight to chosen recipients; trips of notice subjects and the
travel alerts they raise."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for review")
    IN_REVIEW = "in_review", _("in review")
    PUBLISHED = "published", _("published")
    RETURNED = "returned", _("returned to the author")
    SUSPENDED = "suspended", _("suspended")
    WITHDRAWN = "withdrawn", _("withdrawn")
    CANCELLED = "cancelled", _("cancelled")
    EXPIRED = "expired", _("expired")


class NoticeSource(models.TextChoices):
    AGENCY = "agency", _("issued here")
    INTERPOL = "interpol", _("INTERPOL public notice")


class Notice(models.Model):
    colour = models.CharField(_("type"), max_length=16)
    subject_names = models.JSONField(_("subject's names"), default=list, blank=True)
    family_name = models.CharField(_("family name"), max_length=200, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, blank=True)
    nationalities = models.JSONField(_("nationalities"), default=list, blank=True)
    place_of_birth = models.CharField(_("place of birth"), max_length=200, blank=True)
    country_of_birth = models.CharField(_("country of birth"), max_length=3, blank=True)
    height_cm = models.PositiveSmallIntegerField(_("height (cm)"), null=True, blank=True)
    weight_kg = models.PositiveSmallIntegerField(_("weight (kg)"), null=True, blank=True)
    eye_colour = models.CharField(_("eye colour"), max_length=40, blank=True)
    hair_colour = models.CharField(_("hair colour"), max_length=40, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    case_reference = models.CharField(_("case"), max_length=32, blank=True)
    issuing_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                       related_name="+")
    issuing_country = models.CharField(_("issuing country"), max_length=3, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    charges = models.TextField(_("charges"), blank=True)
    penalty_months = models.PositiveIntegerField(_("maximum penalty (months)"), null=True,
                                                 blank=True)
    requested_action = models.TextField(_("requested action"), blank=True)
    handling_restrictions = models.TextField(_("handling restrictions"), blank=True)
    identifying_marks = models.TextField(_("identifying marks"), blank=True)
    # Kept in the database, not as a file: it is small, and goes with the notice into every
    # backup and transaction.
    photo = models.BinaryField(_("photo"), null=True, blank=True, editable=False)
    photo_type = models.CharField(max_length=16, blank=True)
    # The issuing agency's choice to show an extract on the public portal (only types whose
    # vocabulary term lists public_fields), and whether the photo goes with it.
    public_extract = models.BooleanField(_("extract public on the portal"), default=False)
    public_photo = models.BooleanField(_("photo in the public extract"), default=False)
    # INTERPOL's fields with no column of their own (warrants, yellow-notice event data),
    # kept so an imported notice exports as it came.
    particulars = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=16, choices=NoticeSource.choices,
                              default=NoticeSource.AGENCY)
    external_id = models.CharField(_("INTERPOL reference"), max_length=32, blank=True,
                                   db_index=True)
    state = models.CharField(max_length=16, choices=NoticeState.choices,
                             default=NoticeState.DRAFT, db_index=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    suspended_until = models.DateField(_("suspended until"), null=True, blank=True)
    renewal_requested = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    review = models.JSONField(default=dict, blank=True)  # check code -> {"passed", "note"}
    watched_person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.colour} notice {self.pk}"


class Diffusion(models.Model):
    """A request or alert sent at once to chosen recipients, reviewed after sending."""

    class Purpose(models.TextChoices):
        REQUEST = "request", _("request")
        ALERT = "alert", _("alert")

    class State(models.TextChoices):
        SENT = "sent", _("sent, awaiting review")
        CONFIRMED = "confirmed", _("reviewed and confirmed")
        RECALLED = "recalled", _("recalled after review")

    colour = models.CharField(_("type"), max_length=16)
    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices)
    subject_names = models.JSONField(_("subject's names"), default=list, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    body = models.TextField(_("message"))
    requested_action = models.TextField(_("requested action"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    sender_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                      related_name="+")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    addressed_to = models.JSONField(default=dict, blank=True)  # as chosen: agencies, countries
    state = models.CharField(max_length=16, choices=State.choices, default=State.SENT)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    review = models.JSONField(default=dict, blank=True)
    review_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.colour} diffusion {self.pk}"


class DiffusionRecipient(models.Model):
    diffusion = models.ForeignKey(Diffusion, on_delete=models.CASCADE,
                                  related_name="recipients")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    response = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["diffusion", "agency"],
                                               name="diffusion_recipient_once")]

    def __str__(self) -> str:
        return f"diffusion {self.diffusion_id} to agency {self.agency_id}"


class Trip(models.Model):
    """A planned or detected journey of a notice's subject."""

    class Source(models.TextChoices):
        REGISTERED = "registered", _("registered")
        SCREENING = "screening", _("detected at a border check")

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="trips")
    source = models.CharField(max_length=16, choices=Source.choices)
    from_country = models.CharField(_("from"), max_length=3, blank=True)
    to_country = models.CharField(_("to"), max_length=3)
    departs_on = models.DateField(_("departs on"), null=True, blank=True)
    returns_on = models.DateField(_("returns on"), null=True, blank=True)
    carrier = models.CharField(_("flight or crossing"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                      related_name="+")
    registered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-registered_at"]

    def __str__(self) -> str:
        return f"trip {self.pk} of notice {self.notice_id} to {self.to_country}"


class TravelAlert(models.Model):
    class State(models.TextChoices):  # the steps of screening's alerts
        OPEN = "open", _("to act on")
        ACKNOWLEDGED = "acknowledged", _("acknowledged")
        TAKEN = "taken", _("taken over")
        CLOSED = "closed", _("closed")

    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="alerts")
    agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    follow_up = models.TextField(_("follow-up"), blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    taken_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    taken_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=32, blank=True)
    outcome_note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["agency", "acknowledged_at"])]

    def __str__(self) -> str:
        return f"travel alert {self.pk} for agency {self.agency_id}"
