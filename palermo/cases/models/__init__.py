"""Tables of the cases capability, one module per concept."""

from palermo.cases.models.case import Case, CaseAgency, CaseCountry, CaseTerm
from palermo.cases.models.coordination import Notification, Referral, Task
from palermo.cases.models.person import (
    CasePerson,
    IdentityDocument,
    Person,
    PersonMerge,
    PersonName,
)
from palermo.cases.models.timeline import Document, Event, IndicatorAssessment

__all__ = [
    "Case", "CaseAgency", "CaseCountry", "CasePerson", "CaseTerm", "Document", "Event",
    "IdentityDocument", "IndicatorAssessment", "Notification", "Person", "PersonMerge",
    "PersonName",
    "Referral", "Task",
]
