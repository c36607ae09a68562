from django.urls import path

from palermo.training.views import awareness, courses, public, sessions

app_name = "training"

urlpatterns = [
    path("", courses.home, name="home"),
    path("courses/new/", courses.course_create, name="course_create"),
    path("courses/<int:course_id>/", courses.course_detail, name="course"),
    path("courses/<int:course_id>/edit/", courses.course_edit, name="course_edit"),
    path("courses/<int:course_id>/sessions/new/", courses.session_create,
         name="session_create"),
    path("sessions/<int:session_id>/", sessions.session_detail, name="session"),
    path("sessions/<int:session_id>/register/", sessions.register, name="register"),
    path("sessions/<int:session_id>/step/", sessions.session_step, name="session_step"),
    path("sessions/<int:session_id>/evaluation/", sessions.evaluation, name="evaluation"),
    path("registrations/<int:registration_id>/certificate.pdf", sessions.certificate,
         name="certificate"),
    path("trainees/<int:trainee_id>/", sessions.trainee_detail, name="trainee"),
    path("coverage/", awareness.coverage_page, name="coverage"),
    path("coverage/due/", awareness.due_list, name="due"),
    path("campaigns/", awareness.campaign_list, name="campaigns"),
    path("campaigns/new/", awareness.campaign_create, name="campaign_create"),
    path("campaigns/<int:campaign_id>/", awareness.campaign_detail, name="campaign"),
    path("campaigns/<int:campaign_id>/reach/", awareness.campaign_reach, name="campaign_reach"),
    path("materials/", awareness.material_list, name="materials"),
    path("materials/new/", awareness.material_add, name="material_add"),
    path("materials/<int:material_id>/", awareness.material_download, name="material"),
    path("verify/", public.verify, name="verify"),
]
