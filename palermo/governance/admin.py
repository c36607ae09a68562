"""Committees and the action plan's goals and actions are reference data the office may
repair in the admin; meetings, minutes, decisions and items change only through the pages,
whose rules (locked minutes, versions) the admin would bypass."""

from django.contrib import admin

from palermo.access.admin import AuditedAdmin
from palermo.governance.models import Committee, PlanAction, PlanGoal


@admin.register(Committee)
class CommitteeAdmin(AuditedAdmin):
    list_display = ("name", "kind", "chair_agency", "active")
    list_filter = ("kind", "active")
    search_fields = ("name",)


@admin.register(PlanGoal)
class PlanGoalAdmin(AuditedAdmin):
    list_display = ("title", "position")


@admin.register(PlanAction)
class PlanActionAdmin(AuditedAdmin):
    list_display = ("title", "goal", "position")
    list_filter = ("goal",)
