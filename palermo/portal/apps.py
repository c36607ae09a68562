from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "palermo.portal"
    label = "portal"
    verbose_name = "Public portal"

    def ready(self) -> None:
        from palermo.portal import reporting_setup
        from palermo.portal.services import language

        # A missing translation stops the process, naming file, line and key.
        language.load()
        reporting_setup.register()
        from palermo.portal import content_setup

        content_setup.register()
