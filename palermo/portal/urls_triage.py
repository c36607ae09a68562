"""The triage of public reports, inside the application (mounted at /triage/, never under
the portal's /public/)."""

from django.urls import URLPattern, URLResolver, path

from palermo.portal.views import triage

app_name = "triage"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", triage.queue, name="queue"),
    path("<int:portal_report_id>/", triage.detail, name="report"),
    path("<int:portal_report_id>/reply", triage.reply, name="reply"),
    path("<int:portal_report_id>/link", triage.link, name="link"),
    path("<int:portal_report_id>/open-case", triage.open_case, name="open_case"),
    path("<int:portal_report_id>/refer", triage.refer, name="refer"),
    path("<int:portal_report_id>/to-case", triage.carry, name="carry"),
    path("<int:portal_report_id>/close", triage.close, name="close"),
    path("<int:portal_report_id>/images/<int:portal_image_id>", triage.image, name="image"),
]
