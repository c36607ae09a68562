"""A publication: the set of tables the office released for a period, stored as released
(after public disclosure control), so public readers never see live data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Publication(models.Model):
    period_start = models.DateField(_("first day"))
    period_end = models.DateField(_("last day"))
    label = models.CharField(_("period"), max_length=64)
    # The protected tables in language-neutral form: codes, labels and methodology in every
    # UI language, cells with None where suppressed (see services.indicators.Indicator.as_dict).
    content = models.JSONField(default=list)
    threshold = models.PositiveSmallIntegerField()
    rounding_base = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                     related_name="+")
    published_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"publication {self.label}"

    @property
    def period_label(self) -> str:
        return self.label
