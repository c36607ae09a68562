"""A user's own page: account, second factor and API tokens."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from palermo.access.forms import TokenForm
from palermo.access.services import mfa, tokens
from palermo.access.services.errors import ServiceError
from palermo.guards import actor, requires


@requires("access.view_own_profile")
def profile(request: HttpRequest) -> HttpResponse:
    user = actor(request)
    return render(request, "access/profile.html", {
        "profile_user": user,
        "has_device": mfa.has_device(user),
        "tokens": tokens.owned_by(user) if user.has_perm("access.use_api") else None,
        "token_form": TokenForm(),
    })


@requires("access.use_api")
@require_http_methods(["POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The token needs a name."))
        return redirect("access:profile")
    expires_on = form.cleaned_data.get("expires_on")
    expires_at = (
        dt.datetime.combine(expires_on, dt.time.max, tzinfo=timezone.get_current_timezone())
        if expires_on else None
    )
    try:
        token, raw = tokens.create(actor(request), form.cleaned_data["name"],
                                   actor=actor(request), request=request, expires_at=expires_at)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("access:profile")
    # The secret is shown on this one response and never again.
    return render(request, "access/token_created.html", {"token": token, "raw": raw})


@requires("access.use_api")
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = tokens.owned_by(actor(request)).filter(pk=token_id).first()
    if token is None:
        raise Http404
    tokens.revoke(token, actor=actor(request), request=request)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("access:profile")
