"""Agencies, roles, users and API tokens."""

from __future__ import annotations

import unicodedata
from typing import Any

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from palermo.vocab import registry


def normalise_email(value: str) -> str:
    """The one spelling of an email address that sign-in, lockout and storage all use.

    Without it ``HEALTH@…`` or a full-width ``ｈｅａｌｔｈ@…`` would be a fresh account to the
    lockout while still signing in as ``health@…``. NFKC folds compatibility forms
    (full-width letters, ligatures), casefold is the Unicode case-insensitive comparison, and
    NFKC again because casefolding can leave a string that is not normalised.
    """
    folded = unicodedata.normalize("NFKC", value).casefold()
    return unicodedata.normalize("NFKC", folded).strip()


def _check_code(vocabulary: str, code: str, field: str) -> None:
    if code not in registry.get(vocabulary):
        raise ValidationError({field: _("Unknown code %(code)s.") % {"code": code}})


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32)
    country = models.CharField(_("country"), max_length=3)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        _check_code("agency_kinds", self.kind, "kind")
        _check_code("countries", self.country, "country")


class Role(models.Model):
    """A named set of permissions. Defaults come from vocab/roles.yaml; admins may edit."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    permissions = models.JSONField(_("permissions"), default=list, blank=True)
    # The defaults from vocab/roles.yaml already applied; see services.roles.sync_defaults.
    seeded_permissions = models.JSONField(default=list, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1)
    # Blank: the role signs in with a second factor. An administrator may exempt a role that
    # grants no privileged permission, and must say why (see services.roles).
    mfa_exempt_reason = models.TextField(_("why no second factor"), blank=True, default="")
    mfa_exempt_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("exempted by"),
    )
    mfa_exempt_at = models.DateTimeField(_("exempted on"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        vocabulary = registry.get("permissions")
        unknown = [code for code in self.permissions if code not in vocabulary]
        if unknown:
            raise ValidationError({"permissions": _("Unknown permission %(code)s.")
                                   % {"code": unknown[0]}})
        if self.mfa_exempt and self.privileged_permissions():
            # The Django admin edits permissions too; it must not make an exempt role
            # privileged behind the role page's back.
            raise ValidationError({"permissions": _(
                "%(role)s signs in without a second factor, so it cannot hold a privileged "
                "permission. End its exemption first.") % {"role": self.name}})

    def privileged_permissions(self) -> list[str]:
        vocabulary = registry.get("permissions")
        return [code for code in self.permissions
                if code in vocabulary and vocabulary.get(code).extra.get("privileged")]

    @property
    def mfa_exempt(self) -> bool:
        return bool(self.mfa_exempt_reason.strip())

    @property
    def requires_mfa(self) -> bool:
        """Every role asks for a second factor unless exempted with a reason; a privileged
        permission makes it required whatever the exemption says."""
        return not self.mfa_exempt or bool(self.privileged_permissions())


class UserManager(BaseUserManager["User"]):
    def get_by_natural_key(self, username: str | None) -> User:
        # Stored emails are normalised on save (and by migration 0004), so an exact match on
        # the unique column is case-insensitive without LIKE and cannot find two accounts.
        return self.get(email=normalise_email(username or ""))

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(email=normalise_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser):
    """A person who signs in. Belongs to one agency and holds roles."""

    email = models.EmailField(_("email"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="users", verbose_name=_("agency")
    )
    roles = models.ManyToManyField(Role, blank=True, related_name="users", verbose_name=_("roles"))
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("may use the Django admin"), default=False)
    is_superuser = models.BooleanField(default=False)
    language = models.CharField(_("language"), max_length=8, default="en")
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    created_at = models.DateTimeField(default=timezone.now)
    disabled_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def held_roles(self) -> list[Role]:
        """The user's roles, read once per request (a prefetch is used when there is one,
        as token sign-in makes)."""
        cached: list[Role] | None = getattr(self, "_held_roles", None)
        if cached is None:
            cached = list(self.roles.all())
            self._held_roles = cached
        return cached

    def palermo_permissions(self) -> frozenset[str]:
        """The union of the user's roles' permissions, cached for the request."""
        cached: frozenset[str] | None = getattr(self, "_palermo_permissions", None)
        if cached is None:
            codes: set[str] = set()
            for role in self.held_roles():
                codes.update(role.permissions or [])
            cached = frozenset(codes)
            self._palermo_permissions = cached
        return cached

    @property
    def requires_mfa(self) -> bool:
        """A second factor unless every one of the user's roles is exempt. A user without
        roles is no exception: nobody signs in with a password alone by omission."""
        held = self.held_roles()
        return not held or any(role.requires_mfa for role in held)

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        """Asks each authentication backend, as Django's PermissionsMixin does."""
        if not self.is_active:
            return False
        for backend in auth.get_backends():
            try:
                if hasattr(backend, "has_perm") and backend.has_perm(self, perm, obj):
                    return True
            except PermissionDenied:
                return False
        return False

    def has_perms(self, perm_list: Any, obj: Any = None) -> bool:
        return all(self.has_perm(perm, obj) for perm in perm_list)

    def has_module_perms(self, app_label: str) -> bool:
        # The Django admin is for superusers only; everyone else uses Palermo's own pages.
        return self.is_active and self.is_superuser

    def clean(self) -> None:
        self.email = normalise_email(self.email)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Whoever saves (services, factories, the admin), one spelling is stored.
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=16, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
