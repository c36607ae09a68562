"""Demo insights: the synthetic GLOTIP sample (invented values, marked as such on every row)
imported by the demo coordinator, so national figures show beside regional and global ones."""

from __future__ import annotations

from collections.abc import Callable

from palermo.access.models import User
from palermo.insights.services import global_figures


def seed(say: Callable[[str], None]) -> None:
    coordinator = User.objects.filter(roles__code="coordinator", is_active=True).order_by(
        "pk").first()
    if coordinator is None:
        return
    global_figures.seed_sample(coordinator)
    release = global_figures.latest_release()
    if release is not None:
        say(f"Demo global figures: {release.figure_count} synthetic GLOTIP figures")
