"""A case report from the Hellenic Police waiting in the inbox for review. The demo plays
the Greek installation itself: it gives that agency a key in this data directory and trusts
it, which a real deployment would never do."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from django.utils import timezone

from palermo.access.services import agencies
from palermo.exchange import keys, message
from palermo.exchange.models import CaseReport, Partner
from palermo.exchange.services import inbound, partners

SENDER = ("Hellenic Police (demo)", "GRC")


def seed(say: Callable[[str], None]) -> None:
    greece = agencies.get_or_create(name=SENDER[0], kind="police", country=SENDER[1])
    key_id, public = keys.public_key_text(greece.pk)
    if not Partner.objects.filter(key_id=key_id).exists():
        partners.add(actor=None, agency=SENDER[0], country=SENDER[1], public_key=public)
    if not CaseReport.objects.exists():
        report = {
            "format": message.FORMAT, "version": message.CURRENT,
            "message_id": str(uuid.uuid4()),
            "created": timezone.now().isoformat(timespec="seconds"),
            "sender": {"agency": SENDER[0], "country": SENDER[1]},
            "recipients": [{"agency": "Israel Police", "country": "ISR"}],
            "handling": {"code": "H1", "classification": "restricted"},
            "requested_action": "Tell us whether the suspect is known to you and whether "
                                "the club in Tel Aviv is under investigation.",
            "case": {
                "reference": "GR-2026-0412", "title": "Women recruited in Thessaloniki for "
                                                      "clubs in Tel Aviv (invented)",
                "summary": "Two women answered an advertisement for hostess work; their "
                           "passports were taken on arrival. Everything here is invented.",
                "opened_on": "2026-09-14",
                "classification": {"acts": ["recruitment", "transportation"],
                                   "means": ["deception"],
                                   "purposes": ["prostitution_of_others"]},
                "exploitation_types": ["SexualExploitation"],
                "countries": {"origin": ["GRC"], "destination": ["ISR"]},
                "events": [], "vehicles": [],
                "persons": [
                    {"ref": "v1", "role": "victim", "identity_withheld": True, "sex": "F",
                     "nationalities": ["GRC"],
                     "victim": {"recruitment_method": "false_job_offer"}},
                    {"ref": "s1", "role": "suspect", "names": ["Nikos Papadakis (invented)"],
                     "birth_date": "1978-03-21", "sex": "M", "nationalities": ["GRC"],
                     "perpetrator": {"roles": ["recruiter", "transporter"]}},
                ],
            },
        }
        signed = message.sign(report, keys.signing_key(greece.pk))
        inbound.receive(json.dumps(signed).encode(), via="file")
    say(f"Demo case reports: {CaseReport.objects.count()} "
        f"(partners in the trust store: {Partner.objects.count()})")
