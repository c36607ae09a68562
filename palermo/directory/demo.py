"""The international bodies named in the seeds, two invented NGOs (one of them the demo
shelter agency) and a memorandum with IOM that is due for renewal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from palermo.access.models import Agency, User
from palermo.directory.models import Agreement, Contact, Organisation
from palermo.directory.services import agreements, contacts, organisations

BODIES = [
    ("European Union Agency for Criminal Justice Cooperation", "Eurojust", "NLD",
     "Coordinates investigations and prosecutions of serious cross-border crime between the "
     "judicial authorities of EU member states; supports joint investigation teams.",
     ["legal_aid"], "https://www.eurojust.europa.eu"),
    ("European Union Agency for Law Enforcement Cooperation", "Europol", "NLD",
     "Supports EU member states' police against serious international crime, including "
     "trafficking in human beings (EMPACT THB).", [], "https://www.europol.europa.eu"),
    ("International Organization for Migration", "IOM", "CHE",
     "The UN migration agency: assistance to migrants and victims of trafficking, assisted "
     "voluntary return and reintegration.", ["shelter", "medical", "repatriation",
                                             "interpretation"], "https://www.iom.int"),
    ("International Labour Organization", "ILO", "CHE",
     "Sets labour standards, including the Forced Labour Convention and its 2014 Protocol; "
     "indicators of forced labour.", [], "https://www.ilo.org"),
    ("Organization for Security and Co-operation in Europe", "OSCE", "AUT",
     "The Office of the Special Representative and Co-ordinator for Combating Trafficking "
     "in Human Beings; the National Referral Mechanisms handbook (ODIHR).", [],
     "https://www.osce.org"),
    ("Southeast European Law Enforcement Center", "SELEC", "ROU",
     "Formerly the Southeast European Cooperative Initiative (SECI) Center; supports "
     "cross-border police and customs operations in South-East Europe.", [],
     "https://www.selec.org"),
    ("United Nations Office on Drugs and Crime", "UNODC", "AUT",
     "Guardian of the Palermo Protocol; the Global Report on Trafficking in Persons and the "
     "case law database.", ["legal_aid"], "https://www.unodc.org"),
    ("International Criminal Police Organization", "INTERPOL", "FRA",
     "Notices and diffusions, databases of stolen and lost travel documents; the human "
     "trafficking and migrant smuggling unit.", [], "https://www.interpol.int"),
]
NGOS = [
    ("Shelter for Survivors", "ISR", "Runs a shelter and a hotline for women survivors of "
     "trafficking (invented for the demo).", ["shelter", "medical", "interpretation"],
     ["SexualExploitation"], "Shelter for Survivors (NGO)"),
    ("Harbour Legal Aid Centre", "ISR", "Free legal representation for migrant workers "
     "and victims of trafficking (invented for the demo).", ["legal_aid", "interpretation"],
     ["ForcedLabour"], None),
]


def seed(say: Callable[[str], None]) -> None:
    coordinator = User.objects.get(email="coordinator@demo.palermo.test")
    for name, acronym, country, mandate, services, website in BODIES:
        if not Organisation.objects.filter(name=name).exists():
            organisations.create(actor=coordinator, name=name, acronym=acronym,
                                 kind="international_body", country=country, mandate=mandate,
                                 services=services, website=website)
    for name, country, mandate, services, forms, agency in NGOS:
        if not Organisation.objects.filter(name=name).exists():
            linked = Agency.objects.filter(name=agency).first() if agency else None
            organisations.create(actor=coordinator, name=name, kind="ngo", country=country,
                                 mandate=mandate, services=services, exploitation_types=forms,
                                 agency_id=linked.pk if linked else None)
    iom = Organisation.objects.get(acronym="IOM")
    if not iom.contacts.exists():
        contacts.add(iom, actor=coordinator, name="Maya Example (invented)",
                     role="Counter-trafficking programme officer",
                     email="maya.example@iom.example", phone="+41 22 000 0000")
    if not iom.agreements.exists():
        # Ends within the renewal window from the day the demo is first seeded, so the
        # dashboard shows the reminder.
        today = timezone.localdate()
        agreements.add(iom, actor=coordinator, kind="mou",
                       title="Assisted voluntary return of victims of trafficking",
                       signed_on=dt.date(2023, 3, 1), starts_on=dt.date(2023, 3, 1),
                       ends_on=today + dt.timedelta(days=60),
                       renewal_note="Renewed by exchange of letters; the office drafts.")
    say(f"Demo partners: {Organisation.objects.count()} organisations, "
        f"{Contact.objects.count()} contacts, {Agreement.objects.count()} agreements")
