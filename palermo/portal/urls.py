from django.urls import URLPattern, URLResolver, path, register_converter

from palermo.portal.services.language import LanguageConverter
from palermo.portal.views import pages, public_notices, reports, statistics

register_converter(LanguageConverter, "lang")

app_name = "portal"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", reports.root, name="root"),
    path("<lang:lang>/report/", reports.report, name="report"),
    path("<lang:lang>/report/return/", reports.follow_up, name="report_return"),
    path("<lang:lang>/report/return/add/", reports.add, name="report_add"),
    path("<lang:lang>/pages/", pages.page_index, name="pages"),
    path("<lang:lang>/pages/<slug:slug>/", pages.page_detail, name="page"),
    path("<lang:lang>/notices/", public_notices.notice_list, name="notices"),
    path("<lang:lang>/notices/<int:notice_id>/", public_notices.notice_detail, name="notice"),
    path("<lang:lang>/notices/<int:notice_id>/photo/", public_notices.notice_photo,
         name="notice_photo"),
    path("<lang:lang>/statistics/", statistics.statistics_page, name="statistics"),
    path("<lang:lang>/statistics/<slug:table_code>.csv", statistics.statistics_csv,
         name="statistics_csv"),
]
