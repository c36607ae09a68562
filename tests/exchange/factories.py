"""Two agencies in two countries that trust each other's keys, and a case to report."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from palermo.cases.models import Case, CasePerson
from palermo.exchange import keys, message
from palermo.exchange.models import Partner
from palermo.exchange.services import outbound, partners
from tests.access.factories import AgencyFactory, UserFactory
from tests.cases.factories import add_person, open_case


@dataclass
class Exchange:
    sender: Any  # a liaison officer of the Israel Police
    receiver: Any  # a liaison officer of the Cyprus Police
    to_receiver: Partner  # in the sender's trust store
    from_sender: Partner  # in the receiver's trust store
    case: Case
    victim: CasePerson
    suspect: CasePerson


def trust(agency: Any, endpoint: str = "") -> Partner:
    """A trust-store entry for an agency of this same database (standing in for another
    installation): its own key, as a partner would enter it."""
    _key_id, public = keys.public_key_text(agency.pk)
    return partners.add(actor=None, agency=agency.name, country=agency.country,
                        public_key=public, endpoint=endpoint,
                        sealing_key=keys.sealing_key_text(agency.pk))


def exchange() -> Exchange:
    israel = AgencyFactory(name="Israel Police", country="ISR")
    cyprus = AgencyFactory(name="Cyprus Police", country="CYP")
    sender = UserFactory(roles=["liaison_officer"], agency=israel)
    receiver = UserFactory(roles=["liaison_officer"], agency=cyprus)
    investigator = UserFactory(roles=["investigator"], agency=israel)
    case = open_case(investigator, title="Women held in a Limassol flat",
                     summary="Recruited in Israel with promises of hotel work.",
                     countries={"origin": ["ISR"], "destination": ["CYP"]})
    victim = add_person(case, investigator, "Olga Petrenko", nationalities=["UKR"],
                        documents=[{"number": "FE123456", "issuing_country": "UKR"}])
    suspect = add_person(case, investigator, "Avi Mizrahi", role="suspect", born="1975-05-05")
    return Exchange(sender, receiver, trust(cyprus), trust(israel), case, victim, suspect)


def signed(world: Exchange, **choice: Any) -> bytes:
    """The case exported by the sender to the receiver, as the file that travels."""
    report = outbound.export(world.case.pk, actor=world.sender, choice=outbound.Choice(
        partner_ids=[world.to_receiver.pk], **choice))
    return outbound.as_file(report)


def edited(raw: bytes, change: Any, signer: Any = None) -> bytes:
    """The message changed; signed again by ``signer``'s agency when given, as a sender
    would who really meant to send it."""
    data = json.loads(raw)
    change(data)
    if signer is not None:
        data = message.sign(data, keys.signing_key(signer.agency_id))
    return json.dumps(data).encode()
