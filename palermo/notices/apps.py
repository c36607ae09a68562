from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "palermo.notices"
    label = "notices"
    verbose_name = "Notices"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from palermo.notices import services
        from palermo.screening import services as screening
        from palermo.web.navigation import NavEntry, add_entry

        # Screening shows a hit's notice without importing this app: either can arrive first.
        screening.register_notice_lookup(services.notice_for_watched_person)
        add_entry(NavEntry(_("Notices"), "notices:list", "notices.view"))
