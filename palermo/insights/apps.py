from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "palermo.insights"
    label = "insights"
    verbose_name = "Insights"
