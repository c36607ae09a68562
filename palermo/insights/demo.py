"""Demo insights: the synthetic GLOTIP sample (invented values, marked as such on every row)
imported by the demo coordinator, so national figures show beside regional and global ones;
and one publication of this year's tables, so the public portal has statistics to show."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone

from palermo.access.models import User
from palermo.insights.services import global_figures, publication
from palermo.insights.services.periods import Period


def seed(say: Callable[[str], None]) -> None:
    coordinator = User.objects.filter(roles__code="coordinator", is_active=True).order_by(
        "pk").first()
    if coordinator is None:
        return
    global_figures.seed_sample(coordinator)
    release = global_figures.latest_release()
    if release is not None:
        say(f"Demo global figures: {release.figure_count} synthetic GLOTIP figures")
    published = publication.latest_publication()
    if published is None:
        published = publication.publish(actor=coordinator,
                                        period=Period.year(timezone.localdate().year))
    say(f"Demo publication: statistics for {published.period_label}")
