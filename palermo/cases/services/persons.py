"""Persons and their part in a case: adding them, the child flag, what each user sees."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from palermo.audit import services as audit
from palermo.cases.models import Case, CasePerson, IdentityDocument, Person, PersonName
from palermo.cases.services import duplicates, restricted
from palermo.cases.services.access import (
    CaseSight,
    Sight,
    may_edit,
    person_sight,
    sees_identity,
    sight_of,
)
from palermo.cases.services.codes import check_codes, label_of
from palermo.cases.services.errors import (
    NotAllowed,
    PossibleDuplicates,
    ServiceError,
)
from palermo.cases.services.timeline import add_event, vocab
from palermo.cases.services.timeline import person as event_person
from palermo.core.versioned import save_versioned
from palermo.vocab import registry

if TYPE_CHECKING:
    from palermo.access.models import User

MAX_NAME = 300
VICTIM_CONTEXT = ("recruitment_method", "methods_of_control", "relationship_to_trafficker",
                  "exploitation_types", "industry")
CONTEXT_VOCABULARIES = {"recruitment_method": "recruitment_methods",
                        "methods_of_control": "methods_of_control",
                        "relationship_to_trafficker": "trafficker_relationships",
                        "exploitation_types": "exploitation_types", "industry": "industries"}


def age_on(person: Person, day: dt.date) -> int | None:
    if person.birth_date:
        born = person.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
    if person.estimated_age is not None and person.age_estimated_on:
        return person.estimated_age - max(0, (person.age_estimated_on - day).days // 365)
    return None


def is_child(person: Person, exploitation_started_on: dt.date | None) -> bool:
    """A child at the time of exploitation (Palermo Protocol Art. 3(d): under 18)."""
    age = age_on(person, exploitation_started_on or timezone.localdate())
    return age is not None and age < 18


@dataclass
class NewPerson:
    names: list[str]
    birth_date: dt.date | None = None
    estimated_age: int | None = None
    sex: str = ""
    nationalities: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    documents: list[dict[str, str]] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)


def _validate(new: NewPerson) -> None:
    names = [n.strip() for n in new.names if n.strip()]
    if not names:
        raise ServiceError(_("A person needs at least one name."), field="names")
    if any(len(n) > MAX_NAME for n in names):
        raise ServiceError(_("A name has at most %(n)d characters.") % {"n": MAX_NAME},
                           field="names")
    new.names = names
    if new.birth_date and new.birth_date > timezone.localdate():
        raise ServiceError(_("The birth date cannot be in the future."), field="birth_date")
    if new.birth_date and new.birth_date.year < 1900:
        raise ServiceError(_("The birth date is before 1900."), field="birth_date")
    if new.estimated_age is not None and not 0 <= new.estimated_age <= 120:
        raise ServiceError(_("The estimated age must be between 0 and 120."),
                           field="estimated_age")
    if new.sex not in ("", "M", "F", "X"):
        raise ServiceError(_("Sex is M, F, X or empty."), field="sex")
    new.nationalities = check_codes("countries", [c.upper() for c in new.nationalities],
                                    "nationalities")
    new.languages = check_codes("languages", [c.lower() for c in new.languages], "languages")
    if any(len(c) > 300 for c in new.contacts):
        raise ServiceError(_("A contact line has at most 300 characters."), field="contacts")
    for document in new.documents:
        if not document.get("number", "").strip():
            raise ServiceError(_("A document needs a number."), field="documents")
        check_codes("countries", [document.get("issuing_country", "").upper()], "documents")


def _require_adding(actor: User, case: Case, role: str,
                    exploitation_started_on: dt.date | None) -> None:
    if not may_edit(actor, case):
        raise NotAllowed(_("Your agency does not take part in this case."))
    check_codes("person_roles", [role], "role")
    if registry.get("person_roles").get(role).extra.get("intelligence") and \
            not actor.has_perm("cases.view_intelligence"):
        raise NotAllowed(_("Your roles do not allow recording suspects or offenders."))
    if exploitation_started_on and exploitation_started_on > timezone.localdate():
        raise ServiceError(_("The date cannot be in the future."),
                           field="exploitation_started_on")


def add_unless_known(
    case: Case, new: NewPerson, role: str, *, actor: User, existing_id: int | None = None,
    confirm_new: bool = False, exploitation_started_on: dt.date | None = None,
    request: HttpRequest | None = None,
) -> CasePerson:
    """Add a person to the case as the pages and the API both do: one human being is one
    person, so when the persons the actor may see hold likely duplicates, nothing is written
    until the caller chooses one of them (``existing_id``) or confirms a new person
    (``confirm_new``); ``PossibleDuplicates`` carries the candidates."""
    _require_adding(actor, case, role, exploitation_started_on)
    _validate(new)
    found = duplicates.candidates(actor, new.names, new.birth_date, new.nationalities)
    existing = None
    if existing_id is not None:
        existing = next((c.person for c in found if c.person.pk == existing_id), None)
        if existing is None:
            raise ServiceError(_("Choose one of the proposed persons."),
                               field="existing_person_id")
    elif found and not confirm_new:
        raise PossibleDuplicates(found)
    return add_to_case(case, new, role, actor=actor, existing=existing, request=request,
                       exploitation_started_on=exploitation_started_on)


def add_to_case(
    case: Case, new: NewPerson, role: str, *, actor: User,
    exploitation_started_on: dt.date | None = None, request: HttpRequest | None = None,
    existing: Person | None = None,
) -> CasePerson:
    """Add a new person (or an ``existing`` one, e.g. a proposed duplicate) to the case, as
    it is: imports and received reports, which match persons their own way, call this;
    pages and the API call ``add_unless_known``."""
    _require_adding(actor, case, role, exploitation_started_on)
    if existing is not None and not sees_identity(actor, existing):
        # Naming someone in a case tells its readers who they are: only for those who may.
        audit.record("case_person.create", actor=actor, request=request,
                     object_type="person", object_id=existing.pk, outcome="denied",
                     detail={"case": case.reference})
        raise NotAllowed(_("You may add only a person whose record you may see."))
    if existing is None:
        _validate(new)
    with transaction.atomic():
        person = existing or _create_person(new, actor)
        ordinal = (CasePerson.objects.filter(case=case, role=role)
                   .aggregate(n=Max("ordinal"))["n"] or 0) + 1
        case_person = CasePerson.objects.create(
            case=case, person=person, role=role, ordinal=ordinal,
            exploitation_started_on=exploitation_started_on,
            is_child=is_child(person, exploitation_started_on or case.opened_on),
            added_by_agency=actor.agency,
            trafficking_status="possible_victim" if role == "victim" else "",
        )
        add_event(case, "person", N_("%(who)s added."), {"who": event_person(case_person)},
                  actor=actor, case_person=case_person)
        audit.record("case_person.create", actor=actor, request=request,
                     object_type="person", object_id=person.pk,
                     detail={"case": case.reference, "role": role})
    return case_person


def _create_person(new: NewPerson, actor: User) -> Person:
    person = Person.objects.create(
        birth_date=new.birth_date, estimated_age=new.estimated_age,
        age_estimated_on=timezone.localdate() if new.estimated_age is not None else None,
        sex=new.sex, nationalities=new.nationalities, languages=new.languages,
        contacts=new.contacts,
        created_by_agency=actor.agency,
    )
    PersonName.objects.bulk_create(
        PersonName(person=person, full_name=name, script=script_of(name),
                   kind="primary" if i == 0 else "alias")
        for i, name in enumerate(new.names)
    )
    IdentityDocument.objects.bulk_create(
        IdentityDocument(person=person, kind=d.get("kind", "passport"),
                         number=d["number"].strip().upper(),
                         issuing_country=d["issuing_country"].upper())
        for d in new.documents
    )
    return person


def script_of(name: str) -> str:
    """The script of a name's first letter, as Unicode names it (LATIN, HEBREW, ARABIC...)."""
    import unicodedata

    for char in name:
        if char.isalpha():
            return unicodedata.name(char, "UNKNOWN").split(" ")[0]
    return ""


