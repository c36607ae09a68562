"""Reference data in the Django admin: courses. People (trainees) and their records are
changed only through the pages, where every change and read is audited."""

from django.contrib import admin

from palermo.access.admin import AuditedAdmin
from palermo.training.models import Course


@admin.register(Course)
class CourseAdmin(AuditedAdmin):
    list_display = ("title", "refresher_months", "active")
    list_filter = ("active",)
    search_fields = ("title",)
