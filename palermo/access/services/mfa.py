"""The second factor: TOTP devices from django-otp."""

from __future__ import annotations

import segno
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from palermo.access.models import User
from palermo.audit import services as audit


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


def confirm(request: HttpRequest, user: User, code: str) -> bool:
    device = pending_device(user)
    if not device.verify_token(code.strip()):
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
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(code.strip()):
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
