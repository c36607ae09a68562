"""The Django admin, for reference data only, for superusers with a verified second factor.

User management has its own pages (access/views/manage.py); here the tables are shown for
inspection, and every change made here is audited like any other. The audit log is not
here at all (see audit/admin.py).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django_otp.admin import OTPAdminSite

from palermo.access.models import Agency, ApiToken, Role, User
from palermo.audit import services as audit

admin.site.__class__ = OTPAdminSite
admin.site.site_header = "Palermo administration"


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit.record(
            f"{obj._meta.model_name}.{'update' if change else 'create'}", request=request,
            object_type=obj._meta.model_name, object_id=obj.pk,
            detail={"via": "admin", "fields": sorted(form.changed_data)},
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        pk = obj.pk
        super().delete_model(request, obj)
        audit.record(f"{obj._meta.model_name}.delete", request=request,
                     object_type=obj._meta.model_name, object_id=pk, detail={"via": "admin"})

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["name", "kind", "country", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]


@admin.register(Role)
class RoleAdmin(AuditedAdmin):
    list_display = ["code", "name"]
    # An exemption from the second factor needs a reason, a version check and its own audit
    # entry: it is made on the role page (access:role_edit), never here.
    readonly_fields = ["version", "mfa_exempt_reason", "mfa_exempt_by", "mfa_exempt_at"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(ReadOnlyAdmin):
    list_display = ["email", "full_name", "agency", "is_active"]
    list_filter = ["agency", "is_active"]
    search_fields = ["email", "full_name"]
    exclude = ["password"]


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    exclude = ["digest"]
