"""Hand-edited addresses and posts: numbers a database column cannot hold, digits int()
refuses, and `next` addresses that would lead off the site."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from palermo.cases.services import tasks
from palermo.web.badinput import INT64_MAX
from palermo.web.forms import parse_int, query_int
from palermo.web.safety import safe_next
from tests.cases.factories import open_case

HUGE = "9" * 30  # beyond 64 bits
BAD_NUMBERS = (HUGE, str(INT64_MAX + 1), "²", "٣", "1e5", "12abc", " ", "-" + HUGE)


# The helpers.

@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_a_malformed_or_huge_number_is_the_default(value: str) -> None:
    assert parse_int(value, 7) == 7


def test_a_number_is_read_within_its_bounds() -> None:
    assert parse_int(" 42 ") == 42
    assert parse_int(str(INT64_MAX)) == INT64_MAX
    assert parse_int("-3") is None and parse_int("-3", minimum=-5) == -3
    assert parse_int("11", 0, 1, 10) == 0 and parse_int("", 5) == 5
    request = RequestFactory().post("/?page=3", {"page": "4"})
    assert query_int(request, "page", 1) == 3
    assert query_int(request, "page", 1, source=request.POST) == 4


OFF_SITE = ("https://evil.example/", "http://evil.example", "//evil.example/x",
            "///evil.example", "javascript:alert(1)", "/\\evil.example", "\\\\evil.example",
            "\\/evil.example", "https:evil.example", " //evil.example", "/\t/evil.example",
            "/cases/\nSet-Cookie: a=b")


@pytest.mark.parametrize("target", OFF_SITE)
def test_next_off_the_site_falls_back_to_the_default(target: str) -> None:
    request = RequestFactory().post("/", {"next": target})
    assert safe_next(request, "cases:task_list") == "/cases/tasks/"


def test_next_on_the_site_is_followed() -> None:
    factory = RequestFactory()
    assert safe_next(factory.post("/", {"next": "/cases/?q=a"}), "/") == "/cases/?q=a"
    assert safe_next(factory.get("/", {"next": "/audit/"}), "/") == "/audit/"
    assert safe_next(factory.get("/"), "/", target="http://testserver/x") == \
        "http://testserver/x"
    # Over HTTPS the same host over plain HTTP would send the session cookie in clear.
    assert safe_next(factory.get("/", secure=True), "/", target="http://testserver/x") == "/"


# The pages.

@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example",
                                    "javascript:alert(1)", "/\\evil.example"])
def test_task_state_does_not_redirect_off_the_site(signed_in: Any, target: str) -> None:
    client = signed_in("coordinator")
    user = client.user
    task = tasks.create(open_case(user), "Take a statement", actor=user, agency=user.agency)
    response = client.post(f"/cases/tasks/{task.pk}/state/",
                           {"state": "done", "version": task.version, "next": target})
    assert response.status_code == 302 and response["Location"] == "/cases/tasks/"
    response = client.post(f"/cases/tasks/{task.pk}/state/",
                           {"state": "open", "version": task.version + 1,
                            "next": f"/cases/{task.case_id}/"})
    assert response["Location"] == f"/cases/{task.case_id}/"


GET_PAGES = [
    ("coordinator", "/cases/overview/", "stale_days"),
    ("coordinator", "/cases/", "page"),
    ("coordinator", "/governance/actions/", "agency"),
    ("coordinator", "/governance/calendar/", "month"),
    ("coordinator", "/insights/global/", "year"),
    ("coordinator", "/insights/", "year"),
    ("coordinator", "/insights/report/", "year"),
    ("coordinator", "/library/", "page"),
    ("coordinator", "/training/coverage/", "agency"),
    ("coordinator", "/training/coverage/", "course"),
    ("coordinator", "/training/coverage/due/", "agency"),
    ("auditor", "/audit/", "page"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "path", "name"), GET_PAGES)
def test_pages_survive_bad_numbers_in_the_address(signed_in: Any, role: str, path: str,
                                                   name: str) -> None:
    client = signed_in(role)
    for value in BAD_NUMBERS:
        response = client.get(path, {name: value})
        assert response.status_code in (200, 400), (path, name, value)


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["9999-12", "0001-01", f"{HUGE}-1", "2025-²", "2025-13"])
def test_the_calendar_shows_this_month_for_a_month_it_cannot_draw(signed_in: Any,
                                                                  month: str) -> None:
    response = signed_in("coordinator").get("/governance/calendar/", {"month": month})
    assert response.status_code == 200


@pytest.mark.django_db
def test_posted_versions_and_choices_that_are_not_numbers(signed_in: Any) -> None:
    from tests.directory.factories import organisation
    from tests.training.factories import course

    client = signed_in("coordinator")
    partner = organisation(client.user)
    taught = course(client.user)
    for value in (HUGE, "²", "abc"):
        response = client.post(f"/directory/{partner.pk}/edit/",
                               {"name": partner.name, "version": value})
        assert response.status_code in (200, 302), value
        response = client.post(f"/training/courses/{taught.pk}/edit/",
                               {"title": taught.title, "version": value})
        assert response.status_code in (200, 302), value
        response = client.post("/insights/open-data/download/",
                               {"k": value, "year_from": value, "action": "report"})
        assert response.status_code in (200, 400), value


@pytest.mark.django_db
@pytest.mark.parametrize(("target", "landing"), [
    ("//evil.example/", "/"), ("https://evil.example/", "/"), ("/\\evil.example", "/"),
    ("/training/", "/training/")])
def test_signing_in_goes_on_only_to_a_page_of_this_site(user_with: Any, target: str,
                                                        landing: str) -> None:
    from django.test import Client

    from tests.access.factories import PASSWORD, totp_now

    user = user_with("trainer")
    client = Client()
    client.get("/access/login/")
    response = client.post("/access/login/", {
        "username": user.email, "password": PASSWORD, "next": target,
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    device = user.totpdevice_set.filter(confirmed=True).first()
    if device is not None:  # the address is kept until the second factor is given
        response = client.post("/access/mfa/", {
            "code": totp_now(device), "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert response.status_code == 302 and response["Location"] == landing
