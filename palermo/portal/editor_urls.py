"""The information pages' editor, inside the application (not under /public/: it needs the
office's signed-in session, which the portal never reads)."""

from django.urls import path

from palermo.portal.views import editor

app_name = "portal_editor"

urlpatterns = [
    path("", editor.page_list, name="list"),
    path("<int:info_page_id>/", editor.page_detail, name="page"),
    path("<int:info_page_id>/write/", editor.version_edit, name="write"),
    path("versions/<int:page_version_id>/", editor.version_detail, name="version"),
    path("versions/<int:page_version_id>/step/", editor.version_step, name="step"),
]
