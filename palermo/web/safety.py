"""Where a page may send the browser back to after a post: only somewhere on this site."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

NEXT = "next"


def safe_next(request: HttpRequest, default: str, *, target: str | None = None) -> str:
    """The address in the request's ``next`` (posted, else in the query string), or
    ``target`` when given, if it stays on this site; otherwise ``default`` (an address or a
    URL name). Django's check refuses other hosts, ``//host``, ``javascript:`` and the
    backslash and control-character forms browsers read as another host; over HTTPS a
    plain ``http://`` address of our own host is refused too, so the session cookie never
    travels unencrypted."""
    if target is None:
        target = request.POST.get(NEXT) or request.GET.get(NEXT) or ""
    target = target.strip()
    # A line break would end the Location header (and Django refuses to send it), a tab is
    # dropped by browsers: neither belongs in an address we send back.
    if target and target.isprintable() and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return resolve_url(default)
