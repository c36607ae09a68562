from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "palermo.ops"
    label = "ops"
    verbose_name = "Operations"
