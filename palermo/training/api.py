"""Courses, sessions, registrations, coverage and campaigns under /api/v1/training/: the same
services, so the same rules, as the pages."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.access.permissions import Permission
from palermo.core.api import acting_user
from palermo.training import schemas
from palermo.training.models import Registration, TrainingSession
from palermo.training.services import campaigns, certificates, courses, coverage, trainees

router = Router(tags=["training"])


@router.get("/courses", response=list[schemas.CourseOut], auth=Permission("training.view"))
def course_list(request: HttpRequest) -> list[Any]:
    return list(courses.courses(acting_user(request)))


@router.post("/courses", response={201: schemas.CourseOut},
             auth=Permission("training.manage"))
def course_create(request: HttpRequest, payload: schemas.CourseIn) -> Status[Any]:
    return Status(201, courses.create_course(actor=acting_user(request),
                                             request=request, **payload.dict()))


def _session_out(session: TrainingSession) -> dict[str, Any]:
    return {"id": session.pk, "course_id": session.course_id,
            "starts_on": session.starts_on, "ends_on": session.ends_on,
            "place": session.place, "capacity": session.capacity,
            "trainers": session.trainers, "registered": session.registrations.count()}


@router.get("/courses/{course_id}/sessions", response=list[schemas.SessionOut],
            auth=Permission("training.view"))
def session_list(request: HttpRequest, course_id: int) -> list[dict[str, Any]]:
    found = courses.sessions(acting_user(request)).filter(course_id=course_id)
    return [_session_out(s) for s in found[:500]]


@router.post("/courses/{course_id}/sessions", response={201: schemas.SessionOut},
             auth=Permission("training.manage"))
def session_create(request: HttpRequest, course_id: int, payload: schemas.SessionIn
                   ) -> Status[dict[str, Any]]:
    course = get_object_or_404(courses.courses(acting_user(request)), pk=course_id)
    session = courses.create_session(course, actor=acting_user(request),
                                     request=request, **payload.dict())
    return Status(201, _session_out(session))


def _registration_out(registration: Registration) -> dict[str, Any]:
    trainee = registration.trainee
    return {"id": registration.pk, "session_id": registration.session_id,
            "trainee_id": trainee.pk, "full_name": trainee.full_name, "email": trainee.email,
            "profession": trainee.profession,
            "agency": trainee.agency.name if trainee.agency else None,
            "attended": registration.attended,
            "certificate_code": registration.certificate_code}


@router.get("/sessions/{session_id}/registrations", response=list[schemas.RegistrationOut],
            auth=Permission("training.view"))
def registration_list(request: HttpRequest, session_id: int) -> list[dict[str, Any]]:
    session = get_object_or_404(courses.sessions(acting_user(request)), pk=session_id)
    return [_registration_out(r) for r in trainees.roster(
        session, actor=acting_user(request), request=request)]


@router.post("/sessions/{session_id}/registrations", response={201: schemas.RegistrationOut},
             auth=Permission("training.manage"))
def registration_create(request: HttpRequest, session_id: int,
                        payload: schemas.RegistrationIn) -> Status[dict[str, Any]]:
    session = get_object_or_404(courses.sessions(acting_user(request)), pk=session_id)
    registration = trainees.register(session, actor=acting_user(request),
                                     request=request, **payload.dict())
    return Status(201, _registration_out(registration))


def _registration(registration_id: int) -> Registration:
    return get_object_or_404(Registration.objects.select_related("trainee__agency", "session"),
                             pk=registration_id)


@router.post("/registrations/{registration_id}/attendance",
             response=schemas.RegistrationOut, auth=Permission("training.manage"))
def attendance(request: HttpRequest, registration_id: int, payload: schemas.AttendanceIn
               ) -> dict[str, Any]:
    return _registration_out(trainees.mark_attendance(
        _registration(registration_id), payload.attended,
        actor=acting_user(request), request=request))


@router.post("/registrations/{registration_id}/certificate",
             response=schemas.RegistrationOut, auth=Permission("training.manage"))
def certificate(request: HttpRequest, registration_id: int) -> dict[str, Any]:
    return _registration_out(certificates.issue(
        _registration(registration_id), actor=acting_user(request),
        request=request))


@router.get("/coverage", response=list[schemas.CoverageOut], auth=Permission("training.view"))
def coverage_list(request: HttpRequest, course_id: int | None = None,
                  agency_id: int | None = None, profession: str = "") -> list[dict[str, Any]]:
    rows = coverage.coverage(actor=acting_user(request), course_id=course_id,
                             agency_id=agency_id, profession=profession)
    return [dataclasses.asdict(row) for row in rows]


@router.get("/campaigns", response=list[schemas.CampaignOut], auth=Permission("training.view"))
def campaign_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [{"id": c.pk, "title": c.title, "audiences": c.audiences, "channels": c.channels,
             "starts_on": c.starts_on, "ends_on": c.ends_on,
             "reach": dict(campaigns.reach_by_channel(c))}
            for c in campaigns.campaigns(acting_user(request))[:500]]
