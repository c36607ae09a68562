from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "palermo.messaging"
    label = "messaging"
    verbose_name = "Messaging"

    def ready(self) -> None:
        from django.http import HttpRequest
        from django.utils import timezone
        from django.utils.translation import gettext_lazy as _

        from palermo.messaging.services import awaiting_acknowledgement, unread_count
        from palermo.web.navigation import Badge, Card, NavEntry, add_badge, add_card, add_entry

        def unread(request: HttpRequest) -> int:
            return unread_count(request.user)  # type: ignore[arg-type]

        def card(request: HttpRequest) -> dict[str, int]:
            awaiting = awaiting_acknowledgement(request.user)  # type: ignore[arg-type]
            return {"unread": unread(request), "awaiting": awaiting.count(),
                    "overdue": awaiting.filter(ack_due__lt=timezone.localdate()).count()}

        add_entry(NavEntry(_("Messages"), "messaging:inbox", "messaging.use"))
        add_badge(Badge(_("Unread messages"), "messaging:inbox", "messaging.use", unread))
        add_card(Card(_("Messages"), "messaging/cards/inbox.html", "messaging.use", card,
                      order=20))
