"""One session: its roster (an audited read of each trainee), registering, marking
attendance, issuing certificates, the evaluations; and one trainee's history."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.training.forms import EvaluationForm, RegistrationForm
from palermo.training.models import Registration, TrainingSession
from palermo.training.services import certificates, courses, evaluations, trainees
from palermo.web.forms import query_int, show


def _session(request: HttpRequest, session_id: int) -> TrainingSession:
    return get_object_or_404(courses.sessions(actor(request)), pk=session_id)


@requires("training.view")
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    user = actor(request)
    session = _session(request, session_id)
    answered, results = evaluations.results(session)
    return render(request, "training/session.html", {
        "session": session, "registrations": trainees.roster(session, actor=user,
                                                             request=request),
        "answered": answered, "results": results})


@requires("training.manage")
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = trainees.register(session, actor=actor(request), request=request,
                                             **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("%(name)s is registered.")
                             % {"name": registration.trainee.full_name})
            return redirect("training:session", session_id=session.pk)
    return render(request, "training/form.html", {
        "form": form, "title": _("Register a trainee for %(course)s, %(day)s")
        % {"course": session.course.title, "day": session.starts_on.isoformat()}})


DONE = {"present": gettext_lazy("Attendance recorded."),
        "absent": gettext_lazy("Absence recorded."),
        "certificate": gettext_lazy("Certificate issued."),
        "cancel": gettext_lazy("Registration cancelled.")}


@requires("training.manage")
@require_POST
def session_step(request: HttpRequest, session_id: int) -> HttpResponse:
    user = actor(request)
    session = _session(request, session_id)
    step = request.POST.get("step", "")
    registration = get_object_or_404(
        Registration, session=session,
        pk=query_int(request, "registration", 0, source=request.POST))
    try:
        if step in ("present", "absent"):
            trainees.mark_attendance(registration, step == "present", actor=user,
                                     request=request)
        elif step == "certificate":
            certificates.issue(registration, actor=user, request=request)
        elif step == "cancel":
            trainees.cancel(registration, actor=user, request=request)
        else:
            raise ServiceError(_("Unknown step."), field="step")
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, str(DONE[step]))
    return redirect("training:session", session_id=session.pk)


@requires("training.manage")
@require_http_methods(["GET", "POST"])
def evaluation(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            evaluations.record(session, form.cleaned_data, actor=actor(request),
                               request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Questionnaire recorded. Enter the next one or go "
                                        "back to the session."))
            return redirect("training:evaluation", session_id=session.pk)
    return render(request, "training/form.html", {
        "form": form, "back": session,
        "title": _("Questionnaire for %(course)s, %(day)s")
        % {"course": session.course.title, "day": session.starts_on.isoformat()}})


@requires("training.manage")
def certificate(request: HttpRequest, registration_id: int) -> HttpResponse:
    registration = get_object_or_404(
        Registration.objects.select_related("trainee", "session__course"), pk=registration_id)
    try:
        content = certificates.pdf(registration, actor=actor(request), request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("training:session", session_id=registration.session_id)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (f'attachment; filename="certificate-'
                                       f'{registration.pk}.pdf"')
    return response


@requires("training.view")
def trainee_detail(request: HttpRequest, trainee_id: int) -> HttpResponse:
    user = actor(request)
    trainee = trainees.read(get_object_or_404(trainees.trainees(user), pk=trainee_id),
                            actor=user, request=request)
    return render(request, "training/trainee.html", {
        "trainee": trainee, "history": list(trainees.history(trainee))})
