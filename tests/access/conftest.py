"""The access tests' shared fixture: one of every record a route can name."""

from __future__ import annotations

import io
from typing import Any

import pytest


@pytest.fixture
def world(user_with: Any, settings: Any, tmp_path: Any) -> dict[str, Any]:
    """One of everything a route can name, made by an investigator."""
    settings.DATA_DIR = tmp_path
    from palermo.cases.services import documents, duplicates, referrals, tasks
    from tests.access.factories import AgencyFactory, api_token
    from tests.cases.factories import add_person, open_case

    police = user_with("investigator", agency=AgencyFactory(name="Police"))
    welfare = AgencyFactory(name="Welfare", kind="welfare")
    case = open_case(police)
    victim = add_person(case, police, "Maria Santos")
    twin = add_person(open_case(police, title="Other"), police, "Maria Santos")
    merge = duplicates.merge(victim.person, twin.person, actor=police, reason="same passport")
    referral = referrals.send(victim, welfare, "shelter", actor=police, consent="given")
    task = tasks.create(case, "Statement", actor=police, agency=police.agency)
    document = documents.attach(case, "note.txt", io.BytesIO(b"statement"), actor=police)
    token, _raw = api_token(police)
    from tests.library.factories import decision, guide, opinion

    librarian = user_with("coordinator")
    from palermo.library.services import review

    judgment = decision(librarian)
    library = {"decision_id": judgment.pk, "opinion_id": opinion(librarian).pk,
               "guide_id": guide(librarian).pk, "change_id": review.propose(
                   "decision", judgment, actor=librarian, version=1,
                   fields={"summary": "A proposed summary."}).pk}
    from palermo.notices.services import diffusions, travel
    from tests.notices.factories import published

    notice = published(police, user_with("coordinator"))
    alert = travel.register_trip(notice, actor=police, to_country="ISR").alerts.get(
        agency=police.agency)
    from palermo.exchange.services import outbound
    from tests.exchange.factories import trust

    partner = trust(welfare)
    report = outbound.export(case.pk, actor=police,
                             choice=outbound.Choice(partner_ids=[partner.pk]))
    diffusion = diffusions.send(actor=police, colour="yellow", purpose="request",
                                body="Missing girl.", subject_names=["Dana Levi"],
                                agency_ids=[welfare.pk])
    from tests.messaging.factories import send

    message = send(police, to_agencies=(welfare,), handling_code="H2",
                   attachments=[("note.txt", b"statement")])
    from palermo.messaging import services as messaging

    asked = messaging.ask_permission(message, actor=user_with("social_worker", agency=welfare),
                                     reason="For the court.")
    messages = {"thread_id": message.thread_id, "message_id": message.pk,
                "forward_request_id": asked.pk,
                "attachment_id": message.attachments.get().pk}
    from palermo.governance.services import documents as meeting_documents
    from tests.directory.factories import agreement, contact, organisation
    from tests.governance.factories import action_item, bill, meeting

    coordinator = user_with("coordinator")
    partner_org = organisation(coordinator, agency_id=welfare.pk)
    gathering = meeting(coordinator)
    governance = {
        "organisation_id": partner_org.pk,
        "contact_id": contact(coordinator, partner_org).pk,
        "agreement_id": agreement(coordinator, partner_org).pk,
        "committee_id": gathering.committee_id, "meeting_id": gathering.pk,
        "meeting_document_id": meeting_documents.attach(
            gathering, "agenda.txt", io.BytesIO(b"agenda"), actor=coordinator).pk,
        "action_id": action_item(coordinator, police.agency).pk,
        "bill_id": bill(coordinator).pk}
    from palermo.awards.services import ceremony
    from palermo.training.services import campaigns, materials
    from tests.awards.factories import cycle, nomination
    from tests.training.factories import registered, session

    trainer = user_with("trainer")
    registration = registered(trainer, session(trainer))
    award = cycle(coordinator)
    nominated = nomination(award, police, attachments=[("a.txt", io.BytesIO(b"letter"))])
    training_awards = {
        "course_id": registration.session.course_id, "session_id": registration.session_id,
        "registration_id": registration.pk, "trainee_id": registration.trainee_id,
        "campaign_id": campaigns.create(
            actor=trainer, title="Campaign", audiences=["youth"], channels=["radio"],
            starts_on=registration.session.starts_on).pk,
        "material_id": materials.add(actor=trainer, title="Slides", upload=(
            "slides.txt", io.BytesIO(b"slides"))).pk,
        "cycle_id": award.pk, "nomination_id": nominated.pk,
        "attachment_id": nominated.attachments.get().pk,
        "invitee_id": ceremony.invite(award, actor=coordinator, name="Guest").pk}
    from tests.portal.helpers import portal_report

    public_report = portal_report()
    portal = {"portal_report_id": public_report.pk,
              "portal_image_id": public_report.images.get().pk}
    return {"case_id": case.pk, "case_person_id": victim.pk, "referral_id": referral.pk,
            "task_id": task.pk, "document_id": document.pk, "merge_id": merge.pk,
            "user_id": police.pk, "token_id": token.pk, "role_id": 1,
            "participant_id": case.participants.get().pk, "kind": "documents",
            "record_id": 1, "notice_id": notice.pk, "notice_type": notice.colour,
            "entity": f"{notice.issuing_agency.country}-{notice.created_at.year}-{notice.pk}",
            "alert_id": alert.pk, "diffusion_id": diffusion.pk,
            "report_id": report.pk, "partner_id": partner.pk, **library, **messages,
            **governance, **training_awards, **portal, **_portal_pages(coordinator),
            **_insights(coordinator)}


def _portal_pages(author: Any) -> dict[str, int]:
    """An information page with one version, for the page editor's routes."""
    from palermo.portal.services import pages

    page = pages.create_page(actor=author, slug="matrix")
    version = pages.save_draft(page, "en", actor=author, title="Matrix", body="Text.")
    return {"info_page_id": page.pk, "page_version_id": version.pk}


def _insights(coordinator: Any) -> dict[str, int]:
    """A publication of this year's tables, for the published-statistics page."""
    from django.utils import timezone

    from palermo.insights.services import publication
    from palermo.insights.services.periods import Period

    made = publication.publish(actor=coordinator, period=Period.year(timezone.localdate().year),
                               codes=["victims_sex_age"])
    return {"publication_id": made.pk}
