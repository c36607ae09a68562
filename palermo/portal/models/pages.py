"""Information pages of the portal: a page is a stable address (its slug) and, for each
portal language, a numbered series of versions. A version is written, submitted, and
published by a second person; a published version is never changed again, so every text the
public has read is kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InfoPage(models.Model):
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    # The order of the pages in the portal's list of information pages.
    position = models.PositiveSmallIntegerField(_("position"), default=100)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.slug


class PageVersion(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("awaiting review")
        RETURNED = "returned", _("returned to the authors")
        PUBLISHED = "published", _("published")

    page = models.ForeignKey(InfoPage, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=8)
    number = models.PositiveIntegerField()
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    state = models.CharField(max_length=16, choices=State.choices, default=State.DRAFT,
                             db_index=True)
    # Everyone who wrote in this version: none of them may publish it.
    authors = models.JSONField(default=list, blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["page", "language", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "language", "number"],
                                    name="page_version_number_once"),
            # One version in the works per page and language: two drafts would overwrite
            # each other's publication.
            models.UniqueConstraint(
                fields=["page", "language"], name="page_version_one_open",
                condition=models.Q(state__in=["draft", "submitted", "returned"])),
        ]

    def __str__(self) -> str:
        return f"{self.page.slug} [{self.language}] v{self.number}"
