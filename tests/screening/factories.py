"""Watch-list records, as an owning agency lists them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from palermo.screening.models import WatchedDocument, WatchedPerson, WatchedVehicle

TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
       "L898902C36UTO7408122F1204159ZE184226B<<<<<10")


def watch_lists(owner: Any) -> dict[str, Any]:
    return {
        "passport": WatchedDocument.objects.create(
            number="L898902C3", issuing_state="UTO", status="stolen", owner_agency=owner),
        "id_card": WatchedDocument.objects.create(
            number="X12345678", issuing_state="ISR", status="lost", owner_agency=owner),
        "car": WatchedVehicle.objects.create(
            vin="1HGCM82633A004352", plate="1234567", plate_country="ISR", make="Honda",
            owner_agency=owner),
        "offender": WatchedPerson.objects.create(
            names=["ANNA MARIA ERIKSSON"], birth_date=dt.date(1974, 8, 12), sex="F",
            nationalities=["UTO"], reason="sex_offender", owner_agency=owner,
            action="Inform the issuing agency of the trip."),
        "wanted": WatchedPerson.objects.create(
            names=["Dmitri Volkov"], birth_date=dt.date(1979, 2, 11), sex="M",
            nationalities=["RUS"], reason="wanted", owner_agency=owner),
    }
