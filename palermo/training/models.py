"""Training: courses for professionals, their sessions, the trainees who register and attend,
evaluations, certificates, the materials library, and awareness campaigns with their reach."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Course(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    professions = models.JSONField(_("audience professions"), default=list, blank=True)
    # After this many months a trainee is due for a refresher; 0 means never.
    refresher_months = models.PositiveSmallIntegerField(_("refresher after (months)"),
                                                        default=24)
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class TrainingSession(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    place = models.CharField(_("place"), max_length=200)
    trainers = models.CharField(_("trainers"), max_length=400, blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return f"{self.course} ({self.starts_on})"


class Trainee(models.Model):
    """A person trained: personal data, so every read of it is audited."""

    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"), unique=True)
    profession = models.CharField(_("profession"), max_length=40)
    agency = models.ForeignKey("access.Agency", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    organisation = models.CharField(_("organisation, when not an agency here"),
                                    max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return f"trainee {self.pk}"


class Registration(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.PROTECT,
                                related_name="registrations")
    trainee = models.ForeignKey(Trainee, on_delete=models.PROTECT, related_name="registrations")
    registered_at = models.DateTimeField(default=timezone.now)
    attended = models.BooleanField(null=True)  # None until the trainer marks it
    # A long random code: the public check must not let anyone walk through certificates.
    certificate_code = models.CharField(max_length=64, null=True, blank=True, unique=True)
    certificate_issued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["trainee__full_name"]
        constraints = [models.UniqueConstraint(fields=["session", "trainee"],
                                               name="training_registration_once")]

    def __str__(self) -> str:
        return f"registration {self.pk}"


class Evaluation(models.Model):
    """One trainee's answers to the questionnaire, kept without their name."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE,
                                related_name="evaluations")
    answers = models.JSONField(default=dict)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"evaluation {self.pk}"


class Campaign(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    audiences = models.JSONField(_("audiences"), default=list, blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Reach(models.Model):
    """A reach figure of a campaign on one channel (people reached, copies, visits, calls)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reach")
    channel = models.CharField(_("channel"), max_length=40)
    figure = models.PositiveIntegerField(_("figure"))
    measured_on = models.DateField(_("measured on"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["measured_on", "pk"]

    def __str__(self) -> str:
        return f"reach {self.pk}"


class Material(models.Model):
    """A file in the materials library (stored under the data directory, checked by its
    content) or a link to a guide of the knowledge library; used by a course or a campaign."""

    title = models.CharField(_("title"), max_length=200)
    course = models.ForeignKey(Course, null=True, blank=True, on_delete=models.CASCADE,
                               related_name="materials")
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="materials")
    name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    stored_as = models.CharField(max_length=200, blank=True)
    library_guide_id = models.BigIntegerField(null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title
