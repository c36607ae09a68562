from django.urls import path

from palermo.governance.views import actions, calendar, committees, legislation, meetings

app_name = "governance"

urlpatterns = [
    path("", committees.index, name="index"),
    path("committees/new/", committees.committee_create, name="committee_create"),
    path("committees/<int:committee_id>/", committees.committee_detail, name="committee"),
    path("committees/<int:committee_id>/members/", committees.member_add, name="member_add"),
    path("committees/<int:committee_id>/meetings/new/", committees.meeting_create,
         name="meeting_create"),
    path("meetings/<int:meeting_id>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:meeting_id>/edit/", meetings.meeting_edit, name="meeting_edit"),
    path("meetings/<int:meeting_id>/attendees/", meetings.attendee_add, name="attendee_add"),
    path("meetings/<int:meeting_id>/documents/", meetings.document_upload,
         name="document_upload"),
    path("meetings/<int:meeting_id>/documents/<int:meeting_document_id>/",
         meetings.document_download, name="document"),
    path("meetings/<int:meeting_id>/minutes/", meetings.minutes_save, name="minutes_save"),
    path("meetings/<int:meeting_id>/minutes/approve/", meetings.minutes_approve,
         name="minutes_approve"),
    path("meetings/<int:meeting_id>/minutes/correct/", meetings.minutes_correct,
         name="minutes_correct"),
    path("meetings/<int:meeting_id>/decisions/", meetings.decision_create,
         name="decision_create"),
    path("actions/", actions.action_list, name="actions"),
    path("actions/<int:action_id>/", actions.action_detail, name="action"),
    path("plan/", actions.plan_tree, name="plan"),
    path("plan/add/", actions.plan_add, name="plan_add"),
    path("legislation/", legislation.bill_list, name="bills"),
    path("legislation/new/", legislation.bill_create, name="bill_create"),
    path("legislation/<int:bill_id>/", legislation.bill_detail, name="bill"),
    path("legislation/<int:bill_id>/edit/", legislation.bill_edit, name="bill_edit"),
    path("legislation/<int:bill_id>/step/", legislation.bill_step, name="bill_step"),
    path("calendar/", calendar.calendar_month, name="calendar"),
    path("calendar.ics", calendar.calendar_ics, name="calendar_ics"),
]
