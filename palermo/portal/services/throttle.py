"""The portal's rate limit per client, without keeping who the client is.

A client is known only as ``HMAC-SHA256(key, window || address)`` where the key is derived
from ``SECRET_KEY`` and the window number (the current time divided by the window length,
``PALERMO_PORTAL_WINDOW_SECONDS``, one hour by default). The same address gives a different
token in the next window, so tokens cannot be linked across windows nor, once the window is
over, back to an address without the server's secret. Rows of past windows are deleted at
every check; at most two windows' rows exist at any time.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from palermo.audit.services import client_ip
from palermo.portal.models import ClientCount

# How many of each action one client may make in one window.
DEFAULT_LIMITS = {"report": 5, "addition": 10, "lookup": 20, "notice_information": 10}


def window_seconds() -> int:
    return int(getattr(settings, "PALERMO_PORTAL_WINDOW_SECONDS", 3600))


def limit(action: str) -> int:
    limits = {**DEFAULT_LIMITS, **getattr(settings, "PALERMO_PORTAL_LIMITS", {})}
    return int(limits[action])


def _window(now: float | None = None) -> int:
    return int((now if now is not None else time.time()) // window_seconds())


def client_token(request: HttpRequest, window: int) -> str:
    key = hashlib.sha256(f"palermo.portal.throttle:{settings.SECRET_KEY}".encode()).digest()
    address = client_ip(request) or "unknown"
    return hmac.new(key, f"{window}|{address}".encode(), hashlib.sha256).hexdigest()


def allow(request: HttpRequest, action: str, *, now: float | None = None) -> bool:
    """Count one ``action`` for this client; False once the client is over its limit."""
    window = _window(now)
    ClientCount.objects.filter(window__lt=window).delete()
    token = client_token(request, window)
    with transaction.atomic():
        updated = ClientCount.objects.filter(client=token, action=action, window=window,
                                             count__lt=limit(action)).update(count=F("count") + 1)
        if updated:
            return True
        if ClientCount.objects.filter(client=token, action=action, window=window).exists():
            return False
        try:
            with transaction.atomic():
                ClientCount.objects.create(client=token, action=action, window=window, count=1)
        except IntegrityError:
            return allow(request, action, now=now)
    return limit(action) > 0
