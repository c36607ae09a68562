from django.urls import path

from palermo.notices import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("new/", views.notice_create, name="create"),
    path("<int:notice_id>/", views.notice_detail, name="detail"),
    path("<int:notice_id>/step/", views.notice_step, name="step"),
]
