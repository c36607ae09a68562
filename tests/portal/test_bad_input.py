"""Bad input on the report form is refused clearly, naming the field, and keeps nothing;
a flood from one client is held back while another client still gets through."""

from __future__ import annotations

import io
import os
from typing import Any

import pytest
from django.test import Client
from PIL import Image

from palermo.portal.models import ClientCount, Report, ReportImage
from palermo.portal.services import images, language, throttle
from tests.portal.helpers import image_file, receipt, send_report

pytestmark = pytest.mark.django_db


def test_a_one_megabyte_text_is_refused_naming_the_field() -> None:
    response = send_report(Client(), who="x" * 1_000_000)
    html = response.content.decode()
    assert response.status_code == 400
    message = language.text("report.error.too_long", "en", length=1_000_000, limit=2000)
    assert f'{language.text("report.field.who", "en")}: {message}' in html
    assert not Report.objects.exists()


def test_the_refusal_is_in_the_reporters_language() -> None:
    response = send_report(Client(), "ar", where="x" * 600)
    html = response.content.decode()
    assert language.text("report.field.where", "ar") in html
    assert language.text("report.error.too_long", "ar", length=600, limit=500) in html


def test_a_script_in_a_field_is_kept_as_text_and_shown_harmlessly(user_with: Any) -> None:
    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client = Client()
    reference, phrase = receipt(send_report(client, what=script, who=script))
    assert Report.objects.get(reference=reference).what == script
    page = client.post("/public/en/report/return/", {
        "reference": reference, "phrase": phrase,
        "csrfmiddlewaretoken": client.cookies["csrftoken"].value}).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page

    from tests.conftest import sign_in

    coordinator = sign_in(Client(), user_with("coordinator"))
    report = Report.objects.get(reference=reference)
    triage_page = coordinator.get(f"/triage/{report.pk}/").content.decode()
    assert "<script>alert" not in triage_page
    assert "&lt;script&gt;" in triage_page


def test_an_oversize_image_is_refused_and_nothing_is_kept(settings: Any) -> None:
    settings.PALERMO_PORTAL_IMAGE_MAX_BYTES = 1024 * 1024
    noise = Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3))
    big = io.BytesIO()
    noise.save(big, format="PNG")
    assert big.tell() > 1024 * 1024
    big.seek(0)
    big.name = "big.png"
    response = send_report(Client(), images=big)
    html = response.content.decode()
    assert response.status_code == 400
    assert (f'{language.text("report.field.images", "en")}: '
            f'{language.text("report.error.image_size", "en", mb=1)}') in html
    assert not Report.objects.exists() and not ReportImage.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name() -> None:
    fake = io.BytesIO(b"%PDF-1.4 not a photo at all")
    fake.name = "photo.jpg"
    response = send_report(Client(), images=fake)
    assert response.status_code == 400
    assert language.text("report.error.image_kind", "en") in response.content.decode()
    assert not Report.objects.exists()


def test_too_many_images_are_refused() -> None:
    response = send_report(Client(), images=[image_file() for _ in range(4)])
    assert response.status_code == 400
    assert language.text("report.error.image_count", "en", count=3) in \
        response.content.decode()


def test_an_image_is_kept_without_its_metadata() -> None:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x013B] = "Reporter Name"  # Artist
    photo = image_file("JPEG", (64, 48), "street.jpg", exif=exif.tobytes())
    assert b"SecretCam" in photo.getvalue()
    webp = image_file("WEBP", (20, 20), "shot.webp")
    receipt(send_report(Client(), images=[photo, webp]))
    kept = list(ReportImage.objects.order_by("pk"))
    assert [k.content_type for k in kept] == ["image/jpeg", "image/png"]
    data = images.read(kept[0].stored_as)
    assert b"SecretCam" not in data and b"Reporter Name" not in data
    with Image.open(io.BytesIO(data)) as reopened:
        assert (reopened.width, reopened.height) == (64, 48)
        assert not reopened.getexif()


def test_a_flood_from_one_client_is_refused_while_another_gets_through(settings: Any) -> None:
    settings.PALERMO_PORTAL_LIMITS = {"report": 3}
    flooder, other = Client(REMOTE_ADDR="203.0.113.7"), Client(REMOTE_ADDR="198.51.100.9")
    answers = [send_report(flooder).status_code for _ in range(6)]
    assert answers == [200, 200, 200, 429, 429, 429]
    refused = send_report(flooder)
    assert language.text("report.error.rate", "en") in refused.content.decode()
    assert send_report(other).status_code == 200
    assert Report.objects.count() == 4


def test_the_rate_limit_keeps_no_address_and_forgets_past_windows(settings: Any) -> None:
    settings.PALERMO_PORTAL_LIMITS = {"report": 1}
    client = Client(REMOTE_ADDR="203.0.113.7")
    assert send_report(client).status_code == 200
    rows = list(ClientCount.objects.values_list("client", flat=True))
    assert rows and all("203.0.113.7" not in row for row in rows)
    request = client.get("/public/en/report/").wsgi_request
    request.META["REMOTE_ADDR"] = "203.0.113.7"
    window = throttle._window()
    assert throttle.client_token(request, window) != throttle.client_token(request, window + 1)
    later = (window + 1) * throttle.window_seconds() + 1
    assert throttle.allow(request, "report", now=later)
    assert not ClientCount.objects.filter(window__lt=window + 1).exists()


def test_a_missing_translation_stops_the_start_naming_file_line_and_key(tmp_path: Any) -> None:
    (tmp_path / "broken.yaml").write_text(
        "good.key:\n" + "".join(f"  {c}: text\n" for c in language.LANGUAGES)
        + "bad.key:\n  en: Hello\n  he: שלום\n", encoding="utf-8")
    with pytest.raises(language.StringsError, match=r"broken.yaml:8: 'bad.key' has no 'ar'"):
        language.load(tmp_path)
    language.load()


def test_texts_with_other_placeholders_than_english_are_refused(tmp_path: Any) -> None:
    texts = {c: "At most {count}" for c in language.LANGUAGES}
    texts["ti"] = "At most {number}"
    (tmp_path / "p.yaml").write_text(
        "k:\n" + "".join(f"  {c}: {v}\n" for c, v in texts.items()), encoding="utf-8")
    with pytest.raises(language.StringsError, match=r"p.yaml:1: 'k' in 'ti'"):
        language.load(tmp_path)
    language.load()


def test_every_portal_string_has_all_six_languages() -> None:
    for key, texts in language.load().items():
        assert set(texts) == set(language.LANGUAGES), key
