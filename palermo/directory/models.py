"""Partner organisations: who they are, what they do, whom to call there, the agreements we
have with them, and which keys of the case-report exchange's trust store are theirs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    kind = models.CharField(_("kind"), max_length=32, db_index=True)  # organisation_kinds
    country = models.CharField(_("country"), max_length=3, blank=True, db_index=True)
    mandate = models.TextField(_("mandate"), blank=True)
    exploitation_types = models.JSONField(_("forms of exploitation"), default=list, blank=True)
    services = models.JSONField(_("services offered"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"), blank=True)
    # The platform agency this organisation is, when it takes part in Palermo: its referrals,
    # messages and meetings are then shown on the organisation's page.
    agency = models.ForeignKey("access.Agency", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    # Key ids of the exchange's trust store (exchange.Partner.key_id). Kept as ids, not a
    # foreign key, so that directory never reaches into exchange's tables.
    exchange_key_ids = models.JSONField(_("exchange key ids"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    """A person at a partner organisation: personal data, so each page showing one is an
    audited read."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    languages = models.CharField(_("languages"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation_id})"


class Agreement(models.Model):
    class Kind(models.TextChoices):
        MOU = "mou", _("memorandum of understanding")
        AGREEMENT = "agreement", _("agreement")
        PROTOCOL = "protocol", _("protocol")
        LETTER = "letter", _("exchange of letters")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="agreements")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.MOU)
    title = models.CharField(_("title"), max_length=300)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    starts_on = models.DateField(_("in force from"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True, db_index=True)
    renewal_note = models.TextField(_("renewal"), blank=True,
                                    help_text=_("How it is renewed and who does it."))
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["ends_on", "title"]

    def __str__(self) -> str:
        return self.title
