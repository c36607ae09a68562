"""Reference data in the Django admin: the cycles (year, dates, place). Nominations, scores
and invitees are personal data and go through the pages, where reads are audited."""

from django.contrib import admin

from palermo.access.admin import AuditedAdmin
from palermo.awards.models import Cycle


@admin.register(Cycle)
class CycleAdmin(AuditedAdmin):
    list_display = ("year", "title", "state", "closes_on", "ceremony_on")
    list_filter = ("state",)
    readonly_fields = ("state", "version", "created_by", "created_at")
