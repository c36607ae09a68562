"""The directory in files other tools read: vCard 4.0 (RFC 6350) for address books and CSV
for spreadsheets. Both exports are audited, the vCard one as a read of each contact in it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone

from palermo.audit import services as audit
from palermo.core.checks import require
from palermo.directory.models import Contact, Organisation
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

UID_NAMESPACE = uuid.UUID("6f1c7a52-0b1e-4d8e-9a57-3c1f0b2d9e41")  # Palermo directory cards
CSV_COLUMNS = ["name", "acronym", "kind", "country", "services", "exploitation_types",
               "website", "email", "phone", "agency", "next_agreement_end", "contacts"]


def _escape(value: str) -> str:
    """RFC 6350 3.4: backslash, comma, semicolon and line breaks in a text value."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return re.sub(r"\r\n|\r|\n", "\\\\n", value)


def _fold(line: str) -> str:
    """RFC 6350 3.2: lines longer than 75 octets are folded, never inside a UTF-8 sequence."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _tel(phone: str) -> str:
    # TEL is a URI in vCard 4.0 (RFC 3966): keep digits and "+", join the groups with "-".
    groups = re.findall(r"\+?\d+", phone)
    return "tel:" + "-".join(groups)


def _card(lines: list[str]) -> str:
    return "".join(_fold(line) + "\r\n" for line in ["BEGIN:VCARD", "VERSION:4.0", *lines,
                                                      "END:VCARD"])


def _uid(kind: str, pk: int) -> str:
    return f"urn:uuid:{uuid.uuid5(UID_NAMESPACE, f'{kind}:{pk}')}"


def organisation_card(organisation: Organisation) -> str:
    lines = ["KIND:org", f"FN:{_escape(organisation.name)}",
             f"ORG:{_escape(organisation.name)}"]
    if organisation.acronym:
        lines.append(f"NICKNAME:{_escape(organisation.acronym)}")
    if organisation.email:
        lines.append(f"EMAIL;TYPE=work:{_escape(organisation.email)}")
    if organisation.phone:
        lines.append(f"TEL;VALUE=uri;TYPE=work:{_tel(organisation.phone)}")
    if organisation.website:
        lines.append(f"URL:{organisation.website}")
    if organisation.address or organisation.country:
        country = registry.label("countries", organisation.country, "en") \
            if organisation.country else ""
        lines.append(f"ADR;TYPE=work:;;{_escape(organisation.address)};;;;{_escape(country)}")
    if organisation.mandate:
        lines.append(f"NOTE:{_escape(organisation.mandate)}")
    lines += [f"UID:{_uid('organisation', organisation.pk)}",
              f"REV:{organisation.updated_at.astimezone(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}"]
    return _card(lines)


def contact_card(contact: Contact, organisation: Organisation) -> str:
    lines = ["KIND:individual", f"FN:{_escape(contact.name)}",
             f"ORG:{_escape(organisation.name)}"]
    if contact.role:
        lines.append(f"TITLE:{_escape(contact.role)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=work:{_escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;VALUE=uri;TYPE=work:{_tel(contact.phone)}")
    if contact.languages:
        lines.append(f"NOTE:{_escape(contact.languages)}")
    lines += [f"RELATED;TYPE=colleague:{_uid('organisation', organisation.pk)}",
              f"UID:{_uid('contact', contact.pk)}"]
    return _card(lines)


def vcard(organisation: Organisation, *, actor: User, request: HttpRequest | None = None
          ) -> str:
    """The organisation's card followed by one card per contact, in one .vcf file."""
    require(actor, "directory.view")
    contacts = list(organisation.contacts.all())
    audit.record("organisation.export_vcard", actor=actor, request=request,
                 object_type="organisation", object_id=organisation.pk,
                 detail={"contacts": [c.pk for c in contacts]})
    return organisation_card(organisation) + "".join(contact_card(c, organisation)
                                                     for c in contacts)


def _cell(value: str) -> str:
    # A spreadsheet runs a cell starting with one of these as a formula.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(organisations: Iterable[Organisation], *, actor: User,
             request: HttpRequest | None = None, filters: dict[str, str] | None = None) -> str:
    require(actor, "directory.view")
    rows = list(organisations)
    audit.record("directory.export", actor=actor, request=request, object_type="organisation",
                 detail={"format": "csv", "count": len(rows), **(filters or {})})
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    today = timezone.localdate()
    for o in rows:
        ends = sorted(a.ends_on for a in o.agreements.all() if a.ends_on and a.ends_on >= today)
        writer.writerow([_cell(v) for v in (
            o.name, o.acronym, o.kind, o.country, " ".join(o.services),
            " ".join(o.exploitation_types), o.website, o.email, o.phone,
            o.agency.name if o.agency else "", str(ends[0]) if ends else "",
            str(len(o.contacts.all())))])
    return buffer.getvalue()
