"""Notices: a subject, an issuing agency, the reasons and legal basis, and a reviewed lifecycle."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted for review")
    PUBLISHED = "published", _("published")
    RETURNED = "returned", _("returned to the author")
    WITHDRAWN = "withdrawn", _("withdrawn")
    EXPIRED = "expired", _("expired")


class Notice(models.Model):
    colour = models.CharField(_("type"), max_length=16)
    subject_names = models.JSONField(_("subject's names"), default=list, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, blank=True)
    nationalities = models.JSONField(_("nationalities"), default=list, blank=True)
    case_reference = models.CharField(_("case"), max_length=32, blank=True)
    issuing_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                       related_name="+")
    reasons = models.TextField(_("reasons"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    charges = models.TextField(_("charges"), blank=True)
    penalty_months = models.PositiveIntegerField(_("maximum penalty (months)"), null=True,
                                                 blank=True)
    requested_action = models.TextField(_("requested action"), blank=True)
    identifying_marks = models.TextField(_("identifying marks"), blank=True)
    state = models.CharField(max_length=16, choices=NoticeState.choices,
                             default=NoticeState.DRAFT, db_index=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
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
