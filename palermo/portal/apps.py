from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "palermo.portal"
    label = "portal"
    verbose_name = "Public portal"
