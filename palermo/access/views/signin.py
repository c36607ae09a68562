"""Sign-in, second factor and sign-out."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.forms import CodeForm, SignInForm
from palermo.access.middleware import start_session_clock
from palermo.access.services import mfa
from palermo.access.services.errors import ServiceError
from palermo.guards import public, signed_in
from palermo.web.forms import show
from palermo.web.language import activate_for_response
from palermo.web.safety import safe_next

NEXT = "palermo_next"


def _next_url(request: HttpRequest) -> str:
    return safe_next(request, "/", target=request.session.pop(NEXT, "") or "")


@public
@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponseBase:
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        next_url = request.POST.get("next", "")
        auth_login(request, user)
        start_session_clock(request)
        request.session[NEXT] = next_url
        if mfa.needs_second_factor(user):
            return redirect("access:mfa_verify" if mfa.has_device(user) else "access:mfa_setup")
        response = redirect(_next_url(request))
        return activate_for_response(response, user.language)
    return render(request, "access/login.html", {
        "form": form, "next": request.GET.get("next", ""),
    })


def locked_out(request: HttpRequest, credentials: Any = None, *args: Any,
               **kwargs: Any) -> HttpResponse:
    """What axes shows once an account is locked (AXES_LOCKOUT_CALLABLE)."""
    return render(request, "access/locked_out.html", status=429)


@signed_in
@never_cache
@require_http_methods(["GET", "POST"])
def mfa_verify(request: HttpRequest) -> HttpResponseBase:
    user: Any = request.user
    if user.is_verified():
        return redirect("web:dashboard")
    if not mfa.has_device(user):
        return redirect("access:mfa_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if mfa.verify(request, user, form.cleaned_data["code"]):
                return activate_for_response(redirect(_next_url(request)), user.language)
        except ServiceError as exc:
            show(form, exc)
        else:
            form.add_error("code",
                           _("That code is not right or has expired. Try the current one."))
    return render(request, "access/mfa_verify.html", {"form": form})


@signed_in
@never_cache
@require_http_methods(["GET", "POST"])
def mfa_setup(request: HttpRequest) -> HttpResponseBase:
    user: Any = request.user
    if mfa.has_device(user) and not user.is_verified():
        # Replacing a device needs the old one first, or an administrator's reset.
        return redirect("access:mfa_verify")
    device = mfa.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if mfa.confirm(request, user, form.cleaned_data["code"]):
                messages.success(request, _("Your authenticator app is set up."))
                return activate_for_response(redirect(_next_url(request)), user.language)
        except ServiceError as exc:
            show(form, exc)
        else:
            form.add_error("code", _("That code is not right. Check the time on your phone "
                                     "and enter the current code."))
    return render(request, "access/mfa_setup.html", {
        "form": form, "qr_svg": mfa.qr_svg(device), "secret": mfa.secret_base32(device),
    })


@signed_in
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    messages.info(request, _("You are signed out."))
    return redirect("access:login")
