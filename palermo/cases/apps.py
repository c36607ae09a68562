from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "palermo.cases"
    label = "cases"
    verbose_name = "Cases"

    def ready(self) -> None:
        from palermo.cases import navigation

        navigation.register()
