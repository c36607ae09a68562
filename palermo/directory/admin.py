"""Organisations, contacts and agreements are edited on the directory's own pages, which
check and audit every change; the admin offers them for repair, audited like any admin
change."""

from django.contrib import admin

from palermo.access.admin import AuditedAdmin
from palermo.directory.models import Agreement, Organisation


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ("name", "acronym", "kind", "country", "active")
    list_filter = ("kind", "active")
    search_fields = ("name", "acronym")


@admin.register(Agreement)
class AgreementAdmin(AuditedAdmin):
    list_display = ("title", "organisation", "kind", "ends_on")
    list_filter = ("kind",)
    search_fields = ("title", "organisation__name")
