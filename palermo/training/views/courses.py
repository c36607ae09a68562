"""Courses: the list with coming sessions, a course with its sessions and materials,
creating and changing a course, and adding a session."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.training.forms import CourseForm, SessionForm
from palermo.training.services import courses
from palermo.web.forms import query_int, show


@requires("training.view")
def home(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    today = timezone.localdate()
    return render(request, "training/home.html", {
        "courses": list(courses.courses(user)),
        "upcoming": list(courses.sessions(user).filter(ends_on__gte=today)
                         .order_by("starts_on")[:50]),
        "past": list(courses.sessions(user).filter(ends_on__lt=today)[:20])})


@requires("training.manage")
@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = courses.create_course(actor=actor(request), request=request,
                                           **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Course created. Add its first session."))
            return redirect("training:course", course_id=course.pk)
    return render(request, "training/form.html", {"form": form, "title": _("New course")})


@requires("training.manage")
@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, course_id: int) -> HttpResponse:
    user = actor(request)
    course = get_object_or_404(courses.courses(user), pk=course_id)
    form = CourseForm(request.POST or None, initial={
        "title": course.title, "description": course.description,
        "professions": course.professions, "refresher_months": course.refresher_months})
    version = query_int(request, "version", course.version, source=request.POST)
    if request.method == "POST" and form.is_valid():
        try:
            courses.update_course(course, actor=user, version=version, request=request,
                                  **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("training:course", course_id=course.pk)
    return render(request, "training/form.html", {"form": form, "version": course.version,
                                                  "title": _("Change the course")})


@requires("training.view")
def course_detail(request: HttpRequest, course_id: int) -> HttpResponse:
    user = actor(request)
    course = get_object_or_404(courses.courses(user), pk=course_id)
    return render(request, "training/course.html", {
        "course": course, "sessions": list(courses.sessions(user).filter(course=course)),
        "materials": list(course.materials.all())})


@requires("training.manage")
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, course_id: int) -> HttpResponse:
    user = actor(request)
    course = get_object_or_404(courses.courses(user), pk=course_id)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = courses.create_session(course, actor=user, request=request,
                                             **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Session added. Register the trainees."))
            return redirect("training:session", session_id=session.pk)
    return render(request, "training/form.html", {
        "form": form, "title": _("New session of %(course)s") % {"course": course.title}})
