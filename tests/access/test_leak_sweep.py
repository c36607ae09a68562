"""The leak sweep: a canary in every field of every person (adults, a child, a suspect, a
witness, a person of a highly restricted case, persons of a report received from abroad), in
documents and in notes; every default role signs in and requests every page and every API
route the URL resolver and the API list, with the planted records' ids; no answer may carry a
canary that role may not see under the rules of docs/cases.md. The route list is generated,
so a new route is swept without anyone adding it, and a route whose parameter the sweep
cannot fill fails the test rather than being passed over."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.test import Client
from django.urls import get_resolver, reverse

from palermo.cases.services import cases as case_services
from palermo.cases.services import documents, persons, timeline
from palermo.vocab import registry
from tests.access.factories import AgencyFactory
from tests.access.test_route_permissions import api_operations
from tests.access.test_route_role_matrix import _routes
from tests.cases.factories import open_case, refer_and_accept
from tests.conftest import sign_in

ROLES = [term.code for term in registry.get("roles")]
INTELLIGENCE = {t.code for t in registry.get("person_roles") if t.extra.get("intelligence")}

# Each role's user works in the agency such a person works in. The police lead the case; the
# border police take part without the identity permission; welfare, health and the NGO came
# in through referrals; everyone else is outside it.
AGENCY_OF_ROLE = {
    "coordinator": ("Coordinator's Office", "coordinator"),
    "investigator": ("Police", "police"),
    "prosecutor": ("State Attorney", "prosecution"),
    "prison_officer": ("Prison Service", "prison"),
    "social_worker": ("Welfare Ministry", "welfare"),
    "health_worker": ("Health Ministry", "health"),
    "ngo_case_worker": ("Shelter NGO", "ngo"),
    "border_officer": ("Border Police", "border"),
    "liaison_officer": ("Foreign Affairs", "foreign_affairs"),
}
TAKING_PART = {"Police", "Border Police"}


@dataclass(frozen=True)
class Subject:
    """A person holding canaries: where they are and what their part is."""

    key: str
    where: str  # "case" (normal), "secret" (highly restricted), "report" (received)
    role: str
    born: dt.date
    child: bool = False
    referred_to: tuple[str, ...] = ()  # agency names with an accepted referral

    def canaries(self) -> list[str]:
        tag = self.key.upper()
        return [f"QZ{tag}NAME", f"QZ{tag}ALIAS", f"QZ{tag}DOC", f"qz{tag.lower()}@canary.test",
                *dates(self.born)]


SUBJECTS = [
    Subject("adult", "case", "victim", dt.date(1961, 3, 17), referred_to=("Welfare Ministry",)),
    Subject("child", "case", "victim", dt.date(2013, 5, 19), child=True,
            referred_to=("Shelter NGO",)),
    Subject("suspect", "case", "suspect", dt.date(1958, 11, 23)),
    Subject("witness", "case", "witness", dt.date(1977, 9, 29),
            referred_to=("Health Ministry", "Shelter NGO")),
    Subject("hidden", "secret", "victim", dt.date(1969, 7, 13)),
    Subject("abroadadult", "report", "victim", dt.date(1966, 2, 21)),
    Subject("abroadchild", "report", "victim", dt.date(2013, 10, 27), child=True),
    Subject("abroadsuspect", "report", "suspect", dt.date(1955, 12, 11)),
]
BY_KEY = {s.key: s for s in SUBJECTS}


def dates(day: dt.date) -> list[str]:
    """A birth date as any page, export or API could write it."""
    return [day.isoformat(), day.strftime("%d/%m/%Y"), day.strftime("%m/%d/%Y"),
            day.strftime("%d.%m.%Y"), day.strftime("%Y%m%d"),
            f"{day.strftime('%B')} {day.day}, {day.year}",
            f"{day.strftime('%b')}. {day.day}, {day.year}"]


@dataclass
class Planted:
    """The canaries with what each belongs to, and the ids of the records holding them."""

    material: dict[str, tuple[str, ...]] = field(default_factory=dict)  # canary -> subjects
    ids: dict[str, list[int]] = field(default_factory=dict)  # URL keyword -> ids to try


def sees(user: Any, subject: Subject) -> bool:
    """The rules of docs/cases.md, written out again here so the sweep does not ask the code
    it checks: may this user see this subject's identity, with no reason given?"""
    if subject.where == "secret":
        return False  # a highly restricted case shows nothing until the user says why
    if subject.where == "report":
        if not user.has_perm("exchange.view"):
            return False
    else:
        if not user.has_perm("cases.view"):
            return False
        whole = user.has_perm("cases.view_all") or (
            user.agency.name in TAKING_PART and user.agency.kind != "ngo")
        if not whole and user.agency.name not in subject.referred_to:
            return False
    if subject.role in INTELLIGENCE:
        return user.has_perm("cases.view_intelligence")
    return user.has_perm("person.view_identity") and (
        not subject.child or user.has_perm("person.view_child"))


