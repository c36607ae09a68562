from django.urls import path

from palermo.notices.views import alerts, diffusions, interpol, notices

app_name = "notices"

urlpatterns = [
    path("", notices.notice_list, name="list"),
    path("new/", notices.notice_create, name="create"),
    path("review/", notices.review_queue, name="review_queue"),
    path("import/", interpol.notice_import, name="import"),
    path("<int:notice_id>/", notices.notice_detail, name="detail"),
    path("<int:notice_id>/edit/", notices.notice_edit, name="edit"),
    path("<int:notice_id>/step/", notices.notice_step, name="step"),
    path("<int:notice_id>/trip/", notices.trip_register, name="trip"),
    path("<int:notice_id>/photo/", notices.notice_photo, name="photo"),
    path("<int:notice_id>/photo/upload/", notices.notice_photo_upload, name="photo_upload"),
    path("<int:notice_id>/publicity/", notices.notice_publicity, name="publicity"),
    path("travel-alerts/", alerts.travel_alerts, name="travel_alerts"),
    path("travel-alerts/<int:alert_id>/", alerts.travel_alert, name="travel_alert"),
    path("diffusions/", diffusions.diffusion_list, name="diffusions"),
    path("diffusions/new/", diffusions.diffusion_create, name="diffusion_create"),
    path("diffusions/<int:diffusion_id>/", diffusions.diffusion_detail, name="diffusion"),
    path("diffusions/<int:diffusion_id>/step/", diffusions.diffusion_step,
         name="diffusion_step"),
]
