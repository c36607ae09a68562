"""Factories for the access capability. Roles come from the vocabulary's defaults."""

from __future__ import annotations

import time
from typing import Any

import factory
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from palermo.access.models import Agency, ApiToken, Role, User
from palermo.access.services import roles as role_services
from palermo.access.services import tokens

PASSWORD = "correct horse battery staple 42"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = "police"
    country = "ISR"


def role(code: str) -> Role:
    role_services.sync_defaults()
    return Role.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    """A user with the roles named in ``roles``; a role that requires a second factor
    (every role unless exempt) brings a TOTP device (trait ``without_device`` leaves it out,
    to test enrolment)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@agency.example")
    full_name = factory.Faker("name")
    agency = factory.SubFactory(AgencyFactory)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.roles.set([role(code) for code in extracted])

    @factory.post_generation
    def device(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and self.requires_mfa and not self._without_device:
            TOTPDevice.objects.create(user=self, name="test", confirmed=True)

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        without_device = kwargs.pop("without_device", False)
        user = super()._create(model_class, *args, **kwargs)
        user._without_device = without_device
        return user


def totp_now(device: TOTPDevice) -> str:
    """The code an authenticator app shows now. django-otp accepts each time step once, so
    when this step's code was already used (the same user signing in twice within 30 s, as
    tests do now that every role asks for a second factor) it is the next step's, which the
    device's tolerance of one step accepts."""
    device.refresh_from_db()
    now = int((time.time() - device.t0) // device.step) + device.drift
    return str(hotp(device.bin_key, max(now, device.last_t + 1),
                    digits=device.digits)).zfill(device.digits)


def api_token(user: User, name: str = "test") -> tuple[ApiToken, str]:
    return tokens.create(user, name, actor=user)
