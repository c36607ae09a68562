from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "palermo.exchange"
    label = "exchange"
    verbose_name = "Exchange"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from palermo.web.navigation import NavEntry, add_entry

        add_entry(NavEntry(_("Case reports"), "exchange:inbox", "exchange.view"))
