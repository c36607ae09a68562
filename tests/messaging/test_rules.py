"""Who may write to whom (agency relations kept as data) and what a message must carry."""

from __future__ import annotations

import datetime as dt

import pytest

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.messaging import services
from palermo.messaging.services import Content, Recipients
from palermo.vocab import registry
from tests.access.factories import UserFactory
from tests.messaging.factories import group, person, send

pytestmark = pytest.mark.django_db


def test_every_agency_kind_has_its_relations() -> None:
    assert set(registry.get("messaging_relations").codes()) == set(
        registry.get("agency_kinds").codes())


def test_ngo_may_not_write_to_border_control_and_is_told_why() -> None:
    ngo = person("ngo", "Shelter for Survivors")
    border = person("border", "Border Control")
    with pytest.raises(ServiceError) as refused:
        send(ngo, to_agencies=(border.agency,))
    assert refused.value.field == "recipients"
    assert refused.value.message.startswith(
        "Shelter for Survivors (Non-governmental organisation) may not write to Border "
        "Control (Border control) directly.")
    assert "Welfare and social services" in refused.value.message
    with pytest.raises(ServiceError, match="Border Control"):
        send(ngo, to_users=(border,))


def test_ngo_may_write_to_welfare_and_police_to_everyone() -> None:
    ngo = person("ngo")
    welfare = person("welfare")
    assert send(ngo, to_agencies=(welfare.agency,)).pk
    police = person("police")
    assert send(police, to_agencies=(person("border").agency, welfare.agency,
                                     ngo.agency)).pk


def test_a_group_is_checked_agency_by_agency() -> None:
    ngo = person("ngo")
    welfare = person("welfare")
    border = person("border", "Border Control")
    mixed = group("Southern partners", welfare.agency, border.agency)
    with pytest.raises(ServiceError, match="Border Control"):
        services.start(actor=ngo, subject="Hello", content=Content(body="Hi"),
                       recipients=Recipients(groups=[mixed.pk]))
    fine = group("Care partners", welfare.agency, person("health").agency)
    message = services.start(actor=ngo, subject="Hello", content=Content(body="Hi"),
                             recipients=Recipients(groups=[fine.pk]))
    assert {p.group_id for p in message.thread.participants.filter(agency__isnull=False)} == {
        fine.pk}


def test_bad_input_names_the_field() -> None:
    police = person("police")
    welfare = person("welfare")

    def refused(**changes: object) -> str | None:
        fields = {"to_agencies": (welfare.agency,), **changes}
        with pytest.raises(ServiceError) as caught:
            send(police, **fields)  # type: ignore[arg-type]
        return caught.value.field

    assert refused(body="  ") == "body"
    assert refused(subject="") == "subject"
    assert refused(handling_code="H9") == "handling_code"
    assert refused(handling_code="H3") == "restriction"
    assert refused(reliability="Z") == "reliability"
    assert refused(accuracy="9") == "accuracy"
    assert refused(to_agencies=()) == "recipients"
    assert refused(ack_due=dt.date(2000, 1, 1)) == "ack_due"
    big = b"x" * (20 * 1024 * 1024 + 1)
    with pytest.raises(ServiceError, match=r"“big\.pdf” is larger than 20 MB") as caught:
        send(police, to_agencies=(welfare.agency,), attachments=[("big.pdf", big)])
    assert caught.value.field == "attachment"
    assert send(police, to_agencies=(welfare.agency,), handling_code="H3",
                restriction="Delete after 30 days.").pk


def test_only_users_with_messaging_write() -> None:
    trainer = UserFactory(roles=["trainer"])
    with pytest.raises(NotAllowed):
        send(trainer, to_agencies=(person("police").agency,))
    police = person("police")
    with pytest.raises(ServiceError, match="do not allow messaging"):
        send(police, to_users=(trainer,))


def test_system_message_to_an_agency() -> None:
    welfare = person("welfare")
    message = services.notify_agency(welfare.agency, "Travel alert", "A subject travels.",
                                     link_type="notice", link_ref="17")
    page = services.open_thread(message.thread_id, actor=welfare)
    assert (page.subject, page.messages[0].body, page.can_reply) == (
        "Travel alert", "A subject travels.", False)
    assert (page.thread.link_type, page.thread.link_ref) == ("notice", "17")
    with pytest.raises(ServiceError, match="system"):
        services.reply(page.thread, actor=welfare, content=Content(body="Thanks"))
