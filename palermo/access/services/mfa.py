"""The second factor: TOTP devices from django-otp."""

from __future__ import annotations

import datetime as dt
import math

import segno
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from palermo.access.models import User
from palermo.access.services.errors import ServiceError
from palermo.audit import services as audit

# django-otp makes a user wait 1 s after the first wrong code, 2 s after the second, and so
# on, and refuses every code meanwhile: a right code typed straight after a slip was called
# wrong. A slip is common (a digit mistyped, the code turning over while typed), so the
# first mistakes cost nothing; after them the wait doubles with each further mistake, which
# keeps guessing the 1-in-a-million code hopeless.
FREE_MISTAKES = 3


def has_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_second_factor(user: User) -> bool:
    """Privileged roles must use one; anyone who set one up uses it too."""
    return user.requires_mfa or has_device(user)


def pending_device(user: User) -> TOTPDevice:
    """The device being set up (unconfirmed), made on first call."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code, for an authenticator app to scan."""
    return str(segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#111"))


def secret_base32(device: TOTPDevice) -> str:
    import base64

    return base64.b32encode(device.bin_key).decode("ascii").rstrip("=")


def wait(device: TOTPDevice) -> dt.timedelta:
    """The pause a device's run of wrong codes imposes, counted from the last of them."""
    beyond = device.throttling_failure_count - FREE_MISTAKES
    if beyond <= 0:
        return dt.timedelta(0)
    return dt.timedelta(seconds=device.get_throttle_factor() * 2 ** (beyond - 1))


def _check(device: TOTPDevice, code: str) -> bool:
    """The code against the device under Palermo's throttle (see FREE_MISTAKES); raises
    ServiceError, without counting an attempt, while the user must wait."""
    last = device.throttling_failure_timestamp
    if last is not None:
        left = (last + wait(device) - timezone.now()).total_seconds()
        if left > 0:
            seconds = math.ceil(left)
            raise ServiceError(ngettext(
                "Too many wrong codes in a row. Wait %(n)d second, then enter the code "
                "your app shows.",
                "Too many wrong codes in a row. Wait %(n)d seconds, then enter the code "
                "your app shows.", seconds) % {"n": seconds}, field="code")
        # django-otp's own throttle would refuse this attempt; ours has allowed it. The
        # failure count stays, so the next mistake still lengthens the wait.
        device.throttling_failure_timestamp = None
    return bool(device.verify_token(code.strip()))


def confirm(request: HttpRequest, user: User, code: str) -> bool:
    """Confirms the device being set up; False for a wrong code, ServiceError while the
    user must wait after a run of wrong codes."""
    device = pending_device(user)
    if not _check(device, code):
        audit.record("mfa.enrol", actor=user, request=request, outcome="failure",
                     object_type="user", object_id=user.pk)
        return False
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record("mfa.enrol", actor=user, request=request, object_type="user",
                     object_id=user.pk)
    otp_login(request, device)
    return True


def verify(request: HttpRequest, user: User, code: str) -> bool:
    """Signs the second factor in; False for a wrong code, ServiceError while the user must
    wait after a run of wrong codes."""
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        try:
            right = _check(device, code)
        except ServiceError:
            audit.record("mfa.verify", actor=user, request=request, outcome="denied",
                         object_type="user", object_id=user.pk, detail={"waiting": True})
            raise
        if right:
            otp_login(request, device)
            audit.record("mfa.verify", actor=user, request=request, object_type="user",
                         object_id=user.pk)
            return True
    audit.record("mfa.verify", actor=user, request=request, outcome="failure",
                 object_type="user", object_id=user.pk)
    return False


def reset(user: User, *, actor: User, request: HttpRequest | None = None) -> int:
    """Remove the user's devices; they set one up again at their next sign-in."""
    with transaction.atomic():
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        audit.record("mfa.reset", actor=actor, request=request, object_type="user",
                     object_id=user.pk, detail={"devices_removed": removed})
    return removed
