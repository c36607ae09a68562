from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "palermo.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from palermo.directory.services import activity
        from palermo.governance import navigation
        from palermo.web.navigation import Card, NavEntry, add_card, add_entry

        add_entry(NavEntry(_("Committees"), "governance:index", "governance.view"))
        add_card(Card(_("Action items"), "governance/cards/actions.html", "governance.view",
                      context=navigation.actions_card, order=30))
        # The partner directory shows, on an organisation's page, the meetings its agency
        # attended; registered here so that directory does not import governance.
        activity.register("meetings", _("Meetings"), navigation.meetings_of_agency)
