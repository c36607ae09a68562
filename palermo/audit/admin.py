from django.contrib import admin

from palermo.access.admin import ReadOnlyAdmin
from palermo.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["seq", "at", "actor_label", "action", "object_type", "object_id", "outcome"]
    list_filter = ["outcome"]
    search_fields = ["actor_label", "action", "object_id"]
