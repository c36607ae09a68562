"""Import of INTERPOL-format public notices from a file, with the report."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.notices.forms import ImportForm
from palermo.notices.services import interpol


@requires("notices.import")
@require_http_methods(["GET", "POST"])
def notice_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = interpol.import_notices(
                form.cleaned_data["file"].read(), actor=actor(request),
                colour=form.cleaned_data["colour"] or None,
                skip_bad=form.cleaned_data["skip_bad"], request=request)
        except ServiceError as exc:
            form.add_error("file", exc.message)
    return render(request, "notices/import.html", {"form": form, "report": report})
