"""An English course title keeps its own direction on a Hebrew page; the course form's
audience is ticked from a filtered list and takes several professions."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from palermo.training.services import courses
from tests.conftest import sign_in
from tests.training.factories import course
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_an_english_course_reads_left_to_right_in_hebrew(people: dict[str, Any]) -> None:
    made = course(people["trainer"], title="Identifying victims at the border.")
    page = hebrew_page(people["trainer"], f"/training/courses/{made.pk}/")
    assert f"<h1>{isolated('Identifying victims at the border.')}</h1>" in page
    assert isolated("Identifying victims at the border.") in hebrew_page(people["trainer"],
                                                                         "/training/")


def test_the_audience_is_ticked_from_a_filtered_list(people: dict[str, Any]) -> None:
    client = sign_in(Client(), people["trainer"])
    form = client.get("/training/courses/new/").content.decode()
    audience = form.split("<legend>Audience professions")[1].split("</fieldset>")[0]
    assert 'class="picker-filter"' in audience and "<select" not in audience
    response = client.post("/training/courses/new/", {
        "title": "Labour exploitation for inspectors",
        "professions": ["labour_inspector", "police_officer"], "refresher_months": "12"})
    assert response.status_code == 302
    made = courses.courses(people["trainer"]).get()
    assert sorted(made.professions) == ["labour_inspector", "police_officer"]
