from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "palermo.ops"
    label = "ops"
    verbose_name = "Operations"

    def ready(self) -> None:
        from palermo.ops import checks  # noqa: F401  (registers the configuration checks)
