"""Figures from UNODC's GLOTIP data file, kept per release so the page can name the file and
the release date that every national, regional and global figure comes from."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class GlobalRelease(models.Model):
    """One imported file. A newer release replaces an older one for the comparison; older
    releases stay, so a figure once shown can still be traced to its file."""

    file_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField(max_length=64)
    source = models.CharField(_("source"), max_length=200)
    # The first line of the file's preamble, as published ("" for a file without one).
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    # The file's own release date when its preamble gives one, else the importer's.
    release_date = models.DateField(_("release date"))
    figure_count = models.PositiveIntegerField(default=0)
    # Rows that gave a figure already given, with the same value: read once.
    repeated_rows = models.PositiveIntegerField(default=0)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-release_date", "-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.source} {self.release_date} ({self.file_name})"


class GlobalFigure(models.Model):
    LEVELS = ("country", "subregion", "region", "global")

    release = models.ForeignKey(GlobalRelease, on_delete=models.CASCADE, related_name="figures")
    row = models.PositiveIntegerField()  # in the file, the header being row 1
    level = models.CharField(max_length=16)
    # ISO 3166-1 alpha-3, or UNODC's code for a part of a country that reports apart
    # ("GBR_E_W", England and Wales).
    iso3 = models.CharField(max_length=16, blank=True)
    country = models.CharField(max_length=200, blank=True)
    region = models.CharField(max_length=200, blank=True)
    subregion = models.CharField(max_length=200, blank=True)
    indicator = models.CharField(max_length=200)
    dimension = models.CharField(max_length=200, blank=True)
    category = models.CharField(max_length=200, blank=True)
    sex = models.CharField(max_length=64, blank=True)
    age = models.CharField(max_length=64, blank=True)
    year = models.PositiveSmallIntegerField()
    unit = models.CharField(max_length=64, blank=True)
    # Exactly one of the two: the number, or the bound of a censored value ("<5" -> 5).
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    below = models.PositiveIntegerField(null=True, blank=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["release", "row"]
        indexes = [models.Index(fields=["release", "indicator", "year"]),
                   models.Index(fields=["release", "iso3"])]
        constraints = [models.CheckConstraint(
            condition=models.Q(value__isnull=True, below__isnull=False)
            | models.Q(value__isnull=False, below__isnull=True),
            name="insights_global_figure_value_or_below")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.iso3 or self.region or 'world'} {self.year}"

    @property
    def display_value(self) -> str:
        if self.below is not None:
            return f"<{self.below}"
        assert self.value is not None
        return f"{self.value.normalize():f}"
