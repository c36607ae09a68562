"""Public notices on the portal: the extracts that issuing agencies chose to show (through
``notices.services.publicity``), and information the public sends about a person, which
reaches the issuing agency as a message. Nothing about the sender is kept but what they
chose to write."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.messaging import services as messaging
from palermo.notices.services import publicity
from palermo.notices.services.publicity import Extract
from palermo.portal.services import language
from palermo.portal.services.errors import PortalError, raise_all

MAX_MESSAGE = 5_000
MAX_CONTACT = 200


def colours() -> list[str]:
    return publicity.public_colours()


def listing(colour: str = "") -> list[Extract]:
    return publicity.public_extracts(colour if colour in colours() else "")


def detail(notice_id: int) -> Extract | None:
    return publicity.public_extract(notice_id)


def photo(notice_id: int) -> tuple[bytes, str] | None:
    return publicity.public_photo(notice_id)


@dataclass(frozen=True)
class Sent:
    notice_id: int


def _clean(value: str, limit: int, field: str, faults: list[PortalError], *,
           required: bool) -> str:
    """The text as it will be sent; a fault found in it joins ``faults``, so that every
    field at fault is named at once."""
    value = (value or "").replace("\x00", "").strip()
    if required and not value:
        faults.append(PortalError("notices.info.error_empty", field))
    elif len(value) > limit:
        faults.append(PortalError("notices.info.error_long", field, n=limit))
    return value


def send_information(notice_id: int, *, message: str, contact: str, code: str,
                     request: HttpRequest | None = None) -> Sent:
    """Tell the issuing agency what the public sender saw; ``code`` is the portal language
    the sender wrote in, so the agency knows which language to answer in."""
    extract = publicity.public_extract(notice_id)
    agency = publicity.issuing_agency_of(notice_id)
    if extract is None or agency is None:
        raise PortalError("notices.info.error_gone")
    faults: list[PortalError] = []
    message = _clean(message, MAX_MESSAGE, "message", faults, required=True)
    contact = _clean(contact, MAX_CONTACT, "contact", faults, required=False)
    raise_all(faults)
    body = "\n".join([
        _("Information sent through the public portal about the public extract of notice "
          "%(id)s (%(colour)s: %(name)s).") % {"id": extract.id, "colour": extract.colour,
                                               "name": extract.name},
        _("Written in: %(language)s (%(code)s).") % {
            "language": language.LANGUAGES.get(code, code), "code": code},
        _("Contact given by the sender: %(contact)s") % {"contact": contact} if contact
        else _("The sender gave no contact (anonymous)."),
        "",
        message,
    ])
    subject = _("Public portal: information about notice %(id)s") % {"id": extract.id}
    messaging.notify_agency(agency, subject, body, link_type="notice",
                            link_ref=str(extract.id))
    return Sent(extract.id)
