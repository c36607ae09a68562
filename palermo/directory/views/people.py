"""Contacts and agreements of an organisation: add, change, remove."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.directory.forms import AgreementForm, ContactForm
from palermo.directory.services import agreements, contacts, organisations
from palermo.guards import actor, requires
from palermo.web.forms import query_int, save


def _back(record: object) -> tuple[str, dict[str, int]]:
    return "directory:detail", {"organisation_id": record.organisation_id}  # type: ignore[attr-defined]


@requires("directory.edit")
@require_http_methods(["GET", "POST"])
def contact_add(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = actor(request)
    organisation = get_object_or_404(organisations.visible(user), pk=organisation_id)
    form = ContactForm(request.POST or None)
    done = save(request, form, lambda **f: contacts.add(organisation, actor=user,
                                                        request=request, **f),
                _("Contact added."), _back)
    return done or render(request, "directory/child_form.html", {
        "form": form, "organisation": organisation, "title": _("Add a contact")})


@requires("directory.edit")
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = actor(request)
    contact = get_object_or_404(contacts.listing(user), pk=contact_id)
    form = ContactForm(request.POST or None, initial={
        name: getattr(contact, name) for name in contacts.FIELDS})
    version = query_int(request, "version", contact.version, source=request.POST)
    done = save(request, form, lambda **f: contacts.update(
        contact, actor=user, version=version, request=request, **f), _("Changes saved."), _back)
    return done or render(request, "directory/child_form.html", {
        "form": form, "organisation": contact.organisation, "record": contact,
        "title": _("Change the contact")})


@requires("directory.edit")
@require_POST
def contact_remove(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = actor(request)
    contact = get_object_or_404(contacts.listing(user), pk=contact_id)
    organisation_id = contact.organisation_id
    contacts.remove(contact, actor=user, request=request)
    messages.success(request, _("Contact removed."))
    return redirect("directory:detail", organisation_id=organisation_id)


@requires("directory.edit")
@require_http_methods(["GET", "POST"])
def agreement_add(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = actor(request)
    organisation = get_object_or_404(organisations.visible(user), pk=organisation_id)
    form = AgreementForm(request.POST or None)
    done = save(request, form, lambda **f: agreements.add(organisation, actor=user,
                                                          request=request, **f),
                _("Agreement added."), _back)
    return done or render(request, "directory/child_form.html", {
        "form": form, "organisation": organisation, "title": _("Add an agreement")})


@requires("directory.edit")
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, agreement_id: int) -> HttpResponse:
    user = actor(request)
    agreement = get_object_or_404(agreements.listing(user), pk=agreement_id)
    form = AgreementForm(request.POST or None, initial={
        name: getattr(agreement, name) for name in agreements.FIELDS})
    version = query_int(request, "version", agreement.version, source=request.POST)
    done = save(request, form, lambda **f: agreements.update(
        agreement, actor=user, version=version, request=request, **f), _("Changes saved."),
        _back)
    return done or render(request, "directory/child_form.html", {
        "form": form, "organisation": agreement.organisation, "record": agreement,
        "title": _("Change the agreement")})
