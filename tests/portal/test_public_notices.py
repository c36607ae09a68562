"""Public notices: only what the issuing agency made public, only the safe fields, a photo
only when allowed (and without its metadata), and information from the public reaching the
issuing agency's messages."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client
from PIL import Image

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.messaging import services as messaging
from palermo.notices.models import Notice
from palermo.notices.services import lifecycle, notices, photos, publicity
from tests.access.factories import AgencyFactory
from tests.notices.factories import ALL_PASS

pytestmark = pytest.mark.django_db

SECRET = {"reasons": "Last seen with a known recruiter; informant K-17.",
          "legal_basis": "Section 377A, file 4455/26",
          "requested_action": "Do not approach; call desk 3.",
          "handling_restrictions": "Not for the family."}


def _issued(author: Any, reviewer: Any, colour: str = "yellow", photo: bytes | None = None,
            **fields: Any) -> Notice:
    values: dict[str, Any] = {
        "colour": colour, "subject_names": ["Dana Levi"], "family_name": "Levi",
        "birth_date": dt.date(2011, 4, 2), "sex": "F", "nationalities": ["ISR"],
        "height_cm": 150, "hair_colour": "brown", "identifying_marks": "Scar on the left hand",
        **SECRET, **fields}
    if colour == "red":
        values.update(charges="Trafficking in persons for forced labour",
                      penalty_months=120)
    notice = notices.draft(actor=author, **values)
    if photo:
        notice = photos.set_photo(notice, photo, actor=author)
    notice = notices.submit(notice, actor=author)
    return notices.review(notice, ALL_PASS, actor=reviewer)


@pytest.fixture
def police(user_with: Any) -> Any:
    return user_with("investigator", agency=AgencyFactory(name="Police"))


@pytest.fixture
def reviewer(user_with: Any) -> Any:
    return user_with("coordinator")


def _jpeg_with_place() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0132] = "2026:01:02 10:00:00"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 50), (10, 120, 200)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_only_notices_the_issuer_made_public_are_listed(police: Any, reviewer: Any) -> None:
    shown = _issued(police, reviewer, subject_names=["Dana Levi"])
    _issued(police, reviewer, subject_names=["Hidden Person"])
    publicity.set_public(shown, actor=police, public=True, photo=False)
    html = Client().get("/public/en/notices/").content.decode()
    assert "Dana Levi" in html
    assert "Hidden Person" not in html
    assert Client().get(f"/public/en/notices/{shown.pk + 1}/").status_code == 404


def test_the_extract_shows_only_the_safe_fields(police: Any, reviewer: Any) -> None:
    notice = _issued(police, reviewer, case_reference="")
    publicity.set_public(notice, actor=police, public=True, photo=False)
    html = Client().get(f"/public/en/notices/{notice.pk}/").content.decode()
    assert "Dana Levi" in html and "2 Apr 2011" in html and "Scar on the left hand" in html
    assert "Police" in html
    for secret in SECRET.values():
        assert secret not in html
    red = _issued(police, reviewer, colour="red", subject_names=["Viktor Brel"])
    publicity.set_public(red, actor=police, public=True, photo=False)
    html = Client().get(f"/public/he/notices/{red.pk}/").content.decode()
    assert "Trafficking in persons for forced labour" in html
    assert "Scar on the left hand" not in html  # not a public field of a red notice
    for secret in SECRET.values():
        assert secret not in html


def test_a_notice_that_stops_being_in_force_leaves_the_portal(police: Any,
                                                              reviewer: Any) -> None:
    notice = _issued(police, reviewer)
    publicity.set_public(notice, actor=police, public=True, photo=False)
    assert Client().get(f"/public/en/notices/{notice.pk}/").status_code == 200
    lifecycle.withdraw(notice, actor=police, reason="Found safe.")
    assert Client().get(f"/public/en/notices/{notice.pk}/").status_code == 404
    assert "Dana Levi" not in Client().get("/public/en/notices/").content.decode()


def test_only_yellow_and_red_notices_of_ones_own_agency_can_be_public(
        police: Any, reviewer: Any, user_with: Any) -> None:
    green = _issued(police, reviewer, colour="green", birth_date=dt.date(1970, 1, 1))
    with pytest.raises(ServiceError, match="yellow and red"):
        publicity.set_public(green, actor=police, public=True, photo=False)
    yellow = _issued(police, reviewer)
    other = user_with("investigator", agency=AgencyFactory(name="Other police"))
    with pytest.raises(NotAllowed):
        publicity.set_public(yellow, actor=other, public=True, photo=False)
    assert not Notice.objects.filter(public_extract=True).exists()


def test_the_photo_only_when_allowed_and_without_its_metadata(police: Any,
                                                              reviewer: Any) -> None:
    notice = _issued(police, reviewer, photo=_jpeg_with_place())
    publicity.set_public(notice, actor=police, public=True, photo=False)
    assert Client().get(f"/public/en/notices/{notice.pk}/photo/").status_code == 404
    assert "/photo/" not in Client().get(f"/public/en/notices/{notice.pk}/").content.decode()
    publicity.set_public(notice, actor=police, public=True, photo=True)
    response = Client().get(f"/public/en/notices/{notice.pk}/photo/")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"CameraMaker" in bytes(Notice.objects.get(pk=notice.pk).photo)
    assert b"CameraMaker" not in response.content
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.size == (40, 50) and not image.getexif()


def test_the_issuer_sets_it_with_the_checkbox_on_the_notice_page(signed_in: Any,
                                                                 reviewer: Any) -> None:
    officer = signed_in("investigator")
    notice = _issued(officer.user, reviewer)
    page = officer.get(f"/notices/{notice.pk}/").content.decode()
    assert 'data-testid="publicity"' in page
    officer.post(f"/notices/{notice.pk}/publicity/", {"public": "on"})
    assert Notice.objects.get(pk=notice.pk).public_extract is True
    officer.post(f"/notices/{notice.pk}/publicity/", {})
    assert Notice.objects.get(pk=notice.pk).public_extract is False


def _csrf(client: Client, url: str) -> str:
    client.get(url)
    return client.cookies["csrftoken"].value


def test_information_from_the_public_reaches_the_issuing_agency(police: Any, reviewer: Any,
                                                                user_with: Any) -> None:
    notice = _issued(police, reviewer)
    publicity.set_public(notice, actor=police, public=True, photo=False)
    client = Client(enforce_csrf_checks=True)
    url = f"/public/ar/notices/{notice.pk}/"
    response = client.post(url, {"message": "رأيتها أمس في محطة الحافلات المركزية.",
                                 "contact": "", "website": "",
                                 "csrfmiddlewaretoken": _csrf(client, url)})
    assert response.status_code == 200
    assert "أُرسلت معلوماتك" in response.content.decode()
    colleague = user_with("investigator", agency=police.agency)
    lines = messaging.inbox(colleague)
    assert len(lines) == 1 and str(notice.pk) in lines[0].subject
    thread = messaging.open_thread(lines[0].thread.pk, actor=colleague)
    body = thread.messages[0].body
    assert "رأيتها أمس في محطة الحافلات المركزية." in body
    assert "anonymous" in body and "(ar)" in body
    assert thread.thread.link_type == "notice" and thread.thread.link_ref == str(notice.pk)
    assert messaging.inbox(user_with("coordinator")) == []


def test_bad_information_is_refused_clearly_and_sends_nothing(police: Any, reviewer: Any,
                                                              user_with: Any) -> None:
    notice = _issued(police, reviewer)
    publicity.set_public(notice, actor=police, public=True, photo=False)
    url = f"/public/en/notices/{notice.pk}/"
    empty = Client().post(url, {"message": "  ", "contact": ""})
    assert empty.status_code == 400 and "Write what you know." in empty.content.decode()
    long = Client().post(url, {"message": "x" * 6000, "contact": ""})
    assert long.status_code == 400 and "At most 5000 characters." in long.content.decode()
    robot = Client().post(url, {"message": "Buy now", "contact": "", "website": "spam.example"})
    assert robot.status_code == 400
    script = Client().post(url, {"message": "<script>alert(1)</script>", "contact": ""})
    assert "<script>alert(1)</script>" not in script.content.decode()
    assert len(messaging.inbox(user_with("investigator", agency=police.agency))) == 1


def test_a_flood_from_one_client_is_held_while_another_gets_through(
        police: Any, reviewer: Any, settings: Any) -> None:
    settings.PALERMO_PORTAL_LIMITS = {"addition": 3, "notice_information": 3}
    notice = _issued(police, reviewer)
    publicity.set_public(notice, actor=police, public=True, photo=False)
    url = f"/public/en/notices/{notice.pk}/"
    codes = [Client().post(url, {"message": f"Seen {n}", "contact": ""},
                           REMOTE_ADDR="203.0.113.7").status_code for n in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert Client().post(url, {"message": "Seen too", "contact": ""},
                         REMOTE_ADDR="198.51.100.2").status_code == 200
