from django.urls import path

from palermo.exchange import views

app_name = "exchange"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("sent/", views.outbox, name="outbox"),
    path("import/", views.report_import, name="import"),
    path("htcds/", views.htcds_import, name="htcds"),
    path("htcds/export/", views.htcds_export, name="htcds_export"),
    path("ctdc/", views.ctdc_import, name="ctdc"),
    path("partners/", views.partners, name="partners"),
    path("partners/<int:partner_id>/trust/", views.partner_trust, name="partner_trust"),
    path("reports/<int:report_id>/", views.report_detail, name="report"),
    path("reports/<int:report_id>/reason/", views.report_reason, name="report_reason"),
    path("reports/<int:report_id>/file/", views.report_file, name="report_file"),
    path("reports/<int:report_id>/step/", views.report_step, name="report_step"),
    path("cases/<int:case_id>/export/", views.case_export, name="export"),
    path("cases/<int:case_id>/ftm/", views.case_ftm, name="ftm"),
]