def may_read(user: Any, concerned: tuple[str, ...]) -> bool:
    """Documents and notes: about named persons, for those who see each in full; about the
    whole case, for its full participants who see every person of it."""
    if not concerned:
        whole = user.has_perm("cases.view_all") or user.agency.name in TAKING_PART
        return whole and all(sees(user, s) for s in SUBJECTS if s.where == "case")
    return all(sees(user, BY_KEY[key]) for key in concerned)


def _plant(world: dict[str, Any]) -> Planted:
    police = _user("investigator")
    planted = Planted()
    case = open_case(police, title="Sweep case", summary="QZCASESUMMARY: what happened")
    secret = open_case(police, title="Sweep secret case", summary="QZSECRETSUMMARY")
    planted.material |= {"QZCASESUMMARY": (), "QZSECRETSUMMARY": ("hidden",)}
    case_services.add_agency(case, AgencyFactory(name="Border Police", kind="border"),
                             "immigration", actor=police)
    added = {}
    for subject in SUBJECTS:
        if subject.where == "report":
            continue
        tag = subject.key.upper()
        new = persons.NewPerson(
            [f"QZ{tag}NAME", f"QZ{tag}ALIAS"], subject.born, sex="F", nationalities=["UKR"],
            documents=[{"number": f"QZ{tag}DOC", "issuing_country": "UKR"}],
            contacts=[f"qz{tag.lower()}@canary.test"])
        added[subject.key] = persons.add_to_case(
            secret if subject.where == "secret" else case, new, subject.role, actor=police,
            exploitation_started_on=dt.date(2025, 6, 1))
        for agency_name in subject.referred_to:
            refer_and_accept(added[subject.key], police, _user(_role_of(agency_name)))
    case_services.update(secret, actor=police, version=secret.version,
                         sensitivity="highly_restricted")
    document_ids = []
    for concerned in [("adult",), ("child",), ("suspect",), ("witness",), ()]:
        tag = "".join(concerned).upper() or "WHOLE"
        document = documents.attach(
            case, f"qzfile{tag.lower()}.txt", io.BytesIO(f"QZDOCTEXT{tag}".encode()),
            actor=police, concerns=[added[k].pk for k in concerned])
        note = f"QZNOTE{tag} was interviewed"
        timeline.add_note(case, note, actor=police, concerns=[added[k].pk for k in concerned])
        planted.material |= {f"qzfile{tag.lower()}.txt": concerned, f"QZDOCTEXT{tag}": concerned,
                             f"QZNOTE{tag}": concerned}
        document_ids.append(document.pk)
    hidden = documents.attach(secret, "qzfilehidden.txt", io.BytesIO(b"QZDOCTEXTHIDDEN"),
                              actor=police, concerns=[added["hidden"].pk])
    timeline.add_note(secret, "QZNOTEHIDDEN was interviewed", actor=police)
    planted.material |= {"qzfilehidden.txt": ("hidden",), "QZDOCTEXTHIDDEN": ("hidden",),
                         "QZNOTEHIDDEN": ("hidden",)}
    report = _received_report()
    planted.material["QZREPORTSUMMARY"] = tuple(s.key for s in SUBJECTS if s.where == "report")
    planted.ids = {
        "case_id": [case.pk, secret.pk],
        "case_person_id": [cp.pk for cp in added.values()],
        "document_id": [*document_ids, hidden.pk],
        "report_id": [report.pk, world["report_id"]],
    }
    return planted


USERS: dict[str, Any] = {}


def _role_of(agency_name: str) -> str:
    return next(role for role, (name, _kind) in AGENCY_OF_ROLE.items() if name == agency_name)


def _user(role: str) -> Any:
    """The sweep's user of a role, in that role's agency (made once per test)."""
    from tests.access.factories import UserFactory

    if role not in USERS:
        name, kind = AGENCY_OF_ROLE.get(role, (f"{role} agency", "other"))
        USERS[role] = UserFactory(roles=[role], agency=AgencyFactory(name=name, kind=kind))
    return USERS[role]


