"""Forwarding obeys the handling code: H2 needs the originator's recorded permission."""

from __future__ import annotations

import pytest

from palermo.access.services.errors import NotAllowed, ServiceError
from palermo.audit.models import AuditEvent
from palermo.messaging import services
from palermo.messaging.models import ForwardState
from palermo.messaging.services import Recipients
from tests.messaging.factories import person, send

pytestmark = pytest.mark.django_db


def test_h2_is_forwarded_only_after_the_originator_grants_it() -> None:
    police = person("police")
    welfare = person("welfare")
    health = person("health")
    message = send(police, to_agencies=(welfare.agency,), handling_code="H2",
                   body="The suspect's address.")
    to_health = Recipients(agencies=[health.agency.pk])
    with pytest.raises(ServiceError, match=r"H2.*permission") as refused:
        services.forward(message, actor=welfare, recipients=to_health)
    assert refused.value.field == "handling_code"
    asked = services.ask_permission(message, actor=welfare,
                                    reason="The clinic treating her needs it.")
    with pytest.raises(ServiceError, match="still waiting"):
        services.forward(message, actor=welfare, recipients=to_health)
    with pytest.raises(NotAllowed, match="originator"):
        services.decide(asked, actor=welfare, grant=True)
    granted = services.decide(asked, actor=police, grant=True)
    assert (granted.state, granted.decided_by) == (ForwardState.GRANTED, police)
    grant = AuditEvent.objects.get(action="message.forward_grant")
    assert (grant.actor_id, grant.object_id) == (police.pk, str(message.pk))
    forwarded = services.forward(message, actor=welfare, recipients=to_health,
                                 note="For the clinic.")
    assert forwarded.forwarded_from == message
    assert forwarded.handling_code == "H2"
    page = services.open_thread(forwarded.thread_id, actor=health)
    assert page.subject == "Fwd: Shelter place needed"
    assert (page.messages[0].body, page.messages[0].note) == ("The suspect's address.",
                                                             "For the clinic.")
    assert AuditEvent.objects.filter(action="message.forward",
                                     object_id=str(forwarded.pk)).exists()
    # The health worker received an H2 message too: they need their own permission.
    assert services.forward_status(forwarded, health) == "needs_permission"


def test_a_refusal_keeps_the_message_in() -> None:
    police = person("police")
    welfare = person("welfare")
    message = send(police, to_agencies=(welfare.agency,), handling_code="H2")
    asked = services.ask_permission(message, actor=welfare, reason="For the court.")
    services.decide(asked, actor=police, grant=False)
    with pytest.raises(ServiceError, match="refused"):
        services.forward(message, actor=welfare,
                         recipients=Recipients(agencies=[person("health").agency.pk]))
    assert AuditEvent.objects.filter(action="message.forward_refuse").count() == 1


def test_other_codes_forward_freely_but_still_follow_the_relations() -> None:
    police = person("police")
    ngo = person("ngo")
    border = person("border")
    message = send(police, to_agencies=(ngo.agency,), handling_code="H1")
    with pytest.raises(ServiceError, match="may not write to"):
        services.forward(message, actor=ngo, recipients=Recipients(agencies=[border.agency.pk]))
    welfare = person("welfare")
    forwarded = services.forward(message, actor=ngo,
                                 recipients=Recipients(agencies=[welfare.agency.pk]))
    assert forwarded.handling_code == "H1"


def test_asking_needs_a_reason_and_only_once() -> None:
    police = person("police")
    welfare = person("welfare")
    message = send(police, to_agencies=(welfare.agency,), handling_code="H2")
    with pytest.raises(ServiceError) as empty:
        services.ask_permission(message, actor=welfare, reason=" ")
    assert empty.value.field == "reason"
    services.ask_permission(message, actor=welfare, reason="Court.")
    with pytest.raises(ServiceError, match="already waiting"):
        services.ask_permission(message, actor=welfare, reason="Court.")
    assert services.forward_status(message, police) == "originator"
