"""What training tells other pages: the sessions an agency's staff attended, for the
directory's page of an organisation (registered in TrainingConfig.ready)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import reverse

if TYPE_CHECKING:
    from palermo.access.models import User


def trainings_of_agency(user: User, agency_id: int) -> tuple[list[Any], int]:
    from palermo.directory.services.activity import Item
    from palermo.training.services import courses

    if not user.has_perm("training.view"):
        return [], 0
    found = courses.sessions_with_agency(user, agency_id).order_by("-starts_on")
    return ([Item(s.starts_on, f"{s.course.title} — {s.place}",
                  reverse("training:session", args=[s.pk])) for s in found[:20]],
            found.count())
