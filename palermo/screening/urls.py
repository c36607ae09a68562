from django.urls import path

from palermo.screening import views

app_name = "screening"

urlpatterns = [
    path("", views.check_page, name="check"),
    path("alerts/", views.alert_list, name="alerts"),
]
