from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "palermo.screening"
    label = "screening"
    verbose_name = "Screening"

    def ready(self) -> None:
        from palermo.screening import navigation, person_keys

        navigation.register()
        person_keys.connect()
