from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "palermo.awards"
    label = "awards"
    verbose_name = "Awards"

    def ready(self) -> None:
        from typing import Any

        from django.http import HttpRequest
        from django.utils import timezone
        from django.utils.translation import gettext_lazy as _

        from palermo.awards.models import Cycle
        from palermo.awards.services import cycles, jury
        from palermo.guards import actor
        from palermo.web.navigation import Card, NavEntry, add_card, add_entry

        def card(request: HttpRequest) -> dict[str, Any]:
            user = actor(request)
            return {"open": list(cycles.cycles(user).filter(
                        state=Cycle.State.CALL, closes_on__gte=timezone.localdate())),
                    "to_score": jury.awaiting(user)}

        add_entry(NavEntry(_("Annual award"), "awards:home", "awards.nominate"))
        add_card(Card(_("Annual award"), "awards/cards/award.html", "awards.nominate", card,
                      order=80))
