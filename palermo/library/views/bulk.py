"""Importing decisions from a CSV of metadata with the files it names."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.library.forms import ImportForm
from palermo.library.services import bulk


@requires("library.edit")
@require_http_methods(["GET", "POST"])
def import_csv(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        uploads: dict[str, Any] = {f.name: f for f in form.cleaned_data["documents"]}
        try:
            rows = bulk.read_csv(form.cleaned_data["csv"].read())
        except ServiceError as exc:
            form.add_error("csv", exc.message)
        else:
            report = bulk.import_sources(bulk.csv_sources(rows, uploads.get),
                                         actor=actor(request), request=request)
    return render(request, "library/import.html", {"form": form, "report": report})
