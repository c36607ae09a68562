from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "palermo.web"
    label = "web"
    verbose_name = "Web"

    def ready(self) -> None:
        from palermo.web import navigation

        navigation.register_foundation()
