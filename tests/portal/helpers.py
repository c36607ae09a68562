"""Helpers for the portal's tests: sending a report through the real form."""

from __future__ import annotations

import io
from typing import Any

from django.test import Client
from PIL import Image


def csrf(client: Client, url: str) -> str:
    client.get(url)
    return client.cookies["csrftoken"].value


def send_report(client: Client, lang: str = "en", **fields: Any) -> Any:
    url = f"/public/{lang}/report/"
    data = {"what": "A worker cannot leave the farm; his passport is kept by the boss.",
            "where": "", "when": "", "who": "", "contact": "", "website": "",
            "csrfmiddlewaretoken": csrf(client, url), **fields}
    return client.post(url, data, **({"REMOTE_ADDR": fields.pop("_ip")} if "_ip" in fields
                                     else {}))


def image_file(kind: str = "JPEG", size: tuple[int, int] = (40, 30), name: str = "photo.jpg",
               exif: bytes | None = None) -> io.BytesIO:
    buffer = io.BytesIO()
    picture = Image.new("RGB", size, (200, 30, 30))
    options: dict[str, Any] = {"exif": exif} if exif else {}
    picture.save(buffer, format=kind, **options)
    buffer.seek(0)
    buffer.name = name
    return buffer


def receipt(response: Any) -> tuple[str, str]:
    import re

    html = response.content.decode()
    reference = re.search(r'data-testid="reference"[^>]*>([^<]+)<', html)
    phrase = re.search(r'data-testid="phrase"[^>]*>([^<]+)<', html)
    assert reference and phrase, html[:2000]
    return reference.group(1).strip(), phrase.group(1).strip()


def portal_report(**fields: Any) -> Any:
    """A report with one photo, sent through the service as the portal would."""
    from palermo.portal.models import Report
    from palermo.portal.services import reports

    sent = reports.submit(reports.Submission(
        language=fields.pop("language", "en"), images=[image_file()],
        what=fields.pop("what", "Workers locked in at night."), **fields))
    return Report.objects.get(reference=sent.reference)


def public_notice(user_with: Any) -> tuple[int, Any]:
    """A yellow notice on Dana Levi, issued by "Police" and made public: its id and author."""
    import datetime as dt

    from palermo.notices.services import notices, publicity
    from tests.access.factories import AgencyFactory
    from tests.notices.factories import ALL_PASS

    author = user_with("investigator", agency=AgencyFactory(name="Police"))
    notice = notices.draft(actor=author, colour="yellow", subject_names=["Dana Levi"],
                           family_name="Levi", birth_date=dt.date(2011, 4, 2), sex="F",
                           nationalities=["ISR"], reasons="Missing since May.",
                           requested_action="Locate the child.")
    notice = notices.review(notices.submit(notice, actor=author), ALL_PASS,
                            actor=user_with("coordinator"))
    publicity.set_public(notice, actor=author, public=True, photo=False)
    return notice.pk, author
