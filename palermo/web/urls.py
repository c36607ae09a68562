from django.urls import path

from palermo.web import views

app_name = "web"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("language", views.switch_language, name="switch_language"),
]
