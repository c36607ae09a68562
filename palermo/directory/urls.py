from django.urls import path

from palermo.directory.views import organisations, people

app_name = "directory"

urlpatterns = [
    path("", organisations.organisation_list, name="list"),
    path("export.csv", organisations.export_csv, name="export_csv"),
    path("new/", organisations.organisation_create, name="create"),
    path("<int:organisation_id>/", organisations.organisation_detail, name="detail"),
    path("<int:organisation_id>/edit/", organisations.organisation_edit, name="edit"),
    path("<int:organisation_id>/vcard/", organisations.organisation_vcard, name="vcard"),
    path("<int:organisation_id>/contacts/new/", people.contact_add, name="contact_add"),
    path("<int:organisation_id>/agreements/new/", people.agreement_add, name="agreement_add"),
    path("contacts/<int:contact_id>/edit/", people.contact_edit, name="contact_edit"),
    path("contacts/<int:contact_id>/remove/", people.contact_remove, name="contact_remove"),
    path("agreements/<int:agreement_id>/edit/", people.agreement_edit, name="agreement_edit"),
]
