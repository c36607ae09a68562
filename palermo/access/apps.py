from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "palermo.access"
    label = "access"
    verbose_name = "Access"
