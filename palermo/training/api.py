"""Courses, sessions, registrations, coverage and campaigns under /api/v1/training/: the same
services, so the same rules, as the pages. The answers are the schemas of ``schemas.py``, built
from what the services return."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from palermo.core.api import acting_user
from palermo.guards import Permission
from palermo.training import schemas
from palermo.training.models import Campaign, Registration, TrainingSession
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


@router.get("/courses/{course_id}/sessions", response=list[schemas.SessionOut],
            auth=Permission("training.view"))
def session_list(request: HttpRequest, course_id: int) -> list[TrainingSession]:
    return list(courses.sessions(acting_user(request)).filter(course_id=course_id)[:500])


@router.post("/courses/{course_id}/sessions", response={201: schemas.SessionOut},
             auth=Permission("training.manage"))
def session_create(request: HttpRequest, course_id: int, payload: schemas.SessionIn
                   ) -> Status[TrainingSession]:
    course = get_object_or_404(courses.courses(acting_user(request)), pk=course_id)
    return Status(201, courses.create_session(course, actor=acting_user(request),
                                              request=request, **payload.dict()))


@router.get("/sessions/{session_id}/registrations", response=list[schemas.RegistrationOut],
            auth=Permission("training.view"))
def registration_list(request: HttpRequest, session_id: int) -> list[Registration]:
    session = get_object_or_404(courses.sessions(acting_user(request)), pk=session_id)
    return list(trainees.roster(session, actor=acting_user(request), request=request))


@router.post("/sessions/{session_id}/registrations", response={201: schemas.RegistrationOut},
             auth=Permission("training.manage"))
def registration_create(request: HttpRequest, session_id: int,
                        payload: schemas.RegistrationIn) -> Status[Registration]:
    session = get_object_or_404(courses.sessions(acting_user(request)), pk=session_id)
    return Status(201, trainees.register(session, actor=acting_user(request),
                                         request=request, **payload.dict()))


def _registration(registration_id: int) -> Registration:
    return get_object_or_404(Registration.objects.select_related("trainee__agency", "session"),
                             pk=registration_id)


@router.post("/registrations/{registration_id}/attendance",
             response=schemas.RegistrationOut, auth=Permission("training.manage"))
def attendance(request: HttpRequest, registration_id: int, payload: schemas.AttendanceIn
               ) -> Registration:
    return trainees.mark_attendance(_registration(registration_id), payload.attended,
                                    actor=acting_user(request), request=request)


@router.post("/registrations/{registration_id}/certificate",
             response=schemas.RegistrationOut, auth=Permission("training.manage"))
def certificate(request: HttpRequest, registration_id: int) -> Registration:
    return certificates.issue(_registration(registration_id), actor=acting_user(request),
                              request=request)


@router.get("/coverage", response=list[schemas.CoverageOut], auth=Permission("training.view"))
def coverage_list(request: HttpRequest, course_id: int | None = None,
                  agency_id: int | None = None, profession: str = "") -> list[coverage.CoverageRow]:
    return coverage.coverage(actor=acting_user(request), course_id=course_id,
                             agency_id=agency_id, profession=profession)


@router.get("/campaigns", response=list[schemas.CampaignOut], auth=Permission("training.view"))
def campaign_list(request: HttpRequest) -> list[Campaign]:
    return list(campaigns.campaigns(acting_user(request))[:500])