def pseudonym(case_person: CasePerson, language: str | None = None) -> str:
    label = registry.get("person_roles").get(case_person.role).label(
        language or get_language() or "en")
    return f"{label} {case_person.ordinal}"


@dataclass
class PersonCard:
    """A person in a case as one user may see them."""

    case_person: CasePerson
    sight: Sight
    label: str
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    birth_date: dt.date | None = None
    documents: list[IdentityDocument] = field(default_factory=list)
    contacts: list[Any] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    @property
    def shows_identity(self) -> bool:
        return self.sight == Sight.IDENTITY


def cards(user: User, case: Case, sight: CaseSight | None = None,
          request: HttpRequest | None = None, only: int | None = None, *,
          reason: str = "") -> list[PersonCard]:
    """The persons of a case this user may see (or just the one ``only`` names), identities
    only where allowed. Every identity shown is a read of that person's record, audited with
    the reason a highly restricted case asks for (``ReasonRequired`` without one)."""
    sight = sight or sight_of(user, case)
    if sight.can_open:
        reason = restricted.gate(user, case, reason, request)
    rows = (CasePerson.objects.filter(case=case).select_related("person")
            .prefetch_related("person__names", "person__documents"))
    if only is not None:
        rows = rows.filter(pk=only)
    result, reads = [], []
    for case_person in rows:
        level = person_sight(user, sight, case_person)
        if level == Sight.HIDDEN:
            continue
        card = PersonCard(case_person, level, pseudonym(case_person))
        if level == Sight.IDENTITY:
            person = case_person.person
            names = [n.full_name for n in person.names.all()]
            card.name, card.aliases = (names[0] if names else card.label), names[1:]
            card.birth_date = person.birth_date
            card.documents = list(person.documents.all())
            card.contacts = person.contacts
            card.languages = person.languages
            reads.append((person.pk, {"case": case.reference, "role": case_person.role}))
        result.append(card)
    audit.record_reads(user, "person", reads, request=request, reason=reason)
    return result


