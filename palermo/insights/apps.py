from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "palermo.insights"
    label = "insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        from django.http import HttpRequest
        from django.utils import timezone
        from django.utils.translation import gettext_lazy as _

        from palermo.guards import actor
        from palermo.insights.services import dashboard
        from palermo.insights.services.periods import Period
        from palermo.web.navigation import Card, NavEntry, add_card, add_entry

        def statistics_card(request: HttpRequest) -> dict[str, object]:
            return dashboard.card(actor(request), Period.year(timezone.localdate().year))

        add_entry(NavEntry(_("Statistics"), "insights:home", "insights.view"))
        add_card(Card(_("Statistics"), "insights/cards/statistics.html", "insights.view",
                      statistics_card, order=70))
