"""Library pages: search with facets, a decision, an opinion, a guide, and adding a record
from an uploaded file."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.library import facets, services
from palermo.library.engine.backend import FACETS, SORTS, SearchRequest
from palermo.library.forms import FORMS
from palermo.library.indexing import KINDS
from palermo.library.services import citations
from palermo.web.forms import query_int, show

PAGE = 20
# The index collects every hit up to the page asked for: a page far out would only cost memory.
MAX_PAGE = 500


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@requires("library.view")
def search(request: HttpRequest) -> HttpResponse:
    params = request.GET
    page = query_int(request, "page", 1, minimum=1, maximum=MAX_PAGE)
    query = SearchRequest(
        text=params.get("q", "").strip(), sort=params.get("sort", "relevance"),
        date_from=_date(params.get("from", "")), date_to=_date(params.get("to", "")),
        filters={name: params.getlist(name) for name in FACETS if params.getlist(name)},
        offset=(page - 1) * PAGE, limit=PAGE)
    if query.sort not in SORTS:
        query.sort = "relevance"
    error = ""
    try:
        result = services.search(actor(request), query, request=request)
    except ServiceError as exc:
        error, result = exc.message, None
    hits = []
    for hit in result.hits if result else []:
        kind, pk = services.hit_target(hit.key)
        hits.append({"hit": hit, "kind": kind,
                     "url": reverse(f"library:{kind}", kwargs={f"{kind}_id": pk})})
    return render(request, "library/search.html", {
        "query": query, "result": result, "hits": hits, "error": error,
        "facets": facets.for_page(result.facets if result else {}, params),
        "active": facets.active_filters(params),
        "sorts": [(s, facets.SORT_LABELS[s]) for s in SORTS],
        "previous": _page_url(params, page - 1) if page > 1 else "",
        "next": _page_url(params, page + 1) if result and result.total > page * PAGE else "",
    })


def _page_url(params: QueryDict, page: int) -> str:
    copy = params.copy()
    copy["page"] = str(page)
    return "?" + copy.urlencode()


def _record(request: HttpRequest, kind: str, record_id: int) -> Any:
    try:
        return services.read(kind, record_id, actor=actor(request), request=request)
    except KINDS[kind].DoesNotExist:
        raise Http404 from None


@requires("library.view")
def decision(request: HttpRequest, decision_id: int) -> HttpResponse:
    record = _record(request, "decision", decision_id)
    user = actor(request)
    return render(request, "library/decision.html", {
        "decision": record, "appeals": list(record.appeals.all()),
        "cites": list(citations.cites(user, record)),
        "cited_by": list(citations.cited_by(user, record)),
        "search": "?" + urlencode({"country": record.country, "kind": "decision"})})


@requires("library.view")
def opinion(request: HttpRequest, opinion_id: int) -> HttpResponse:
    return render(request, "library/opinion.html",
                  {"opinion": _record(request, "opinion", opinion_id)})


@requires("library.view")
def guide(request: HttpRequest, guide_id: int) -> HttpResponse:
    return render(request, "library/guide.html", {"guide": _record(request, "guide", guide_id)})


@requires("library.edit")
@require_http_methods(["GET", "POST"])
def add(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in FORMS:
        raise Http404
    form_class = FORMS[kind]
    upload, upload_error = request.FILES.get("file"), ""
    if request.method == "POST" and upload is not None:
        # First step: read the file and fill the form for the user to check. Nothing saved.
        form = form_class()
        try:
            found = services.read_upload(actor=actor(request), filename=upload.name or "",
                                         data=upload.read(), request=request)
        except ServiceError as exc:
            form, upload_error = form_class(initial=_initial(form, request.POST)), exc.message
        else:
            initial = _initial(form, request.POST)
            initial.update(full_text=found.text, source_file=found.filename)
            read = {"language": found.language, "decision_date": found.prefill.decision_date,
                    "opinion_date": found.prefill.decision_date,
                    "case_number": found.prefill.case_number, "court": found.prefill.court}
            initial.update({k: v for k, v in read.items() if v and not initial.get(k)})
            form = form_class(initial=initial)
            messages.info(request, _("Check the fields read from %(file)s, then save.")
                          % {"file": found.filename})
    elif request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            create = {"decision": services.create_decision, "opinion": services.create_opinion,
                      "guide": services.create_guide}[kind]
            try:
                record = create(actor=actor(request), request=request, **form.record_fields())
            except ServiceError as exc:
                show(form, exc)
            else:
                messages.success(request, _("Saved to the library."))
                return redirect(f"library:{kind}", **{f"{kind}_id": record.pk})
    else:
        form = form_class()
    return render(request, "library/add.html", {"form": form, "kind": kind,
                                                "upload_error": upload_error})


def _initial(form: Any, data: QueryDict) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for name, field in form.fields.items():
        if name == "file" or name not in data:
            continue
        multiple = getattr(field.widget, "allow_multiple_selected", False)
        initial[name] = data.getlist(name) if multiple else data.get(name)
    return initial
