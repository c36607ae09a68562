"""Persons (one per human being, across cases) and their part in each case."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Person(models.Model):
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    # When only an estimate is known: the age on ``age_estimated_on``.
    estimated_age = models.PositiveSmallIntegerField(_("estimated age"), null=True, blank=True)
    age_estimated_on = models.DateField(null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, blank=True)  # M, F, X or empty (unknown)
    nationalities = models.JSONField(_("nationalities"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    contacts = models.JSONField(_("contacts"), default=list, blank=True)
    created_by_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                          related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="merged_from")
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"person {self.pk}"


class PersonName(models.Model):
    """A name in any script; the first primary name is the one shown."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    full_name = models.CharField(_("name"), max_length=300)
    script = models.CharField(max_length=16, blank=True)
    kind = models.CharField(max_length=16, default="primary")  # primary, alias, transliteration

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["full_name"])]

    def __str__(self) -> str:
        return f"name {self.pk} of person {self.person_id}"


class IdentityDocument(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=32, default="passport")
    number = models.CharField(max_length=64)
    issuing_country = models.CharField(max_length=3)
    expires_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["number", "issuing_country"])]

    def __str__(self) -> str:
        return f"{self.kind} of person {self.person_id}"


class CasePerson(models.Model):
    """A person's part in one case: role, and for victims the HTCDS context."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="persons")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_roles")
    role = models.CharField(_("role"), max_length=32)
    # Shown instead of the name to those who may not see the identity: "Victim 2".
    ordinal = models.PositiveSmallIntegerField(default=1)
    is_child = models.BooleanField(_("child at the time of exploitation"), default=False)
    exploitation_started_on = models.DateField(_("exploitation began"), null=True, blank=True)
    trafficking_status = models.CharField(_("trafficking status"), max_length=32, blank=True)
    status_decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="+")
    status_decided_at = models.DateTimeField(null=True, blank=True)
    recruitment_method = models.CharField(max_length=32, blank=True)
    methods_of_control = models.JSONField(default=list, blank=True)
    relationship_to_trafficker = models.CharField(max_length=32, blank=True)
    exploitation_types = models.JSONField(default=list, blank=True)
    industry = models.CharField(max_length=32, blank=True)
    added_by_agency = models.ForeignKey("access.Agency", on_delete=models.PROTECT,
                                        related_name="+")
    added_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["role", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["case", "person", "role"],
                                    name="case_person_role_once"),
        ]
        # The second holds every column the statistics group persons of a period by, so
        # that GROUP BY reads the index and not the rows (bench/bench_insights.py).
        indexes = [models.Index(fields=["role", "trafficking_status"]),
                   models.Index(fields=["role", "added_at", "trafficking_status", "is_child",
                                        "industry", "exploitation_types", "person"],
                                name="cases_caseperson_statistics")]

    def __str__(self) -> str:
        return f"{self.role} {self.ordinal} in case {self.case_id}"


class PersonMerge(models.Model):
    """Two records found to be one human being: what moved where, so it can be undone."""

    kept = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    merged = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    moved_case_persons = models.JSONField(default=list)
    added_names = models.JSONField(default=list)
    added_documents = models.JSONField(default=list)
    reason = models.TextField()
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    merged_at = models.DateTimeField(default=timezone.now)
    undone_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"person {self.merged_id} merged into {self.kept_id}"
