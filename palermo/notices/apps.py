from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "palermo.notices"
    label = "notices"
    verbose_name = "Notices"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from palermo.guards import actor
        from palermo.notices.services import interpol_codes, notices, travel
        from palermo.screening import services as screening
        from palermo.web.navigation import AlertSource, NavEntry, add_alert_source, add_entry

        # INTERPOL's code lists must map onto Palermo's both ways: like a broken
        # vocabulary, a fault stops start-up naming file and line.
        interpol_codes.check()

        # Screening shows a hit's notice and reports hits on notice subjects without
        # importing this app: either can arrive first.
        screening.register_notice_lookup(notices.notice_for_watched_person)
        screening.register_hit_listener(travel.on_screening_hits)
        add_entry(NavEntry(_("Notices"), "notices:list", "notices.view"))
        add_alert_source(AlertSource(_("Travel alerts to acknowledge"),
                                     "notices:travel_alerts", "notices.view",
                                     lambda request: travel.open_alert_count(actor(request))))