def _received_report() -> Any:
    """A signed case report from a partner abroad naming an adult, a child and a suspect."""
    from palermo.exchange.services import inbound
    from tests.exchange.factories import edited, exchange, signed

    partners = exchange()

    def plant(data: dict[str, Any]) -> None:
        entries = []
        for subject in (s for s in SUBJECTS if s.where == "report"):
            tag = subject.key.upper()
            entries.append({
                "ref": subject.key, "role": subject.role,
                "names": [f"QZ{tag}NAME", f"QZ{tag}ALIAS"],
                "birth_date": subject.born.isoformat(), "sex": "F", "nationalities": ["UKR"],
                "documents": [{"number": f"QZ{tag}DOC", "issuing_state": "UKR"}],
                "contacts": [f"qz{tag.lower()}@canary.test"],
                **({"is_child": True} if subject.child else {})})
        data["case"]["persons"] = entries
        data["case"]["summary"] = "QZREPORTSUMMARY: what the partner found"
        for key in ("vehicles", "events"):
            data["case"].pop(key, None)

    raw = edited(signed(partners), plant, signer=partners.sender)
    report, _new = inbound.receive(raw, via="file", actor=partners.receiver)
    return report


def _page_urls(world: dict[str, Any], planted: Planted) -> Iterator[str]:
    for name, pattern in _routes(get_resolver().url_patterns):
        if name.startswith("admin:"):
            continue
        keys = list(pattern.pattern.converters)
        choices = [planted.ids.get(key) or [_known(world, key, name)] for key in keys]
        for values in itertools.product(*choices):
            yield reverse(name, kwargs=dict(zip(keys, values, strict=True)))


def _api_urls(world: dict[str, Any], planted: Planted) -> Iterator[str]:
    for method, path, _operation in api_operations(user_facing=False):
        if method != "GET":
            continue
        keys = re.findall(r"{(\w+)}", path)
        choices = [planted.ids.get(key) or [_known(world, key, path)] for key in keys]
        for values in itertools.product(*choices):
            url = path
            for key, value in zip(keys, values, strict=True):
                url = url.replace(f"{{{key}}}", str(value))
            yield url


# Route parameters that name no record.
FIXED = {"version": "1.0", "lang": "en", "slug": "matrix", "code": "victims_sex_age",
         "table_code": "victims_sex_age", "kinds": "decisions", "name": "person_roles"}
ALSO = {"request_id": "forward_request_id"}  # the same record under another name


def _known(world: dict[str, Any], key: str, route: str) -> Any:
    if key in FIXED:
        return FIXED[key]
    key = ALSO.get(key, key)
    if key not in world:
        pytest.fail(f"the sweep cannot fill {key!r} of {route}: add a record for it")
    return world[key]


def _searches() -> list[str]:
    """Searches typed with a canary: an answer must not confirm what the user may not see."""
    found = []
    for subject in SUBJECTS:
        name = f"QZ{subject.key.upper()}NAME"
        found += [f"/cases/?scope=all&q={name}", f"/api/v1/cases/?q={name}"]
    return found


def _text(response: Any, url: str) -> str:
    """The answer as text, without the search box's echo of what the user typed."""
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    text = body.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        with contextlib.suppress(ValueError):
            text += json.dumps(json.loads(text), ensure_ascii=False)
    text = text.replace(escape(url), "").replace(url, "")
    for _key, typed in parse_qsl(urlsplit(url).query):
        text = text.replace(f'value="{typed}"', "")
    return text


@pytest.mark.django_db
def test_no_route_shows_a_role_a_canary_it_may_not_see(world: dict[str, Any]) -> None:
    USERS.clear()
    planted = _plant(world)
    urls = sorted({*_page_urls(world, planted), *_api_urls(world, planted), *_searches()})
    seen: dict[str, set[str]] = {}
    leaks: list[str] = []
    requests = 0
    for role in ROLES:
        user = _user(role)
        allowed = {c for s in SUBJECTS if sees(user, s) for c in s.canaries()}
        allowed |= {c for c, concerned in planted.material.items() if may_read(user, concerned)}
        seen[role] = set()
        forbidden = ({c for s in SUBJECTS for c in s.canaries()} | set(planted.material)) - allowed
        client = sign_in(Client(), user)
        for url in urls:
            response = client.get(url)
            requests += 1
            assert response.status_code < 500, (role, url, response.status_code)
            text = _text(response, url)
            leaks += [f"{role} {url}: {c}" for c in forbidden if c in text]
            seen[role] |= {c for c in allowed if c in text}
    assert not leaks, "\n".join(leaks[:50])
    # The sweep is only as good as its reach: what a role may see, it did find somewhere.
    assert {"QZADULTNAME", "QZNOTEADULT", "QZDOCTEXTADULT", "qzfileadult.txt",
            "qzadult@canary.test", "QZADULTDOC"} <= seen["social_worker"]
    assert {"QZCHILDNAME", "QZSUSPECTALIAS", "QZNOTEWHOLE", "QZDOCTEXTWHOLE", "QZCASESUMMARY",
            "QZABROADCHILDNAME", "QZREPORTSUMMARY"} <= seen["coordinator"]
    assert {"QZWITNESSNAME", "QZNOTEWITNESS"} <= seen["ngo_case_worker"]
    print(f"leak sweep: {len(urls)} routes x {len(ROLES)} roles = {requests} requests")
