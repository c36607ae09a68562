"""Editing with review: proposing a change, the changes waiting for review with a diff of
their fields, approving or sending back, and a record's versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.library import services
from palermo.library.forms import ReviewForm, edit_form, initial_from
from palermo.library.indexing import KINDS
from palermo.library.models import ChangeState, ProposedChange
from palermo.library.services import review
from palermo.web.forms import query_int, show


def _record(request: HttpRequest, kind: str, record_id: int) -> Any:
    if kind not in KINDS:
        raise Http404
    try:
        return services.read(kind, record_id, actor=actor(request), request=request)
    except KINDS[kind].DoesNotExist:
        raise Http404 from None


@requires("library.edit")
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    record = _record(request, kind, record_id)
    if request.method == "POST":
        form = edit_form(kind, request.POST)
        if form.is_valid():
            try:
                change = review.propose(
                    kind, record, actor=actor(request), request=request,
                    version=query_int(request, "version", 0, source=request.POST),
                    note=form.cleaned_data.get("note", ""), fields=form.record_fields())
            except ServiceError as exc:
                show(form, exc)
            else:
                messages.success(request, _("Your change waits for a second editor's review."))
                return redirect("library:change", change_id=change.pk)
    else:
        form = edit_form(kind, initial=initial_from(record, services.FIELDS[kind]))
    return render(request, "library/propose.html", {
        "form": form, "kind": kind, "record": record,
        "waiting": review.of_record(actor(request), kind, record.pk).filter(
            state=ChangeState.PENDING).count()})


@requires("library.edit")
def changes(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    return render(request, "library/changes.html", {
        "pending": list(review.pending(user)), "recent": review.recent(user)})


@requires("library.edit")
@require_http_methods(["GET", "POST"])
def change(request: HttpRequest, change_id: int) -> HttpResponse:
    user = actor(request)
    try:
        found = review.get(user, change_id)
    except ProposedChange.DoesNotExist:
        raise Http404 from None
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if request.POST.get("action") == "approve":
                review.approve(found.pk, actor=user, request=request)
                messages.success(request, _("The change is published."))
            else:
                review.send_back(found.pk, actor=user, request=request,
                                 reason=form.cleaned_data["reason"])
                messages.success(request, _("The change was sent back to its author."))
        except ServiceError as exc:
            form.add_error("reason" if exc.field == "reason" else None, exc.message)
        else:
            return redirect("library:changes")
    record = KINDS[found.kind].objects.filter(pk=found.record_id).first()
    return render(request, "library/change.html", {
        "change": found, "record": record, "differences": review.diff(found), "form": form,
        "own": found.proposed_by_id == user.pk})


@requires("library.view")
def versions(request: HttpRequest, kind: str, record_id: int) -> HttpResponse:
    record = _record(request, kind, record_id)
    return render(request, "library/versions.html", {
        "record": record, "kind": kind,
        "versions": review.versions(actor(request), kind, record.pk)})
