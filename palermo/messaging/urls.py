from django.urls import path

from palermo.messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("new/", views.compose, name="compose"),
    path("<int:thread_id>/", views.thread, name="thread"),
    path("<int:thread_id>/reply/", views.reply, name="reply"),
    path("message/<int:message_id>/forward/", views.forward, name="forward"),
    path("message/<int:message_id>/permission/", views.ask_permission, name="ask_permission"),
    path("message/<int:message_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("permission/<int:forward_request_id>/decide/", views.decide, name="decide"),
    path("attachment/<int:attachment_id>/", views.attachment, name="attachment"),
]
