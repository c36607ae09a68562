from django.urls import URLPattern, URLResolver, path

from palermo.insights.views import dashboard, publication, report
from palermo.insights.views import global_figures as global_views
from palermo.insights.views import open_data as open_data_views

app_name = "insights"

urlpatterns: list[URLPattern | URLResolver] = []

urlpatterns += [
    path("", dashboard.home, name="home"),
    path("publications/", publication.publications, name="publications"),
    path("publications/new/", publication.publish, name="publish"),
    path("publications/<int:publication_id>/", publication.detail, name="publication"),
    path("report/", report.page, name="report"),
    path("report/download/", report.download, name="report_download"),
]

# Global figures and open data (helper insights-engine).
urlpatterns += [
    path("global/", global_views.page, name="global_figures"),
    path("global/import/", global_views.upload, name="global_import"),
    path("open-data/", open_data_views.page, name="open_data"),
    path("open-data/download/", open_data_views.download, name="open_data_download"),
]
