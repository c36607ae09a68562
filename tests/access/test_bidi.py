"""People's English names keep their own direction on Hebrew pages; a user's roles and time
zone are chosen from lists, not a Ctrl-click select or a drop-down of hundreds."""

from __future__ import annotations

import pytest
from django.test import Client

from palermo.access.models import User
from tests.access.factories import AgencyFactory, UserFactory
from tests.conftest import sign_in
from tests.web.hebrew import hebrew_page, isolated

pytestmark = pytest.mark.django_db


def test_english_names_read_left_to_right_on_the_hebrew_user_list() -> None:
    admin = UserFactory(roles=["administrator"], language="he")
    UserFactory(full_name="John Smith Jr.", email="john@police.example",
                agency=AgencyFactory(name="Border Police."))
    page = hebrew_page(admin, "/access/users/")
    assert isolated("John Smith Jr.") in page
    assert isolated("john@police.example") in page
    assert isolated("Border Police.") in page


def test_roles_and_time_zone_are_chosen_from_lists() -> None:
    admin = UserFactory(roles=["administrator"])
    agency = AgencyFactory(name="Israel Police")
    client = sign_in(Client(), admin)
    form = client.get("/access/users/new/").content.decode()
    zones = form.split("<legend>Time zone")[1].split("</fieldset>")[0]
    assert zones.count('type="radio"') > 300 and 'class="picker-filter"' in zones
    roles = form.split("<legend>Roles")[1].split("</fieldset>")[0]
    assert 'type="checkbox"' in roles and 'class="picker-filter"' in roles
    role_ids = [roles.split(f"<bdi>{name}</bdi>")[0].rsplit('value="', 1)[1].split('"')[0]
                for name in ("Trainer", "Auditor")]
    response = client.post("/access/users/new/", {
        "email": "noa@police.example", "full_name": "Noa Bar", "agency": agency.pk,
        "roles": role_ids, "language": "en", "time_zone": "Asia/Jerusalem",
        "password": "a long passphrase of words"})
    assert response.status_code == 302, response.content.decode()[:2000]
    made = User.objects.get(email="noa@police.example")
    assert made.time_zone == "Asia/Jerusalem"
    assert sorted(r.code for r in made.roles.all()) == ["auditor", "trainer"]


def test_the_roles_to_choose_from_read_in_hebrew_on_a_hebrew_page() -> None:
    admin = UserFactory(roles=["administrator"], language="he")
    UserFactory(roles=["investigator"])  # so the role exists in the list
    page = hebrew_page(admin, "/access/users/new/")
    assert "חוקר/ת משטרה" in page
    assert "Police investigator" not in page
