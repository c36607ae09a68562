from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "palermo.training"
    label = "training"
    verbose_name = "Training"

    def ready(self) -> None:
        from django.http import HttpRequest
        from django.utils import timezone
        from django.utils.translation import gettext_lazy as _

        from palermo.guards import actor
        from palermo.training.services import courses, coverage
        from palermo.web.navigation import Card, NavEntry, add_card, add_entry

        def card(request: HttpRequest) -> dict[str, int]:
            rows = coverage.coverage(actor=actor(request))
            coming = courses.sessions(actor(request)).filter(
                ends_on__gte=timezone.localdate()).count()
            return {"trained": sum(r.trained for r in rows), "due": sum(r.due for r in rows),
                    "coming": coming}

        from palermo.directory.services import activity
        from palermo.training.navigation import trainings_of_agency

        # An organisation's page in the directory lists the trainings its staff attended.
        activity.register("trainings", _("Trainings"), trainings_of_agency)
        add_entry(NavEntry(_("Training"), "training:home", "training.view"))
        add_card(Card(_("Training"), "training/cards/coverage.html", "training.view", card,
                      order=60))
