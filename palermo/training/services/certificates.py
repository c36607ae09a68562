"""Certificates of attendance: a PDF made here (fpdf2, with the DejaVu Sans font shipped in
the package so Hebrew names print), carrying a long random verification code that a public
page checks. The public check shows only the name, the course and the date."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.training.models import Registration

if TYPE_CHECKING:
    import datetime as dt

    from palermo.access.models import User

FONT = Path(__file__).resolve().parent.parent / "fonts" / "DejaVuSans.ttf"
# 32 random bytes: guessing a valid code is hopeless, so the public page cannot be walked.
CODE_BYTES = 32
MIN_CODE_LENGTH = 40


def issue(registration: Registration, *, actor: User,
          request: HttpRequest | None = None) -> Registration:
    require(actor, "training.manage")
    if registration.attended is not True:
        raise ServiceError(_("A certificate is issued only for attendance marked."),
                           field="attended")
    if registration.certificate_code:
        return registration
    with transaction.atomic():
        registration.certificate_code = secrets.token_urlsafe(CODE_BYTES)
        registration.certificate_issued_at = timezone.now()
        registration.save(update_fields=["certificate_code", "certificate_issued_at"])
        audit.record("certificate.issue", actor=actor, request=request,
                     object_type="registration", object_id=registration.pk,
                     detail={"trainee": registration.trainee_id})
    return registration


def _visual(line: str) -> str:
    """The line in left-to-right drawing order: fpdf2 reorders right-to-left text only with
    a shaping engine (HarfBuzz), and Hebrew needs reordering but no shaping."""
    from fpdf.bidi import BidiParagraph, auto_detect_base_direction
    from fpdf.enums import TextDirection

    base = auto_detect_base_direction(line)
    parts = [text[::-1] if direction == TextDirection.RTL else text
             for text, direction in BidiParagraph(text=line, base_direction=base)
             .get_bidi_fragments()]
    return "".join(reversed(parts) if base == TextDirection.RTL else parts)


def pdf(registration: Registration, *, actor: User,
        request: HttpRequest | None = None) -> bytes:
    """The certificate; reading it shows the trainee's name, so it is an audited read."""
    require(actor, "training.manage")
    if not registration.certificate_code:
        raise ServiceError(_("Issue the certificate first."), field="certificate")
    audit.record_read(actor, "trainee", registration.trainee_id, request=request,
                      detail={"certificate": registration.pk})
    page = request.build_absolute_uri(reverse("training:verify")) if request else ""
    return render(registration, verify_url=page)


def render(registration: Registration, *, verify_url: str = "") -> bytes:
    """The certificate in the active language (the page's or the request's)."""
    from fpdf import FPDF

    session, trainee = registration.session, registration.trainee
    document = FPDF(orientation="landscape", format="A4")
    document.set_title(_("Certificate of attendance"))
    document.set_creator("Palermo")
    document.add_font("DejaVu", fname=str(FONT))
    # One page whatever the length of a name: nothing may spill onto a second page.
    document.set_auto_page_break(False)
    document.add_page()
    document.set_draw_color(40, 70, 120)
    document.set_line_width(1.2)
    document.rect(10, 10, 277, 190)
    width = 257

    def line(text: str, size: int, gap: float = 6) -> None:
        text, height = _visual(text), size * 0.6
        document.set_font("DejaVu", size=size)
        # A long name or title is set smaller rather than cut at the border.
        while size > 7 and document.get_string_width(text) > width:
            size -= 1
            document.set_font("DejaVu", size=size)
        document.set_x(20)
        document.cell(width, height, text, align="C", new_x="LMARGIN", new_y="NEXT")
        document.ln(gap)

    document.set_y(30)
    line(_("Certificate of attendance"), 28, 8)
    line(_("This certifies that"), 14)
    line(trainee.full_name, 26, 10)
    line(_("attended the course"), 14)
    line(session.course.title, 20, 8)
    line(_dates(session.starts_on, session.ends_on) + " · " + session.place, 13, 14)
    line(_("Verification code"), 10, 0)
    line(registration.certificate_code or "", 10, 2)
    line(_("Check it on the certificate verification page of the national anti-trafficking "
           "coordinator."), 9, 0)
    if verify_url:
        line(verify_url, 9)
    return bytes(document.output())


def _dates(first: dt.date, last: dt.date) -> str:
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()} – {last.isoformat()}"


@dataclass(frozen=True)
class Verified:
    full_name: str
    course: str
    starts_on: dt.date
    ends_on: dt.date


def verify(code: str, *, request: HttpRequest | None = None) -> Verified | None:
    """Anyone may check a code. Nothing is said about a code that does not match, and a
    short code is not even looked up."""
    code = (code or "").strip()
    if len(code) < MIN_CODE_LENGTH or len(code) > 64:
        return None
    found = (Registration.objects.select_related("trainee", "session__course")
             .filter(certificate_code=code, attended=True).first())
    if found is None:
        return None
    audit.record("certificate.verify", request=request, object_type="registration",
                 object_id=found.pk, actor_label="public")
    return Verified(found.trainee.full_name, found.session.course.title,
                    found.session.starts_on, found.session.ends_on)
