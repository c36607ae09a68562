from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "palermo.access"
    label = "access"
    verbose_name = "Access"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from django.utils.translation import gettext_lazy as _

        from palermo.web.navigation import NavEntry, add_entry

        add_entry(NavEntry(_("Sign-in security"), "access:security", "access.view_security",
                           "admin"))
        # Upgrades bring new default permissions to existing roles without a manual step.
        post_migrate.connect(_sync_default_roles, sender=self)


def _sync_default_roles(**kwargs: object) -> None:
    from palermo.access.services import roles

    roles.sync_defaults()