def update_victim_context(case_person: CasePerson, *, actor: User, version: int,
                          request: HttpRequest | None = None, **context: Any) -> CasePerson:
    """HTCDS victim context: structured fields from the vocabularies, never free text."""
    case = case_person.case
    sight = sight_of(actor, case)
    if not (actor.has_perm("cases.edit") and sight.can_edit) or \
            person_sight(actor, sight, case_person) == Sight.HIDDEN:
        raise NotAllowed(_("You may not change this person's record."))
    vocabularies = CONTEXT_VOCABULARIES
    fields: dict[str, Any] = {}
    for name, value in context.items():
        if name not in VICTIM_CONTEXT:
            raise ServiceError(_("Unknown field %(name)s.") % {"name": name}, field=name)
        if isinstance(value, list):
            fields[name] = check_codes(vocabularies[name], value, name)
        else:
            fields[name] = check_codes(vocabularies[name], [value], name)[0] if value else ""
    save_versioned(case_person, version, fields, actor=actor, request=request,
                   action="case_person.update", object_type="person",
                   object_id=case_person.person_id,
                   detail={"case": case.reference, "changed": sorted(fields)},
                   stale=_("Someone else changed this record since you opened it. Reload "
                           "the page and make your change again."))
    return case_person


def victim_context(case_person: CasePerson) -> list[tuple[str, str]]:
    """The victim's context as the person page shows it: each field's label and its terms
    in the reader's language ("" when not yet recorded)."""
    language = get_language() or "en"
    shown = []
    for name in VICTIM_CONTEXT:
        value = getattr(case_person, name)
        codes = value if isinstance(value, list) else [value] if value else []
        terms = registry.get(CONTEXT_VOCABULARIES[name])
        shown.append((label_of(name), ", ".join(terms.get(c).label(language) for c in codes
                                                 if c in terms)))
    return shown


def decide_status(case_person: CasePerson, status: str, *, actor: User,
                  request: HttpRequest | None = None, reason: str = "") -> CasePerson:
    """A person (not the score) decides whether someone is a victim of trafficking."""
    if not actor.has_perm("cases.assess") or \
            person_sight(actor, sight_of(actor, case_person.case), case_person) == Sight.HIDDEN:
        raise NotAllowed(_("Your roles do not allow deciding a trafficking status."))
    check_codes("trafficking_statuses", [status], "trafficking_status")
    if case_person.role != "victim":
        raise ServiceError(_("Only a victim has a trafficking status."), field="role")
    with transaction.atomic():
        CasePerson.objects.filter(pk=case_person.pk).update(
            trafficking_status=status, status_decided_by=actor,
            status_decided_at=timezone.now(), version=case_person.version + 1)
        add_event(case_person.case, "status",
                  N_("%(who)s: trafficking status set to %(status)s."),
                  {"who": event_person(case_person),
                   "status": vocab("trafficking_statuses", status)},
                  actor=actor, case_person=case_person, text=reason.strip())
        audit.record("case_person.status", actor=actor, request=request, object_type="person",
                     object_id=case_person.person_id, reason=reason,
                     detail={"case": case_person.case.reference, "status": status})
    case_person.refresh_from_db()
    return case_person


def get_visible(user: User, case_person_id: int, *, request: HttpRequest | None = None,
                reason: str = "") -> tuple[CasePerson, PersonCard]:
    """A person in a case, as this user may see them; 404 when they may not see them. Only
    this person's read is audited, not the rest of the case's. A highly restricted case's
    person needs a ``reason`` (``ReasonRequired`` without one)."""
    from django.http import Http404

    case_person = CasePerson.objects.select_related("case").filter(pk=case_person_id).first()
    if case_person is None:
        raise Http404
    found = cards(user, case_person.case, request=request, only=case_person.pk, reason=reason)
    if not found:
        raise Http404
    return found[0].case_person, found[0]
