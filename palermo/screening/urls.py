from django.urls import path

from palermo.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.check_page, name="check"),
    path("alerts/", views.alert_list, name="alerts"),
    path("alerts/<int:alert_id>/", views.alert_detail, name="alert"),
    path("alerts/<int:alert_id>/step/", views.alert_step, name="alert_step"),
    path("lists/", views.list_page, name="lists"),
    path("lists/import/", views.import_page, name="import"),
    path("lists/<str:kind>/<int:record_id>/remove/", views.remove_record, name="remove"),
]
