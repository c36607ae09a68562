from django.urls import path

from palermo.awards.views import cycles, jury, nominations

app_name = "awards"

urlpatterns = [
    path("", cycles.home, name="home"),
    path("archive/", cycles.archive, name="archive"),
    path("cycles/new/", cycles.cycle_create, name="cycle_create"),
    path("cycles/<int:cycle_id>/", cycles.cycle_detail, name="cycle"),
    path("cycles/<int:cycle_id>/step/", cycles.cycle_step, name="cycle_step"),
    path("cycles/<int:cycle_id>/ceremony/", cycles.ceremony_page, name="ceremony"),
    path("cycles/<int:cycle_id>/nominate/", nominations.nominate, name="nominate"),
    path("cycles/<int:cycle_id>/ranking/", jury.ranking, name="ranking"),
    path("cycles/<int:cycle_id>/deliberation/", jury.deliberation, name="deliberation"),
    path("nominations/<int:nomination_id>/", nominations.nomination_detail,
         name="nomination"),
    path("nominations/<int:nomination_id>/eligibility/", nominations.eligibility,
         name="eligibility"),
    path("nominations/<int:nomination_id>/jury/", jury.nomination_step, name="jury_step"),
    path("attachments/<int:attachment_id>/", nominations.attachment, name="attachment"),
    path("invitees/<int:invitee_id>/rsvp/", cycles.invitee_rsvp, name="invitee_rsvp"),
]
