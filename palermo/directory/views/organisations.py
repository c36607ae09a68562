"""The directory list with search, filters and CSV export; one organisation with its
contacts, agreements, exchange keys and what we have done with it; its vCard."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from palermo.directory.forms import OrganisationForm
from palermo.directory.services import activity, agreements, exports, organisations
from palermo.guards import actor, requires
from palermo.web.forms import query_int, save


def _filters(request: HttpRequest) -> dict[str, Any]:
    return {name: request.GET.get(name, "").strip()[:64]
            for name in ("q", "kind", "country", "service", "exploitation_type")}


@requires("directory.view")
def organisation_list(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    found = organisations.search(actor(request), **filters)
    return render(request, "directory/list.html", {
        "organisations": list(found[:300]), "filters": filters,
        "expiring": list(agreements.expiring(actor(request))[:10])})


@requires("directory.view")
def export_csv(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    user = actor(request)
    found = organisations.search(user, **filters).prefetch_related("agreements", "contacts")
    body = exports.csv_text(found, actor=user, request=request,
                            filters={k: v for k, v in filters.items() if v})
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="partners.csv"'
    return response


@requires("directory.edit")
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    done = save(request, form, lambda **f: organisations.create(
        actor=actor(request), request=request, **f), _("Organisation added."),
        lambda o: ("directory:detail", {"organisation_id": o.pk}))
    return done or render(request, "directory/form.html", {"form": form})


@requires("directory.edit")
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = actor(request)
    organisation = get_object_or_404(organisations.visible(user), pk=organisation_id)
    initial = {name: getattr(organisation, name) for name in organisations.FIELDS}
    initial["exchange_key_ids"] = "\n".join(organisation.exchange_key_ids)
    form = OrganisationForm(request.POST or None, initial=initial)
    version = query_int(request, "version", organisation.version, source=request.POST)
    done = save(request, form, lambda **f: organisations.update(
        organisation, actor=user, version=version, request=request, **f),
        _("Changes saved."), lambda o: ("directory:detail", {"organisation_id": o.pk}))
    return done or render(request, "directory/form.html",
                          {"form": form, "organisation": organisation})


@requires("directory.view")
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = actor(request)
    organisation = get_object_or_404(organisations.visible(user), pk=organisation_id)
    return render(request, "directory/detail.html", {
        "organisation": organisation,
        "contacts": organisations.contacts_of(organisation, actor=user, request=request),
        "agreements": list(organisation.agreements.all()),
        "renewal_due": {a.pk for a in agreements.expiring(user).filter(
            organisation=organisation)},
        "keys": activity.exchange_keys(organisation, user),
        "sections": activity.sections(organisation, user)})


@requires("directory.view")
def organisation_vcard(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = actor(request)
    organisation = get_object_or_404(organisations.visible(user), pk=organisation_id)
    response = HttpResponse(exports.vcard(organisation, actor=user, request=request),
                            content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="organisation-{organisation.pk}.vcf"'
    return response
