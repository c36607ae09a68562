"""Administrators' pages: users, agencies and roles."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.forms import (
    AgencyForm,
    MfaExemptionForm,
    ReasonForm,
    RolePermissionsForm,
    UserForm,
)
from palermo.access.models import Role
from palermo.access.services import agencies, mfa, roles, tokens, users
from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires
from palermo.vocab import registry
from palermo.web.forms import show


@requires("access.manage_users")
def user_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    listing = users.listing()
    if query:
        listing = listing.filter(email__icontains=query) | listing.filter(
            full_name__icontains=query)
    return render(request, "access/user_list.html", {"users": listing, "q": query})


@requires("access.manage_users")
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    form = UserForm(request.POST or None,
                    initial={"language": "he", "time_zone": "Asia/Jerusalem"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = users.create(
                actor=actor(request), email=data["email"], full_name=data["full_name"],
                agency=data["agency"], roles=list(data["roles"]),
                password=data["password"] or None, request=request,
            )
            users.update(user, actor=actor(request), version=user.version, request=request,
                         language=data["language"], time_zone=data["time_zone"])
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("%(email)s can now sign in.") % {"email": user.email})
            return redirect("access:user_edit", user_id=user.pk)
    return render(request, "access/user_form.html", {"form": form, "creating": True})


@requires("access.manage_users")
@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(users.listing(), pk=user_id)
    initial = {
        "email": user.email, "full_name": user.full_name, "agency": user.agency,
        "roles": list(user.roles.all()), "language": user.language,
        "time_zone": user.time_zone, "version": user.version,
    }
    form = UserForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            users.update(
                user, actor=actor(request), version=data["version"] or 0, request=request,
                full_name=data["full_name"], agency=data["agency"], roles=list(data["roles"]),
                language=data["language"], time_zone=data["time_zone"],
            )
            if data["password"]:
                users.set_password(user, data["password"], actor=actor(request),
                                   request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("access:user_edit", user_id=user.pk)
    return render(request, "access/user_form.html", {
        "form": form, "subject": user, "has_device": mfa.has_device(user),
        "reason_form": ReasonForm(), "tokens": tokens.owned_by(user),
    })


@requires("access.manage_users")
@require_POST
def user_token_revoke(request: HttpRequest, user_id: int, token_id: int) -> HttpResponse:
    owner = get_object_or_404(users.listing(), pk=user_id)
    token = get_object_or_404(tokens.owned_by(owner), pk=token_id)
    tokens.revoke(token, actor=actor(request), request=request)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("access:user_edit", user_id=user_id)


@requires("access.manage_users")
@require_POST
def user_disable(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(users.listing(), pk=user_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the account is disabled."))
        return redirect("access:user_edit", user_id=user.pk)
    try:
        users.disable(user, actor=actor(request), reason=form.cleaned_data["reason"],
                      request=request)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(email)s is disabled and signed out everywhere.")
                         % {"email": user.email})
    return redirect("access:user_edit", user_id=user.pk)


@requires("access.manage_users")
@require_POST
def user_enable(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(users.listing(), pk=user_id)
    users.enable(user, actor=actor(request), request=request)
    messages.success(request, _("%(email)s is enabled.") % {"email": user.email})
    return redirect("access:user_edit", user_id=user.pk)


@requires("access.manage_users")
@require_POST
def user_mfa_reset(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(users.listing(), pk=user_id)
    mfa.reset(user, actor=actor(request), request=request)
    messages.success(request, _("%(email)s will set up a new authenticator app at the next "
                                "sign-in.") % {"email": user.email})
    return redirect("access:user_edit", user_id=user.pk)


@requires("access.manage_agencies")
@require_http_methods(["GET", "POST"])
def agency_list(request: HttpRequest) -> HttpResponse:
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency = agencies.create(actor=actor(request), request=request, **form.cleaned_data)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": agency.name})
            return redirect("access:agency_list")
    language = get_language() or "en"
    rows = [
        (agency, registry.label("agency_kinds", agency.kind, language),
         registry.label("countries", agency.country, language))
        for agency in agencies.listing()
    ]
    return render(request, "access/agency_list.html", {"rows": rows, "form": form})


@requires("access.manage_roles")
def role_list(request: HttpRequest) -> HttpResponse:
    language = get_language() or "en"
    rows = [(role, roles.label(role, language)) for role in roles.listing()]
    return render(request, "access/role_list.html", {"rows": rows})


@requires("access.manage_roles")
@require_http_methods(["GET", "POST"])
def role_edit(request: HttpRequest, role_id: int) -> HttpResponse:
    role = get_object_or_404(roles.listing(), pk=role_id)
    form = RolePermissionsForm(
        request.POST or None,
        initial={"permissions": role.permissions, "version": role.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            roles.set_permissions(role, form.cleaned_data["permissions"], actor=actor(request),
                                  version=form.cleaned_data["version"], request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("access:role_list")
    return _role_page(request, role, form, _exemption_form(role))


@requires("access.manage_roles")
@require_POST
def role_mfa_exemption(request: HttpRequest, role_id: int) -> HttpResponse:
    role = get_object_or_404(roles.listing(), pk=role_id)
    form = MfaExemptionForm(request.POST)
    if form.is_valid():
        try:
            roles.set_mfa_exemption(
                role, exempt=form.cleaned_data["exempt"], reason=form.cleaned_data["reason"],
                actor=actor(request), version=form.cleaned_data["version"], request=request)
        except ServiceError as exc:
            show(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("access:role_edit", role_id=role.pk)
    permissions_form = RolePermissionsForm(
        initial={"permissions": role.permissions, "version": role.version})
    return _role_page(request, role, permissions_form, form)


def _exemption_form(role: Role) -> MfaExemptionForm:
    return MfaExemptionForm(initial={"exempt": not role.mfa_exempt, "version": role.version})


def _role_page(request: HttpRequest, role: Role, form: RolePermissionsForm,
               exemption_form: MfaExemptionForm) -> HttpResponse:
    return render(request, "access/role_form.html", {
        "form": form, "role": role, "role_label": roles.label(role, get_language() or "en"),
        "exemption_form": exemption_form, "privileged": role.privileged_permissions(),
    })


@requires("access.view_security")
def security(request: HttpRequest) -> HttpResponse:
    return render(request, "access/security.html", {
        "rows": roles.mfa_overview(get_language() or "en"),
    })
