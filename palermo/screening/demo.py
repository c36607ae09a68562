"""Watch-list records for `palermo demo`, planted so the ICAO specimen passport hits.

The ICAO Doc 9303 TD3 specimen (UTOPIA, L898902C3) is listed as a stolen document; its holder,
ERIKSSON ANNA MARIA, is the subject of a demo green notice (notices/demo.py), so a border
officer who pastes the specimen's MRZ sees both hits and the notice. Everyone is invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db import transaction

from palermo.access.services import agencies
from palermo.screening.models import WatchedDocument, WatchedPerson, WatchedVehicle

PERSONS = [
    (["Dmitri Volkov", "Дмитрий Волков"], "1979-02-11", "M", ["RUS"], "wanted",
     "Wanted for trafficking in persons: detain and call the police duty officer."),
    (["Yonas Haile"], "1981-05-05", "M", ["ERI"], "convicted_trafficker",
     "Convicted trafficker: refer to the immigration supervisor before entry."),
    (["נועה מזרחי", "Noa Mizrahi"], "2009-03-15", "F", ["ISR"], "missing",
     "Missing minor: keep her safe, call the police child-protection line."),
]


def seed(say: Callable[[str], None]) -> None:
    if WatchedDocument.objects.filter(number="L898902C3").exists():
        say(f"Demo watch lists: {WatchedPerson.objects.filter(source='demo').count()} persons")
        return
    police = agencies.listing().get(name="Israel Police")
    WatchedDocument.objects.create(number="L898902C3", issuing_state="UTO", status="stolen",
                                   reported_on=dt.date(2024, 5, 2), owner_agency=police,
                                   source="demo")
    WatchedDocument.objects.create(number="X12345678", issuing_state="ISR", status="lost",
                                   owner_agency=police, source="demo")
    WatchedVehicle.objects.create(vin="1HGCM82633A004352", plate="1234567", plate_country="ISR",
                                  make="Honda", model="Accord", colour="grey",
                                  owner_agency=police, source="demo")
    for names, born, sex, nationalities, reason, action in PERSONS:
        # Each person with its name keys (person_keys files them on save), or neither.
        with transaction.atomic():
            WatchedPerson.objects.create(names=names, birth_date=dt.date.fromisoformat(born),
                                         sex=sex, nationalities=nationalities, reason=reason,
                                         action=action, owner_agency=police, source="demo")
    say(f"Demo watch lists: {WatchedPerson.objects.filter(source='demo').count()} persons")
