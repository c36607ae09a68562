from django.urls import path

from palermo.cases.views import cases, coordination, persons

app_name = "cases"

urlpatterns = [
    path("", cases.case_list, name="case_list"),
    path("new/", cases.case_create, name="case_create"),
    path("<int:case_id>/", cases.case_detail, name="case_detail"),
    path("<int:case_id>/reason/", cases.case_reason, name="case_reason"),
    path("<int:case_id>/edit/", cases.case_edit, name="case_edit"),
    path("<int:case_id>/status/", cases.case_status, name="case_status"),
    path("<int:case_id>/notes/", cases.case_note, name="case_note"),
    path("<int:case_id>/documents/", cases.document_upload, name="document_upload"),
    path("<int:case_id>/agencies/", cases.agency_add, name="agency_add"),
    path("<int:case_id>/agencies/<int:participant_id>/remove/", cases.agency_remove,
         name="agency_remove"),
    path("documents/<int:document_id>/", cases.document_download, name="document_download"),
    path("<int:case_id>/persons/new/", persons.person_add, name="person_add"),
    path("<int:case_id>/tasks/", coordination.task_create, name="task_create"),
    path("persons/<int:case_person_id>/", persons.person_detail, name="person_detail"),
    path("persons/<int:case_person_id>/context/", persons.person_context,
         name="person_context"),
    path("persons/<int:case_person_id>/assess/", persons.person_assess, name="person_assess"),
    path("persons/<int:case_person_id>/status/", persons.person_decide, name="person_decide"),
    path("persons/<int:case_person_id>/merge/", persons.person_merge, name="person_merge"),
    path("persons/<int:case_person_id>/merges/<int:merge_id>/undo/", persons.person_unmerge,
         name="person_unmerge"),
    path("persons/<int:case_person_id>/refer/", coordination.referral_create,
         name="referral_create"),
    path("referrals/", coordination.referral_inbox, name="referral_inbox"),
    path("referrals/<int:referral_id>/answer/", coordination.referral_answer,
         name="referral_answer"),
    path("tasks/", coordination.task_list, name="task_list"),
    path("tasks/<int:task_id>/state/", coordination.task_state, name="task_state"),
    path("overview/", coordination.coordinator_overview, name="overview"),
    path("notifications/", coordination.notifications, name="notifications"),
]
