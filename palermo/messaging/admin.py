"""Partner groups are reference data kept by administrators; messages are not shown here,
since their content is sealed and reading one must leave receipts and an audit entry."""

from django.contrib import admin

from palermo.access.admin import AuditedAdmin
from palermo.messaging.models import PartnerGroup


@admin.register(PartnerGroup)
class PartnerGroupAdmin(AuditedAdmin):
    list_display = ("name",)
    filter_horizontal = ("agencies",)
    search_fields = ("name",)
