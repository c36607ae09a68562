"""Courses for the professions that meet victims, and their sessions: dates, place, trainers
and capacity."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit
from palermo.core.checks import codes, require, text
from palermo.core.versioned import save_versioned
from palermo.training.models import Course, TrainingSession

if TYPE_CHECKING:
    from palermo.access.models import User

MAX_REFRESHER_MONTHS = 120


def courses(user: User) -> QuerySet[Course]:
    require(user, "training.view")
    return Course.objects.annotate(session_count=Count("sessions"))


def sessions(user: User) -> QuerySet[TrainingSession]:
    require(user, "training.view")
    return TrainingSession.objects.select_related("course").annotate(
        registered=Count("registrations", distinct=True),
        attended_count=Count("registrations", filter=Q(registrations__attended=True),
                             distinct=True))


def sessions_with_agency(user: User, agency_id: int) -> QuerySet[TrainingSession]:
    """Sessions someone of the agency attended (counts only: no trainee is named)."""
    return sessions(user).filter(registrations__trainee__agency_id=agency_id,
                                 registrations__attended=True).distinct()


def _course_fields(title: str, description: str, professions: list[str],
                   refresher_months: int | None) -> dict[str, object]:
    if refresher_months is None or not 0 <= refresher_months <= MAX_REFRESHER_MONTHS:
        raise ServiceError(_("Give the refresher period in months, from 0 (never) to "
                             "%(n)d.") % {"n": MAX_REFRESHER_MONTHS}, field="refresher_months")
    return {"title": text(title, "title", required=True, limit=200),
            "description": text(description, "description", limit=5000),
            "professions": codes(professions, "professions", "professions", required=True),
            "refresher_months": refresher_months}


def create_course(*, actor: User, title: str, professions: list[str],
                  refresher_months: int | None = 24, description: str = "",
                  request: HttpRequest | None = None) -> Course:
    require(actor, "training.manage")
    fields = _course_fields(title, description, professions, refresher_months)
    with transaction.atomic():
        course = Course.objects.create(created_by=actor, **fields)
        audit.record("course.create", actor=actor, request=request, object_type="course",
                     object_id=course.pk, detail={"title": course.title,
                                                  "professions": course.professions})
    return course


def update_course(course: Course, *, actor: User, version: int, title: str,
                  professions: list[str], refresher_months: int | None = 24,
                  description: str = "", request: HttpRequest | None = None) -> Course:
    require(actor, "training.manage")
    fields = _course_fields(title, description, professions, refresher_months)
    return save_versioned(
        course, version, fields, actor=actor, request=request, action="course.update",
        stale=_("Someone else changed this course meanwhile. Reload the page."))


def create_session(course: Course, *, actor: User, starts_on: dt.date | None,
                   ends_on: dt.date | None, place: str, capacity: int | None,
                   trainers: str = "", request: HttpRequest | None = None) -> TrainingSession:
    require(actor, "training.manage")
    if starts_on is None:
        raise ServiceError(_("Give the first day."), field="starts_on")
    ends_on = ends_on or starts_on
    if ends_on < starts_on:
        raise ServiceError(_("The last day is before the first."), field="ends_on")
    if not capacity or capacity < 1:
        raise ServiceError(_("Give how many trainees the session takes (at least 1)."),
                           field="capacity")
    with transaction.atomic():
        session = TrainingSession.objects.create(
            course=course, starts_on=starts_on, ends_on=ends_on,
            place=text(place, "place", required=True, limit=200),
            trainers=text(trainers, "trainers", limit=400),
            capacity=capacity, created_by=actor)
        audit.record("training_session.create", actor=actor, request=request,
                     object_type="training_session", object_id=session.pk,
                     detail={"course": course.pk, "starts_on": str(starts_on)})
    return session
