from django.urls import path

from palermo.library import views

app_name = "library"

urlpatterns = [
    path("", views.search, name="search"),
    path("decisions/<int:decision_id>/", views.decision, name="decision"),
    path("opinions/<int:opinion_id>/", views.opinion, name="opinion"),
    path("guides/<int:guide_id>/", views.guide, name="guide"),
    path("add/<str:kind>/", views.add, name="add"),
]
