from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "palermo.directory"
    label = "directory"
    verbose_name = "Partner directory"

    def ready(self) -> None:
        from typing import Any

        from django.http import HttpRequest
        from django.utils.translation import gettext_lazy as _

        from palermo.directory.services import agreements
        from palermo.guards import actor
        from palermo.web.navigation import Badge, Card, NavEntry, add_badge, add_card, add_entry

        def renewals(request: HttpRequest) -> dict[str, Any]:
            return {"agreements": list(agreements.expiring(actor(request))[:8])}

        def renewal_count(request: HttpRequest) -> int:
            # The reminder is for those who renew agreements, not for every reader.
            if not request.user.has_perm("directory.edit"):
                return 0
            return agreements.expiring(actor(request)).count()

        add_entry(NavEntry(_("Partners"), "directory:list", "directory.view"))
        add_card(Card(_("Agreements to renew"), "directory/cards/renewals.html",
                      "directory.edit", context=renewals, order=40))
        add_badge(Badge(_("Agreements to renew"), "directory:list", "directory.edit",
                        renewal_count))
