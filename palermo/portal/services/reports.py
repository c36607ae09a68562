"""Reports of suspected trafficking from the public: sending one, coming back to it with its
reference and secret phrase, reading the office's replies and adding information.

Nothing here records who the reporter is: no address, no cookie, no account. The audit log
gets an entry for each report and addition without the client's address (no ``request`` is
passed to it). The rate limit (``throttle``) is the caller's job, since it needs the request.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from django.core import signing
from django.db import IntegrityError, transaction

from palermo.audit import services as audit
from palermo.portal.models import Report, ReportEntry, ReportImage
from palermo.portal.models.reports import LIMITS
from palermo.portal.services import images, language
from palermo.portal.services.errors import PortalError, raise_all

REFERENCE_CHARS = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud safely
PHRASE_WORDS = 6
ACCESS_SALT = "palermo.portal.report-access"
ACCESS_SECONDS = 30 * 60
_hasher = PasswordHasher()
# Verifying against this when the reference is unknown keeps the answer's time the same.
_DUMMY_HASH = _hasher.hash("palermo portal dummy phrase")


@cache
def words() -> list[str]:
    path = Path(__file__).resolve().parent.parent / "words.txt"
    return [w for w in path.read_text(encoding="utf-8").split() if w]


def new_phrase() -> str:
    return " ".join(secrets.choice(words()) for _ in range(PHRASE_WORDS))


def normalise_phrase(phrase: str) -> str:
    return " ".join(phrase.lower().replace("-", " ").replace(",", " ").split())


def normalise_reference(reference: str) -> str:
    return "".join(ch for ch in reference.upper() if ch.isalnum())[:12]


def _new_reference() -> str:
    body = "".join(secrets.choice(REFERENCE_CHARS) for _ in range(8))
    return f"{body[:4]}-{body[4:]}"


def check_length(field_name: str, value: str, limit_key: str | None = None) -> str:
    limit = LIMITS[limit_key or field_name]
    if len(value) > limit:
        raise PortalError("report.error.too_long", field_name, limit=limit, length=len(value))
    return value


def plain(value: str) -> str:
    """The text as the reporter typed it: a browser sends each line break of a text area as
    two characters, which would count against the limit the page states."""
    return value.replace("\r\n", "\n").strip()


def _check_images(streams: list[IO[bytes]], errors: list[PortalError], *,
                  allowed: int) -> None:
    """Every photo is judged before anything is kept; each fault is told once."""
    if len(streams) > allowed:
        errors.append(PortalError("report.error.image_count", "images",
                                  count=images.max_images()))
        return
    seen: set[str] = set()
    for stream in streams:
        try:
            images.clean(stream, field="images")
        except PortalError as error:
            if error.key not in seen:
                seen.add(error.key)
                errors.append(error)
        stream.seek(0)


@dataclass
class Submission:
    language: str
    what: str
    where: str = ""
    when: str = ""
    who: str = ""
    contact: str = ""
    images: list[IO[bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class Receipt:
    reference: str
    phrase: str


def _clean(submission: Submission) -> dict[str, str]:
    """The report's texts, or every fault in it at once."""
    if submission.language not in language.LANGUAGES:
        raise PortalError("report.error.language", "language")
    errors: list[PortalError] = []
    values = {}
    for name in ("what", "where", "when", "who", "contact"):
        values[name] = plain(getattr(submission, name))
        try:
            check_length(name, values[name])
        except PortalError as error:
            errors.append(error)
    if not values["what"]:
        errors.insert(0, PortalError("report.error.what_missing", "what"))
    _check_images(submission.images, errors, allowed=images.max_images())
    raise_all(errors)
    return values


def _attach(report: Report, entry: ReportEntry | None, streams: list[IO[bytes]],
            field_name: str) -> None:
    start = report.images.count()
    for number, stream in enumerate(streams, start=start + 1):
        stored, width, height = images.keep(report.pk, number, stream, field=field_name)
        ReportImage.objects.create(
            report=report, entry=entry, name=stored.name, content_type=stored.content_type,
            size=stored.size, width=width, height=height, sha256=stored.sha256,
            stored_as=stored.stored_as)


def submit(submission: Submission) -> Receipt:
    """Keep a report; its reference and secret phrase are shown once, to the reporter."""
    values = _clean(submission)
    phrase = new_phrase()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                report = Report.objects.create(
                    reference=_new_reference(), secret_hash=_hasher.hash(phrase),
                    language=submission.language, **values)
                _attach(report, None, submission.images, "images")
                audit.record("portal.report.create", actor_label="portal",
                             object_type="portal_report", object_id=report.pk,
                             detail={"reference": report.reference,
                                     "language": report.language,
                                     "images": len(submission.images),
                                     "anonymous": report.anonymous})
                return Receipt(report.reference, phrase)
        except IntegrityError:
            continue  # the random reference was taken; draw another
    raise PortalError("error.text")


def verify(reference: str, phrase: str) -> Report:
    """The report these credentials open; ``PortalError`` naming no field otherwise, so the
    answer does not tell which of the two was wrong. Only what is missing is named, each
    at its field, both at once."""
    raise_all([PortalError(key, field) for key, field, given in (
        ("return.error.no_reference", "reference", reference),
        ("return.error.no_phrase", "phrase", phrase)) if not (given or "").strip()])
    wanted = normalise_reference(reference)
    report = Report.objects.filter(reference=f"{wanted[:4]}-{wanted[4:]}").first()
    try:
        _hasher.verify(report.secret_hash if report else _DUMMY_HASH, normalise_phrase(phrase))
    except (VerificationError, InvalidHashError):
        report = None
    if report is None:
        raise PortalError("return.error.wrong")
    return report


def access_token(report: Report) -> str:
    """A short-lived signed token standing for the reference and phrase on the next form,
    so that the phrase is not sent again with every page."""
    return signing.dumps(report.reference, salt=ACCESS_SALT)


def from_token(token: str) -> Report:
    try:
        reference = signing.loads(token, salt=ACCESS_SALT, max_age=ACCESS_SECONDS)
    except signing.BadSignature:
        raise PortalError("return.error.expired") from None
    report = Report.objects.filter(reference=reference).first()
    if report is None:
        raise PortalError("return.error.expired")
    return report


def thread(report: Report) -> list[ReportEntry]:
    """What the reporter sees: their own additions and the office's replies."""
    return list(report.entries.all())


def add(report: Report, text: str, streams: list[IO[bytes]] | None = None) -> ReportEntry:
    """The reporter adds information to their report."""
    text = plain(text)
    streams = streams or []
    errors: list[PortalError] = []
    try:
        check_length("addition", text)
    except PortalError as error:
        errors.append(error)
    if not text and not streams:
        errors.append(PortalError("return.error.empty", "addition"))
    _check_images(streams, errors, allowed=min(
        images.max_images(), images.max_images() * 3 - report.images.count()))
    raise_all(errors)
    with transaction.atomic():
        entry = ReportEntry.objects.create(report=report, from_office=False,
                                           text=text or "—")
        _attach(report, entry, streams, "images")
        if report.status == "closed":
            Report.objects.filter(pk=report.pk).update(status="in_triage")
        audit.record("portal.report.addition", actor_label="portal",
                     object_type="portal_report", object_id=report.pk,
                     detail={"entry": entry.pk, "images": len(streams)})
    return entry
